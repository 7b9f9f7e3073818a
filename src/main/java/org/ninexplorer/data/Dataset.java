package org.ninexplorer.data;

import java.util.List;

/** A dataset: display name, whether it is the bundled sample, class names and the splits. */
public record Dataset(String name, boolean sample, List<String> classNames, ImageSource train, ImageSource test) {
    public int classes() {
        return classNames.size();
    }
}
