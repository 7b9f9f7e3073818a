package org.ninexplorer.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.RunCatalog;
import org.ninexplorer.training.RunRecord;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.training.TrainingViewModel;

/** The runs library's view-model over real runs: list, filter, open all of a run, rename, delete, continue, compare. */
class RunsViewModelTest {

    @TempDir
    static Path dir;
    static Path completed;
    static Path stopped;

    private final Preferences prefs = Preferences.userRoot().node("org/ninexplorer/test/runs-" + System.nanoTime());
    private final EditorViewModel editor = new EditorViewModel();
    private final TrainingViewModel training = new TrainingViewModel(editor, TaskExecutor.currentThread(),
            new DataDirectory(dir.resolve("data")), dir.resolve("data/runs"));
    private final FeatureMapsViewModel maps = new FeatureMapsViewModel(TaskExecutor.currentThread(), Runnable::run);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private int shown;
    private final RunOpener opener = new RunOpener(editor, training, maps, () -> shown++);

    /** A run of {@link TinyNets#TINY_28} on 320 images of the bundled sample; stopped after epoch {@code stopAfter}. */
    static Path train(String name, int epochs, int stopAfter) throws Exception {
        Path folder = dir.resolve("data/runs").resolve(name);
        TrainingRun[] run = new TrainingRun[1];
        run[0] = new TrainingRun(new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(epochs)
                .withBatchSize(32), TinyNets.sample(), "sample", folder, 320, 100), event -> {
                    if (event instanceof TrainingEvent.Epoch e && e.epoch() == stopAfter) {
                        run[0].stop();
                    }
                });
        run[0].call();
        return folder;
    }

    @BeforeAll
    static void trainRuns() throws Exception {
        completed = train("20261201-090000-tiny", 2, 0);
        stopped = train("20261201-091500-tiny", 3, 1);
        Path damaged = Files.createDirectories(dir.resolve("data/runs/20261201-093000-broken"));
        Files.writeString(damaged.resolve("run.json"), "{\"schemaVersion\": 1, \"architec");
    }

    @AfterEach
    void forgetPreferences() throws Exception {
        prefs.removeNode();
    }

    private RunsViewModel viewModel(DesktopFolders desktop) {
        maps.graphArchitectureProperty().bind(editor.architectureProperty());
        RunsViewModel vm = new RunsViewModel(dir.resolve("data/runs"), prefs, TaskExecutor.currentThread(), Runnable::run,
                dialogs, desktop, opener, new ComparisonViewModel());
        vm.refresh();
        return vm;
    }

    private static RunSummary find(RunsViewModel vm, Path folder) {
        return vm.shownRuns().stream().filter(r -> r.folder().equals(folder)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryRunTheNewestFirstAndFiltersThem() {
        RunsViewModel vm = viewModel(new NoDesktop());

        // Other tests add copies of these; the order is the runs' start times, the broken one's folder time.
        assertThat(vm.shownRuns()).extracting(RunSummary::folderName)
                .containsSubsequence("20261201-093000-broken", "20261201-091500-tiny", "20261201-090000-tiny");
        assertThat(find(vm, stopped).state()).isEqualTo(RunSummary.State.STOPPED);
        assertThat(find(vm, completed).state()).isEqualTo(RunSummary.State.COMPLETED);

        vm.filterProperty().set("STOPPED");
        assertThat(vm.shownRuns()).extracting(RunSummary::folderName).contains("20261201-091500-tiny")
                .doesNotContain("20261201-090000-tiny");
        vm.filterProperty().set("damaged");
        assertThat(vm.shownRuns()).singleElement().satisfies(r -> assertThat(vm.describe(r))
                .contains("run.json is not valid JSON"));
        vm.selection().setAll(vm.shownRuns());
        assertThat(vm.open.canExecute()).isFalse();
        assertThat(vm.compare.canExecute()).isFalse();
    }

    @Test
    void openingARunShowsItsNetReadOnlyItsRecipeCurvesAndMapsUntilEditAsNew() throws Exception {
        RunsViewModel vm = viewModel(new NoDesktop());
        vm.selection().setAll(find(vm, completed));
        vm.open.execute();

        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(shown).isOne();
        assertThat(editor.shownRunProperty().get()).isEqualTo(completed);
        assertThat(editor.architecture()).isEqualTo(TinyNets.TINY_28);
        assertThat(editor.readOnlyProperty().get()).isTrue();
        editor.setClasses(7);
        assertThat(editor.architecture()).as("read-only").isEqualTo(TinyNets.TINY_28);
        assertThat(training.form().hyperparameters()).isEqualTo(RunRecord.read(completed).hyperparameters());
        assertThat(training.form().limitTrainProperty().get()).isEqualTo(320);
        assertThat(training.charts().testAccuracy().points()).hasSize(2);
        assertThat(training.charts().rawLoss().points()).hasSize(20);
        assertThat(maps.sourceProperty().get()).isEqualTo("Network: loaded run " + completed.getFileName());

        editor.editAsNew();
        assertThat(editor.readOnlyProperty().get()).isFalse();
        assertThat(editor.nameProperty().get()).isEqualTo("20261201-090000-tiny-variant");
        editor.editLayer(NinBlock.class, "channels", b -> new NinBlock(24, b.kernel(), b.stride(), b.padding()));
        assertThat(maps.sourceProperty().get()).endsWith("— not the network in the graph");
    }

    @Test
    void renamingKeepsTheFolderAndDeletingWithoutATrashSaysItIsForGood() throws Exception {
        Path copy = dir.resolve("data/runs/20261201-080000-copy");
        copyTree(completed, copy);
        RunsViewModel vm = viewModel(new NoDesktop());
        vm.selection().setAll(find(vm, copy));

        dialogs.text = Optional.of("baseline");
        vm.rename.execute();
        assertThat(find(vm, copy).name()).isEqualTo("baseline");

        vm.selection().setAll(find(vm, copy));
        dialogs.answer = false;
        vm.delete.execute();
        assertThat(copy).exists();
        assertThat(dialogs.asked).last().asString().contains("deleted for good").contains(copy.toString());

        vm.selection().setAll(find(vm, copy));
        dialogs.answer = true;
        vm.delete.execute();
        assertThat(copy).doesNotExist();
        assertThat(vm.shownRuns()).extracting(RunSummary::folder).doesNotContain(copy).contains(completed);
    }

    @Test
    void anAddedFolderIsListedAndRemembered() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        copyTree(completed, elsewhere.resolve("borrowed-run"));
        RunsViewModel vm = viewModel(new NoDesktop());

        vm.addFolder(elsewhere);

        assertThat(vm.shownRuns()).extracting(RunSummary::folderName).contains("borrowed-run");
        assertThat(viewModel(new NoDesktop()).shownRuns()).extracting(RunSummary::folderName).contains("borrowed-run");
    }

    @Test
    void comparingTwoRunsOverlaysTheirCurvesInTheirOwnColours() {
        RunsViewModel vm = viewModel(new NoDesktop());
        RunSummary a = find(vm, completed);
        RunSummary b = find(vm, stopped);
        vm.selection().setAll(a, b);
        vm.compare.execute();

        ComparisonViewModel.Comparison c = vm.comparison().comparisonProperty().get();
        assertThat(c.loss()).extracting(ComparisonViewModel.Curve::run).containsExactly(a.name(), b.name());
        assertThat(c.loss().get(0).xs()).hasSize(20);
        assertThat(c.loss().get(0).colour()).isNotEqualTo(c.loss().get(1).colour());
        assertThat(c.accuracy()).hasSize(4).extracting(ComparisonViewModel.Curve::dashed)
                .containsExactly(true, false, true, false);
        assertThat(c.accuracy().get(1).xs()).containsExactly(1.0, 2.0);
        assertThat(c.rows()).extracting(ComparisonViewModel.Row::params).containsOnly(org.ninexplorer.ui.common.Format
                .count(org.ninexplorer.model.ShapeInference.analyze(TinyNets.TINY_28).totalParams()));
        assertThat(c.rows().get(0).memory()).endsWith("MB");
        assertThat(c.xLabel()).isEqualTo("epoch");
        assertThat(c.diff()).startsWith("A: " + a.name()).contains("A and B are the same net");

        vm.comparison().alignmentProperty().set(ComparisonViewModel.Alignment.WALL_TIME);
        c = vm.comparison().comparisonProperty().get();
        double[] testX = c.accuracy().get(1).xs();
        assertThat(testX[testX.length - 1]).isCloseTo(a.wallSeconds(), offset(1e-9));
        assertThat(c.xLabel()).isEqualTo("wall time (s)");
    }

    @Test
    void aStoppedRunContinuesFromTheLibraryToItsLastEpoch() throws Exception {
        Path copy = dir.resolve("data/runs/20261201-070000-to-continue");
        copyTree(stopped, copy);
        RunsViewModel vm = viewModel(new NoDesktop());
        vm.selection().setAll(find(vm, copy));
        assertThat(vm.continueRun.canExecute()).isTrue();

        vm.continueRun.execute(); // the training executor runs it on this thread
        training.session().drain();

        assertThat(training.session().statusIsErrorProperty().get()).as(training.session().statusProperty().get()).isFalse();
        RunSummary done = RunCatalog.summarise(copy);
        assertThat(done.state()).isEqualTo(RunSummary.State.COMPLETED);
        assertThat(done.epochsDone()).isEqualTo(3);
        assertThat(training.charts().testAccuracy().points()).hasSize(3);
        assertThat(find(vm, copy).state()).as("listed again when the run ended").isEqualTo(RunSummary.State.COMPLETED);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** A desktop with neither a trash nor a file manager, as on a bare X server. */
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

    /** Answers every question as scripted and records what was asked. */
    private static final class ScriptedDialogs implements DialogService {
        final List<String> asked = new ArrayList<>();
        boolean answer;
        Optional<String> text = Optional.empty();

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> ask(String header, String detail, List<Answer<T>> answers) {
            asked.add(header + " " + detail);
            return Optional.of((T) Boolean.valueOf(answer));
        }

        @Override
        public void showError(String header, String detail) {
            asked.add(header + " " + detail);
        }

        @Override
        public Optional<String> askText(String header, String detail, String initial) {
            return text;
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, Path initialDirectory, FileKind kind) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName,
                                               FileKind kind) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFolder(String title, Path initialDirectory) {
            return Optional.empty();
        }
    }
}
