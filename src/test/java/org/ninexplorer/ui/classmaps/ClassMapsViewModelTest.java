package org.ninexplorer.ui.classmaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.Dense;
import org.ninexplorer.training.ClassMaps;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.NetworkBuilder;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;

/** The class-map view's logic on a real small net and the bundled sample, without a window. */
class ClassMapsViewModelTest {

    /** Holds background work until the test runs it, to cancel in between. */
    private final List<Runnable> queued = new ArrayList<>();
    private final TaskExecutor held = queued::add;
    private FeatureMapsViewModel featureMaps;
    private ClassMapsViewModel viewModel;
    private ClassMapsViewModel heldViewModel;

    @BeforeEach
    void setUp() {
        featureMaps = new FeatureMapsViewModel(TaskExecutor.currentThread(), Runnable::run);
        viewModel = new ClassMapsViewModel(featureMaps, TaskExecutor.currentThread(), Runnable::run);
        heldViewModel = new ClassMapsViewModel(featureMaps, held, Runnable::run);
        featureMaps.datasetProperty().set(TinyNets.sample());
    }

    private void useNet(org.ninexplorer.model.Architecture arch) {
        featureMaps.mapperProperty().set(FeatureMapper.snapshot(arch, NetworkBuilder.build(arch, Hyperparameters.defaults(), 1)));
    }

    @Test
    void showsThePredictedClassWithTheNumberItPoolsUntilAnotherIsPickedForThatSample() {
        assertThat(viewModel.messageProperty().get()).isNotEmpty();
        useNet(TinyNets.TINY_28);

        ClassMapsViewModel.Explanation e = viewModel.explanationProperty().get();
        assertThat(viewModel.messageProperty().get()).isEmpty();
        assertThat(e.maps()).hasSize(10);
        assertThat(viewModel.chosenClassProperty().get()).isEqualTo(featureMaps.resultProperty().get().maps()
                .predictedClass());
        ClassMaps.ClassMap chosen = viewModel.chosenMapProperty().get();
        assertThat(viewModel.poolLineProperty().get()).isEqualTo(String.format(Locale.ROOT,
                "mean of this map = %.2f → %s after softmax", chosen.score(),
                FeatureMapsViewModel.percent(chosen.probability())));

        int other = (chosen.classIndex() + 1) % 10;
        viewModel.chosenClassProperty().set(other);
        assertThat(viewModel.chosenMapProperty().get().classIndex()).isEqualTo(other);
        useNet(TinyNets.TINY_28);
        assertThat(viewModel.chosenClassProperty().get()).as("the next epoch's net keeps the class the user chose")
                .isEqualTo(other);
        assertThat(viewModel.chosenMapProperty().get().classIndex()).isEqualTo(other);

        featureMaps.showSample(5);
        assertThat(viewModel.chosenClassProperty().get()).as("a new sample shows its own prediction")
                .isEqualTo(featureMaps.resultProperty().get().maps().predictedClass());
        assertThat(viewModel.sourceProperty().get()).isEqualTo(featureMaps.sourceProperty().get());
    }

    @Test
    void aQuickOcclusionMapFollowsTheSampleOnlyWhileSomeoneLooks() {
        useNet(TinyNets.TINY_28);
        assertThat(viewModel.occlusionProperty().get()).isNull();
        assertThat(viewModel.patchProperty().get()).isEqualTo(4);
        assertThat(viewModel.strideProperty().get()).isEqualTo(2);

        viewModel.activeProperty().set(true);
        assertThat(viewModel.occlusionProperty().get().patches()).isEqualTo(13 * 13);
        assertThat(viewModel.occlusionLineProperty().get()).contains("169 places");

        viewModel.strideProperty().set(4);
        assertThat(viewModel.occlusionProperty().get().patches()).isEqualTo(7 * 7);
        viewModel.chosenClassProperty().set((viewModel.chosenClassProperty().get() + 1) % 10);
        assertThat(viewModel.occlusionProperty().get().classIndex()).isEqualTo(viewModel.chosenClassProperty().get());
    }

    @Test
    void aCancelledOcclusionMapNeverArrives() {
        useNet(TinyNets.TINY_28);
        heldViewModel.runOcclusion();
        assertThat(heldViewModel.occlusionRunningProperty().get()).isTrue();

        heldViewModel.cancelOcclusion();
        queued.forEach(Runnable::run);

        assertThat(heldViewModel.occlusionRunningProperty().get()).isFalse();
        assertThat(heldViewModel.occlusionProperty().get()).isNull();
    }

    @Test
    void theTestSetMeansComeForEveryClassAndSayWhenTheNetHasChangedSince() {
        useNet(TinyNets.TINY_28);
        heldViewModel.computeMeans();
        assertThat(heldViewModel.meansRunningProperty().get()).isTrue();
        queued.forEach(Runnable::run);

        ClassMapsViewModel.Means means = heldViewModel.meansProperty().get();
        assertThat(heldViewModel.meansRunningProperty().get()).isFalse();
        assertThat(means.classes()).hasSize(10);
        assertThat(means.classes().stream().mapToInt(ClassMaps.ClassMean::images).sum())
                .isEqualTo(TinyNets.sample().test().size());

        String done = heldViewModel.meansLineProperty().get();
        useNet(TinyNets.TINY_28);
        assertThat(heldViewModel.meansProperty().get()).as("kept, for the net they were averaged with").isSameAs(means);
        assertThat(heldViewModel.meansLineProperty().get()).startsWith(done).contains("earlier state of the network");

        featureMaps.datasetProperty().set(null);
        assertThat(heldViewModel.meansProperty().get()).as("means of other data").isNull();
    }

    @Test
    void anAverageStartedBeforeTheNextSnapshotStillArrives() {
        // A run in training hands the window a new net each epoch, sooner than the whole test set is averaged.
        useNet(TinyNets.TINY_28);
        heldViewModel.computeMeans();
        useNet(TinyNets.TINY_28);
        assertThat(heldViewModel.meansRunningProperty().get()).isTrue();
        queued.forEach(Runnable::run);

        assertThat(heldViewModel.meansProperty().get()).isNotNull();
        assertThat(heldViewModel.meansLineProperty().get()).contains("earlier state of the network");
    }

    @Test
    void aNetWithoutClassMapsSaysSo() {
        useNet(TinyNets.TINY_28.withLayer(3, new Dense(10)));

        assertThat(viewModel.explanationProperty().get()).isNull();
        assertThat(viewModel.messageProperty().get()).contains("no class maps");
        viewModel.computeMeans();
        assertThat(viewModel.meansLineProperty().get()).contains("no class maps");
    }
}
