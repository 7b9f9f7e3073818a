package org.ninexplorer.ui.featuremaps;

/**
 * Viridis: perceptually uniform and readable in greyscale and by most colour-blind viewers, so that the
 * brightness of a tile means the strength of an activation on any projector.
 */
public final class ColorMap {

    /** Viridis sampled at 9 points (matplotlib), interpolated linearly in between. */
    private static final int[][] VIRIDIS = {
            {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
            {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};

    /**
     * ColorBrewer's RdBu at 9 points, blue for negative, near-white for zero, red for positive: a diverging
     * map that stays readable for colour-blind viewers, so the sign of a weight is its hue.
     */
    private static final int[][] BLUE_WHITE_RED = {
            {33, 102, 172}, {67, 147, 195}, {146, 197, 222}, {209, 229, 240}, {247, 247, 247},
            {253, 219, 199}, {244, 165, 130}, {214, 96, 77}, {178, 24, 43}};

    private ColorMap() {
    }

    /** @param t 0..1 (clamped) @return opaque ARGB */
    public static int viridis(double t) {
        return interpolate(VIRIDIS, t);
    }

    /** @param t −1..1 (clamped), 0 in the middle of the map @return opaque ARGB */
    public static int diverging(double t) {
        return interpolate(BLUE_WHITE_RED, Double.isNaN(t) ? 0.5 : (t + 1) / 2);
    }

    private static int interpolate(int[][] stops, double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (stops.length - 1);
        int i = Math.min((int) x, stops.length - 2);
        double f = x - i;
        int r = (int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int g = (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /**
     * {@code length} values from {@code offset} in viridis, {@code min} purple and {@code max} yellow
     * (all purple when the range is empty).
     */
    public static int[] viridis(float[] values, int offset, int length, float min, float max) {
        float range = max - min;
        int[] argb = new int[length];
        for (int i = 0; i < length; i++) {
            argb[i] = viridis(range > 0 ? (values[offset + i] - min) / range : 0);
        }
        return argb;
    }

    /** Pixels in [0, 1] as opaque grey ARGB (the first channel's plane only for colour input is not wanted: averages). */
    public static int[] grey(float[] chw, int channels, int height, int width) {
        int plane = height * width;
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += chw[c * plane + i];
            }
            int v = (int) Math.round(255 * Math.max(0, Math.min(1, sum / channels)));
            argb[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        return argb;
    }
}
