package org.ninexplorer.model;

/** Global average pooling: one score per channel, which NiN uses instead of dense layers. */
public record GlobalAvgPool() implements Layer {

    @Override
    public LayerKind kind() {
        return LayerKind.GAP;
    }

    @Override
    public String summary() {
        return "global average";
    }
}
