package org.ninexplorer.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.ninexplorer.data.BatchIterator;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SilentClassesTest {

    private static final int DRESS = 3;

    @Test
    void onlyAClassLowestForEveryImageIsACandidate() {
        Architecture three = new Architecture(new InputSpec(1, 28, 28), 3, List.of(new NinBlock(3, 5, 2, 2),
                new GlobalAvgPool()));
        SilentClasses watch = new SilentClasses(three);
        watch.startPass();
        // class 1 ties with class 2 at the bottom of the first image and is above the lowest in none; 2 rises in the second
        watch.observe(new float[]{0.5f, 0.25f, 0.25f, 0.6f, 0.1f, 0.3f}, 2);
        watch.observe(new float[]{0.2f, 0.1f, 0.7f}, 1);

        // what the probabilities alone suggest is not said until a look at the scores confirms it
        assertThat(watch.silent()).isEmpty();
        assertThat(watch.notice(1, List.of("cat", "dog", "bird"), 0.002)).isEmpty();
    }

    @Test
    void scoresThatMayBeNegativeAreNotWatched() {
        Architecture dense = new Architecture(new InputSpec(1, 28, 28), 3, List.of(
                new NinBlock(8, 5, 2, 2), new MaxPool(3, 2), new Dense(3)));
        assertThat(dense.scoresNonNegative()).isFalse();
        assertThat(TinyNets.TINY_28.scoresNonNegative()).isTrue();
        assertThat(TinyNets.TINY_DROPOUT.withRemoved(4).scoresNonNegative()).isTrue(); // ends in its NiN block
    }

    /** A real net whose Dress channel is held at 0 (its last bias far below anything its inputs can add). */
    @Test
    void aClassChannelStuckAtZeroIsNamedOnceWithItsEpoch() {
        Dataset data = TinyNets.sample();
        MultiLayerNetwork net = NetworkBuilder.build(TinyNets.TINY_28, Hyperparameters.defaults(), 10);
        INDArray bias = lastBias(net);
        bias.assign(1.0);
        bias.putScalar(DRESS, -100.0);
        SilentClasses watch = new SilentClasses(TinyNets.TINY_28);

        try (BatchIterator test = new BatchIterator(data.test(), data.classes(), 32, 1, 28, 28, 3, false, 200)) {
            TestEvaluation.evaluate(net, test, 1, data.classes(), () -> false, watch);
            watch.confirm(net, test);
            assertThat(watch.silent()).containsExactly(DRESS);
            assertThat(watch.notice(1, data.classNames(), 0.002)).hasValueSatisfying(m -> assertThat(English.of(m))
                    .isEqualTo("After epoch 1, 1 of the 10 classes (Dress) scored lowest of all for every one of the "
                            + "200 test images, and 0 for the first 16: their channels in the last block are stuck at 0, "
                            + "so the net does not recognise them. A ReLU that has died passes no gradient back and "
                            + "seldom recovers; this run will stay well short of what the architecture can reach. "
                            + "Train it again with another seed."));

            // the same class in the next epoch: said once; alive again and then dead again: said again
            TestEvaluation.evaluate(net, test, 2, data.classes(), () -> false, watch);
            watch.confirm(net, test);
            assertThat(watch.notice(2, data.classNames(), 0.002)).isEmpty();
            bias.putScalar(DRESS, 1.0);
            TestEvaluation.evaluate(net, test, 3, data.classes(), () -> false, watch);
            watch.confirm(net, test);
            assertThat(watch.silent()).isEmpty();
            assertThat(watch.notice(3, data.classNames(), 0.002)).isEmpty();
        } finally {
            NetworkBuilder.releaseNativeBuffers(net);
        }
    }

    /** A learning rate far too high kills the ReLUs of a real net: its output is 0 everywhere, and the run says so. */
    @Test
    void aRunWhoseRelusAllDiedSaysSo(@TempDir Path dir) throws Exception {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(1).withBatchSize(32).withLearningRate(0.3);
        TrainingRequest request = new TrainingRequest(TinyNets.TINY_28, hp, TinyNets.sample(), "sample",
                dir.resolve("run"), 640, 200);

        TrainingEvent.Finished finished = new TrainingRun(request, events::add).call();

        assertThat(finished.outcome()).isEqualTo(TrainingEvent.Outcome.COMPLETED);
        List<RunMessage> told = events.stream().filter(TrainingEvent.Alert.class::isInstance)
                .map(e -> ((TrainingEvent.Alert) e).message()).toList();
        assertThat(told).filteredOn(m -> m.code() == RunMessage.Code.ALL_CLASSES_SILENT).singleElement()
                .satisfies(m -> assertThat(English.of(m)).isEqualTo("After epoch 1, every class got the same score "
                        + "for every one of the 200 test images, and 0 for the first 16: the net’s output is 0 "
                        + "everywhere. Its ReLUs have died and pass no gradient back, so it will not learn any more; "
                        + "train it again with a lower learning rate (this run’s: 0.3) or another seed."));
        TrainingEvent.Epoch epoch = events.stream().filter(TrainingEvent.Epoch.class::isInstance)
                .map(TrainingEvent.Epoch.class::cast).findFirst().orElseThrow();
        assertThat(epoch.testAccuracy()).isLessThan(0.2); // one class for every image
    }

    /** The bias of the net's last convolution: the class scores' own. */
    private static INDArray lastBias(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        for (int i = layers.length - 1; i >= 0; i--) {
            List<String> biases = layers[i].paramTable().keySet().stream().filter(k -> k.startsWith("b")).sorted().toList();
            if (!biases.isEmpty()) {
                return layers[i].paramTable().get(biases.get(biases.size() - 1));
            }
        }
        throw new AssertionError("no bias in " + net.summary());
    }
}
