package org.ninexplorer.ui.featuremaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.Shape;
import org.ninexplorer.training.FeatureMaps;
import org.ninexplorer.ui.common.TaskExecutor;

class FeatureMapsViewModelTest {

    private final FeatureMapsViewModel viewModel = new FeatureMapsViewModel(TaskExecutor.currentThread(), Runnable::run);

    @Test
    void anOwnImageClearsTheStripSelectionUntilATestImageIsChosenAgain() {
        viewModel.showSample(3);
        assertThat(viewModel.ownImageProperty().get()).isFalse();

        viewModel.useImage(new SampleImage(new float[3 * 4 * 4], 3, 4, 4), "cat.png");
        assertThat(viewModel.ownImageProperty().get()).isTrue();

        viewModel.showSample(3);
        assertThat(viewModel.ownImageProperty().get()).as("the same test image chosen again").isFalse();
        assertThat(viewModel.sampleIndexProperty().get()).isEqualTo(3);
    }

    @Test
    void saysWhichNetworkItShows() {
        assertThat(viewModel.sourceProperty().get()).isEqualTo("Network: none yet");
        viewModel.setSource(FeatureMapsViewModel.Source.LOADED_RUN, "20261201-101010-fashion-28");
        assertThat(viewModel.sourceProperty().get()).isEqualTo("Network: loaded run 20261201-101010-fashion-28");
    }

    @Test
    void theHeadlineAndTheBarsShowTheSamePercentage() {
        assertThat(FeatureMapsViewModel.percent(0.996f)).isEqualTo("99.6 %");
        assertThat(FeatureMapsViewModel.percent(0.0004)).isEqualTo("0.0 %");
    }

    @Test
    void theLastBlocksChannelsAreNamedAsClassesOnlyWhenGapMakesThemTheScores() {
        FeatureMaps.BlockActivation last = new FeatureMaps.BlockActivation(7, new Shape(10, 2, 2), new float[40]);
        FeatureMaps maps = new FeatureMaps(List.of(last), new float[10]);
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        Architecture denseHead = Presets.FASHION_28.withLayer(8, new Dense(10));

        assertThat(new FeatureMapsViewModel.Result(null, "", 0, maps, Presets.FASHION_28, names).labelsFor(last))
                .isEqualTo(names);
        assertThat(new FeatureMapsViewModel.Result(null, "", 0, maps, denseHead, names).labelsFor(last)).isNull();
    }
}
