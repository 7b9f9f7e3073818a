package org.ninexplorer.ui.featuremaps;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.FirstLayerFilters;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.NetworkBuilder;
import org.ninexplorer.ui.common.TaskExecutor;

/** Each drawn cell is the colour of its weight, on the shared or the filter's own scale. */
class FiltersViewModelTest {

    private final FiltersViewModel viewModel = new FiltersViewModel(TaskExecutor.currentThread(), Runnable::run);

    @Test
    void thePicturesAreTheFirstLayersWeightsInTheDivergingMap() {
        MultiLayerNetwork net = NetworkBuilder.build(Presets.FASHION_28, Hyperparameters.recommendedFor(Presets.FASHION_28, 0), 1);
        viewModel.mapperProperty().set(FeatureMapper.snapshot(Presets.FASHION_28, net));
        FirstLayerFilters f = viewModel.filtersProperty().get();
        assertThat(f).isNotNull();
        assertThat(viewModel.messageProperty().get()).isEmpty();

        for (boolean shared : new boolean[] {true, false}) {
            viewModel.sharedScaleProperty().set(shared);
            for (int filter = 0; filter < f.filters(); filter++) {
                float scale = shared ? f.maxAbs() : f.maxAbs(filter);
                int[] picture = viewModel.picture(filter, 0);
                for (int r = 0; r < f.kernel(); r++) {
                    for (int c = 0; c < f.kernel(); c++) {
                        assertThat(picture[r * f.kernel() + c]).as("filter %d (%d, %d), shared %s", filter, r, c, shared)
                                .isEqualTo(ColorMap.diverging(f.weight(filter, 0, r, c) / scale));
                    }
                }
            }
        }
    }

    @Test
    void zeroIsTheMiddleOfTheMapAndTheSignIsTheHue() {
        int zero = ColorMap.diverging(0);
        assertThat(zero & 0xFF).isEqualTo(zero >> 16 & 0xFF); // near-white, grey
        assertThat(ColorMap.diverging(-1) & 0xFF).as("negative is blue").isGreaterThan(ColorMap.diverging(-1) >> 16 & 0xFF);
        assertThat(ColorMap.diverging(1) >> 16 & 0xFF).as("positive is red").isGreaterThan(ColorMap.diverging(1) & 0xFF);
    }
}
