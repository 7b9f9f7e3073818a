package org.ninexplorer.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    private static final Architecture THREE_CLASSES = new Architecture(new InputSpec(1, 28, 28), 3, List.of(
            new NinBlock(3, 5, 2, 2), new GlobalAvgPool()));
    private static final List<String> NAMES = List.of("cat", "dog", "bird");

    @Test
    void aClassLowestForEveryImageIsSilentAndOneAboveItOnceIsNot() {
        SilentClasses watch = new SilentClasses(THREE_CLASSES);
        watch.startPass();
        // dog ties with bird at the bottom in the first image, is above it in none; bird rises in the second
        watch.observe(new float[]{0.5f, 0.25f, 0.25f, 0.6f, 0.1f, 0.3f}, 2);
        watch.observe(new float[]{0.2f, 0.1f, 0.7f}, 1);

        assertThat(watch.silent()).containsExactly(1);
        assertThat(watch.notice(1, NAMES, 0.002)).hasValueSatisfying(m -> {
            assertThat(m.code()).isEqualTo(RunMessage.Code.CLASSES_SILENT);
            assertThat(m.args()).containsExactly("1", "1", "3", "dog", "3");
            assertThat(English.of(m)).startsWith("After epoch 1, 1 of the 3 classes (dog) scored lowest of all for "
                    + "every one of the 3 test images").endsWith("train it again with another seed.");
        });
        // the same classes again: told once
        watch.startPass();
        watch.observe(new float[]{0.5f, 0.2f, 0.3f}, 1);
        assertThat(watch.notice(2, NAMES, 0.002)).isEmpty();
    }

    @Test
    void scoresThatMayBeNegativeSayNothing() {
        Architecture dense = new Architecture(new InputSpec(1, 28, 28), 3, List.of(
                new NinBlock(8, 5, 2, 2), new MaxPool(3, 2), new Dense(3)));
        assertThat(dense.scoresNonNegative()).isFalse();
        assertThat(THREE_CLASSES.scoresNonNegative()).isTrue();
        SilentClasses watch = new SilentClasses(dense);
        watch.startPass();
        watch.observe(new float[]{0.5f, 0.1f, 0.4f}, 1);

        assertThat(watch.silent()).isEmpty();
        assertThat(watch.notice(1, NAMES, 0.002)).isEmpty();
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
        List<RunMessage> told = events.stream().filter(TrainingEvent.Notice.class::isInstance)
                .map(e -> ((TrainingEvent.Notice) e).message()).toList();
        assertThat(told).filteredOn(m -> m.code() == RunMessage.Code.ALL_CLASSES_SILENT).singleElement()
                .satisfies(m -> assertThat(English.of(m)).isEqualTo("After epoch 1, every class got the same score "
                        + "for every one of the 200 test images: the net’s output is 0 everywhere, most likely because "
                        + "its ReLUs have died, and no gradient passes back through them. It will not learn any more; "
                        + "train it again with a lower learning rate (this run’s: 0.3) or another seed."));
        TrainingEvent.Epoch epoch = events.stream().filter(TrainingEvent.Epoch.class::isInstance)
                .map(TrainingEvent.Epoch.class::cast).findFirst().orElseThrow();
        assertThat(epoch.testAccuracy()).isLessThan(0.2); // one class for every image
    }
}
