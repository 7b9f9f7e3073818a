package org.ninexplorer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.RunMetrics;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.editor.RecentFiles;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.runs.ComparisonViewModel;
import org.ninexplorer.ui.runs.DesktopFolders;
import org.ninexplorer.ui.runs.RunOpener;
import org.ninexplorer.ui.runs.RunsViewModel;
import org.ninexplorer.ui.training.TrainingViewModel;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Export lesson on one machine's data directory and File ▸ Open lesson on another's, through the real
 * view-models and a real short run; the dialogs answer as scripted.
 */
@ExtendWith(ApplicationExtension.class)
class LessonActionsTest {

    private static final String RUN = "20261201-120000-tiny";

    @TempDir
    Path dir;
    private final List<Preferences> nodes = new ArrayList<>();
    /** The app's kind of executor: the zip work really leaves the FX thread here. */
    private final TaskExecutor background = TaskExecutor.daemonPool("lesson-test", 1);

    @Start
    void start(Stage stage) {
        // the toolkit, for the themes Appearance sets
    }

    @AfterEach
    void forget() throws Exception {
        for (Preferences node : nodes) {
            node.removeNode();
        }
    }

    /** One data directory with its window's view-models and menu items, its dialogs scripted. */
    private final class Machine {
        final EditorViewModel editor = new EditorViewModel();
        final Scripted dialogs = new Scripted();
        final Appearance appearance;
        final RunsViewModel runs;
        final MenuItem export = new MenuItem();
        final MenuItem open = new MenuItem();
        final Label status = new Label();

        Machine(Path data) {
            Preferences prefs = Preferences.userRoot().node("org/ninexplorer/test/lesson-" + System.nanoTime());
            nodes.add(prefs);
            appearance = new Appearance(prefs);
            TrainingViewModel training = new TrainingViewModel(editor, TaskExecutor.currentThread(),
                    new DataDirectory(data), data.resolve("runs"));
            FeatureMapsViewModel maps = new FeatureMapsViewModel(TaskExecutor.currentThread(), Runnable::run);
            runs = new RunsViewModel(data.resolve("runs"), prefs.node("runs"), TaskExecutor.currentThread(),
                    Runnable::run, dialogs, new NoDesktop(), new RunOpener(editor, training, maps, () -> { }),
                    new ComparisonViewModel());
            DocumentActions documents = new DocumentActions(editor, new RecentFiles(prefs.node("recent")), dialogs);
            LessonActions.install(export, open, status, editor, runs, appearance, documents, dialogs, background);
        }

        /**
         * Fires {@code item} (on the FX thread): while the zip work runs both items are disabled and the status
         * says what it does; the latch opens when they are enabled again, after the result was applied.
         */
        CountDownLatch fire(MenuItem item) {
            CountDownLatch done = new CountDownLatch(1);
            item.disableProperty().addListener((obs, old, disabled) -> {
                if (!disabled) {
                    done.countDown();
                }
            });
            item.fire();
            assertThat(export.isDisable()).isTrue();
            assertThat(open.isDisable()).isTrue();
            assertThat(status.isVisible()).isTrue();
            assertThat(status.getText()).contains(dialogs.file.getFileName().toString());
            return done;
        }
    }

    private static void await(CountDownLatch done) throws InterruptedException {
        assertThat(done.await(2, TimeUnit.MINUTES)).as("the lesson's zip work ended").isTrue();
    }

    @Test
    void aLessonExportedOnOneMachineOpensOnAnotherAsItWas() throws Exception {
        Path teacher = dir.resolve("teacher");
        new TrainingRun(new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(1).withBatchSize(32),
                TinyNets.sample(), "sample", teacher.resolve("runs").resolve(RUN), 320, 100), event -> { }).call();
        Path bundle = dir.resolve("week 3.ninlesson");

