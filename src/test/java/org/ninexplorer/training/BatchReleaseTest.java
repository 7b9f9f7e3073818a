package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.ninexplorer.data.BatchIterator;
import org.ninexplorer.data.Dataset;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trainer lets each batch go so that its arrays can be filled again: the net must forget the batch and
 * keep everything else, above all Adam's moments (DL4J's own {@code clear()} resets them every step).
 */
class BatchReleaseTest {

    @Test
    void forgettingTheBatchKeepsTheUpdaterAndTrainsAsIfTheBatchWereKept() {
        Dataset data = TinyNets.sample();
        Hyperparameters hp = Hyperparameters.defaults().withBatchSize(32);
        List<Double> kept = losses(data, hp, false);
        List<Double> recycled = losses(data, hp, true);
        assertThat(recycled).isEqualTo(kept);
    }

    @Test
    void theNetNoLongerRefersToTheBatch() {
        Dataset data = TinyNets.sample();
        MultiLayerNetwork net = NetworkBuilder.build(TinyNets.TINY_28, Hyperparameters.defaults().withBatchSize(32), 10);
        try (BatchIterator it = iterator(data)) {
            DataSet batch = it.next();
            net.fit(batch);
            INDArray state = net.getUpdater(false).getStateViewArray().dup();
            BatchRelease.forget(net);
            assertThat(net.input()).isNull();
            for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
                assertThat(layer.input()).isNull();
            }
            assertThat(net.getUpdater(false)).isNotNull();
            assertThat(net.getUpdater(false).getStateViewArray()).isEqualTo(state);
            assertThat(state.amaxNumber().doubleValue()).isPositive(); // Adam has moments to lose
        }
    }

    /** Losses of 12 steps from one seed; {@code recycle}: each batch handed back as the trainer does. */
    private static List<Double> losses(Dataset data, Hyperparameters hp, boolean recycle) {
        MultiLayerNetwork net = NetworkBuilder.build(TinyNets.TINY_28, hp, 12);
        List<Double> losses = new ArrayList<>();
        try (BatchIterator it = iterator(data)) {
            for (int i = 0; i < 12; i++) {
                DataSet batch = it.next();
                net.fit(batch);
                losses.add(net.score());
                if (recycle) {
                    BatchRelease.forget(net);
                    it.recycle(batch);
                }
            }
        }
        return losses;
    }

    private static BatchIterator iterator(Dataset data) {
        return new BatchIterator(data.train(), data.classes(), 32, 1, 28, 28, 3, true, 0);
    }
}
