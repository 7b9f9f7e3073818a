package org.ninexplorer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ninexplorer.model.LayerChange.Change;

/**
 * One line of an {@link ArchitectureDiff} as {@code nin-explorer diff} prints it and the window's comparison
 * shows it, as codes and numbers without words: the CLI words them in English, the window in its language
 * ({@code ui.common.DiffWords}, which also lays the table's columns out). {@link #of} gives the lines: the two
 * nets, a note for one that is not possible, then either that they are the same or the input's change, a table
 * with one row per aligned layer (added +, removed -, changed ~, unchanged =) and its totals, and the sums.
 */
public sealed interface DiffLine {

    /** A line said by a pattern ({@code common.diff.<code>}) with its arguments. */
    record Said(Code code, List<Object> args) implements DiffLine {
        public Said {
            args = List.copyOf(args);
        }
    }

    /** The table's column titles. */
    record Header() implements DiffLine {
    }

    /**
     * One aligned layer.
     *
     * @param layer   the layer shown (the second net's where it has one), null for the class scores
     * @param summary its settings as shape inference wrote them (the model's own, e.g. {@code 32 · 5×5 / 1 p2})
     * @param classes the class count, for the class scores' row
     */
    record Row(Change change, String a, String b, String kind, Layer layer, String summary, int classes,
               String shapes, String paramsDelta, String macsDelta) implements DiffLine {
    }

    /** The settings that differ in the row above: {@code channels 96 → 32 (-64), kernel 11 → 5 (-6)}. */
    record Fields(String changes) implements DiffLine {
    }

    /** The table's totals row: the columns' sums. */
    record Total(String paramsDelta, String macsDelta) implements DiffLine {
    }

    enum Code {
        /** A or B, its name, input shape, layers, params, MACs */
        NET,
        /** A or B, its problems (a number) */
        NOT_POSSIBLE,
        /** layers */
        SAME,
        /** the input before, after */
        INPUT,
        /** the arithmetic: {@code 1992166 → 148390 (-1843776, -92.6%)} */
        TOTAL_PARAMS,
        TOTAL_MACS,
        /** removed, added, changed, unchanged */
        LAYERS;

        /** The bundle key's last part: {@code total-params}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The lines for {@code diff}, its two nets named {@code a} and {@code b}. */
    static List<DiffLine> of(ArchitectureDiff diff, String a, String b) {
        List<DiffLine> out = new ArrayList<>();
        out.add(net("A", a, diff.before()));
        out.add(net("B", b, diff.after()));
        note(out, "A", diff.before());
        note(out, "B", diff.after());
        if (diff.identical()) {
            out.add(said(Code.SAME, String.valueOf(diff.before().architecture().layers().size())));
            return out;
        }
        if (!diff.inputChanges().isEmpty()) {
            out.add(said(Code.INPUT, input(diff.before()), input(diff.after())));
        }
        out.add(new Header());
        for (LayerChange row : diff.rows()) {
            out.add(row(diff, row));
            if (!row.fields().isEmpty()) {
                out.add(new Fields(row.fields().stream().map(FieldChange::toString).collect(Collectors.joining(", "))));
            }
        }
        out.add(new Total(signed(diff.paramsDelta()), signed(diff.macsDelta())));
        out.add(said(Code.TOTAL_PARAMS, total(diff.before().totalParams(), diff.after().totalParams())));
        out.add(said(Code.TOTAL_MACS, total(diff.before().totalMacs(), diff.after().totalMacs())));
        out.add(said(Code.LAYERS, String.valueOf(diff.count(Change.REMOVED)), String.valueOf(diff.count(Change.ADDED)),
                String.valueOf(diff.count(Change.CHANGED)), String.valueOf(diff.count(Change.UNCHANGED))));
        return out;
    }

    private static Said said(Code code, Object... args) {
        return new Said(code, List.of(args));
    }

    private static Said net(String which, String name, Analysis analysis) {
        return said(Code.NET, which, name, input(analysis), String.valueOf(analysis.architecture().layers().size()),
                String.valueOf(analysis.totalParams()), String.valueOf(analysis.totalMacs()));
    }

    private static void note(List<DiffLine> out, String which, Analysis analysis) {
        if (!analysis.valid()) {
            out.add(said(Code.NOT_POSSIBLE, which, analysis.diagnostics().size()));
        }
    }

    private static Row row(ArchitectureDiff diff, LayerChange row) {
        boolean after = row.after() != null;
        LayerReport shown = after ? row.after() : row.before();
        Architecture arch = (after ? diff.after() : diff.before()).architecture();
        Layer layer = shown.index() < arch.layers().size() ? arch.layers().get(shown.index()) : null;
        return new Row(row.change(), index(row.beforeIndex()), index(row.afterIndex()), shown.kind(), layer,
                shown.summary(), arch.classes(), shapes(row), delta(row.paramsDelta()), delta(row.macsDelta()));
    }

    /** A row's change in parameters or MACs; blank when there is none, so that the changes stand out. */
    private static String delta(long value) {
        return value == 0 ? "" : signed(value);
    }

    private static String shapes(LayerChange row) {
        String before = row.before() == null ? null : row.before().batchShape();
        String after = row.after() == null ? null : row.after().batchShape();
        if (before == null || after == null || before.equals(after)) {
            return before == null ? after : before;
        }
        return before + " → " + after;
    }

    private static String input(Analysis analysis) {
        return analysis.architecture().input().shape().toString();
    }

    private static String total(long before, long after) {
        String percent = before == 0 ? "" : String.format(Locale.ROOT, ", %+.1f%%", 100.0 * (after - before) / before);
        return before + " → " + after + " (" + signed(after - before) + percent + ")";
    }

    private static String index(int index) {
        return index < 0 ? "" : String.valueOf(index);
    }

    private static String signed(long value) {
        return value > 0 ? "+" + value : String.valueOf(value);
    }
}
