package org.ninexplorer.model;

import java.util.List;
import java.util.Locale;

/**
 * How an output's size follows from its input, as a code and its numbers and no words: the window words it in
 * its language ({@code ui.common.Messages#formula}, with the bundles' {@code common.formula.<code>} patterns),
 * the CLI in English.
 *
 * @param args the pattern's arguments, in order: the arithmetic and shapes as text, the same in every language
 */
public record Formula(Code code, List<Object> args) {

    /** No formula applies (an unknown shape, an operation that keeps its input's). */
    public static final Formula NONE = new Formula(Code.NONE, List.of());
    public static final Formula SHAPE_UNCHANGED = new Formula(Code.SHAPE_UNCHANGED, List.of());

    public enum Code {
        NONE,
        /** the arithmetic, symbols only: {@code 28 + 2·0 − 11 = 17 → ⌊17/4⌋ + 1 = 5}, {@code 64 → 10} */
        ARITHMETIC,
        SHAPE_UNCHANGED,
        /** height, width: global average pooling */
        AVERAGE,
        /** the input shape, its elements, the units (grouped digits) */
        FLATTEN,
        /** the convolution, e.g. {@code 3×3 p1}: a block's later convolution that keeps the size */
        SIZE_KEPT;

        /** The bundle key's last part: {@code shape-unchanged}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Formula {
        args = List.copyOf(args);
    }

    public static Formula of(Code code, Object... args) {
        return new Formula(code, List.of(args));
    }

    public static Formula arithmetic(String text) {
        return of(Code.ARITHMETIC, text);
    }

    public boolean isEmpty() {
        return code == Code.NONE;
    }
}
