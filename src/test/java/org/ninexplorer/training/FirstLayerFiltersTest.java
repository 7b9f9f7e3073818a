package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.training.fused.FusedNinBlockLayer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The filters read out of a net are its first convolution's weights, fused block or DL4J convolution. */
class FirstLayerFiltersTest {

    private static final Architecture RGB = new Architecture(new InputSpec(3, 12, 12), 10, List.of(
            new NinBlock(6, 3, 1, 1), new NinBlock(10, 3, 1, 1), new GlobalAvgPool()));
    private static final Hyperparameters HP = Hyperparameters.recommendedFor(TinyNets.TINY_28, 0);

    @Test
    void theFiltersOfAnUnfusedNetAreItsFirstConvolutionsWeights() {
        MultiLayerNetwork plain = net(TinyNets.TINY_28, NetworkBuilder.Form.LAYERS, null);
        INDArray w = plain.getLayer(0).getParam("W");

        FirstLayerFilters filters = FeatureMapper.snapshot(TinyNets.TINY_28, plain).firstLayerFilters().orElseThrow();

        assertThat(List.of(filters.filters(), filters.channels(), filters.kernel())).containsExactly(16, 1, 5);
        assertSame(filters, w);
    }

    @Test
    void aFusedNetAndItsUnfusedTwinShowTheSameFiltersPerInputChannel() {
        MultiLayerNetwork fused = net(RGB, NetworkBuilder.Form.FUSED_POOLS, null);
        assertThat(fused.getLayer(0)).isInstanceOf(FusedNinBlockLayer.class);
        MultiLayerNetwork plain = net(RGB, NetworkBuilder.Form.LAYERS, fused.params());

        FirstLayerFilters fromFused = FirstLayerFilters.of(fused).orElseThrow();
        FirstLayerFilters fromPlain = FirstLayerFilters.of(plain).orElseThrow();

        assertThat(List.of(fromFused.filters(), fromFused.channels(), fromFused.kernel())).containsExactly(6, 3, 3);
        assertSame(fromFused, ((FusedNinBlockLayer) fused.getLayer(0)).convolutionWeights(0));
        assertSame(fromPlain, plain.getLayer(0).getParam("W"));
        assertThat(fromFused.weights()).containsExactly(fromPlain.weights());
    }

    @Test
    void theScalesAreTheLargestMagnitudes() {
        FirstLayerFilters f = new FirstLayerFilters(2, 1, 2, new float[] {0.1f, -0.5f, 0.2f, 0, 0.3f, 0, 0, -0.1f});
        assertThat(f.maxAbs(0)).isEqualTo(0.5f);
        assertThat(f.maxAbs(1)).isEqualTo(0.3f);
        assertThat(f.maxAbs()).isEqualTo(0.5f);
        assertThat(f.weight(1, 0, 1, 1)).isEqualTo(-0.1f);
    }

    private static MultiLayerNetwork net(Architecture arch, NetworkBuilder.Form form, INDArray params) {
        Backends.initialise();
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkBuilder.configuration(arch, HP, 1, form));
        if (params == null) {
            net.init();
        } else {
            net.init(params.dup(), false);
        }
        return net;
    }

    private static void assertSame(FirstLayerFilters filters, INDArray w) {
        for (int o = 0; o < filters.filters(); o++) {
            for (int c = 0; c < filters.channels(); c++) {
                for (int r = 0; r < filters.kernel(); r++) {
                    for (int k = 0; k < filters.kernel(); k++) {
                        assertThat(filters.weight(o, c, r, k)).as("W[%d,%d,%d,%d]", o, c, r, k)
                                .isEqualTo(w.getFloat(o, c, r, k));
                    }
                }
            }
        }
    }
}
