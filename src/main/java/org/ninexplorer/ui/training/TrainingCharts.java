package org.ninexplorer.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.RunMetrics;
import org.ninexplorer.training.TrainingEvent;

/**
 * The charts' data: turns a run's events (live, or replayed from its {@code metrics.csv}) into bounded series
 * and decides the axes. Both charts count in epochs, so the loss of every iteration and the accuracy of every
 * epoch line up, and the axis spans the planned run from the first second instead of rescaling as it grows.
 */
public final class TrainingCharts {

    private static final int CHART_POINTS = 400;
    private static final double SMOOTHING = 0.95;

    private final SampledSeries rawLoss = new SampledSeries(CHART_POINTS);
    private final SampledSeries smoothLoss = new SampledSeries(CHART_POINTS);
    private final SampledSeries epochLoss = new SampledSeries(CHART_POINTS);
    private final SampledSeries trainAccuracy = new SampledSeries(CHART_POINTS);
    private final SampledSeries testAccuracy = new SampledSeries(CHART_POINTS);
    private final ReadOnlyObjectWrapper<AxisRange> epochAxis = new ReadOnlyObjectWrapper<>(AxisRange.epochs(1));
    private final ReadOnlyObjectWrapper<AxisRange> lossAxis = new ReadOnlyObjectWrapper<>(AxisRange.LOSS_BEFORE_DATA);
    private double smoothed;
    private long smoothedCount;
    private double maxLoss;
    private int iterationsPerEpoch;

    /** The loss of every iteration, at its place in epochs (2.5 = half-way through epoch 3). */
    public SampledSeries rawLoss() {
        return rawLoss;
    }

    /** An exponential moving average of {@link #rawLoss()}: the trend through the noise of single batches. */
    public SampledSeries smoothLoss() {
        return smoothLoss;
    }

    /** Each epoch's mean training loss, as a step across the epoch it was measured over. */
    public SampledSeries epochLoss() {
        return epochLoss;
    }

    public SampledSeries trainAccuracy() {
        return trainAccuracy;
    }

    public SampledSeries testAccuracy() {
        return testAccuracy;
    }

    /** The epoch axis of both charts: the planned epochs, known before the first point. */
    public ReadOnlyObjectProperty<AxisRange> epochAxisProperty() {
        return epochAxis.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AxisRange> lossAxisProperty() {
        return lossAxis.getReadOnlyProperty();
    }

    public AxisRange accuracyAxis() {
        return AxisRange.ACCURACY;
    }

    /** Spans the epoch axis over a run of this many epochs (the form's value before a run starts). */
    public void plan(int epochs) {
        epochAxis.set(AxisRange.epochs(epochs));
    }

    /** Forgets the previous run's curves, for a new one. */
    public void clear() {
        List.of(rawLoss, smoothLoss, epochLoss, trainAccuracy, testAccuracy).forEach(SampledSeries::clear);
        smoothed = 0;
        smoothedCount = 0;
        maxLoss = 0;
        iterationsPerEpoch = 0;
        lossAxis.set(AxisRange.LOSS_BEFORE_DATA);
    }

    /** Adds what an event tells the charts; {@link #flush()} shows it. */
    public void apply(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            begin(s.epochs(), s.iterationsPerEpoch());
        } else if (event instanceof TrainingEvent.Iteration it) {
            double x = it.epoch() - 1 + (iterationsPerEpoch > 0
                    ? (double) it.iteration() / iterationsPerEpoch : it.progress());
            rawLoss.add(x, it.loss());
            smoothed = SMOOTHING * smoothed + (1 - SMOOTHING) * it.loss();
            smoothedCount++;
            // Bias correction, as in TensorBoard: early values are not dragged towards zero.
            smoothLoss.add(x, smoothed / (1 - Math.pow(SMOOTHING, smoothedCount)));
            if (it.loss() > maxLoss) {
                maxLoss = it.loss();
                lossAxis.set(AxisRange.loss(maxLoss));
            }
        } else if (event instanceof TrainingEvent.Epoch e) {
            epochLoss.add(e.epoch() - 1, e.trainLoss());
            epochLoss.add(e.epoch(), e.trainLoss());
            trainAccuracy.add(e.epoch(), e.trainAccuracy());
            testAccuracy.add(e.epoch(), e.testAccuracy());
        }
    }

    private void begin(int epochs, int iterations) {
        plan(epochs);
        iterationsPerEpoch = iterations;
    }

    /** Shows everything applied since the last flush, one chart update per series. */
    public void flush() {
        List.of(rawLoss, smoothLoss, epochLoss, trainAccuracy, testAccuracy).forEach(SampledSeries::flush);
    }

    /**
     * Shows a finished (or stopped) run from its {@link RunDirectory#METRICS_CSV}: the same curves as when it
     * trained, the epoch axis spanning the epochs it recorded.
     */
    public void replay(Path metricsCsv) throws IOException {
        replay(RunMetrics.readFile(metricsCsv));
    }

    /** Shows the curves of recorded metrics, as {@link #replay(Path)} does; keeps adding live events after them. */
    public void replay(RunMetrics metrics) {
        clear();
        int epochs = Math.max(metrics.epochs().stream().mapToInt(TrainingEvent.Epoch::epoch).max().orElse(0),
                metrics.iterations().stream().mapToInt(RunMetrics.IterationRow::epoch).max().orElse(0));
        begin(epochs, metrics.iterationsPerEpoch());
        long global = 0;
        int next = 0;
        for (RunMetrics.IterationRow it : metrics.iterations()) {
            // Each epoch's summary goes in after its iterations, as when it trained.
            while (next < metrics.epochs().size() && metrics.epochs().get(next).epoch() < it.epoch()) {
                apply(metrics.epochs().get(next++));
            }
            apply(new TrainingEvent.Iteration(it.epoch(), it.iteration(), ++global, it.loss(), Double.NaN, Double.NaN,
                    Double.NaN));
        }
        metrics.epochs().subList(next, metrics.epochs().size()).forEach(this::apply);
        flush();
    }
}
