package org.ninexplorer.model;

/**
 * A fully connected layer: flattens its input to one vector and maps it to {@code units} outputs. Followed by
 * a ReLU, except when it ends the net with one unit per class: then its outputs are the class scores.
 */
public record Dense(int units) implements Layer {

    @Override
    public LayerKind kind() {
        return LayerKind.DENSE;
    }

    @Override
    public String summary() {
        return units + (units == 1 ? " unit" : " units");
    }

    public Dense withUnits(int value) {
        return new Dense(value);
    }
}
