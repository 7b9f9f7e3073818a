package org.ninexplorer.ui.graph;

/**
 * A layer of the baseline that the shown net no longer has, drawn as a marker where it was.
 *
 * @param before        the selection index of the card it stands before (the class scores when it was last)
 * @param baselineIndex its index in the baseline
 * @param title         its kind in words ("Max pool")
 * @param settings      its settings, e.g. {@code 3×3 / 2}
 * @param delta         what removing it changed, e.g. {@code params −26.8 k}; may be empty
 */
public record Ghost(int before, int baselineIndex, String title, String settings, String delta) {

    public static final String BADGE = "− removed";
}
