package org.ninexplorer.ui.graph;

import java.util.Locale;

/** How a card stands against the net it is compared with. The view styles each by {@link #styleClass()}. */
public enum DiffMark {
    /** Nothing to compare with. */
    NONE,
    /** Same kind and settings (its shapes may still follow a change before it). */
    UNCHANGED,
    /** Same kind, other settings. */
    CHANGED,
    /** Not in the baseline. */
    ADDED,
    /** Only in the baseline: drawn as a ghost where it was. */
    REMOVED;

    /** The CSS class of a card or ghost with this mark, e.g. {@code diff-changed}; empty for {@link #NONE}. */
    public String styleClass() {
        return this == NONE ? "" : "diff-" + name().toLowerCase(Locale.ROOT);
    }
}
