package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.ImageSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test-set confusion matrix of each epoch: counted right, stored, read back, resumed, recomputed (real runs). */
class ConfusionTest {

    private final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

    /** 320 training images, all 1,000 test images of the sample. */
    private TrainingEvent.Finished train(Path dir, int epochs) throws TrainingException {
        TrainingRequest request = new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(epochs)
                .withBatchSize(32), TinyNets.sample(), "sample", dir, 320, 0);
        return new TrainingRun(request, events::add).call();
    }

    private List<TestPredictions> tested() {
        return events.stream().filter(TrainingEvent.Tested.class::isInstance)
                .map(e -> ((TrainingEvent.Tested) e).predictions()).toList();
    }

    @Test
    void eachEpochsMatrixCountsTheTestSetAsAnIndependentCountDoesAndIsStored(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        assertThat(train(run, 2).outcome()).isEqualTo(TrainingEvent.Outcome.COMPLETED);

        List<TestPredictions> tested = tested();
        assertThat(tested).extracting(TestPredictions::epoch).containsExactly(1, 2);
        ConfusionMatrix last = tested.get(1).matrix();
        Dataset data = TinyNets.sample();
        ImageSource test = data.test();
        // An independent count: every test image alone through the final model, against its label.
        MultiLayerNetwork net = NetworkBuilder.loadTrained(TinyNets.TINY_28, run.resolve(RunDirectory.MODEL_ZIP));
        int[][] counted = new int[10][10];
        int[] perClass = new int[10];
        for (int i = 0; i < test.size(); i++) {
            float[] pixels = test.pixels(i, 1, 28, 28);
            int predicted = net.output(Nd4j.create(pixels, new long[] {1, 1, 28, 28}, DataType.FLOAT), false)
                    .argMax(1).getInt(0);
            counted[test.label(i)][predicted]++;
            perClass[test.label(i)]++;
        }
        assertThat(last).isEqualTo(new ConfusionMatrix(2, counted));
        assertThat(last.total()).isEqualTo(1000);
        for (int c = 0; c < 10; c++) {
            assertThat(last.rowTotal(c)).as("row %d", c).isEqualTo(perClass[c]);
        }
        // The accuracy reported is the matrix's diagonal.
        List<TrainingEvent.Epoch> epochs = events.stream().filter(TrainingEvent.Epoch.class::isInstance)
                .map(TrainingEvent.Epoch.class::cast).toList();
        assertThat(epochs.get(1).testAccuracy()).isEqualTo(last.accuracy());
        assertThat(last.correct()).isLessThan(1000).isGreaterThan(100);

        // One matrix an epoch on disk; the newest epoch's answers with them.
        RunConfusion stored = RunConfusion.read(run);
        assertThat(stored.epochs().keySet()).containsExactly(1, 2);
        assertThat(stored.epochs().get(1)).isEqualTo(tested.get(0).matrix());
        assertThat(stored.epochs().get(2)).isEqualTo(last);
        assertThat(stored.newest()).contains(tested.get(1));

        // On demand, from a checkpoint, for a run whose files are gone: the same matrix.
        assertThat(TestEvaluation.ofRun(run, data, 1).matrix()).isEqualTo(tested.get(0).matrix());
        assertThat(TestEvaluation.checkpointEpochs(run)).containsExactly(1, 2);
    }

    @Test
    void aLimitedTestNamesTheImagesItTested(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        new TrainingRun(RunFixtures.request(TinyNets.TINY_28, run, 1), events::add).call();
        TestPredictions p = tested().get(0);
        ImageSource test = TinyNets.sample().test();
        assertThat(p.predictions()).hasSize(100)
                .allSatisfy(prediction -> assertThat(prediction.truth()).isEqualTo(test.label(prediction.index())));
        assertThat(p.predictions()).extracting(TestPredictions.Prediction::index).doesNotHaveDuplicates()
                .isSorted().isNotEqualTo(java.util.stream.IntStream.range(0, 100).boxed().toList());
    }

    @Test
    void aResumedRunKeepsTheMatricesOfTheEpochsItKeepsAndAddsItsOwn(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        RunFixtures.train(TinyNets.TINY_DROPOUT, straight, 2);
        Path killed = dir.resolve("killed");
        RunFixtures.copy(straight, killed);
        Files.delete(killed.resolve("checkpoints/epoch-2.zip"));
        Files.delete(killed.resolve("model.zip"));
        RunFixtures.editRecord(killed, r -> r.put("status", "running").put("epochsCompleted", 1));

        assertThat(RunFixtures.resume(killed, 3, events::add).outcome()).isEqualTo(TrainingEvent.Outcome.COMPLETED);

        RunConfusion resumed = RunConfusion.read(killed);
        assertThat(resumed.epochs().keySet()).containsExactly(1, 2, 3);
        // Resuming trains exactly as no interruption would have: the same epoch 2.
        assertThat(resumed.epochs().headMap(3)).isEqualTo(RunConfusion.read(straight).epochs());
        assertThat(resumed.newest()).map(TestPredictions::epoch).contains(3);
    }

    @Test
    void aDamagedFileIsASentenceAndAResumeStartsItAgain(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        RunFixtures.train(TinyNets.TINY_28, run, 1);
        Files.writeString(run.resolve(RunConfusion.FILE), "epoch,true,pred,count\n1,0,0,12\n1,0,x");

        assertThatThrownBy(() -> RunConfusion.read(run)).isInstanceOf(RunStorageException.class)
                .hasMessageContaining("confusion.csv").hasMessageContaining("damaged").hasMessageContaining("line 3");

        RunFixtures.editRecord(run, r -> r.put("status", "stopped"));
        assertThat(RunFixtures.resume(run, 2, events::add).outcome()).isEqualTo(TrainingEvent.Outcome.COMPLETED);
        assertThat(events).filteredOn(TrainingEvent.Notice.class::isInstance)
                .extracting(e -> English.of(((TrainingEvent.Notice) e).message())).anyMatch(m -> m.contains("damaged"));
        assertThat(RunConfusion.read(run).epochs().keySet()).containsExactly(2);
    }

    @Test
    void aConfusionFileThatCannotBeWrittenIsANoticeAndTrainingGoesOn(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        RunFixtures.train(TinyNets.TINY_28, run, 1);
        Files.delete(run.resolve(RunConfusion.FILE));
        Files.createDirectories(run.resolve(RunConfusion.FILE).resolve("in-the-way"));
        RunFixtures.editRecord(run, r -> r.put("status", "stopped"));

        TrainingEvent.Finished finished = RunFixtures.resume(run, 2, events::add);

        assertThat(finished.outcome()).as(English.of(finished)).isEqualTo(TrainingEvent.Outcome.COMPLETED);
        assertThat(events).filteredOn(TrainingEvent.Notice.class::isInstance)
                .extracting(e -> English.of(((TrainingEvent.Notice) e).message()))
                .anyMatch(m -> m.startsWith("The confusion matrix of epoch 2 is not kept: Cannot write"));
        assertThat(tested()).extracting(TestPredictions::epoch).containsExactly(2);
    }

    @Test
    void worstConfusionsAndRatesComeFromTheCounts() {
        ConfusionMatrix m = new ConfusionMatrix(1, new int[][] {{8, 2, 0}, {1, 4, 5}, {0, 0, 0}});
        assertThat(m.rate(1, 2)).isEqualTo(0.5);
        assertThat(m.rate(2, 2)).isZero();
        assertThat(m.worst(5)).extracting(ConfusionMatrix.Cell::truth, ConfusionMatrix.Cell::predicted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(0, 1),
                        org.assertj.core.groups.Tuple.tuple(1, 0));
        assertThat(m.accuracy()).isEqualTo(12 / 20.0);
    }
}
