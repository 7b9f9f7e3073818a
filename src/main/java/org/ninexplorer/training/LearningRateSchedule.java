package org.ninexplorer.training;

import java.util.Locale;

/** How the learning rate moves during a run. */
public enum LearningRateSchedule {
    /** The same rate throughout, as the reference recipe trains. */
    CONSTANT,
    /** Half a cosine from the set rate down to zero over all iterations of the run. */
    COSINE;

    public static LearningRateSchedule parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "constant" -> CONSTANT;
            case "cosine" -> COSINE;
            default -> throw new IllegalArgumentException("unknown schedule '" + text + "'; choose constant or cosine");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
