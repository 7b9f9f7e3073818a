package org.ninexplorer.ui.classmaps;

import org.ninexplorer.ui.featuremaps.ColorMap;
import org.ninexplorer.ui.featuremaps.SampleImage;

/**
 * A map of values drawn over an input image in viridis (colour-blind safe): each map cell covers its
 * share of the input as a flat block, so a 2×2 class map is four squares over the picture, not a blur.
 */
public final class HeatMap {

    private HeatMap() {
    }

    /**
     * The input in grey with {@code map} ({@code mapHeight × mapWidth}) over it, at the input's size.
     *
     * @param opacity 0 shows only the input, 1 only the map
     */
    public static int[] over(SampleImage input, float[] map, int mapHeight, int mapWidth, float min, float max,
                             double opacity) {
        int h = input.height();
        int w = input.width();
        int[] grey = ColorMap.grey(input.pixels(), input.channels(), h, w);
        int[] colours = ColorMap.viridis(map, 0, map.length, min, max);
        int[] argb = new int[h * w];
        for (int y = 0; y < h; y++) {
            int row = y * mapHeight / h * mapWidth;
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = blend(grey[y * w + x], colours[row + x * mapWidth / w], opacity);
            }
        }
        return argb;
    }

    private static int blend(int under, int over, double opacity) {
        int argb = 0xFF000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            double v = (1 - opacity) * (under >> shift & 0xFF) + opacity * (over >> shift & 0xFF);
            argb |= (int) Math.round(v) << shift;
        }
        return argb;
    }
}
