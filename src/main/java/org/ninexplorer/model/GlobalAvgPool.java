package org.ninexplorer.model;

/** Global average pooling: one score per channel, which NiN uses instead of dense layers. */
public record GlobalAvgPool() implements Layer {

    @Override
    public String type() {
        return "gap";
    }

    @Override
    public String summary() {
        return "global average";
    }
}
