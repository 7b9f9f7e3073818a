package org.ninexplorer.model;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A problem with an architecture, as a code and the numbers behind it; the interface turns it into words
 * (in {@code ui.common.Messages}, with the bundles' {@code diagnostic.<code>} patterns) in either language.
 *
 * @param layerIndex the top-level layer it belongs to, or {@link #ARCHITECTURE} for the input,
 *                   the class count or the layer list as a whole
 * @param field      the setting at fault ({@code kernel}, {@code channels}, ...) or {@code null}
 * @param code       what is wrong
 * @param args       the pattern's arguments, in order: numbers, formulas ({@code 2 + 2·0 − 3 = -1}) and
 *                   {@link Quantity}s
 */
public record Diagnostic(int layerIndex, String field, Code code, List<Object> args) {

    public static final int ARCHITECTURE = -1;

    /** Each way an architecture can be impossible; the arguments each one takes are listed beside it. */
    public enum Code {
        /** channels */
        INPUT_CHANNELS,
        /** quantity, least, value */
        TOO_SMALL,
        /** quantity, most, value */
        TOO_LARGE,
        /** layers, most */
        TOO_MANY_LAYERS,
        NO_NIN_BLOCK,
        LAST_LAYER,
        /** numbers in the flat vector */
        NEEDS_MAP,
        /** p */
        DROP_PROBABILITY,
        GAP_NOT_LAST,
        /** kernel */
        MLP_KERNEL,
        /** units, classes */
        LAST_DENSE_UNITS,
        /** kernel, height, width, the side's arithmetic */
        KERNEL_TOO_LARGE,
        /** kernel, stride, height, width, the side's arithmetic */
        POOL_TOO_LARGE,
        /** channels, classes */
        LAST_BLOCK_CHANNELS;

        /** The bundle key's last part: {@code too-small}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What a number that must lie in a range counts. */
    public enum Quantity {
        INPUT_HEIGHT, INPUT_WIDTH, CLASSES, CHANNELS, KERNEL, STRIDE, PADDING, MLP, UNITS;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Diagnostic {
        args = List.copyOf(args);
    }

    public Diagnostic(int layerIndex, String field, Code code, Object... args) {
        this(layerIndex, field, code, List.of(args));
    }

    /** For logs and exceptions: the code and its arguments, not a sentence. */
    @Override
    public String toString() {
        String where = layerIndex == ARCHITECTURE ? "architecture" : "layer " + layerIndex;
        return where + (field == null ? "" : " (" + field + ")") + ": " + code
                + args.stream().map(String::valueOf).collect(Collectors.joining(", ", " [", "]"));
    }
}
