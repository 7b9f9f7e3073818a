package org.ninexplorer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ninexplorer.model.LayerChange.Change;

/**
 * An {@link ArchitectureDiff} as lines of text, one per aligned layer: added (+), removed (-), changed (~) and
 * unchanged (=), with output shapes and the change in parameters and MACs. {@code nin-explorer diff} prints it
 * and the window's comparison shows it.
 */
public final class DiffText {

    private DiffText() {
    }

    /** The lines for {@code diff}, its two nets named {@code a} and {@code b}. */
    public static List<String> lines(ArchitectureDiff diff, String a, String b) {
        List<String> out = new ArrayList<>();
        out.add("A: " + a + "  (" + totals(diff.before()) + ")");
        out.add("B: " + b + "  (" + totals(diff.after()) + ")");
        note(out, "A", diff.before());
        note(out, "B", diff.after());
        if (diff.identical()) {
            out.add("A and B are the same net: " + diff.before().architecture().layers().size() + " layers");
            return out;
        }
        if (!diff.inputChanges().isEmpty()) {
            out.add("input: " + input(diff.before()) + " → " + input(diff.after()));
        }
        table(out, diff);
        out.add("total params: " + total(diff.before().totalParams(), diff.after().totalParams()));
        out.add("total MACs: " + total(diff.before().totalMacs(), diff.after().totalMacs()));
        out.add("layers: " + diff.count(Change.REMOVED) + " removed, " + diff.count(Change.ADDED) + " added, "
                + diff.count(Change.CHANGED) + " changed, " + diff.count(Change.UNCHANGED) + " unchanged");
        return out;
    }

    /**
     * One row per aligned layer in columns as wide as their widest cell, so that the deltas stand under each
     * other whatever the shapes' lengths, then a totals row whose deltas are the columns' sums.
     */
    private static void table(List<String> out, ArchitectureDiff diff) {
        int settings = "settings".length();
        int shapes = "output shape".length();
        for (LayerChange row : diff.rows()) {
            settings = Math.max(settings, shown(row).summary().length());
            shapes = Math.max(shapes, shapes(row).length());
        }
        String format = "%s  %3s  %3s  %-8s %-" + settings + "s  %-" + shapes + "s  %9s  %11s";
        out.add(String.format(Locale.ROOT, format, " ", "A", "B", "layer", "settings", "output shape", "Δparams",
                "ΔMACs").stripTrailing());
        for (LayerChange row : diff.rows()) {
            out.add(String.format(Locale.ROOT, format, marker(row.change()), index(row.beforeIndex()),
                    index(row.afterIndex()), shown(row).kind(), shown(row).summary(), shapes(row),
                    delta(row.paramsDelta()), delta(row.macsDelta())).stripTrailing());
            if (!row.fields().isEmpty()) {
                out.add("               " + row.fields().stream().map(FieldChange::toString)
                        .collect(Collectors.joining(", ")));
            }
        }
        out.add(String.format(Locale.ROOT, format, " ", "", "", "total", "", "", signed(diff.paramsDelta()),
                signed(diff.macsDelta())));
    }

    private static LayerReport shown(LayerChange row) {
        return row.after() != null ? row.after() : row.before();
    }

    private static String marker(Change change) {
        return switch (change) {
            case UNCHANGED -> "=";
            case CHANGED -> "~";
            case ADDED -> "+";
            case REMOVED -> "-";
        };
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

    private static void note(List<String> out, String which, Analysis analysis) {
        if (!analysis.valid()) {
            out.add("note: " + which + " is not a possible net (" + analysis.diagnostics().size()
                    + " problem" + (analysis.diagnostics().size() == 1 ? "" : "s")
                    + "; nin-explorer shapes explains them); its shapes stop where it breaks (?)");
        }
    }

    private static String totals(Analysis analysis) {
        return String.format(Locale.ROOT, "%s, %d layers, %d params, %d MACs", input(analysis),
                analysis.architecture().layers().size(), analysis.totalParams(), analysis.totalMacs());
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
