package org.ninexplorer.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.ArchitectureDiff;
import org.ninexplorer.model.FieldChange;
import org.ninexplorer.model.LayerChange;
import org.ninexplorer.ui.common.Format;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.common.Messages;

/**
 * The marks of a net's cards against a baseline, read from the model's {@link ArchitectureDiff}: each card added,
 * changed (with what changed) or unchanged, and each removed layer a {@link Ghost} before the card that follows it.
 */
final class DiffMarks {

    static final DiffMarks NONE = new DiffMarks();

    private final Map<Integer, CardMark> byCard = new HashMap<>();
    private final List<Ghost> ghosts = new ArrayList<>();
    private final String summary;

    private DiffMarks() {
        summary = "";
    }

    /** The marks of {@code shown}'s cards against {@code baseline}, called {@code name} in the summary. */
    DiffMarks(Analysis baseline, Analysis shown, String name) {
        String same = Messages.get("graph.mark.same");
        String changed = Messages.get("graph.mark.changed");
        ArchitectureDiff diff = ArchitectureDiff.between(baseline, shown);
        byCard.put(EditorViewModel.INPUT, diff.inputChanges().isEmpty() ? new CardMark(DiffMark.UNCHANGED, same, "")
                : new CardMark(DiffMark.CHANGED, changed, diff.inputChanges().stream()
                        .map(f -> f.fromTo().replace("input.", "")).collect(Collectors.joining(", "))));
        List<LayerChange> rows = diff.rows();
        for (int r = 0; r < rows.size(); r++) {
            LayerChange row = rows.get(r);
            switch (row.change()) {
                case REMOVED -> ghosts.add(new Ghost(nextCard(rows, r), row.beforeIndex(),
                        Teaching.title(baseline.architecture().layers().get(row.beforeIndex()).kind()),
                        row.before().summary(), costs(row)));
                case ADDED -> byCard.put(row.afterIndex(), new CardMark(DiffMark.ADDED, Messages.get("graph.mark.added"), costs(row)));
                case CHANGED -> byCard.put(row.afterIndex(), new CardMark(DiffMark.CHANGED, changed, lines(
                        row.fields().stream().map(FieldChange::fromTo).collect(Collectors.joining(", ")), costs(row))));
                case UNCHANGED -> byCard.put(row.afterIndex(), new CardMark(DiffMark.UNCHANGED, same, lines(
                        row.shapeChanged() && row.outputBefore() != null ? Messages.get("graph.mark.output-was", row.outputBefore().toString()) : "",
                        costs(row))));
            }
        }
        summary = diff.identical() ? Messages.get("graph.marks.identical", name)
                : Messages.get("graph.marks.summary", name, diff.count(LayerChange.Change.CHANGED),
                        diff.count(LayerChange.Change.ADDED), diff.count(LayerChange.Change.REMOVED),
                        total(diff.paramsDelta(), baseline.totalParams()), total(diff.macsDelta(), baseline.totalMacs()));
    }

    /** The mark of the card with selection index {@code card}. */
    CardMark of(int card) {
        return byCard.getOrDefault(card, CardMark.NONE);
    }

    /** The baseline's layers the net no longer has, in order. */
    List<Ghost> ghosts() {
        return List.copyOf(ghosts);
    }

    /** One line: against what, how many layers changed, and the change in the totals; empty without a baseline. */
    String summary() {
        return summary;
    }

    /** The card a removed row stands before: the next row the shown net has (the class scores are always last). */
    private static int nextCard(List<LayerChange> rows, int removed) {
        for (int r = removed + 1; r < rows.size(); r++) {
            if (rows.get(r).after() != null) {
                return rows.get(r).afterIndex();
            }
        }
        throw new IllegalStateException("a diff ends with the class scores of both nets");
    }

    /** The change in parameters and MACs, e.g. {@code params −1,056 · MACs −802.8 k}; empty when neither moved. */
    private static String costs(LayerChange row) {
        List<String> parts = new ArrayList<>();
        if (row.paramsDelta() != 0) {
            parts.add(Messages.get("graph.mark.params", signed(row.paramsDelta())));
        }
        if (row.macsDelta() != 0) {
            parts.add(Messages.get("graph.mark.macs", signed(row.macsDelta())));
        }
        return String.join(" · ", parts);
    }

    private static String lines(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "\n" + second;
    }

    /** {@code +1.2 k}, {@code −30,336} (a real minus sign, as wide as the plus), {@code 0}. */
    static String signed(long value) {
        return (value > 0 ? "+" : value < 0 ? "−" : "") + Format.count(Math.abs(value));
    }

    private static String total(long delta, long before) {
        return signed(delta) + (before == 0 || delta == 0 ? ""
                : String.format(Locale.ROOT, " (%s%.1f %%)", delta > 0 ? "+" : "−", Math.abs(100.0 * delta / before)));
    }
}