        Machine mine = WaitForAsyncUtils.asyncFx(() -> new Machine(teacher)).get();
        await(WaitForAsyncUtils.asyncFx(() -> {
            mine.editor.newFromPreset("fashion-28");
            mine.appearance.presentationProperty().set(true);
            mine.appearance.darkProperty().set(true);
            mine.runs.refresh();
            mine.runs.selection().setAll(mine.runs.shownRuns());
            mine.dialogs.file = bundle;
            return mine.fire(mine.export);
        }).get());
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(mine.dialogs.errors).isEmpty();
            assertThat(mine.status.isVisible()).isFalse();
        }).get();
        assertThat(bundle).exists();

        Path student = dir.resolve("student");
        Machine theirs = WaitForAsyncUtils.asyncFx(() -> new Machine(student)).get();
        await(WaitForAsyncUtils.asyncFx(() -> {
            theirs.appearance.presentationProperty().set(false);
            theirs.appearance.darkProperty().set(false);
            theirs.dialogs.file = bundle;
            return theirs.fire(theirs.open);
        }).get());
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(theirs.dialogs.errors).isEmpty();
            assertThat(theirs.editor.architecture()).isEqualTo(Presets.byName("fashion-28").orElseThrow());
            assertThat(theirs.editor.nameProperty().get()).isEqualTo("fashion-28");
            assertThat(theirs.editor.fileProperty().get()).startsWith(student.resolve("lessons"));
            assertThat(theirs.appearance.presentationProperty().get()).isTrue();
            assertThat(theirs.appearance.darkProperty().get()).isTrue();
            assertThat(theirs.runs.shownRuns()).extracting(r -> r.folder().getFileName().toString()).containsExactly(RUN);
        }).get();
        assertThat(RunMetrics.read(student.resolve("runs").resolve(RUN)))
                .isEqualTo(RunMetrics.read(teacher.resolve("runs").resolve(RUN)));
        assertThat(student.resolve("runs").resolve(RUN).resolve("model.zip")).exists();
    }

    @Test
    void aRefusedLessonIsASentenceAndChangesNothing() throws Exception {
        Path bundle = Files.writeString(dir.resolve("broken.ninlesson"), "not a zip");
        Path data = dir.resolve("data");
        Machine machine = WaitForAsyncUtils.asyncFx(() -> new Machine(data)).get();
        await(WaitForAsyncUtils.asyncFx(() -> {
            machine.editor.newFromPreset("fashion-28");
            machine.dialogs.file = bundle;
            return machine.fire(machine.open);
        }).get());
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(machine.dialogs.errors).singleElement().asString().contains("was not opened", "not a readable zip");
            assertThat(machine.editor.nameProperty().get()).isEqualTo("fashion-28");
        }).get();
        assertThat(data.resolve("lessons")).doesNotExist();
    }

    /** Chooses {@link #file} in every file dialog, answers the first button, records every error. */
    private static final class Scripted implements DialogService {
        Path file;
        final List<String> errors = new ArrayList<>();

        @Override
        public <T> Optional<T> ask(String header, String detail, List<Answer<T>> answers) {
            return Optional.ofNullable(answers.get(0).value());
        }

        @Override
        public void showError(String header, String detail) {
            errors.add(header + " " + detail);
        }

        @Override
        public Optional<String> askText(String header, String detail, String initial) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, Path initialDirectory, FileKind kind) {
            return Optional.of(file);
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName, FileKind kind) {
            return Optional.of(file);
        }

        @Override
        public Optional<Path> chooseFolder(String title, Path initialDirectory) {
            return Optional.empty();
        }
    }

    private static final class NoDesktop implements DesktopFolders {
        @Override
        public boolean canTrash() {
            return false;
        }

        @Override
        public boolean trash(Path folder) {
            throw new AssertionError("no trash");
        }

        @Override
        public boolean canOpen() {
            return false;
        }

        @Override
        public void open(Path folder) {
            throw new AssertionError("no file manager");
        }
    }
}
