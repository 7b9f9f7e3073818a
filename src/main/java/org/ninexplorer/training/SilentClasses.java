package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.ninexplorer.data.BatchIterator;
import org.ninexplorer.model.Architecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A run's watch for classes the net can no longer predict: after each test pass, the classes whose score was the
 * lowest (ties included) for every test image and is 0 for the first images of the test set. Where the scores
 * cannot go below 0 ({@link Architecture#scoresNonNegative()}), that is a class channel stuck at 0: its ReLU has
 * died, passes no gradient back, and seldom comes back. The book's NiN falls into it now and then (a few classes at
 * once, early in the first epoch), and the run then ends far below what the net can reach without saying why.
 */
final class SilentClasses {

    /** How many test images {@link #confirm} looks at: enough to rule out chance, few enough to cost nothing. */
    static final int CHECKED = 16;

    private final boolean applies;
    private final int classes;
    private final boolean[] aboveLowest;
    private int images;
    private long checked;
    private List<Integer> reported = List.of();

    SilentClasses(Architecture arch) {
        this.applies = arch.scoresNonNegative();
        this.classes = arch.classes();
        this.aboveLowest = new boolean[classes];
    }

    /** Starts a test pass. */
    void startPass() {
        Arrays.fill(aboveLowest, false);
        images = 0;
        checked = 0;
    }

    /** One batch of the pass: {@code n} images' class probabilities, one row of {@code classes} each. */
    void observe(float[] probabilities, int n) {
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            float lowest = Float.POSITIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                lowest = Math.min(lowest, probabilities[row + c]);
            }
            for (int c = 0; c < classes; c++) {
                if (probabilities[row + c] > lowest) {
                    aboveLowest[c] = true;
                }
            }
        }
        images += n;
    }

    /**
     * Keeps among the classes that scored lowest for every image those whose score is exactly 0 for the first
     * {@link #CHECKED} images of {@code test} (which the pass has been through; it is reset here). The pass saw
     * probabilities only, whose order does not tell a score of 0 from a small one.
     */
    void confirm(MultiLayerNetwork net, BatchIterator test) {
        if (candidates(true).isEmpty()) {
            return;
        }
        test.reset();
        DataSet batch = test.next();
        checked = Math.min(CHECKED, batch.getFeatures().size(0));
        INDArray features = batch.getFeatures().get(NDArrayIndex.interval(0, checked)).dup();
        test.recycle(batch);
        List<INDArray> activations = net.feedForwardToLayer(net.getnLayers() - 2, features, false);
        INDArray scores = activations.get(activations.size() - 1);
        BatchRelease.forget(net); // its layers would hold these images until the next step
        for (int c = 0; c < classes; c++) {
            if (!aboveLowest[c] && scores.get(NDArrayIndex.all(), NDArrayIndex.point(c)).sumNumber().doubleValue() != 0) {
                aboveLowest[c] = true; // lowest, but not dead
            }
        }
    }

    /**
     * The classes that scored lowest for every image of the pass, and 0 for every image {@link #confirm} looked at;
     * none before it has, or when the scores may be negative.
     */
    List<Integer> silent() {
        return candidates(checked > 0);
    }

    private List<Integer> candidates(boolean confirmed) {
        List<Integer> silent = new ArrayList<>();
        if (applies && images > 0 && confirmed) {
            for (int c = 0; c < classes; c++) {
                if (!aboveLowest[c]) {
                    silent.add(c);
                }
            }
        }
        return silent;
    }

    /**
     * What to tell after the pass of {@code epoch}: the silent classes, when they are not the ones told last time;
     * all of them is a net whose output is 0 everywhere, which a learning rate too high ({@code learningRate}) does.
     */
    Optional<RunMessage> notice(int epoch, List<String> classNames, double learningRate) {
        List<Integer> silent = silent();
        boolean news = !silent.isEmpty() && !silent.equals(reported);
        reported = silent;
        if (!news) {
            return Optional.empty();
        }
        String tested = String.format(Locale.ROOT, "%,d", images);
        if (silent.size() == classes) {
            return Optional.of(RunMessage.of(RunMessage.Code.ALL_CLASSES_SILENT, String.valueOf(epoch), tested,
                    String.valueOf(checked), String.valueOf(learningRate)));
        }
        List<String> names = silent.stream().map(classNames::get).toList();
        return Optional.of(RunMessage.of(RunMessage.Code.CLASSES_SILENT, String.valueOf(epoch),
                String.valueOf(silent.size()), String.valueOf(classes), String.join(", ", names), tested,
                String.valueOf(checked)));
    }
}
