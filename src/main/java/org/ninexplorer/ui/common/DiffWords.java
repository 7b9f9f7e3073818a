package org.ninexplorer.ui.common;

import java.util.ArrayList;
import java.util.List;
import org.ninexplorer.model.ArchitectureDiff;
import org.ninexplorer.model.DiffLine;
import org.ninexplorer.model.LayerChange;

/**
 * An {@link ArchitectureDiff}'s lines ({@link DiffLine}) in the words of {@code messages} ({@code common.diff.*}):
 * the CLI's {@code diff} in English, the window's comparison and exercises in its language. The table's columns are
 * as wide as their widest cell, counted in the columns of a fixed-width font (a Chinese character takes two), so
 * that the deltas stand under each other whatever the shapes' lengths and the language.
 */
public final class DiffWords {

    /** The fixed widths of nin-explorer diff's columns: the indices, the layer kind, the two deltas. */
    private static final int INDEX = 3;
    private static final int KIND = 8;
    private static final int PARAMS = 9;
    private static final int MACS = 11;
    /** Where a row's changed settings start, under its settings. */
    private static final String FIELDS_INDENT = " ".repeat(15);

    private DiffWords() {
    }

    public static List<String> lines(Messages messages, ArchitectureDiff diff, String a, String b) {
        return lines(messages, DiffLine.of(diff, a, b));
    }

    public static List<String> lines(Messages messages, List<DiffLine> lines) {
        String[] header = {messages.format("common.diff.layer"), messages.format("common.diff.settings"),
                messages.format("common.diff.shape"), messages.format("common.diff.params"),
                messages.format("common.diff.macs")};
        String total = messages.format("common.diff.total");
        int kind = Math.max(KIND, Math.max(width(header[0]), width(total)));
        int settings = width(header[1]);
        int shapes = width(header[2]);
        for (DiffLine line : lines) {
            if (line instanceof DiffLine.Row row) {
                settings = Math.max(settings, width(settings(messages, row)));
                shapes = Math.max(shapes, width(row.shapes()));
            }
        }
        int[] columns = {kind, settings, shapes};
        List<String> out = new ArrayList<>();
        for (DiffLine line : lines) {
            if (line instanceof DiffLine.Said said) {
                out.add(messages.format("common.diff." + said.code().key(), said.args().toArray()));
            } else if (line instanceof DiffLine.Header) {
                out.add(row(columns, " ", "A", "B", header[0], header[1], header[2], header[3], header[4]).stripTrailing());
            } else if (line instanceof DiffLine.Row row) {
                out.add(row(columns, marker(row.change()), row.a(), row.b(), row.kind(), settings(messages, row),
                        row.shapes(), row.paramsDelta(), row.macsDelta()).stripTrailing());
            } else if (line instanceof DiffLine.Fields fields) {
                out.add(FIELDS_INDENT + fields.changes());
            } else if (line instanceof DiffLine.Total sums) {
                out.add(row(columns, " ", "", "", total, "", "", sums.paramsDelta(), sums.macsDelta()));
            }
        }
        return out;
    }

    private static String settings(Messages messages, DiffLine.Row row) {
        return LayerWords.settings(messages, row.layer(), row.summary(), row.classes());
    }

    private static String row(int[] columns, String marker, String a, String b, String kind, String settings,
                              String shapes, String params, String macs) {
        return marker + "  " + right(a, INDEX) + "  " + right(b, INDEX) + "  " + left(kind, columns[0]) + " "
                + left(settings, columns[1]) + "  " + left(shapes, columns[2]) + "  " + right(params, PARAMS) + "  "
                + right(macs, MACS);
    }

    private static String marker(LayerChange.Change change) {
        return switch (change) {
            case UNCHANGED -> "=";
            case CHANGED -> "~";
            case ADDED -> "+";
            case REMOVED -> "-";
        };
    }

    private static String left(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - width(text)));
    }

    private static String right(String text, int columns) {
        return " ".repeat(Math.max(0, columns - width(text))) + text;
    }

    /** Columns in a fixed-width font: two for a CJK character or full-width sign, one for the rest. */
    static int width(String text) {
        return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) ? 2 : 1).sum();
    }
}
