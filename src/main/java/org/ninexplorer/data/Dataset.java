package org.ninexplorer.data;

import java.util.List;
import java.util.Objects;

/**
 * A dataset: display name (e.g. "Fashion-MNIST (bundled sample: 8,000 train / 1,000 test)"), whether it is the
 * bundled sample, class names, and the splits.
 */
public record Dataset(String name, boolean sample, List<String> classNames, ImageSource train, ImageSource test) {

    public Dataset {
        Objects.requireNonNull(name);
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(train);
        Objects.requireNonNull(test);
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
            throw new IllegalArgumentException("train and test image sizes differ");
        }
    }

    public int classes() {
        return classNames.size();
    }

    public String className(int label) {
        return classNames.get(label);
    }

    public int channels() {
        return train.channels();
    }

    public int height() {
        return train.height();
    }

    public int width() {
        return train.width();
    }
}
