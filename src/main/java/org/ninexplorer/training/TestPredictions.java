package org.ninexplorer.training;

import java.util.Comparator;
import java.util.List;

/**
 * The net's answer for each test image of one epoch, in the order the test visited them: plain data for the
 * confusion matrix ({@link #matrix()}) and for the images behind one of its cells ({@link #cell}).
 */
public record TestPredictions(int epoch, int classes, List<Prediction> predictions) {

    /**
     * @param index      the image's place in the dataset's test split
     * @param confidence the probability the net gave its predicted class
     */
    public record Prediction(int index, int truth, int predicted, float confidence) {
    }

    public TestPredictions {
        predictions = List.copyOf(predictions);
        for (Prediction p : predictions) {
            if (p.truth() < 0 || p.truth() >= classes || p.predicted() < 0 || p.predicted() >= classes) {
                throw new IllegalArgumentException("test image " + p.index() + " has a class outside 0.."
                        + (classes - 1));
            }
        }
    }

    public ConfusionMatrix matrix() {
        return ConfusionMatrix.of(epoch, classes, predictions);
    }

    /**
     * The images of class {@code truth} predicted as {@code predicted}, the most confident first: off the diagonal,
     * the ones the net was surest of the wrong class come first.
     */
    public List<Prediction> cell(int truth, int predicted) {
        return predictions.stream().filter(p -> p.truth() == truth && p.predicted() == predicted)
                .sorted(Comparator.comparingDouble(Prediction::confidence).reversed()
                        .thenComparingInt(Prediction::index))
                .toList();
    }
}
