package org.ninexplorer.model;

import java.util.Locale;

/**
 * What training a valid net needs in memory, erring on the generous side so that a refused run would surely
 * not have fitted and an accepted one surely does. Off-heap (ND4J): parameters, their gradients, the
 * optimizer's state and a snapshot copy for the feature maps; per image of a batch, every layer's output kept
 * for the backward pass plus what DL4J keeps beside it (pre-activations and ReLU masks, dropout masks), the
 * largest layer's working memory (im2col columns and copies of them in both passes, and their gradient),
 * two input gradients in flight, and the input batches built ahead. On the heap: the data set as the data
 * layer holds it. All values are 32-bit floats.
 */
public final class MemoryEstimate {

    private static final long FLOAT = 4;

    private final int batch;
    private final long parameters;
    private final int optimizerCopies;
    private final long activationsPerImage;
    private final long inputPerImage;
    private final long datasetBytes;

    private MemoryEstimate(int batch, long parameters, int optimizerCopies, long activationsPerImage,
                           long inputPerImage, long datasetBytes) {
        this.batch = batch;
        this.parameters = parameters;
        this.optimizerCopies = optimizerCopies;
        this.activationsPerImage = activationsPerImage;
        this.inputPerImage = inputPerImage;
        this.datasetBytes = datasetBytes;
    }

    /**
     * @param analysis        a valid analysis of the net
     * @param batch           images per step (already capped at the training set's size)
     * @param optimizerCopies values the optimizer keeps per parameter: 2 for Adam, 1 for SGD with momentum
     * @param batchesHeld     input batches alive at once (built ahead, plus the one being trained on)
     * @param datasetBytes    what the data layer holds on the heap; 0 when not known
     */
    public static MemoryEstimate training(Analysis analysis, int batch, int optimizerCopies, int batchesHeld,
                                          long datasetBytes) {
        if (!analysis.valid()) {
            throw new IllegalArgumentException("only a valid net has a memory estimate");
        }
        long kept = 0;
        long working = 0;
        long largestInput = analysis.architecture().input().shape().elements();
        for (LayerReport r : analysis.reports()) {
            if (r.input() == null || r.output() == null) {
                continue;
            }
            long in = r.input().elements();
            long out = r.output().elements();
            largestInput = Math.max(largestInput, in);
            switch (r.kind()) {
                case "nin" -> {
                    Shape convIn = r.input();
                    for (ConvReport conv : r.convs()) {
                        long o = conv.output().elements();
                        kept = plus(kept, 2 * o); // output and pre-activation (the ReLU's mask)
                        long columns = times(times((long) conv.output().height() * conv.output().width(),
                                convIn.channels()), (long) conv.kernel() * conv.kernel());
                        // im2col columns, a reshaped copy of them and their gradient; beside them the
                        // pre-activation, its gradient and the output's.
                        working = Math.max(working, plus(times(3, columns), 3 * o));
                        convIn = conv.output();
                    }
                }
                case "dropout" -> kept = plus(kept, 2 * out); // output and mask
                default -> {
                    kept = plus(kept, out);
                    working = Math.max(working, 2 * in);
                }
            }
        }
        long activations = times(plus(plus(kept, working), 2 * largestInput), FLOAT);
        long input = (long) batchesHeld * analysis.architecture().input().shape().elements() * FLOAT;
        return new MemoryEstimate(batch, analysis.totalParams(), optimizerCopies, activations, input, datasetBytes);
    }

    public int batch() {
        return batch;
    }

    /** Parameters, gradients, optimizer state and the feature-map snapshot: independent of the batch. */
    public long fixedBytes() {
        return parameters * FLOAT * (3 + optimizerCopies);
    }

    /** Off-heap bytes each image of a batch adds. */
    public long perImageBytes() {
        return plus(activationsPerImage, inputPerImage);
    }

    /** What ND4J allocates outside the Java heap at this batch size. */
    public long offHeapBytes() {
        return plus(fixedBytes(), times(batch, perImageBytes()));
    }

    /** What the data set takes on the Java heap. */
    public long heapBytes() {
        return datasetBytes;
    }

    public long totalBytes() {
        return plus(offHeapBytes(), heapBytes());
    }

    /** The largest batch whose off-heap memory fits in {@code budget} bytes; 0 when not even one image fits. */
    public int largestBatchWithin(long budget) {
        long room = budget - fixedBytes();
        return room < perImageBytes() ? 0 : (int) Math.min(Integer.MAX_VALUE, room / perImageBytes());
    }

    /** Activations kept or worked on, per image of a batch. */
    public long activationsPerImageBytes() {
        return activationsPerImage;
    }

    /** Activations kept or worked on at this batch. */
    public long activationsBytes() {
        return times(batch, activationsPerImage);
    }

    /** The input batches built ahead at this batch. */
    public long inputBytes() {
        return times(batch, inputPerImage);
    }

    /** Products of sizes can pass 2^63 for absurd nets; those saturate, and are refused all the same. */
    private static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** Bytes in binary units with three significant digits: "812 KB", "2.93 GB". */
    public static String bytes(long value) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB"};
        double v = value;
        int unit = 0;
        while (v >= 1000 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        if (unit == 0) {
            return value + " bytes";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, units[unit]);
    }
}
