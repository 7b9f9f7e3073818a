package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.NinBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A net built by hand whose class depends on one region only: "square" fires where a 3×3 window is
 * brighter than 0.8 on average, "plain" is a constant. For a dark image with a bright square in its
 * top-left corner, occlusion must find the corner and nothing else.
 */
class OcclusionTest {

    private static final Architecture DETECTOR = new Architecture(new InputSpec(1, 12, 12), 2, List.of(
            new NinBlock(2, 3, 1, 0), new GlobalAvgPool()));
    private static final int PLAIN = 0;
    private static final int SQUARE = 1;

    @Test
    void theDropPeaksWhereTheDecidingSquareIs() {
        float[] image = new float[12 * 12];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                image[y * 12 + x] = 1;
            }
        }
        FeatureMapper mapper = FeatureMapper.snapshot(DETECTOR, detector());
        assertThat(mapper.compute(image).predictedClass()).isEqualTo(SQUARE);

        Occlusion.OcclusionMap map = Occlusion.compute(mapper, image, SQUARE, 3, 1, p -> { }, () -> false);

        assertThat(map.patches()).isEqualTo(100);
        assertThat(map.probability()).isGreaterThan(0.8f)
                .as("what the maps say of the same image").isEqualTo(mapper.compute(image).probabilities()[SQUARE]);
        int peak = 0;
        for (int i = 1; i < map.drop().length; i++) {
            peak = map.drop()[i] > map.drop()[peak] ? i : peak;
        }
        assertThat(peak / 12).as("row of the peak").isLessThan(3);
        assertThat(peak % 12).as("column of the peak").isLessThan(3);
        assertThat(map.maxDrop()).isGreaterThan(0.3f);
        for (int y = 6; y < 12; y++) {
            for (int x = 0; x < 12; x++) {
                assertThat(map.drop()[y * 12 + x]).as("far from the square (%d, %d)", y, x).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void patchesCoverEveryPixelUpToTheEdge() {
        assertThat(Occlusion.offsets(28, 4, 2)).hasSize(13).startsWith(0).endsWith(24);
        assertThat(Occlusion.offsets(28, 5, 4)).containsExactly(0, 4, 8, 12, 16, 20, 23);
        assertThat(Occlusion.offsets(8, 20, 3)).containsExactly(0);
    }

    @Test
    void aMapStopsWhenCancelled() {
        FeatureMapper mapper = FeatureMapper.snapshot(DETECTOR, detector());
        List<Double> progress = new ArrayList<>();

        assertThatThrownBy(() -> Occlusion.compute(mapper, new float[144], SQUARE, 3, 1, progress::add, () -> true))
                .isInstanceOf(CancellationException.class);
        assertThat(progress).isEmpty();
    }

    /** The block's three convolutions as separate DL4J layers, their weights set by hand. */
    private static MultiLayerNetwork detector() {
        Backends.initialise();
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkBuilder.configuration(DETECTOR, Hyperparameters.defaults(),
                1, NetworkBuilder.Form.LAYERS));
        net.init();
        // 3×3 convolution: channel 0 = window mean − 0.8, channel 1 = 0 (then ReLU).
        net.getLayer(0).setParam("W", Nd4j.zeros(2, 1, 3, 3).putSlice(0, Nd4j.valueArrayOf(new long[] {1, 3, 3}, 1 / 9f)));
        net.getLayer(0).setParam("b", Nd4j.create(new float[] {-0.8f, 0}, 1, 2));
        // 1×1: pass both channels on.
        net.getLayer(1).setParam("W", Nd4j.eye(2).reshape(2, 2, 1, 1));
        net.getLayer(1).setParam("b", Nd4j.zeros(1, 2));
        // 1×1: "plain" is the constant 0.3, "square" 1000 × the detector (the one window over the square gives a mean of 2.0).
        net.getLayer(2).setParam("W", Nd4j.create(new float[] {0, 0, 1000, 0}, 2, 2, 1, 1));
        net.getLayer(2).setParam("b", Nd4j.create(new float[] {0.3f, 0}, 1, 2));
        return net;
    }
}
