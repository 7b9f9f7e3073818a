package org.ninexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.training.BackendInfo;
import org.ninexplorer.training.RunMessage;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.featuremaps.MapTiles;

class TrainingSessionTest {

    @TempDir
    Path dir;

    private final EditorViewModel editor = new EditorViewModel();
    private final List<Runnable> queued = new ArrayList<>();

    private TrainingViewModel viewModel(TaskExecutor executor) {
        return new TrainingViewModel(editor, executor, new DataDirectory(dir.resolve("data")), dir.resolve("runs"));
    }

    /** A session whose runs wait in {@link #queued} (never started), for the states a real run passes through. */
    private TrainingViewModel queuedViewModel() {
        return viewModel(queued::add);
    }

    private static TrainingEvent.Started started(int epochs, int iterationsPerEpoch) {
        return new TrainingEvent.Started(new BackendInfo("cpu", "CPU · test"), "run", 1, epochs, iterationsPerEpoch,
                iterationsPerEpoch * 128, 100);
    }

    @Test
    void eventsBecomeChartPointsAndProgressOnlyWhenDrained() {
        TrainingViewModel vm = queuedViewModel();
        TrainingSession session = vm.session();
        session.receive(started(2, 1000));
        for (int i = 1; i <= 1000; i++) {
            session.receive(new TrainingEvent.Iteration(1, i, i, 2.3 - i / 1000.0, i / 1000.0, 500, 60));
        }
        assertThat(vm.charts().rawLoss().points()).isEmpty();

        session.drain();

        assertThat(session.state()).isEqualTo(TrainingState.RUNNING);
        assertThat(editor.lockedProperty().get()).isTrue();
        assertThat(session.backendProperty().get()).isEqualTo("CPU · test");
        assertThat(vm.charts().rawLoss().points().size()).isLessThanOrEqualTo(400).isGreaterThan(100);
        assertThat(session.progressProperty().get()).isCloseTo(0.5, offset(1e-9));
        assertThat(session.progressTextProperty().get()).contains("Epoch 1 of 2").contains("500 images/s").contains("1:00 left");

        session.receive(new TrainingEvent.Epoch(1, 1.5, 0.6, 0.7, 10, 500));
        session.receive(new TrainingEvent.Finished(TrainingEvent.Outcome.DIVERGED,
                RunMessage.of(RunMessage.Code.NETWORK_NOT_FINITE), 1));
        session.drain();

        assertThat(vm.charts().testAccuracy().points()).hasSize(1);
        assertThat(session.state()).isEqualTo(TrainingState.IDLE);
        assertThat(session.statusProperty().get()).isEqualTo("the network is not finite");
        assertThat(session.statusIsErrorProperty().get()).isTrue();
        assertThat(session.progressTextProperty().get()).as("no stale time left after the end")
                .isEqualTo("1 of 2 epochs done  ·  test accuracy 0.700");
        assertThat(editor.lockedProperty().get()).isFalse();
        assertThat(vm.charts().rawLoss().points()).as("charts remain after training").isNotEmpty();
    }

    @Test
    void anAlertOutlivesTheNewsAfterItAndGoesWithTheNextRun() {
        TrainingSession session = queuedViewModel().session();
        session.receive(started(2, 10));
        session.receive(new TrainingEvent.Epoch(1, 1.5, 0.3, 0.3, 10, 500));
        session.receive(new TrainingEvent.Alert(RunMessage.of(RunMessage.Code.CLASSES_SILENT, "1", "2", "10",
                "Pullover, Bag", "10,000", "16")));
        session.drain();
        assertThat(session.alertProperty().get()).startsWith("After epoch 1, 2 of the 10 classes (Pullover, Bag)");

        session.receive(new TrainingEvent.Evaluating(2));
        session.receive(new TrainingEvent.Epoch(2, 1.2, 0.4, 0.4, 10, 500));
        session.receive(new TrainingEvent.Finished(TrainingEvent.Outcome.COMPLETED,
                RunMessage.of(RunMessage.Code.COMPLETED, 2, "model.zip"), 2));
        session.drain();
        assertThat(session.statusProperty().get()).as("the status line moved on").doesNotContain("Pullover");
        assertThat(session.alertProperty().get()).as("the alert did not").contains("Pullover, Bag");

        session.receive(started(2, 10));
        session.drain();
        assertThat(session.alertProperty().get()).isEmpty();
    }

