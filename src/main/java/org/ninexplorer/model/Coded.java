package org.ninexplorer.model;

import java.util.List;

/**
 * Something said as a code and its arguments and no words, for the interface to word in its language from the
 * bundles' pattern {@link #key()} and for the CLI to word in English: an architecture file's format error
 * ({@link ArchitectureFormatException}), a data set's error, the engine's messages.
 */
public interface Coded {

    /** The bundle key of the pattern, e.g. {@code common.architecture-format.missing}. */
    String key();

    /**
     * The pattern's arguments, in order: strings as written (numbers in {@code Locale.ROOT}, paths, field paths),
     * whole numbers where the wording counts them, and nested {@code Coded}s, worded first.
     */
    List<Object> args();

    /** A code's key part: {@code NOT_A_WHOLE_NUMBER} is {@code not-a-whole-number}. */
    static String key(Enum<?> code) {
        return code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
