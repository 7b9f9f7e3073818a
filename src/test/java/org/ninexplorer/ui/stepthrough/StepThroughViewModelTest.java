package org.ninexplorer.ui.stepthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Operation;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.FeatureMaps;
import org.ninexplorer.training.ForwardSteps;
import org.ninexplorer.training.NetworkBuilder;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.featuremaps.SampleImage;

/** The bundled sample's test images through real (untrained, fixed-seed) nets, on the calling thread. */
class StepThroughViewModelTest {

    private final FeatureMapsViewModel featureMaps = new FeatureMapsViewModel(TaskExecutor.currentThread(), Runnable::run);
    private final StepThroughViewModel viewModel = new StepThroughViewModel(featureMaps, TaskExecutor.currentThread(),
            Runnable::run);

    @Test
    void arrowsHomeAndEndStayWithinThePass() {
        show(Presets.FASHION_28);
        int operations = Operation.of(ShapeInference.analyze(Presets.FASHION_28)).size();

        assertThat(viewModel.stepsProperty().get()).hasSize(operations + 1);
        assertThat(viewModel.indexProperty().get()).isZero();
        assertThat(viewModel.currentProperty().get().operation()).as("step 0 is the input").isNull();
        assertThat(viewModel.atStartProperty().get()).isTrue();
        viewModel.back();
        assertThat(viewModel.indexProperty().get()).isZero();

        viewModel.forward();
        assertThat(viewModel.indexProperty().get()).isEqualTo(1);
        assertThat(viewModel.currentProperty().get().operation().kind()).isEqualTo(Operation.Kind.CONVOLUTION);
        assertThat(viewModel.positionProperty().get()).isEqualTo("Step 1 of " + operations);
        assertThat(viewModel.atStartProperty().get()).isFalse();

        viewModel.last();
        assertThat(viewModel.indexProperty().get()).isEqualTo(operations);
        assertThat(viewModel.atEndProperty().get()).isTrue();
        assertThat(viewModel.currentProperty().get().operation().kind()).isEqualTo(Operation.Kind.SOFTMAX);
        viewModel.forward();
        assertThat(viewModel.indexProperty().get()).isEqualTo(operations);

        viewModel.first();
        assertThat(viewModel.indexProperty().get()).isZero();
        assertThat(viewModel.atEndProperty().get()).isFalse();
    }

    @Test
    void beforeAnyTrainingItStepsThroughTheGraphsNetAsTrainingWouldStartItAndSaysSo() {
        viewModel.activeProperty().set(true);
        featureMaps.datasetProperty().set(TinyNets.sample());
        assertThat(viewModel.stepsProperty().get()).as("no network yet").isEmpty();

        featureMaps.graphArchitectureProperty().set(Presets.FASHION_28);

        assertThat(viewModel.networkProperty().get()).contains("untrained").contains("seed 42").contains("he init");
        assertThat(viewModel.messageProperty().get()).isEmpty();
        List<FeatureMaps.BlockActivation> expected = ForwardSteps.untrained(Presets.FASHION_28)
                .run(TinyNets.sample().test().pixels(0));
        assertThat(last(viewModel).output().values()).containsExactly(expected.get(expected.size() - 1).values());
    }

    @Test
    void nothingIsComputedWhileNobodyLooksAndTheMissedPassFollowsWhenSomeoneDoes() {
        featureMaps.datasetProperty().set(TinyNets.sample());
        featureMaps.graphArchitectureProperty().set(Presets.FASHION_28);
        assertThat(viewModel.stepsProperty().get()).isEmpty();

        viewModel.activeProperty().set(true);

        assertThat(viewModel.stepsProperty().get()).isNotEmpty();
    }

    @Test
    void theChosenStepStaysWhenTheSampleChangesAndTheNetworkIsTheFeatureMapViews() {
        Architecture arch = Presets.FASHION_28;
        FeatureMapper mapper = FeatureMapper.snapshot(arch, NetworkBuilder.build(arch, ForwardSteps.untrainedRecipe(arch), 1));
        featureMaps.setSource(FeatureMapsViewModel.Source.LOADED_RUN, "20261202-080000-fashion-28");
        featureMaps.datasetProperty().set(TinyNets.sample());
        featureMaps.mapperProperty().set(mapper);
        viewModel.activeProperty().set(true);
        viewModel.go(5);
        float[] before = viewModel.currentProperty().get().output().values();

        featureMaps.showSample(7);

        assertThat(viewModel.indexProperty().get()).isEqualTo(5);
        assertThat(viewModel.currentProperty().get().output().values()).isNotEqualTo(before);
        assertThat(viewModel.currentProperty().get().text().title()).isEqualTo("NiN block 1 · convolution 3 of 3: 32 filters of 1×1");
        assertThat(viewModel.stepsProperty().get().get(0).text().title()).isEqualTo("Input: test image 7: "
                + TinyNets.sample().className(TinyNets.sample().test().label(7)));
        assertThat(viewModel.networkProperty().get()).isEqualTo(featureMaps.sourceProperty().get())
                .contains("20261202-080000-fashion-28");
        float[] probabilities = featureMaps.resultProperty().get().maps().probabilities();
        float[] last = last(viewModel).output().values();
        for (int c = 0; c < probabilities.length; c++) {
            assertThat(last[c]).isCloseTo(probabilities[c], offset(1e-5f));
        }
    }

