package org.ninexplorer.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of top-level layer, each with its JSON {@code type} name. Code that treats kinds differently
 * switches over this enum without a default branch, so that a new kind fails to compile until every
 * such place says what to do with it.
 */
public enum LayerKind {
    NIN("nin"), MAXPOOL("maxpool"), DROPOUT("dropout"), GAP("gap"), DENSE("dense");

    private final String type;

    LayerKind(String type) {
        this.type = type;
    }

    /** The JSON {@code type} name, also used in CLI output and as a style class. */
    public String type() {
        return type;
    }

    public static Optional<LayerKind> ofType(String type) {
        return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst();
    }

    /** "nin, maxpool, dropout, gap, dense", for messages that list what is accepted. */
    public static String types() {
        return Arrays.stream(values()).map(LayerKind::type).collect(Collectors.joining(", "));
    }
}
