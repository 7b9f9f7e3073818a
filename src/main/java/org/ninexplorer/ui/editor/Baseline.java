package org.ninexplorer.ui.editor;

import java.util.Objects;
import org.ninexplorer.model.Architecture;

/**
 * A net another one is measured against: the run a variant was made from with Edit as new, or the baseline run
 * of a comparison.
 *
 * @param name         what the user calls it (the run's name)
 * @param architecture its network
 */
public record Baseline(String name, Architecture architecture) {

    public Baseline {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(architecture, "architecture");
    }
}