    @Test
    void whatStartPauseResumeAndStopMayDoFollowsTheRun() {
        TrainingSession session = queuedViewModel().session();
        assertThat(List.of(session.canStartProperty().get(), session.canPauseProperty().get(),
                session.canResumeProperty().get(), session.canStopProperty().get()))
                .as("idle: start, pause, resume, stop").containsExactly(true, false, false, false);

        session.start();
        assertThat(session.state()).isEqualTo(TrainingState.PREPARING);
        assertThat(queued).hasSize(1);
        assertThat(List.of(session.canStartProperty().get(), session.canPauseProperty().get(),
                session.canResumeProperty().get(), session.canStopProperty().get()))
                .as("preparing: only stop (it cancels a download)").containsExactly(false, false, false, true);
        assertThat(session.startBlockedReasonProperty().get()).isEqualTo("A run is in progress.");

        session.receive(started(3, 10));
        session.receive(new TrainingEvent.Iteration(1, 1, 1, 2.3, 0.1, Double.NaN, Double.NaN));
        session.drain();
        assertThat(session.progressTextProperty().get()).as("no rate from the first batch").isEqualTo("Epoch 1 of 3");
        assertThat(List.of(session.canStartProperty().get(), session.canPauseProperty().get(),
                session.canResumeProperty().get(), session.canStopProperty().get()))
                .as("running").containsExactly(false, true, false, true);

        session.receive(new TrainingEvent.Paused(1, 1));
        session.drain();
        assertThat(session.state()).isEqualTo(TrainingState.PAUSED);
        assertThat(List.of(session.canStartProperty().get(), session.canPauseProperty().get(),
                session.canResumeProperty().get(), session.canStopProperty().get()))
                .as("paused").containsExactly(false, false, true, true);
        assertThat(session.progressTextProperty().get()).as("no time left while paused")
                .isEqualTo("Epoch 1 of 3  ·  paused");

        session.receive(new TrainingEvent.Resumed(1, 1));
        session.drain();
        assertThat(session.canPauseProperty().get()).isTrue();
        assertThat(session.progressTextProperty().get()).doesNotContain("left");

        session.receive(new TrainingEvent.Finished(TrainingEvent.Outcome.STOPPED,
                RunMessage.of(RunMessage.Code.STOPPED_BEFORE_BEGINNING), 0));
        session.drain();
        assertThat(List.of(session.canStartProperty().get(), session.canPauseProperty().get(),
                session.canResumeProperty().get(), session.canStopProperty().get()))
                .as("after the end").containsExactly(true, false, false, false);
        assertThat(session.progressTextProperty().get()).isEqualTo("0 of 3 epochs done");
    }

    @Test
    void startingANewRunClearsThePreviousCurvesAndSpansTheNewPlan() {
        TrainingViewModel vm = queuedViewModel();
        TrainingSession session = vm.session();
        session.receive(started(5, 10));
        for (int i = 1; i <= 10; i++) {
            session.receive(new TrainingEvent.Iteration(1, i, i, 2.3, i / 10.0, 500, 42));
        }
        session.receive(new TrainingEvent.Epoch(1, 2.3, 0.1, 0.1, 3, 500));
        session.receive(new TrainingEvent.Finished(TrainingEvent.Outcome.STOPPED,
                RunMessage.of(RunMessage.Code.STOPPED_BEFORE_GOING_ON, "1"), 1));
        session.drain();
        assertThat(vm.charts().rawLoss().points()).hasSize(10);

        vm.form().epochsProperty().set(30);
        assertThat(vm.charts().epochAxisProperty().get()).as("the axis follows the form between runs")
                .isEqualTo(AxisRange.epochs(30));
        session.start();

        assertThat(vm.charts().rawLoss().points()).isEmpty();
        assertThat(vm.charts().epochLoss().points()).isEmpty();
        assertThat(vm.charts().testAccuracy().points()).isEmpty();
        assertThat(vm.charts().lossAxisProperty().get()).isEqualTo(AxisRange.LOSS_BEFORE_DATA);
        assertThat(vm.charts().epochAxisProperty().get().tick()).isEqualTo(5);
        assertThat(session.progressTextProperty().get()).isEmpty();
    }

