package org.ninexplorer.training;

import org.ninexplorer.model.InputSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Occlusion sensitivity, finer than the last block's coarse maps: a grey patch slides over the input, the
 * occluded copies go through the net in batches ({@link FeatureMapper#probabilities}: one by one through the maps'
 * own pass where there is one, so that the unoccluded probability is the maps'), and each pixel gets how much the
 * chosen class's probability drops, on average, while the patch covers it.
 */
public final class Occlusion {

    /** The patch's value: mid-grey, in every channel. */
    public static final float GREY = 0.5f;
    /** Input values per batch (progress and cancelling come between batches): about 20 images at 224×224. */
    private static final int BATCH_VALUES = 1 << 20;
    /** Up to this many input values in all (positions × image), a map takes well under a second on a CPU. */
    private static final long QUICK_VALUES = 1 << 21;

    /**
     * @param drop        height × width, row by row: the unoccluded probability minus the mean occluded one
     *                    (negative where hiding a place makes the class more likely)
     * @param probability the class's probability without occlusion
     * @param patches     how many occluded copies went through the net
     */
    public record OcclusionMap(int classIndex, int patch, int stride, int height, int width, float[] drop,
                               float probability, int patches) {

        public float maxDrop() {
            float max = Float.NEGATIVE_INFINITY;
            for (float d : drop) {
                max = Math.max(max, d);
            }
            return max;
        }
    }

    private Occlusion() {
    }

    /**
     * Where a patch of {@code patch} pixels starts along an axis of {@code size}, every {@code stride},
     * the last one flush with the edge so that every pixel is covered.
     */
    public static int[] offsets(int size, int patch, int stride) {
        int p = Math.min(patch, size);
        List<Integer> starts = new ArrayList<>();
        for (int o = 0; o + p <= size; o += stride) {
            starts.add(o);
        }
        if (starts.get(starts.size() - 1) + p < size) {
            starts.add(size - p);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether a map of this input, patch and stride is quick enough to follow each new sample at once. */
    public static boolean quick(InputSpec in, int patch, int stride) {
        long positions = (long) offsets(in.height(), patch, stride).length * offsets(in.width(), patch, stride).length;
        return positions * in.channels() * in.height() * in.width() <= QUICK_VALUES;
    }

    /**
     * @param pixels    one sample at the net's input size, CHW, values in [0, 1]
     * @param progress  the fraction done, after each batch
     * @param cancelled asked before each batch
     * @throws CancellationException when {@code cancelled} says so
     */
    public static OcclusionMap compute(FeatureMapper mapper, float[] pixels, int classIndex, int patch, int stride,
                                       DoubleConsumer progress, BooleanSupplier cancelled) {
        if (patch < 1 || stride < 1) {
            throw new IllegalArgumentException("patch and stride must be at least 1 pixel");
        }
        InputSpec in = mapper.architecture().input();
        int h = in.height();
        int w = in.width();
        int length = pixels.length;
        int classes = mapper.architecture().classes();
        int[] ys = offsets(h, patch, stride);
        int[] xs = offsets(w, patch, stride);
        int ph = Math.min(patch, h);
        int pw = Math.min(patch, w);
        int positions = ys.length * xs.length;
        // The unoccluded sample rides along as copy 0 of the first batch.
        int perBatch = Math.max(2, BATCH_VALUES / length);
        float[] probabilities = new float[positions + 1];
        for (int first = 0; first <= positions; first += perBatch) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            int n = Math.min(perBatch, positions + 1 - first);
            float[] batch = new float[n * length];
            for (int k = 0; k < n; k++) {
                System.arraycopy(pixels, 0, batch, k * length, length);
                int position = first + k - 1;
                if (position >= 0) {
                    grey(batch, k * length, in, ys[position / xs.length], xs[position % xs.length], ph, pw);
                }
            }
            float[] out = mapper.probabilities(batch, n);
            for (int k = 0; k < n; k++) {
                probabilities[first + k] = out[k * classes + classIndex];
            }
            progress.accept((double) (first + n) / (positions + 1));
        }
        float[] drop = new float[h * w];
        int[] covered = new int[h * w];
        for (int position = 0; position < positions; position++) {
            float d = probabilities[0] - probabilities[position + 1];
            int y0 = ys[position / xs.length];
            int x0 = xs[position % xs.length];
            for (int y = y0; y < y0 + ph; y++) {
                for (int x = x0; x < x0 + pw; x++) {
                    drop[y * w + x] += d;
                    covered[y * w + x]++;
                }
            }
        }
        for (int i = 0; i < drop.length; i++) {
            drop[i] /= covered[i];
        }
        return new OcclusionMap(classIndex, patch, stride, h, w, drop, probabilities[0], positions);
    }

    private static void grey(float[] batch, int offset, InputSpec in, int y0, int x0, int ph, int pw) {
        int plane = in.height() * in.width();
        for (int c = 0; c < in.channels(); c++) {
            for (int y = y0; y < y0 + ph; y++) {
                int row = offset + c * plane + y * in.width();
                Arrays.fill(batch, row + x0, row + x0 + pw, GREY);
            }
        }
    }
}
