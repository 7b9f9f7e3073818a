package org.ninexplorer.training;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J M2.1 has no cosine schedule: {@code initial · ½(1 + cos(π·i/total))} per iteration, zero after
 * {@code total}. Serialised with checkpoints (DL4J's shaded Jackson), so a resumed run keeps its place.
 */
final class CosineDecay implements ISchedule {

    @JsonProperty
    private final double initialValue;
    @JsonProperty
    private final long totalIterations;

    CosineDecay(@JsonProperty("initialValue") double initialValue,
                @JsonProperty("totalIterations") long totalIterations) {
        if (totalIterations < 1) {
            throw new IllegalArgumentException("a cosine schedule needs at least one iteration");
        }
        this.initialValue = initialValue;
        this.totalIterations = totalIterations;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double progress = Math.min(1.0, (double) iteration / totalIterations);
        return initialValue * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    @Override
    public ISchedule clone() {
        return new CosineDecay(initialValue, totalIterations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosineDecay c && c.initialValue == initialValue && c.totalIterations == totalIterations;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(initialValue) * 31 + Long.hashCode(totalIterations);
    }
}
