package org.ninexplorer.training;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Another schedule scaled by a linear rise over its first {@code iterations}: {@code inner(i) · min(1, (i+1)/n)}.
 * Adam moves every weight by about the full rate from its very first step, whatever the gradient's size, before
 * its moment estimates mean anything; in NiN those first steps can push a class channel of the last block below
 * zero everywhere, where its ReLU passes no gradient back and the class is never predicted again. Serialised with
 * checkpoints, like {@link CosineDecay}.
 */
final class LinearWarmup implements ISchedule {

    @JsonProperty
    private final ISchedule inner;
    @JsonProperty
    private final long iterations;

    LinearWarmup(@JsonProperty("inner") ISchedule inner, @JsonProperty("iterations") long iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("a warm-up needs at least one iteration");
        }
        this.inner = Objects.requireNonNull(inner);
        this.iterations = iterations;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return inner.valueAt(iteration, epoch) * Math.min(1.0, (iteration + 1.0) / iterations);
    }

    @Override
    public ISchedule clone() {
        return new LinearWarmup(inner.clone(), iterations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearWarmup w && w.inner.equals(inner) && w.iterations == iterations;
    }

    @Override
    public int hashCode() {
        return inner.hashCode() * 31 + Long.hashCode(iterations);
    }
}
