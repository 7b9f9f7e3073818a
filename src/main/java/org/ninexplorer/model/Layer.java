package org.ninexplorer.model;

/** One top-level layer of a NiN architecture. Implementations are immutable values. */
public sealed interface Layer permits NinBlock, MaxPool, Dropout, GlobalAvgPool, Dense {

    LayerKind kind();

    /** The JSON {@code type} name, also used in CLI output. */
    default String type() {
        return kind().type();
    }

    /** Settings in the compact form shown on layer cards, e.g. {@code 96 · 11×11 / 4}. */
    String summary();
}
