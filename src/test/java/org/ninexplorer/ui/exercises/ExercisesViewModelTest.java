package org.ninexplorer.ui.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.model.Exercise;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.MemoryByLayer;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.runs.ComparisonViewModel;
import org.ninexplorer.ui.training.TrainingViewModel;

/**
 * The exercises panel over real short runs of the presets on the bundled sample: training runs on the calling
 * thread, and the session's reports are drained as the window's timer would.
 */
class ExercisesViewModelTest {

    @TempDir
    Path dir;

    private final EditorViewModel editor = new EditorViewModel();
    private TrainingViewModel training;

    private ExercisesViewModel viewModel(TaskExecutor background) {
        training = new TrainingViewModel(editor, TaskExecutor.currentThread(), new DataDirectory(dir.resolve("data")),
                dir.resolve("runs"));
        ExercisesViewModel vm = new ExercisesViewModel(editor, training, dir.resolve("runs"), background, Runnable::run,
                new ComparisonViewModel());
        // A lesson's budget cut to a few steps: 64 training images in batches of 32, one epoch, 32 test images.
        vm.epochsProperty().set(1);
        vm.limitTrainProperty().set(64);
        vm.limitTestProperty().set(32);
        return vm;
    }

    /** Sets the exercise up and drains the session until the set-up has ended (every run trains on this thread). */
    private void setUp(ExercisesViewModel vm, Exercise exercise) {
        vm.selectedProperty().set(exercise);
        assertThat(vm.setUpExercise.canExecute()).as(vm.blockedReasonProperty().get()).isTrue();
        vm.setUpExercise.execute();
        for (int i = 0; i < 10 && vm.phaseProperty().get().running(); i++) {
            training.session().drain();
        }
        assertThat(vm.phaseProperty().get()).as(vm.messageProperty().get()).isEqualTo(ExerciseSetUp.Phase.DONE);
    }

    /** A baseline's folder: the preset's name, and {@code -2}, {@code -3} … when runs start in the same second. */
    private static boolean isBaseline(String folder) {
        return folder.matches("\\d{8}-\\d{6}-fashion-28(-\\d+)?");
    }

