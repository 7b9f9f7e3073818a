package org.ninexplorer.model;

/**
 * A problem with an architecture, said in words and numbers.
 *
 * @param layerIndex the top-level layer it belongs to, or {@link #ARCHITECTURE} for the input,
 *                   the class count or the layer list as a whole
 * @param field      the setting at fault ({@code kernel}, {@code channels}, ...) or {@code null}
 * @param message    what is wrong and the numbers behind it
 */
public record Diagnostic(int layerIndex, String field, String message) {

    public static final int ARCHITECTURE = -1;

    @Override
    public String toString() {
        String where = layerIndex == ARCHITECTURE ? "architecture" : "layer " + layerIndex;
        return where + (field == null ? "" : " (" + field + ")") + ": " + message;
    }
}
