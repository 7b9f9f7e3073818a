package org.ninexplorer.training.perf;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.Backends;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.NetworkBuilder;
import org.ninexplorer.training.TinyNets;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
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
        List<Double> cachedLosses = TinyNets.fit(cached, data, STEPS);
        MultiLayerNetwork dl4js = TinyNets.withProperty(FastPath.CACHED_VIEWS_PROPERTY, "false",
                () -> NetworkBuilder.build(Presets.FASHION_28, hp, STEPS));
        List<Double> dl4jsLosses = TinyNets.fit(dl4js, data, STEPS);

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
        assertThat(TinyNets.fit(resumed, data, STEPS)).allMatch(Double::isFinite);
        assertThat(((CachedViewsUpdater) resumed.getUpdater()).recognised()).isTrue();
        assertThat(resumed.params()).isNotEqualTo(cached.params());
    }

    @Test
    void aModelLoadedForPredictingGetsNoUpdater(@TempDir Path dir) throws IOException {
        Backends.initialise();
        assumeTrue(FastPath.cachedUpdaterViews(), "the fast path is off");
        Hyperparameters hp = Hyperparameters.recommendedFor(Presets.FASHION_28, 0);
        File zip = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(NetworkBuilder.build(Presets.FASHION_28, hp, 1), zip, false);

        MultiLayerNetwork loaded = NetworkBuilder.adopt(Presets.FASHION_28, hp, 1, ModelSerializer.restoreMultiLayerNetwork(zip, false));

        assertThat(loaded.getUpdater(false)).as("no optimizer state allocated").isNull();
        assertThat(NetworkBuilder.build(Presets.FASHION_28, hp, 1).getUpdater(false)).isInstanceOf(CachedViewsUpdater.class);
    }
}
