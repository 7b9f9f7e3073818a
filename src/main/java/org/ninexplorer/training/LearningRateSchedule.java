package org.ninexplorer.training;

import java.util.Locale;

/** How the learning rate moves during a run. */
public enum LearningRateSchedule {
    /** The same rate throughout, as the reference recipe trains. */
    CONSTANT("constant"),
    /** Half a cosine from the set rate down to zero over all iterations of the run. */
    COSINE("cosine"),
    /**
     * The cosine, scaled by a linear rise over the first {@value #WARMUP_ITERATIONS} iterations: what keeps Adam's
     * first steps from killing NiN's class channels (see {@link LinearWarmup}).
     */
    WARMUP_COSINE("warmup-cosine");

    /**
     * Length of the warm-up. Measured with fashion-28 on MNIST digits (2 epochs, 1,876 steps): without it classes
     * 1 and 6 were never predicted (test acc 0.75-0.78); with 500 steps, 0.989, every class predicted.
     */
    public static final long WARMUP_ITERATIONS = 500;

    private final String label;

    LearningRateSchedule(String label) {
        this.label = label;
    }

    public static LearningRateSchedule parse(String text) {
        for (LearningRateSchedule s : values()) {
            if (s.label.equals(text.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + text + "'; choose constant, cosine or warmup-cosine");
    }

    public String label() {
        return label;
    }
}
