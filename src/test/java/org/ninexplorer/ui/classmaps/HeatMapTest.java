package org.ninexplorer.ui.classmaps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ninexplorer.ui.featuremaps.ColorMap;
import org.ninexplorer.ui.featuremaps.SampleImage;

class HeatMapTest {

    private final SampleImage white = new SampleImage(filled(16, 1f), 1, 4, 4);

    @Test
    void eachCellOfACoarseMapCoversItsShareOfTheInputAsAFlatSquare() {
        int[] argb = HeatMap.over(white, new float[] {0, 1, 2, 3}, 2, 2, 0, 3, 1);

        assertThat(new int[] {argb[0], argb[1], argb[4], argb[5]}).containsOnly(ColorMap.viridis(0.0));
        assertThat(new int[] {argb[2], argb[3], argb[6], argb[7]}).containsOnly(ColorMap.viridis(1 / 3.0));
        assertThat(argb[15]).isEqualTo(ColorMap.viridis(1.0));
    }

    @Test
    void opacityBlendsTheMapWithTheInput() {
        assertThat(HeatMap.over(white, new float[] {0}, 1, 1, 0, 1, 0)).containsOnly(0xFFFFFFFF);
        int half = HeatMap.over(white, new float[] {0}, 1, 1, 0, 1, 0.5)[0];
        // Halfway between white and viridis purple (68, 1, 84).
        assertThat(half).isEqualTo(0xFF000000 | 162 << 16 | 128 << 8 | 170);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
