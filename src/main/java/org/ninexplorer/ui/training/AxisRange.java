package org.ninexplorer.ui.training;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A chart axis whose bounds the view-model decides (the charts never auto-range): from {@code lower} to
 * {@code upper}, a tick every {@code tick}. Labels go only on multiples of the tick, so the small margin past
 * the last epoch, which keeps the last point's symbol inside the plot, gets no odd label of its own.
 */
public record AxisRange(double lower, double upper, double tick) {

    /** Accuracy is a fraction of the images: always 0 to 1. */
    public static final AxisRange ACCURACY = new AxisRange(0, 1, 0.2);

    /** The loss axis before any data: ln 10 = 2.3, the loss of a 10-class net that guesses, fits on it. */
    public static final AxisRange LOSS_BEFORE_DATA = new AxisRange(0, 2.5, 0.5);

    /** Nice upper bounds (times a power of ten) with their tick spacing: five or six labels each. */
    private static final double[][] NICE_LOSS = {
        {1, 0.2}, {1.5, 0.25}, {2, 0.5}, {2.5, 0.5}, {3, 0.5}, {4, 1}, {5, 1}, {6, 1}, {8, 2}, {10, 2}};

    /** At most about eight labelled epochs, on round numbers (1, 2, 5, 10, 20, ...), however long the run. */
    public static AxisRange epochs(int planned) {
        int epochs = Math.max(1, planned);
        double tick = 1;
        while (tick * 8 < epochs) {
            double scale = Math.pow(10, Math.floor(Math.log10(tick) + 1e-9));
            double m = Math.rint(tick / scale);
            tick = (m == 1 ? 2 : m == 2 ? 5 : 10) * scale;
        }
        // Half a tick past the last epoch: room for its symbol, and the unlabelled end tick JavaFX adds stays
        // far enough from the last label not to hide it.
        return new AxisRange(0, epochs + tick / 2, tick);
    }

    /** From 0 to a round number above {@code max} (the largest loss so far). */
    public static AxisRange loss(double max) {
        if (!(max > 0) || !Double.isFinite(max)) {
            return LOSS_BEFORE_DATA;
        }
        double target = max * 1.05;
        double scale = Math.pow(10, Math.floor(Math.log10(target)));
        for (double[] nice : NICE_LOSS) {
            if (nice[0] * scale >= target) {
                return new AxisRange(0, nice[0] * scale, nice[1] * scale);
            }
        }
        return new AxisRange(0, 10 * scale, 2 * scale);
    }

    /** The label of the tick at {@code value}: empty unless it is a multiple of the tick spacing. */
    public String label(double value) {
        double steps = (value - lower) / tick;
        if (Math.abs(steps - Math.rint(steps)) > 1e-6) {
            return "";
        }
        return BigDecimal.valueOf(lower + Math.rint(steps) * tick).setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
