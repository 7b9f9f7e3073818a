package org.ninexplorer.export;

import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.Hyperparameters;

import java.math.BigDecimal;

/**
 * What both code generators start from: a possible architecture with its shape inference, the recipe to train
 * it with, and where it came from (a preset or file name, shown in the code's header).
 */
record ExportedNet(Analysis analysis, Hyperparameters recipe, String source) {

    static ExportedNet of(Architecture arch, Hyperparameters recipe, String source) {
        Analysis analysis = ShapeInference.analyze(arch);
        if (!analysis.valid()) {
            throw new IllegalArgumentException("only a possible net can be written as code: "
                    + analysis.diagnostics().get(0));
        }
        return new ExportedNet(analysis, recipe, safe(source));
    }

    Architecture architecture() {
        return analysis.architecture();
    }

    /** E.g. {@code 1×28×28 images and 10 classes}. */
    String description() {
        return architecture().input().shape() + " images and " + architecture().classes() + " classes";
    }

    /** A number as it would be typed: {@code 0.002}, {@code 0.5}, never {@code 2.0E-3}. */
    static String literal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The source name without anything that could end a comment or string it is put in. */
    private static String safe(String source) {
        return source.replaceAll("[^\\p{L}\\p{N}._ +-]", "_");
    }
}
