package org.ninexplorer.training.fused;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.Backends;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.NetworkBuilder;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.perf.FastPath;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Neighbouring fused blocks hand each other their pooled output and input gradient in their own layout. What
 * they hand over is what the NCHW arrays would have carried converted back (bf16 → fp32 → bf16 is exact), so a
 * net trains to the same numbers, bit for bit, with the hand-overs and without them.
 */
class BlockHandOverTest {

    private static final int STEPS = 4;

    @Test
    void neighbouringBlocksHandOverAndTrainExactlyAsWithoutIt() {
        Backends.initialise();
        assumeTrue(FastPath.fusedPools(), "the fast path's fused blocks with their pooling are off");
        Dataset data = TinyNets.sample();
        Hyperparameters hp = Hyperparameters.recommendedFor(Presets.FASHION_28, 0).withBatchSize(32);

        MultiLayerNetwork handing = NetworkBuilder.build(Presets.FASHION_28, hp, STEPS);
        List<Double> handingLosses = TinyNets.fit(handing, data, STEPS);
        MultiLayerNetwork converting = TinyNets.withProperty(FastPath.HAND_OVERS_PROPERTY, "false",
                () -> NetworkBuilder.build(Presets.FASHION_28, hp, STEPS));
        List<Double> convertingLosses = TinyNets.fit(converting, data, STEPS);

        // fashion-28: block, block, block, dropout, block: the first three hand over; the last has dropout before it.
        assertThat(tookHandOvers(handing)).containsExactly("[false, true]", "[true, true]", "[true, false]", "[false, false]");
        assertThat(tookHandOvers(converting)).containsOnly("[false, false]");
        assertThat(handingLosses).isEqualTo(convertingLosses);
        assertThat(handing.params()).isEqualTo(converting.params());
        INDArray images = Nd4j.rand(DataType.FLOAT, 8, 1, 28, 28);
        assertThat(handing.output(images)).isEqualTo(converting.output(images));
    }

    /** A block takes the hand-over, then converts an array its neighbour did not write, then takes it again. */
    @Test
    void aBlockGoesBackToItsOwnBufferWhenTheInputIsAnotherArray() {
        Backends.initialise();
        assumeTrue(FastPath.fusedPools(), "the fast path's fused blocks with their pooling are off");
        MultiLayerNetwork net = NetworkBuilder.build(Presets.FASHION_28, Hyperparameters.recommendedFor(Presets.FASHION_28, 0), 1);
        FusedNinBlockLayer first = (FusedNinBlockLayer) net.getLayer(0);
        FusedNinBlockLayer second = (FusedNinBlockLayer) net.getLayer(1);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        INDArray images = Nd4j.rand(DataType.FLOAT, 16, 1, 28, 28);

        INDArray pooled = first.activate(images, true, noWorkspaces);
        INDArray handed = second.activate(pooled, true, noWorkspaces).dup();
        assertThat(second.tookHandOvers()[0]).isTrue();
        INDArray converted = second.activate(pooled.dup(), true, noWorkspaces).dup();
        assertThat(second.tookHandOvers()[0]).as("another array: converted").isFalse();
        pooled = first.activate(images, true, noWorkspaces);
        INDArray handedAgain = second.activate(pooled, true, noWorkspaces);
        assertThat(second.tookHandOvers()[0]).isTrue();

        assertThat(converted).isEqualTo(handed);
        assertThat(handedAgain).isEqualTo(handed);
    }

    private static List<String> tookHandOvers(MultiLayerNetwork net) {
        return Arrays.stream(net.getLayers()).filter(l -> l instanceof FusedNinBlockLayer)
                .map(l -> Arrays.toString(((FusedNinBlockLayer) l).tookHandOvers())).toList();
    }
}
