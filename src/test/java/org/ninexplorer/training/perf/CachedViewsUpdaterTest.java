package org.ninexplorer.training.perf;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.ninexplorer.data.BatchIterator;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.Backends;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.NetworkBuilder;
import org.ninexplorer.training.TinyNets;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The updater that makes its views of the gradient once trains exactly as DL4J's own, and survives a resume. */
class CachedViewsUpdaterTest {

    private static final int STEPS = 4;

    @Test
    void trainsBitForBitAsDl4jsUpdater() {
        Backends.initialise();
        assumeTrue(FastPath.cachedUpdaterViews(), "the fast path is off");
        Dataset data = TinyNets.sample();
        Hyperparameters hp = Hyperparameters.recommendedFor(Presets.FASHION_28, 0).withBatchSize(32);

        // Built and trained one after the other: building seeds the random numbers dropout draws.
        MultiLayerNetwork cached = NetworkBuilder.build(Presets.FASHION_28, hp, STEPS);
        List<Double> cachedLosses = train(cached, data);
        MultiLayerNetwork dl4js = withDl4jsUpdater(() -> NetworkBuilder.build(Presets.FASHION_28, hp, STEPS));
        List<Double> dl4jsLosses = train(dl4js, data);

        assertThat(cached.getUpdater()).isInstanceOf(CachedViewsUpdater.class);
        assertThat(((CachedViewsUpdater) cached.getUpdater()).recognised()).as("took the usual path").isTrue();
        assertThat(dl4js.getUpdater().getClass()).isEqualTo(MultiLayerUpdater.class);
        assertThat(cachedLosses).isEqualTo(dl4jsLosses);
        assertThat(cached.params()).isEqualTo(dl4js.params());
        assertThat(cached.getUpdater().getStateViewArray()).isEqualTo(dl4js.getUpdater().getStateViewArray());

        // A resumed copy keeps Adam's moments and takes the usual path on.
        MultiLayerNetwork resumed = NetworkBuilder.resumed(Presets.FASHION_28, hp, STEPS, cached);
        assertThat(resumed.getUpdater()).isInstanceOf(CachedViewsUpdater.class);
        assertThat(resumed.getUpdater().getStateViewArray()).isEqualTo(cached.getUpdater().getStateViewArray());
        assertThat(train(resumed, data)).allMatch(Double::isFinite);
        assertThat(((CachedViewsUpdater) resumed.getUpdater()).recognised()).isTrue();
        assertThat(resumed.params()).isNotEqualTo(cached.params());
    }

    private static List<Double> train(MultiLayerNetwork net, Dataset data) {
        List<Double> losses = new ArrayList<>();
        try (BatchIterator it = new BatchIterator(data.train(), data.classes(), 32, 1, 28, 28, 3, true, 0)) {
            for (int i = 0; i < STEPS; i++) {
                DataSet batch = it.next();
                net.fit(batch);
                losses.add(net.score());
            }
        }
        return losses;
    }

    private static MultiLayerNetwork withDl4jsUpdater(java.util.function.Supplier<MultiLayerNetwork> build) {
        System.setProperty(FastPath.CACHED_VIEWS_PROPERTY, "false");
        try {
            return build.get();
        } finally {
            System.clearProperty(FastPath.CACHED_VIEWS_PROPERTY);
        }
    }
}
