package org.ninexplorer.training;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.ninexplorer.data.ImageSource;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.NinBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * NiN's own explanation of a decision: its last block has one map per class, and global average pooling
 * turns each map into that class's score, which the softmax turns into a probability. The maps are the
 * block's output after its last ReLU, exactly what GAP averages, so a map's mean is its class's score.
 */
public final class ClassMaps {

    /** Test images per batched pass when averaging over the test set. */
    private static final int BATCH = 64;

    /**
     * One class's map for one sample.
     *
     * @param cells       height × width values, row by row
     * @param score       what GAP pools the map to: its mean, the class score before softmax
     * @param probability the softmax of all scores for this class
     */
    public record ClassMap(int classIndex, int height, int width, float[] cells, float score, float probability) {
    }

    /**
     * The mean over the test images of one class of that class's map, beside their mean input.
     *
     * @param images    how many test images have this label
     * @param cells     height × width, row by row
     * @param score     the cells' mean: the class's mean score on its own images
     * @param meanInput the mean of those images as the net sees them (CHW, its input size)
     */
    public record ClassMean(int classIndex, int images, int height, int width, float[] cells, float score,
                            float[] meanInput) {
    }

    private ClassMaps() {
    }

    /**
     * The top-level layer whose channels are the class maps: the last NiN block, with as many channels as
     * classes, followed by GAP at the end of the net (dropout in between does nothing at inference). Empty
     * for a net whose scores come from a dense layer or whose last block is pooled before GAP.
     */
    public static OptionalInt classMapLayer(Architecture arch) {
        List<Layer> layers = arch.layers();
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof GlobalAvgPool)) {
            return OptionalInt.empty();
        }
        int i = layers.size() - 2;
        while (i >= 0 && layers.get(i) instanceof Dropout) {
            i--;
        }
        return i >= 0 && layers.get(i) instanceof NinBlock b && b.channels() == arch.classes()
                ? OptionalInt.of(i) : OptionalInt.empty();
    }

    /** Every class's map for the sample of {@code maps}, in class order; empty when the net has none. */
    public static List<ClassMap> of(Architecture arch, FeatureMaps maps) {
        OptionalInt layer = classMapLayer(arch);
        List<ClassMap> result = new ArrayList<>();
        if (layer.isEmpty()) {
            return result;
        }
        FeatureMaps.BlockActivation block = maps.blocks().stream()
                .filter(b -> b.layerIndex() == layer.getAsInt()).findFirst().orElseThrow();
        int h = block.shape().height();
        int w = block.shape().width();
        for (int c = 0; c < block.shape().channels(); c++) {
            float[] cells = block.channel(c);
            result.add(new ClassMap(c, h, w, cells, mean(cells), maps.probabilities()[c]));
        }
        return result;
    }

    /**
     * For each class, the mean of its map over the first {@code images} test images with that label, read
     * as in training and passed through the net in batches.
     *
     * @param progress  the fraction done, after each batch
     * @param cancelled asked before each batch
     * @throws CancellationException when {@code cancelled} says so
     */
    public static List<ClassMean> meanOverTestSet(FeatureMapper mapper, ImageSource test, int images,
                                                  DoubleConsumer progress, BooleanSupplier cancelled) {
        Architecture arch = mapper.architecture();
        int layer = classMapLayer(arch).orElseThrow(() -> new IllegalArgumentException("the net has no class maps"));
        InputSpec in = arch.input();
        int length = in.channels() * in.height() * in.width();
        int total = Math.min(images, test.size());
        int classes = arch.classes();
        float[][] sums = new float[classes][];
        double[][] inputSums = new double[classes][length];
        int[] counts = new int[classes];
        int h = 0;
        int w = 0;
        for (int start = 0; start < total; start += BATCH) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            int n = Math.min(BATCH, total - start);
            float[] batch = new float[n * length];
            for (int k = 0; k < n; k++) {
                System.arraycopy(test.pixels(start + k, in.channels(), in.height(), in.width()), 0, batch, k * length, length);
            }
            List<INDArray> activations = mapper.feedForward(batch, n);
            INDArray maps = activations.get(mapper.outputLayerIndices()[layer] + 1);
            h = (int) maps.size(2);
            w = (int) maps.size(3);
            float[] values = maps.dup().data().asFloat();
            int plane = h * w;
            for (int k = 0; k < n; k++) {
                int label = test.label(start + k);
                if (sums[label] == null) {
                    sums[label] = new float[plane];
                }
                int offset = (k * classes + label) * plane;
                for (int i = 0; i < plane; i++) {
                    sums[label][i] += values[offset + i];
                }
                for (int i = 0; i < length; i++) {
                    inputSums[label][i] += batch[k * length + i];
                }
                counts[label]++;
            }
            progress.accept((double) (start + n) / total);
        }
        List<ClassMean> means = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            float[] cells = new float[h * w];
            float[] input = new float[length];
            for (int i = 0; i < cells.length && counts[c] > 0; i++) {
                cells[i] = sums[c][i] / counts[c];
            }
            for (int i = 0; i < length && counts[c] > 0; i++) {
                input[i] = (float) (inputSums[c][i] / counts[c]);
            }
            means.add(new ClassMean(c, counts[c], h, w, cells, mean(cells), input));
        }
        return means;
    }

    private static float mean(float[] cells) {
        double sum = 0;
        for (float v : cells) {
            sum += v;
        }
        return cells.length == 0 ? 0 : (float) (sum / cells.length);
    }
}
