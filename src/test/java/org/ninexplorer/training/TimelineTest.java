package org.ninexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.ImageSource;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Shape;
import org.ninexplorer.model.ShapeInference;

/** The feature-map timeline of pinned samples: recorded per epoch by real runs, resumed, and read back or refused. */
class TimelineTest {

    private static final List<Integer> PINS = List.of(3, 7);

    @TempDir
    static Path trained;
    @TempDir
    Path dir;

    private static TrainingRequest request(Path run, int epochs) {
        return new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(epochs).withBatchSize(32),
                TinyNets.sample(), "sample", run, 128, 100);
    }

    /** Two real epochs on 128 images of the bundled sample, test images 3 and 7 pinned. */
    @BeforeAll
    static void train() throws Exception {
        TrainingEvent.Finished finished = new TrainingRun(request(trained.resolve("run"), 2), e -> { })
                .pinning(new PinnedSamples(PINS)).call();
        assertThat(finished.outcome()).isEqualTo(TrainingEvent.Outcome.COMPLETED);
    }

    @Test
    void eachEpochKeepsEveryBlocksMapsOfEachPinnedSampleAndTheLastEqualsTheTrainedNets() throws Exception {
        Path run = trained.resolve("run");
        Timeline timeline = Timeline.read(run);
        assertThat(timeline.problem()).isEmpty();
        assertThat(timeline.epochs()).containsExactly(1, 2);
        assertThat(timeline.pinned()).isEqualTo(PINS);

        Analysis analysis = ShapeInference.analyze(TinyNets.TINY_28);
        List<Shape> blockShapes = new java.util.ArrayList<>();
        for (int i = 0; i < TinyNets.TINY_28.layers().size(); i++) {
            if (TinyNets.TINY_28.layers().get(i) instanceof NinBlock) {
                blockShapes.add(analysis.reports().get(i).output());
            }
        }
        for (int e : timeline.epochs()) {
            Timeline.Epoch epoch = timeline.epoch(e);
            assertThat(epoch.samples()).extracting(Timeline.Sample::index).isEqualTo(PINS);
            for (Timeline.Sample s : epoch.samples()) {
                assertThat(s.maps().blocks()).extracting(FeatureMaps.BlockActivation::shape).isEqualTo(blockShapes);
            }
            assertThat(epoch.filters()).isPresent();
        }

        // The last epoch's maps are the final model's, within the 8-bit steps of each map.
        FeatureMapper finalNet = FeatureMapper.load(TinyNets.TINY_28, run.resolve(RunDirectory.MODEL_ZIP));
        ImageSource test = TinyNets.sample().test();
        Timeline.Epoch last = timeline.epoch(2);
        for (int index : PINS) {
            float[] pixels = test.pixels(index, 1, 28, 28);
            FeatureMaps expected = finalNet.compute(pixels);
            Timeline.Sample stored = last.sample(index).orElseThrow();
            assertThat(stored.truth()).isEqualTo(test.label(index));
            assertClose(stored.input(), pixels, 1, pixels.length);
            assertThat(stored.maps().probabilities()).containsExactly(expected.probabilities());
            for (int b = 0; b < expected.blocks().size(); b++) {
                FeatureMaps.BlockActivation want = expected.blocks().get(b);
                FeatureMaps.BlockActivation got = stored.maps().blocks().get(b);
                assertThat(got.layerIndex()).isEqualTo(want.layerIndex());
                assertClose(got.values(), want.values(), want.shape().channels(),
                        want.shape().height() * want.shape().width());
            }
        }
        FirstLayerFilters filters = finalNet.firstLayerFilters().orElseThrow();
        FirstLayerFilters storedFilters = last.filters().orElseThrow();
        assertThat(storedFilters.kernel()).isEqualTo(filters.kernel());
        assertClose(storedFilters.weights(), filters.weights(), filters.filters(),
                filters.channels() * filters.kernel() * filters.kernel());
        // And the first epoch's differ from the last: the net learned between them.
        assertThat(timeline.epoch(1).sample(3).orElseThrow().maps().probabilities())
                .isNotEqualTo(last.sample(3).orElseThrow().maps().probabilities());
        assertThat(Files.size(run.resolve(Timeline.FILE))).as("two epochs of two samples").isLessThan(40_000);
    }

    /** Each of {@code groups} maps of {@code size} values within half an 8-bit step of its own range. */
    private static void assertClose(float[] actual, float[] expected, int groups, int size) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int g = 0; g < groups; g++) {
            float[] map = Arrays.copyOfRange(expected, g * size, (g + 1) * size);
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : map) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            float tolerance = (max - min) / 510 + 1e-6f * Math.max(1, Math.abs(max));
            for (int i = 0; i < size; i++) {
                assertThat(actual[g * size + i]).as("map %d value %d", g, i)
                        .isCloseTo(map[i], org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }

    @Test
    void aResumedRunContinuesTheTimelineWithoutLosingOrRepeatingAnEpoch() throws Exception {
        Path run = dir.resolve("run");
        new TrainingRun(request(run, 1), e -> { }).pinning(new PinnedSamples(List.of(5))).call();
        assertThat(Timeline.read(run).epochs()).containsExactly(1);

        // Resumed towards 3 epochs, with one more sample pinned: the stored pin goes on being recorded.
        PinnedSamples more = new PinnedSamples(List.of(9));
        TrainingRun.resume(RunDirectory.openForResume(run), TinyNets.sample(), 3, e -> { }).pinning(more).call();
        Timeline timeline = Timeline.read(run);
        assertThat(timeline.problem()).isEmpty();
        assertThat(timeline.epochs()).containsExactly(1, 2, 3);
        assertThat(timeline.pinned()).containsExactly(5, 9);
        assertThat(timeline.epoch(1).samples()).extracting(Timeline.Sample::index).containsExactly(5);
        assertThat(timeline.epoch(3).samples()).extracting(Timeline.Sample::index).containsExactly(5, 9);
        byte[] epoch2 = timeline.frames().get(2);

        // Killed after epoch 3 with only epoch 2's checkpoint intact: epoch 3 is dropped and trained again, once.
        Files.delete(Checkpoints.file(run, 3));
        TrainingRun.resume(RunDirectory.openForResume(run), TinyNets.sample(), 3, e -> { }).call();
        Timeline again = Timeline.read(run);
        assertThat(again.problem()).isEmpty();
        assertThat(again.epochs()).containsExactly(1, 2, 3);
        assertThat(again.frames().get(2)).isEqualTo(epoch2);
        assertThat(again.epoch(3).samples()).extracting(Timeline.Sample::index).containsExactly(5, 9);
    }

    @Test
    void thePinsAreKeptWhenTheRunStartsEvenIfNoEpochEnds() throws Exception {
        Path run = dir.resolve("stopped");
        TrainingRun stopped = new TrainingRun(request(run, 2), e -> { }).pinning(new PinnedSamples(List.of(11, 2)));
        stopped.stop();
        assertThat(stopped.call().outcome()).isEqualTo(TrainingEvent.Outcome.STOPPED);
        Timeline timeline = Timeline.read(run);
        assertThat(timeline.pinned()).containsExactly(2, 11);
        assertThat(timeline.epochs()).isEmpty();
        assertThat(timeline.problem()).isEmpty();
    }

    @Test
    void anImageUnpinnedDuringARunStaysInItsPinsWithItsEarlierEpochs() throws Exception {
        FeatureMapper net = FeatureMapper.snapshot(TinyNets.TINY_28,
                NetworkBuilder.build(TinyNets.TINY_28, Hyperparameters.defaults(), 1));
        ImageSource test = TinyNets.sample().test();
        PinnedSamples pins = new PinnedSamples(List.of(1, 2));
        TimelineRecorder recorder = TimelineRecorder.fresh(dir);
        assertThat(recorder.start(pins)).isEmpty();
        assertThat(recorder.record(1, net, test, pins)).isEmpty();
        pins.set(List.of(2, 6));
        assertThat(recorder.record(2, net, test, pins)).isEmpty();

        Timeline timeline = Timeline.read(dir);
        assertThat(timeline.pinned()).containsExactly(1, 2, 6);
        assertThat(timeline.epoch(1).samples()).extracting(Timeline.Sample::index).containsExactly(1, 2);
        assertThat(timeline.epoch(2).samples()).extracting(Timeline.Sample::index).containsExactly(2, 6);
    }

    @Test
    void aDamagedTimelineKeepsItsIntactEpochsAndSaysWhatIsWrong() throws Exception {
        Path run = dir.resolve("copy");
        RunFixtures.copy(trained.resolve("run"), run);
        Path file = run.resolve(Timeline.FILE);
        byte[] whole = Files.readAllBytes(file);
        int firstFrame = Timeline.read(run).frames().get(1).length;

        Files.write(file, Arrays.copyOf(whole, whole.length - 100));
        Timeline cut = Timeline.read(run);
        assertThat(cut.epochs()).containsExactly(1);
        assertThat(cut.problem().map(English::of)).hasValueSatisfying(p -> assertThat(p).contains("cut short after epoch 1"));
        assertThat(cut.epoch(1).samples()).hasSize(2);

        Files.write(file, Arrays.copyOf(whole, 10));
        assertThat(Timeline.read(run).problem().map(English::of)).hasValueSatisfying(p -> assertThat(p).contains("cut short before"));

        byte[] garbled = whole.clone();
        for (int i = 6 + 8 + firstFrame / 2; i < 6 + 8 + firstFrame / 2 + 40; i++) {
            garbled[i] ^= 0x5A;
        }
        Files.write(file, garbled);
        Timeline bad = Timeline.read(run);
        assertThat(bad.epochs()).containsExactly(1, 2);
        assertThat(bad.epoch(2).samples()).hasSize(2);
        assertThatThrownBy(() -> bad.epoch(1)).isInstanceOf(RunStorageException.class)
                .hasMessageContaining("epoch 1 is damaged");

        Files.writeString(file, "not a timeline at all");
        assertThat(Timeline.read(run).problem().map(English::of)).hasValueSatisfying(p -> assertThat(p).contains("not a timeline"));
        Files.writeString(run.resolve(PinnedSamples.FILE), "3\nseven\n");
        assertThat(Timeline.read(run).problem().map(English::of)).hasValueSatisfying(p -> assertThat(p).contains("\"seven\""));
    }
}
