package org.ninexplorer.ui.featuremaps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleImageTest {

    @Test
    void resizesAndConvertsColourToGrey() {
        float[] rgb = new float[3 * 2 * 2];
        java.util.Arrays.fill(rgb, 0, 4, 0.3f);
        java.util.Arrays.fill(rgb, 4, 8, 0.6f);
        java.util.Arrays.fill(rgb, 8, 12, 0.9f);

        SampleImage grey = new SampleImage(rgb, 3, 2, 2).to(1, 4, 4);

        assertThat(grey.pixels()).hasSize(16);
        for (float v : grey.pixels()) {
            // ITU-R 601 luma, as training batches are converted: 0.299·0.3 + 0.587·0.6 + 0.114·0.9
            assertThat(v).isCloseTo(0.5445f, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void viridisRunsFromPurpleToYellow() {
        assertThat(ColorMap.viridis(0)).isEqualTo(0xFF440154);
        assertThat(ColorMap.viridis(1)).isEqualTo(0xFFFDE725);
    }
}