    @Test
    void aStopWhileTheRunIsPreparingStopsThatRunBeforeItTrains() throws IOException {
        TrainingViewModel vm = queuedViewModel();
        TrainingSession session = vm.session();
        vm.form().limitTrainProperty().set(64);
        session.start();
        assertThat(session.state()).isEqualTo(TrainingState.PREPARING);

        session.stop(); // before the queued preparation has even opened the data
        queued.remove(0).run();
        session.drain();

        assertThat(session.state()).isEqualTo(TrainingState.IDLE);
        assertThat(session.statusProperty().get()).startsWith("Cancelled");
        assertThat(session.canStartProperty().get()).isTrue();
        assertThat(editor.lockedProperty().get()).isFalse();
        try (Stream<Path> files = Files.walk(dir.resolve("runs"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".zip"))).as("nothing trained").isEmpty();
        }
        assertNoRunFolder();
    }

    @Test
    void aRunRefusedBeforeItTrainsLeavesNoRunFolder() throws IOException {
        TrainingViewModel vm = queuedViewModel();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        vm.data().datasetProperty().set(DatasetChoice.FOLDER);
        vm.data().folderProperty().set(empty);
        vm.session().start();
        queued.remove(0).run();
        vm.session().drain();
        assertThat(vm.session().statusIsErrorProperty().get()).as("a data error").isTrue();
        assertNoRunFolder();

        // Two classes of real images, for a net with ten: refused by the run's own check.
        Path twoClasses = dir.resolve("two-classes");
        for (String label : List.of("cat", "dog")) {
            Files.createDirectories(twoClasses.resolve(label));
            for (int i = 0; i < 3; i++) {
                javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(28, 28,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", twoClasses.resolve(label + "/" + i + ".png").toFile());
            }
        }
        vm.data().folderProperty().set(twoClasses);
        vm.session().start();
        queued.remove(0).run();
        vm.session().drain();
        assertThat(vm.session().statusProperty().get()).contains("2 classes but the architecture has 10");
        assertNoRunFolder();
    }

    private void assertNoRunFolder() throws IOException {
        if (Files.isDirectory(dir.resolve("runs"))) {
            try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
                assertThat(runs).as("no run folder left behind").isEmpty();
            }
        }
    }

    @Test
    void theMemoryEstimateIsShownBeforeStartAndARunThatCannotFitIsRefused() {
        TrainingViewModel vm = queuedViewModel();
        TrainingSession session = vm.session();
        assertThat(session.memoryProperty().get()).startsWith("Memory for training: about ")
                .contains("at batch " + vm.form().batchSizeProperty().get()).contains("this machine can give");
        assertThat(session.canStartProperty().get()).isTrue();

        editor.setInput(new InputSpec(1, 2048, 2048));

        assertThat(session.canStartProperty().get()).isFalse();
        assertThat(session.startBlockedReasonProperty().get()).startsWith("Not enough memory for this run")
                .contains("this machine can give");
        editor.undo();
        assertThat(session.canStartProperty().get()).isTrue();
        editor.select(1);
        editor.editLayer(MaxPool.class, "kernel", p -> p.withKernel(40));
        assertThat(session.memoryProperty().get()).isEmpty();
    }

    @Test
    void startIsBlockedWithAReasonWhileTheNetIsImpossible() {
        TrainingViewModel vm = queuedViewModel();
        TrainingSession session = vm.session();
        assertThat(session.canStartProperty().get()).isTrue();

        editor.select(1);
        editor.editLayer(MaxPool.class, "kernel", p -> p.withKernel(40));

        assertThat(session.canStartProperty().get()).isFalse();
        assertThat(session.startBlockedReasonProperty().get()).startsWith("The network is impossible: Layer 1 (kernel)");
        vm.form().learningRateProperty().set(0);
        editor.undo();
        assertThat(session.startBlockedReasonProperty().get()).contains("learning rate");
        vm.form().learningRateProperty().set(0.002);
        vm.data().datasetProperty().set(DatasetChoice.FOLDER);
        assertThat(session.startBlockedReasonProperty().get()).isEqualTo("Choose a folder of images first.");
        vm.data().folderProperty().set(dir);
        assertThat(session.canStartProperty().get()).isTrue();
    }

    @Test
    void shortRunOnTheBundledSampleFillsChartsAndItsSavedModelGivesFeatureMaps() throws Exception {
        TrainingViewModel vm = viewModel(TaskExecutor.currentThread());
        vm.form().epochsProperty().set(1);
        vm.form().limitTrainProperty().set(256);
        vm.form().limitTestProperty().set(100);
        vm.form().batchSizeProperty().set(64);

        vm.session().start();   // trains on this thread
        vm.session().drain();

        assertThat(vm.session().statusProperty().get()).startsWith("Trained 1 epoch;");
        assertThat(vm.session().state()).isEqualTo(TrainingState.IDLE);
        assertThat(vm.session().progressTextProperty().get()).startsWith("1 of 1 epochs done  ·  test accuracy 0.")
                .doesNotContain("left");
        assertThat(vm.charts().rawLoss().points()).hasSize(4);
        assertThat(vm.charts().testAccuracy().points()).hasSize(1);
        assertThat(vm.session().loadedDatasetProperty().get().sample()).isTrue();
        assertThat(vm.session().featureMapperProperty().get()).isNotNull();
        assertThat(dir.resolve("runs")).isDirectoryContaining(p -> p.getFileName().toString().endsWith("-fashion-28"));

        // The same run, loaded from disk for the feature maps.
        FeatureMapsViewModel maps = new FeatureMapsViewModel(TaskExecutor.currentThread(), Runnable::run);
        maps.datasetProperty().set(vm.session().loadedDatasetProperty().get());
        maps.sampleIndexProperty().set(3);
        maps.loadRun(onlyRun());

        FeatureMapsViewModel.Result result = maps.resultProperty().get();
        assertThat(result).isNotNull();
        assertThat(maps.sourceProperty().get()).contains(onlyRun().getFileName().toString());
        assertThat(result.truth()).isEqualTo("test image 3: Ankle boot");
        assertThat(result.maps().blocks()).hasSize(4);
        assertThat(result.maps().blocks().get(0).shape().toString()).isEqualTo("32×28×28");
        var last = result.maps().blocks().get(3);
        assertThat(result.labelsFor(last)).contains("Shirt", "Ankle boot");
        assertThat(MapTiles.render(last, true, result.labelsFor(last))).hasSize(10)
                .extracting(MapTiles.Tile::label).contains("Shirt");
        double sum = 0;
        for (float p : result.maps().probabilities()) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1, offset(1e-3));
    }

    private Path onlyRun() throws java.io.IOException {
        try (var runs = java.nio.file.Files.list(dir.resolve("runs"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    @Test
    void aMissingDownloadIsOfferedAndRefusalIsReported() {
        TrainingViewModel vm = queuedViewModel();
        List<String> asked = new ArrayList<>();
        vm.data().setDownloadConfirmation(message -> asked.add(message) && false);
        vm.data().datasetProperty().set(DatasetChoice.FASHION_MNIST);

        vm.session().start();

        assertThat(asked).singleElement().asString().contains("Fashion-MNIST").contains("Download");
        assertThat(vm.session().state()).isEqualTo(TrainingState.IDLE);
        assertThat(vm.session().statusIsErrorProperty().get()).isTrue();
        assertThat(queued).isEmpty();
    }
}
