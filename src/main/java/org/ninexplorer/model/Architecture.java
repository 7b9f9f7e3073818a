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

    /** Moves the layer at {@code from} so that it ends up at index {@code to}. */
    public Architecture withMoved(int from, int to) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.add(to, copy.remove(from));
        return new Architecture(input, classes, copy);
    }
}