    @Test
    void eachKindOfOperationSaysWhatItDoesWithItsNumbers() {
        show(Presets.FASHION_28);
        List<StepThroughViewModel.Step> steps = viewModel.stepsProperty().get();

        StepText first = steps.get(1).text();
        assertThat(first.shapes()).isEqualTo("1×28×28 → 32×28×28");
        assertThat(first.formula()).isEqualTo("28 + 2·2 − 5 = 27 → ⌊27/1⌋ + 1 = 28");
        assertThat(first.parameters()).startsWith("weights 1·5·5·32 = 800 + biases 32 = 832 parameters");
        assertThat(steps.get(2).text().lesson()).startsWith("ReLU sets negatives to 0");
        assertThat(steps.get(3).text().lesson()).startsWith("A 1×1 convolution keeps the size and mixes channels");
        assertThat(steps.get(7).text().lesson()).startsWith("Max pool 3/2 shrinks each map");
        assertThat(steps.get(7).text().formula()).isEqualTo("28 + 2·0 − 3 = 25 → ⌊25/2⌋ + 1 = 13");
        StepThroughViewModel.Step dropout = step(steps, Operation.Kind.DROPOUT);
        assertThat(dropout.text().title()).contains("identity at inference");
        assertThat(dropout.output().values()).containsExactly(steps.get(steps.indexOf(dropout) - 1).output().values());
        StepThroughViewModel.Step gap = step(steps, Operation.Kind.GLOBAL_AVERAGE_POOL);
        assertThat(gap.text().lesson()).startsWith("GAP averages each class map into a score");
        assertThat(gap.labels()).isEqualTo(TinyNets.sample().classNames());
        assertThat(gap.drawnAsMaps()).isFalse();
        assertThat(steps.get(steps.indexOf(gap) - 1).labels()).as("the class maps").isEqualTo(TinyNets.sample().classNames());
        assertThat(steps.get(1).labels()).isNull();
        assertThat(last(viewModel).text().formula()).startsWith("P(").contains("e^");
    }

    @Test
    void aDenseHeadAndAThreeByThreeBlockSayTheirOwnLessons() {
        Architecture arch = Presets.FASHION_28.withLayer(8, new Dense(10))
                .withLayer(0, new NinBlock(32, 5, 1, 2, 1, 3));
        show(arch);
        List<StepThroughViewModel.Step> steps = viewModel.stepsProperty().get();

        assertThat(steps.get(3).text().lesson()).startsWith("A 3×3 convolution with padding 1 keeps the size");
        StepThroughViewModel.Step dense = step(steps, Operation.Kind.DENSE);
        assertThat(dense.text().formula()).isEqualTo("flatten 10×2×2 = 40 → 10");
        assertThat(dense.text().lesson()).endsWith("its outputs are the class scores.");
        assertThat(dense.labels()).isEqualTo(TinyNets.sample().classNames());
    }

    @Test
    void anImpossibleNetSaysSoInsteadOfSteps() {
        show(Presets.FASHION_28);
        featureMaps.graphArchitectureProperty().set(Presets.FASHION_28.withLayer(0, new NinBlock(32, 40, 1, 0)));

        assertThat(viewModel.stepsProperty().get()).isEmpty();
        assertThat(viewModel.currentProperty().get()).isNull();
        assertThat(viewModel.messageProperty().get()).contains("not possible");
    }

    @Test
    void anOwnImageBeforeAnyTrainingSaysWhenItWillBeSteppedThrough() {
        show(Presets.FASHION_28);
        featureMaps.useImage(new SampleImage(new float[3 * 8 * 8], 3, 8, 8), "cat.png");

        assertThat(viewModel.stepsProperty().get()).isEmpty();
        assertThat(viewModel.messageProperty().get()).contains("own image");

        featureMaps.showSample(4);
        assertThat(viewModel.stepsProperty().get()).isNotEmpty();
        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    private void show(Architecture arch) {
        featureMaps.datasetProperty().set(TinyNets.sample());
        featureMaps.graphArchitectureProperty().set(arch);
        viewModel.activeProperty().set(true);
    }

    private static StepThroughViewModel.Step last(StepThroughViewModel viewModel) {
        List<StepThroughViewModel.Step> steps = viewModel.stepsProperty().get();
        return steps.get(steps.size() - 1);
    }

    private static StepThroughViewModel.Step step(List<StepThroughViewModel.Step> steps, Operation.Kind kind) {
        return steps.stream().filter(s -> s.operation() != null && s.operation().kind() == kind).findFirst().orElseThrow();
    }
}