    private List<String> runFolders() throws IOException {
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            return runs.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void oneConvolutionPerBlockTrainsTheBaselineThenTheVariantAndComparesThem() throws IOException {
        ExercisesViewModel vm = viewModel(TaskExecutor.currentThread());
        assertThat(vm.diffProperty().get()).contains("mlp 2 → 1");

        setUp(vm, Exercise.ONE_CONVOLUTION);

        assertThat(runFolders()).hasSize(2).anyMatch(ExercisesViewModelTest::isBaseline)
                .anyMatch(f -> f.endsWith("-fashion-28-one-1x1"));
        List<RunSummary> runs = vm.comparedProperty().get();
        assertThat(runs).extracting(RunSummary::name).containsExactly("fashion-28 (baseline)",
                "fashion-28, exercise 1: one 1×1 convolution per block");
        assertThat(runs).allSatisfy(r -> assertThat(r.state()).isEqualTo(RunSummary.State.COMPLETED));
        assertThat(runs.get(0).architecture()).isEqualTo(Presets.FASHION_28);
        assertThat(runs.get(1).architecture()).isEqualTo(Exercise.ONE_CONVOLUTION.variantOf(Presets.FASHION_28));
        assertThat(runs.get(1).hyperparameters()).as("one recipe for both").isEqualTo(runs.get(0).hyperparameters())
                .isEqualTo(vm.recipe());
        ComparisonViewModel.Comparison comparison = vm.comparison().comparisonProperty().get();
        assertThat(comparison.rows()).hasSize(2);
        assertThat(comparison.diff()).contains("mlp 2 → 1", "layers: 0 removed, 0 added, 4 changed");
        assertThat(vm.messageProperty().get()).contains("Trained the baseline", "Trained the variant");
        assertThat(vm.progress().get()).isEqualTo(1.0);
    }

    @Test
    void aSecondSetUpReusesTheCompletedBaselineOfTheSameRecipeAndData() throws IOException {
        ExercisesViewModel vm = viewModel(TaskExecutor.currentThread());
        setUp(vm, Exercise.ONE_CONVOLUTION);
        String baseline = runFolders().stream().filter(ExercisesViewModelTest::isBaseline).findFirst().orElseThrow();

        setUp(vm, Exercise.INTERMEDIATE_BLOCK);

        assertThat(runFolders()).as("only the variant was trained").hasSize(3)
                .filteredOn(ExercisesViewModelTest::isBaseline).containsExactly(baseline);
        assertThat(vm.messageProperty().get()).contains("Reused the baseline run " + baseline);
        assertThat(vm.comparedProperty().get().get(0).folderName()).isEqualTo(baseline);
        assertThat(vm.comparedProperty().get().get(1).architecture())
                .isEqualTo(Exercise.INTERMEDIATE_BLOCK.variantOf(Presets.FASHION_28));

        // Other data is another experiment: the baseline trains again.
        vm.limitTrainProperty().set(96);
        setUp(vm, Exercise.ONE_CONVOLUTION);
        assertThat(runFolders()).hasSize(5).filteredOn(ExercisesViewModelTest::isBaseline).hasSize(2);

        // Each exercise keeps its own comparison.
        vm.selectedProperty().set(Exercise.INTERMEDIATE_BLOCK);
        assertThat(vm.comparedProperty().get().get(0).folderName()).isEqualTo(baseline);
    }

    @Test
    void cancellingBeforeTrainingLeavesNoRunAndComparesNothing() {
        List<Runnable> queued = new ArrayList<>();
        ExercisesViewModel vm = viewModel(queued::add);
        vm.setUpExercise.execute();
        assertThat(vm.phaseProperty().get()).isEqualTo(ExerciseSetUp.Phase.LOOKING_FOR_BASELINE);
        assertThat(vm.setUpExercise.canExecute()).as("one set-up at a time").isFalse();
        assertThat(vm.cancel.canExecute()).isTrue();

        vm.cancel.execute();
        queued.forEach(Runnable::run);

        assertThat(vm.phaseProperty().get()).isEqualTo(ExerciseSetUp.Phase.CANCELLED);
        assertThat(dir.resolve("runs")).doesNotExist();
        assertThat(vm.comparedProperty().get()).isEmpty();
        assertThat(vm.setUpExercise.canExecute()).isTrue();
    }

    @Test
    void theResourceExerciseCountsTrainingBesidePredictionAndShowsAMeasuredPeakOnceARunHasOne() {
        ExercisesViewModel vm = viewModel(TaskExecutor.currentThread());
        vm.selectedProperty().set(Exercise.RESOURCES);
        vm.baseProperty().set("d2l-224");
        vm.batchProperty().set(128);

        ResourceFigures.Figures figures = vm.figuresProperty().get();
        MemoryByLayer memory = MemoryByLayer.of(ShapeInference.analyze(Presets.D2L_224), 128, 2);
        assertThat(row(figures, "parameters").training()).isEqualTo("1,992,166");
        assertThat(row(figures, "macs").trainingHow()).contains("3 × 762,297,352 MACs per image × 128 images");
        assertThat(row(figures, "memory").training()).isEqualTo(
                org.ninexplorer.model.MemoryEstimate.bytes(memory.trainingBytes()));
        assertThat(row(figures, "memory").prediction()).isEqualTo(
                org.ninexplorer.model.MemoryEstimate.bytes(memory.predictionBytes()));
        assertThat(row(figures, "measured").training()).isEqualTo("no run yet");
        assertThat(figures.layers()).hasSize(Presets.D2L_224.layers().size() + 1);
        assertThat(vm.diffProperty().get()).isEmpty();

        // Measuring trains the net itself once, on the lesson's budget.
        vm.baseProperty().set("fashion-28");
        setUp(vm, Exercise.RESOURCES);

        assertThat(vm.comparedProperty().get()).singleElement()
                .satisfies(r -> assertThat(r.architecture()).isEqualTo(Presets.FASHION_28));
        assertThat(row(vm.figuresProperty().get(), "measured").training()).endsWith("at batch 32")
                .doesNotContain("no run");
        assertThat(row(vm.figuresProperty().get(), "measured").trainingHow()).contains("fashion-28 (baseline)");
    }

    @Test
    void anImpossibleNetInTheEditorIsRefusedInWords() {
        ExercisesViewModel vm = viewModel(TaskExecutor.currentThread());
        vm.baseProperty().set(ExercisesViewModel.CURRENT_NET);
        assertThat(vm.setUpExercise.canExecute()).isTrue();

        editor.setInput(new InputSpec(1, 4, 4));

        assertThat(vm.problemProperty().get()).startsWith("The net is impossible");
        assertThat(vm.blockedReasonProperty().get()).isEqualTo(vm.problemProperty().get());
        assertThat(vm.setUpExercise.canExecute()).isFalse();
        assertThat(vm.diffProperty().get()).isEmpty();
        vm.selectedProperty().set(Exercise.RESOURCES);
        assertThat(vm.figuresProperty().get()).isNull();
    }

    private static ResourceFigures.Row row(ResourceFigures.Figures figures, String id) {
        return figures.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
