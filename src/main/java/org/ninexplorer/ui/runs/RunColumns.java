package org.ninexplorer.ui.runs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.ui.common.Format;
import org.ninexplorer.ui.common.Messages;

/**
 * The runs table's columns: what each sorts by and how it reads. A missing number sorts below every real one
 * and reads as a dash.
 */
public final class RunColumns {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** One column: its id (for tests and styles), its title, the value it sorts by and the text it shows. */
    public record Column<T extends Comparable<T>>(String id, String title, double width, Function<RunSummary, T> value,
                                                  Function<RunSummary, String> text) {
    }

    public static final List<Column<?>> ALL = List.of(
            new Column<>("run-name", Messages.get("runs.column.name"), 230, RunSummary::name, RunSummary::name),
            new Column<>("run-date", Messages.get("runs.column.date"), 130, RunSummary::created, r -> DATE.format(r.created())),
            new Column<>("run-params", Messages.get("runs.column.params"), 80, RunSummary::params, r -> count(r.params())),
            new Column<>("run-macs", Messages.get("runs.column.macs"), 80, RunSummary::macs, r -> count(r.macs())),
            new Column<>("run-dataset", Messages.get("runs.column.dataset"), 200, RunSummary::dataset, RunSummary::dataset),
            new Column<>("run-epochs", Messages.get("runs.column.epochs"), 70, RunSummary::epochsDone,
                    r -> r.epochsPlanned() == 0 ? "–" : r.epochsDone() + " / " + r.epochsPlanned()),
            new Column<>("run-best", Messages.get("runs.column.best"), 80, r -> sortable(r.bestTestAccuracy()),
                    r -> ComparisonViewModel.accuracy(r.bestTestAccuracy())),
            new Column<>("run-final", Messages.get("runs.column.final"), 80, r -> sortable(r.finalTestAccuracy()),
                    r -> ComparisonViewModel.accuracy(r.finalTestAccuracy())),
            new Column<>("run-time", Messages.get("runs.column.time"), 80, RunSummary::wallSeconds,
                    r -> r.epochsDone() == 0 ? "–" : Format.duration(r.wallSeconds())),
            new Column<>("run-status", Messages.get("runs.column.status"), 110, r -> r.state().ordinal(),
                    r -> RunWords.state(r.state())));

    private RunColumns() {
    }

    private static String count(long value) {
        return value < 0 ? "–" : Format.count(value);
    }

    private static Double sortable(OptionalDouble value) {
        return value.isPresent() && Double.isFinite(value.getAsDouble()) ? value.getAsDouble() : -1.0;
    }
}
