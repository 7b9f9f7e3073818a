package org.ninexplorer.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How often the net answered each class for each true class in one epoch's test: {@code count(t, p)} images of
 * class {@code t} were predicted as {@code p}. Plain data (no DL4J), immutable.
 */
public final class ConfusionMatrix {

    /** One cell: how many images of class {@code truth} went to {@code predicted}, and which share of their class. */
    public record Cell(int truth, int predicted, int count, double rate) {
    }

    private final int epoch;
    private final int[][] counts;

    /** @param counts {@code counts[truth][predicted]}, a square array (copied) */
    public ConfusionMatrix(int epoch, int[][] counts) {
        this.epoch = epoch;
        this.counts = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            if (counts[t].length != counts.length) {
                throw new IllegalArgumentException("a confusion matrix is square; row " + t + " has "
                        + counts[t].length + " cells for " + counts.length + " classes");
            }
            this.counts[t] = counts[t].clone();
        }
    }

    /** Counts the answers in {@code predictions}. */
    public static ConfusionMatrix of(int epoch, int classes, List<TestPredictions.Prediction> predictions) {
        int[][] counts = new int[classes][classes];
        for (TestPredictions.Prediction p : predictions) {
            counts[p.truth()][p.predicted()]++;
        }
        return new ConfusionMatrix(epoch, counts);
    }

    public int epoch() {
        return epoch;
    }

    public int classes() {
        return counts.length;
    }

    public int count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** The test images of class {@code truth}. */
    public int rowTotal(int truth) {
        return Arrays.stream(counts[truth]).sum();
    }

    /** The share of class {@code truth}'s images that went to {@code predicted}; 0 for a class with no images. */
    public double rate(int truth, int predicted) {
        int row = rowTotal(truth);
        return row == 0 ? 0 : (double) counts[truth][predicted] / row;
    }

    public int total() {
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).sum();
    }

    public int correct() {
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += counts[c][c];
        }
        return sum;
    }

    /** The test accuracy: the diagonal's share; NaN when nothing was tested. */
    public double accuracy() {
        int total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    public Cell cell(int truth, int predicted) {
        return new Cell(truth, predicted, count(truth, predicted), rate(truth, predicted));
    }

    /** The {@code n} most frequent mistakes (off the diagonal, never empty cells), by rate, then count. */
    public List<Cell> worst(int n) {
        List<Cell> wrong = new ArrayList<>();
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                if (t != p && counts[t][p] > 0) {
                    wrong.add(cell(t, p));
                }
            }
        }
        wrong.sort(Comparator.comparingDouble(Cell::rate).thenComparingInt(Cell::count).reversed());
        return List.copyOf(wrong.subList(0, Math.min(n, wrong.size())));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && m.epoch == epoch && Arrays.deepEquals(m.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * epoch + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix[epoch " + epoch + ", " + Arrays.deepToString(counts) + "]";
    }
}
