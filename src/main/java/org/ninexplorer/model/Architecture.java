package org.ninexplorer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A NiN architecture: the input, the number of classes and the ordered top-level layers.
 * Immutable; every edit returns a new architecture. Validity is not enforced here but reported
 * by {@link ShapeInference}, so that an editor can hold (and explain) an impossible net.
 */
public record Architecture(InputSpec input, int classes, List<Layer> layers) {

    public Architecture {
        Objects.requireNonNull(input, "input");
        layers = List.copyOf(layers);
    }

    public Architecture withInput(InputSpec value) {
        return new Architecture(value, classes, layers);
    }

    public Architecture withClasses(int value) {
        return new Architecture(input, value, layers);
    }

    public Architecture withLayer(int index, Layer layer) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return new Architecture(input, classes, copy);
    }

    public Architecture withInserted(int index, Layer layer) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.add(index, layer);
        return new Architecture(input, classes, copy);
    }

    public Architecture withRemoved(int index) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.remove(index);
        return new Architecture(input, classes, copy);
    }

    /**
     * Whether the class scores can never be negative: the last layer with weights is a NiN block, whose ReLU
     * ends it, and pooling and dropout after it keep the sign. A dense layer's scores have no ReLU.
     */
    public boolean scoresNonNegative() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            switch (layers.get(i).kind()) {
                case NIN -> {
                    return true;
                }
                case DENSE -> {
                    return false;
                }
                case MAXPOOL, DROPOUT, GAP -> {
                    // keeps the sign of what comes in
                }
            }
        }
        return false;
    }

    /** Moves the layer at {@code from} so that it ends up at index {@code to}. */
    public Architecture withMoved(int from, int to) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.add(to, copy.remove(from));
        return new Architecture(input, classes, copy);
    }
}
