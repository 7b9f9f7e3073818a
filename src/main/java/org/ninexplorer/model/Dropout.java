package org.ninexplorer.model;

/** Dropout with drop probability {@code p} (PyTorch's meaning, not DL4J's retain probability). */
public record Dropout(double p) implements Layer {

    @Override
    public LayerKind kind() {
        return LayerKind.DROPOUT;
    }

    @Override
    public String summary() {
        return "p " + p;
    }
}
