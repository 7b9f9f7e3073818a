package org.ninexplorer.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.ninexplorer.model.ArchitectureDiff;
import org.ninexplorer.model.MemoryEstimate;
import org.ninexplorer.training.RunMetrics;
import org.ninexplorer.training.RunStorageException;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.ui.common.Format;
import org.ninexplorer.ui.common.DiffWords;
import org.ninexplorer.ui.common.Messages;

/**
 * Two or more runs side by side: each run's smoothed loss per iteration and its train and test accuracy per
 * epoch, placed by epoch or by wall time, in one colour per run; and a table of what each reached and cost.
 */
public final class ComparisonViewModel {

    /** Where a point sits on the shared axis. */
    public enum Alignment { EPOCH, WALL_TIME }

    /** Okabe and Ito's colour-blind-safe palette, without its yellow (too faint on white). */
    static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
            "#000000");
    private static final int POINTS = 400;
    private static final double SMOOTHING = 0.95;

    /** One line of a chart; {@code kind} is loss, train or test, and train accuracy is drawn dashed. */
    public record Curve(String run, String colour, String kind, boolean dashed, double[] xs, double[] ys) {
    }

    /** One run's line of the table, its numbers as text. */
    public record Row(String run, String colour, String finalTest, String bestTest, String finalTrain,
                      String secondsPerEpoch, String imagesPerSecond, String params, String macs, String memory) {
    }

    /** What the view draws, all at once, so that the charts, legend and table never disagree. */
    public record Comparison(List<RunSummary> runs, List<Curve> loss, List<Curve> accuracy, List<Row> rows,
                             String xLabel, String diff, String problems) {
    }

    private final ObjectProperty<Alignment> alignment = new SimpleObjectProperty<>(Alignment.EPOCH);
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ComparedNetViewModel net = new ComparedNetViewModel();
    private List<RunSummary> runs = List.of();

    public ComparisonViewModel() {
        alignment.addListener((obs, old, a) -> compare(runs));
    }

    public ObjectProperty<Alignment> alignmentProperty() {
        return alignment;
    }

    /** The graph of a compared run's net, marked against the baseline's. */
    public ComparedNetViewModel net() {
        return net;
    }

    /** The comparison shown; null before the first. */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /**
     * Compares {@code chosen}, the earliest started first: it is the baseline the others' nets are diffed against.
     * Their metrics are read now; a run whose metrics cannot be read is named in the problems.
     */
    public void compare(List<RunSummary> chosen) {
        runs = chosen.stream().sorted(java.util.Comparator.comparing(RunSummary::created)).toList();
        net.compare(runs);
        if (runs.isEmpty()) {
            comparison.set(null);
            return;
        }
        List<Curve> loss = new ArrayList<>();
        List<Curve> accuracy = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSummary run = runs.get(i);
            String colour = COLOURS.get(i % COLOURS.size());
            RunMetrics metrics;
            try {
                metrics = RunMetrics.read(run.folder());
            } catch (RunStorageException e) {
                problems.add(Messages.get("runs.comparison.problem", run.name(), Messages.current().error(e)));
                metrics = new RunMetrics(List.of(), List.of());
            }
            Timeline time = new Timeline(metrics, alignment.get());
            loss.add(smoothedLoss(run.name(), colour, metrics, time));
            accuracy.add(epochCurve(run.name(), colour, Messages.get("training.series.train"), true, metrics, time,
                    TrainingEvent.Epoch::trainAccuracy));
            accuracy.add(epochCurve(run.name(), colour, Messages.get("training.series.test"), false, metrics, time,
                    TrainingEvent.Epoch::testAccuracy));
            rows.add(row(run, colour));
        }
        comparison.set(new Comparison(runs, loss, accuracy, rows,
                Messages.get(alignment.get() == Alignment.EPOCH ? "training.axis.epoch" : "runs.axis.time"), diff(runs),
                String.join(" ", problems)));
    }

    /** What differs between the first run's net and each other's, layer by layer (as {@code nin-explorer diff}). */
    static String diff(List<RunSummary> runs) {
        List<String> lines = new ArrayList<>();
        RunSummary base = runs.get(0);
        for (RunSummary other : runs.subList(1, runs.size())) {
            if (base.architecture() != null && other.architecture() != null) {
                if (!lines.isEmpty()) {
                    lines.add("");
                }
                lines.addAll(DiffWords.lines(Messages.current(), ArchitectureDiff.between(base.architecture(),
                        other.architecture()), base.name(), other.name()));
            }
        }
        return String.join("\n", lines);
    }

    /** The exponential moving average of the loss (bias-corrected, as the training chart's), at most {@value POINTS} points. */
    private static Curve smoothedLoss(String run, String colour, RunMetrics metrics, Timeline time) {
        List<RunMetrics.IterationRow> its = metrics.iterations();
        int step = Math.max(1, (its.size() + POINTS - 1) / POINTS);
        List<double[]> points = new ArrayList<>();
        double smoothed = 0;
        for (int i = 0; i < its.size(); i++) {
            smoothed = SMOOTHING * smoothed + (1 - SMOOTHING) * its.get(i).loss();
            if (i % step == step - 1 || i == its.size() - 1) {
                points.add(new double[] {time.at(its.get(i)), smoothed / (1 - Math.pow(SMOOTHING, i + 1))});
            }
        }
        return curve(run, colour, Messages.get("training.axis.loss"), false, points);
    }

    private static Curve epochCurve(String run, String colour, String kind, boolean dashed, RunMetrics metrics,
                                    Timeline time, java.util.function.ToDoubleFunction<TrainingEvent.Epoch> value) {
        return curve(run, colour, kind, dashed, metrics.epochs().stream()
                .map(e -> new double[] {time.end(e.epoch()), value.applyAsDouble(e)}).toList());
    }

    private static Curve curve(String run, String colour, String kind, boolean dashed, List<double[]> points) {
        return new Curve(run, colour, kind, dashed, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }

    private static Row row(RunSummary run, String colour) {
        return new Row(run.name(), colour, accuracy(run.finalTestAccuracy()), accuracy(run.bestTestAccuracy()),
                accuracy(run.finalTrainAccuracy()), number(run.secondsPerEpoch(), "%.1f s"),
                number(run.imagesPerSecond(), "%,.0f"), run.params() < 0 ? "–" : Format.count(run.params()),
                run.macs() < 0 ? "–" : Format.count(run.macs()),
                run.memoryBytes() < 0 ? "–" : MemoryEstimate.bytes(run.memoryBytes()));
    }

    static String accuracy(OptionalDouble value) {
        return number(value, "%.3f");
    }

    private static String number(OptionalDouble value, String format) {
        return value.isPresent() && Double.isFinite(value.getAsDouble())
                ? String.format(Locale.ROOT, format, value.getAsDouble()) : "–";
    }

    /**
     * Places a run's iterations and epoch ends on the shared axis. By wall time an epoch's iterations are spread
     * evenly over its recorded seconds (the file times epochs, not iterations); an unfinished epoch takes the mean.
     */
    private static final class Timeline {

        private final Alignment alignment;
        private final int perEpoch;
        private final List<Double> starts = new ArrayList<>();
        private final List<Double> lengths = new ArrayList<>();
        private final double meanLength;

        Timeline(RunMetrics metrics, Alignment alignment) {
            this.alignment = alignment;
            this.perEpoch = metrics.iterationsPerEpoch();
            this.meanLength = metrics.secondsPerEpoch().orElse(1);
            double start = 0;
            for (TrainingEvent.Epoch e : metrics.epochs()) {
                starts.add(start);
                lengths.add(e.seconds());
                start += e.seconds();
            }
        }

        double at(RunMetrics.IterationRow it) {
            double fraction = (double) it.iteration() / perEpoch;
            return alignment == Alignment.EPOCH ? it.epoch() - 1 + fraction
                    : start(it.epoch()) + fraction * length(it.epoch());
        }

        double end(int epoch) {
            return alignment == Alignment.EPOCH ? epoch : start(epoch) + length(epoch);
        }

        private double start(int epoch) {
            int i = epoch - 1;
            return i < starts.size() ? starts.get(i)
                    : (starts.isEmpty() ? 0 : starts.get(starts.size() - 1) + lengths.get(lengths.size() - 1))
                    + (i - starts.size()) * meanLength;
        }

        private double length(int epoch) {
            return epoch - 1 < lengths.size() ? lengths.get(epoch - 1) : meanLength;
        }
    }
}
