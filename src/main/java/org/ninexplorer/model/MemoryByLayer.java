package org.ninexplorer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The textbook count of a net's memory at one batch size, per layer and in total, in 32-bit floats: what the
 * book's exercise asks for. Prediction holds the weights and, at any moment, one layer step's input and output
 * (the largest such pair is the peak). Training holds the weights, their gradients, the optimizer's state
 * (Adam 2 values per weight, SGD's momentum 1), the input batch, and every step's output, kept for the backward
 * pass (a NiN block's steps are its convolutions). {@link MemoryEstimate} is the generous figure a run is
 * checked against; this one is what a person counts by hand from the shapes.
 */
public final class MemoryByLayer {

    private static final long FLOAT = 4;

    /**
     * @param weightBytes the layer's parameters
     * @param keptBytes   its steps' outputs at this batch, kept for the backward pass
     * @param liveBytes   its largest step input plus output at this batch, alive at once when predicting
     */
    public record Row(int index, String kind, long weightBytes, long keptBytes, long liveBytes) {
    }

    private final int batch;
    private final int optimizerCopies;
    private final long parameters;
    private final long inputElements;
    private final long keptElements;
    private final List<Row> rows;

    private MemoryByLayer(int batch, int optimizerCopies, long parameters, long inputElements, long keptElements,
                          List<Row> rows) {
        this.batch = batch;
        this.optimizerCopies = optimizerCopies;
        this.parameters = parameters;
        this.inputElements = inputElements;
        this.keptElements = keptElements;
        this.rows = List.copyOf(rows);
    }

    /**
     * @param analysis        a valid analysis of the net
     * @param batch           images at once
     * @param optimizerCopies values the optimizer keeps per weight: 2 for Adam, 1 for SGD with momentum
     */
    public static MemoryByLayer of(Analysis analysis, int batch, int optimizerCopies) {
        if (!analysis.valid()) {
            throw new IllegalArgumentException("only a valid net has a memory count");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        List<Row> rows = new ArrayList<>();
        long keptElements = 0;
        for (LayerReport r : analysis.reports()) {
            long kept = 0;
            long live = 0;
            Shape in = r.input();
            if (r.convs().isEmpty()) {
                kept = r.output().elements();
                live = in.elements() + kept;
            }
            for (ConvReport conv : r.convs()) {
                kept += conv.output().elements();
                live = Math.max(live, in.elements() + conv.output().elements());
                in = conv.output();
            }
            keptElements += kept;
            rows.add(new Row(r.index(), r.kind(), r.params() * FLOAT, bytes(batch, kept), bytes(batch, live)));
        }
        return new MemoryByLayer(batch, optimizerCopies, analysis.totalParams(),
                analysis.architecture().input().shape().elements(), keptElements, rows);
    }

    private static long bytes(long batch, long elements) {
        return Math.multiplyExact(Math.multiplyExact(batch, elements), FLOAT);
    }

    public int batch() {
        return batch;
    }

    public List<Row> rows() {
        return rows;
    }

    public long weightBytes() {
        return parameters * FLOAT;
    }

    /** Gradients (one per weight) and the optimizer's state. */
    public long trainingStateBytes() {
        return weightBytes() * (1 + optimizerCopies);
    }

    public long inputBytes() {
        return bytes(batch, inputElements);
    }

    public long keptBytes() {
        return bytes(batch, keptElements);
    }

    /** The layer whose step input and output together are the largest. */
    public Row largestLive() {
        return rows.stream().reduce((a, b) -> b.liveBytes() > a.liveBytes() ? b : a).orElseThrow();
    }

    public long predictionBytes() {
        return weightBytes() + largestLive().liveBytes();
    }

    public long trainingBytes() {
        return weightBytes() + trainingStateBytes() + inputBytes() + keptBytes();
    }

    /** Values the optimizer keeps per weight. */
    public int optimizerCopies() {
        return optimizerCopies;
    }

    public long parameters() {
        return parameters;
    }

    /** Values of one input image. */
    public long inputElements() {
        return inputElements;
    }

    /** Values of one image that training keeps for the backward pass, over all layers. */
    public long keptElements() {
        return keptElements;
    }
}
