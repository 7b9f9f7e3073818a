package org.ninexplorer.model;

/**
 * What a net costs at one batch size, for training and for prediction side by side: its parameters, the
 * multiply-accumulates of one step, and the memory counted from the shapes ({@link MemoryByLayer}).
 * A training step costs about {@value #TRAINING_PASSES} forward passes: the forward pass, then the backward
 * pass's two products of the same size per layer, one for the gradient of its input and one for its weights.
 */
public record ResourceUsage(long parameters, long macsPerImage, MemoryByLayer memory) {

    public static final int TRAINING_PASSES = 3;

    /** The figures of a valid net at {@code batch} images, the optimizer keeping {@code optimizerCopies} per weight. */
    public static ResourceUsage of(Analysis analysis, int batch, int optimizerCopies) {
        return new ResourceUsage(analysis.totalParams(), analysis.totalMacs(),
                MemoryByLayer.of(analysis, batch, optimizerCopies));
    }

    public int batch() {
        return memory.batch();
    }

    /** Multiply-accumulates of one prediction step: one forward pass of the batch. */
    public long predictionMacs() {
        return Math.multiplyExact(macsPerImage, (long) batch());
    }

    /** Multiply-accumulates of one training step: forward and backward over the batch. */
    public long trainingMacs() {
        return Math.multiplyExact(predictionMacs(), (long) TRAINING_PASSES);
    }
}
