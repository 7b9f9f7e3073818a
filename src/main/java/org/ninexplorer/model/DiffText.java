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
        out.add(String.format(Locale.ROOT, "     A    B  %-8s %-26s %s", "layer", "settings", "output shape"));
        for (LayerChange row : diff.rows()) {
            row(out, row);
        }
        out.add("total params: " + total(diff.before().totalParams(), diff.after().totalParams()));
        out.add("total MACs: " + total(diff.before().totalMacs(), diff.after().totalMacs()));
        out.add("layers: " + diff.count(Change.REMOVED) + " removed, " + diff.count(Change.ADDED) + " added, "
                + diff.count(Change.CHANGED) + " changed, " + diff.count(Change.UNCHANGED) + " unchanged");
        return out;
    }

    private static void row(List<String> out, LayerChange row) {
        LayerReport shown = row.after() != null ? row.after() : row.before();
        String marker = switch (row.change()) {
            case UNCHANGED -> "=";
            case CHANGED -> "~";
            case ADDED -> "+";
            case REMOVED -> "-";
        };
        String deltas = (row.paramsDelta() == 0 ? "" : "  params " + signed(row.paramsDelta()))
                + (row.macsDelta() == 0 ? "" : "  MACs " + signed(row.macsDelta()));
        out.add(String.format(Locale.ROOT, "%s  %3s  %3s  %-8s %-26s %-36s%s", marker, index(row.beforeIndex()),
                index(row.afterIndex()), shown.kind(), shown.summary(), shapes(row), deltas).stripTrailing());
        if (!row.fields().isEmpty()) {
            out.add("               " + row.fields().stream().map(FieldChange::toString)
                    .collect(Collectors.joining(", ")));
        }
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
