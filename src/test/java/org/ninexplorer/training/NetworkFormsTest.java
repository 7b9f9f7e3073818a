package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.fused.FusedNinBlockLayer;
import org.ninexplorer.training.fused.Precision;
import org.ninexplorer.training.perf.FastPath;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A net saved with fused blocks opens with three convolutions per block and the other way round. */
class NetworkFormsTest {

    private static final Architecture ARCH = Presets.FASHION_28;
    private static final Hyperparameters HP = Hyperparameters.recommendedFor(ARCH, 0);

    /** Only the net's first block may skip its input's gradient, even when a later one is the same object. */
    @Test
    void aBlockRepeatedAsTheSameObjectStillPassesItsGradientOn() {
        Backends.initialise();
        NinBlock block = new NinBlock(10, 3, 1, 1);
        Architecture twice = new Architecture(new InputSpec(1, 8, 8), 10, List.of(block, block, new GlobalAvgPool()));
        MultiLayerNetwork fused = new MultiLayerNetwork(NetworkBuilder.configuration(twice, HP, 1, NetworkBuilder.Form.FUSED_POOLS));
        fused.init();
        MultiLayerNetwork plain = new MultiLayerNetwork(NetworkBuilder.configuration(twice, HP, 1, NetworkBuilder.Form.LAYERS));
        plain.init(fused.params().dup(), false);
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8);
        INDArray labels = Nd4j.eye(10).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).castTo(DataType.FLOAT);

        for (MultiLayerNetwork net : List.of(fused, plain)) {
            net.setInput(x);
            net.setLabels(labels);
            net.computeGradientAndScore();
        }

        INDArray expected = plain.getGradientsViewArray();
        double worst = fused.getGradientsViewArray().sub(expected).amaxNumber().doubleValue();
        assertThat(worst / expected.amaxNumber().doubleValue()).as("largest gradient difference, relative").isLessThan(1e-4);
    }

    /**
     * A net saved before the pooling moved into the fused layers (fused blocks, DL4J's pooling layers) opens in
     * today's form with its parameters and updater state, predicts what it did, and maps as it did: the maps form
     * of the new net is the old form again.
     */
    @Test
    void aNetSavedWithItsPoolingApartOpensWithThePoolingInsideItsBlocks() {
        Backends.initialise();
        MultiLayerNetwork old = new MultiLayerNetwork(NetworkBuilder.configuration(ARCH, HP, 10, NetworkBuilder.Form.FUSED_BLOCKS));
        old.init();
        Nd4j.getRandom().setSeed(6);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 28, 28);
        INDArray labels = Nd4j.eye(10).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).castTo(DataType.FLOAT);
        old.fit(x, labels);

        MultiLayerNetwork now = NetworkBuilder.adopt(ARCH, HP, 10, old, NetworkBuilder.Form.FUSED_POOLS);
        assertThat(now.getLayers()).hasSize(old.getLayers().length - 3); // its three pooling layers are inside blocks
        assertThat(now.params().data().asFloat()).containsExactly(old.params().data().asFloat());
        assertThat(now.getUpdater().getStateViewArray().data().asFloat())
                .containsExactly(old.getUpdater().getStateViewArray().data().asFloat());
        assertThat(now.output(x, false).sub(old.output(x, false)).amaxNumber().doubleValue()).isLessThan(1e-5);

        MultiLayerNetwork maps = NetworkBuilder.showingBlockOutputs(ARCH, now);
        assertThat(maps.getLayers()).hasSameSizeAs(old.getLayers());
        List<INDArray> expected = old.feedForward(x, false);
        List<INDArray> actual = maps.feedForward(x, false);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).sub(expected.get(i)).amaxNumber().doubleValue()).as("activation %d", i).isLessThan(1e-5);
        }
    }

    @Test
    void aTrainedFusedNetContinuesIdenticallyAsThreeConvolutionsPerBlock() {
        Backends.initialise();
        MultiLayerNetwork fused = new MultiLayerNetwork(NetworkBuilder.configuration(ARCH, HP, 10, NetworkBuilder.Form.FUSED_POOLS));
        fused.init();
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 28, 28);
        INDArray y = Nd4j.eye(8).get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8));
        INDArray labels = Nd4j.concat(1, y, Nd4j.zeros(8, 2)).castTo(DataType.FLOAT);
        for (int i = 0; i < 3; i++) {
            fused.fit(x, labels);
        }

        MultiLayerNetwork plain = NetworkBuilder.adopt(ARCH, HP, 10, fused, NetworkBuilder.Form.LAYERS);
        assertThat(Arrays.stream(plain.getLayers()).noneMatch(l -> l instanceof FusedNinBlockLayer)).isTrue();
        assertThat(plain.params().data().asFloat()).containsExactly(fused.params().data().asFloat());
        assertThat(plain.getUpdater().getStateViewArray().data().asFloat())
                .containsExactly(fused.getUpdater().getStateViewArray().data().asFloat());
        assertThat(plain.getIterationCount()).isEqualTo(3);
        assertThat(NetworkBuilder.adopt(ARCH, HP, 10, plain, NetworkBuilder.Form.LAYERS)).isSameAs(plain);

        // Dropout draws the same mask in both when the generator starts from the same seed.
        Nd4j.getRandom().setSeed(9);
        fused.fit(x, labels);
        Nd4j.getRandom().setSeed(9);
        plain.fit(x, labels);
        // In bf16 the fused step rounds inside the blocks and DL4J's convolutions do not: the two agree to that rounding.
        boolean bf16 = FastPath.precision() == Precision.BF16;
        assertThat(plain.score()).isCloseTo(fused.score(), within(bf16 ? 1e-2 : 1e-4));
        assertThat(plain.output(x, false).sub(fused.output(x, false)).amaxNumber().doubleValue()).isLessThan(bf16 ? 1e-2 : 1e-3);

        MultiLayerNetwork fusedAgain = NetworkBuilder.adopt(ARCH, HP, 10, plain, NetworkBuilder.Form.FUSED_POOLS);
        assertThat(fusedAgain.getLayer(0)).isInstanceOf(FusedNinBlockLayer.class);
        assertThat(fusedAgain.params().data().asFloat()).containsExactly(plain.params().data().asFloat());
    }
}
