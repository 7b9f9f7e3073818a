package org.ninexplorer.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of an {@link ArchitectureDiff}: a layer of the first architecture aligned with one of the second, or
 * a layer only one of them has. The class scores are the last row of every diff.
 *
 * @param change      what happened to the layer
 * @param beforeIndex its index in the first architecture, {@code -1} when added
 * @param afterIndex  its index in the second architecture, {@code -1} when removed
 * @param before      shape inference's report in the first architecture, {@code null} when added
 * @param after       shape inference's report in the second, {@code null} when removed
 * @param fields      the settings that differ (empty unless {@link Change#CHANGED})
 */
public record LayerChange(Change change, int beforeIndex, int afterIndex, LayerReport before, LayerReport after,
                          List<FieldChange> fields) {

    public enum Change {
        /** Same kind and settings (its shapes may still differ when something before it changed). */
        UNCHANGED,
        /** Same kind, other settings. */
        CHANGED,
        /** Only in the second architecture. */
        ADDED,
        /** Only in the first architecture. */
        REMOVED
    }

    public LayerChange {
        Objects.requireNonNull(change, "change");
        fields = List.copyOf(fields);
    }

    /** The layer's kind ({@code nin}, {@code maxpool}, ... or {@code classes}), as {@link LayerReport#kind()}. */
    public String kind() {
        return (after != null ? after : before).kind();
    }

    /** The setting {@code field} if it changed, e.g. {@code field("channels")} for Δchannels. */
    public Optional<FieldChange> field(String field) {
        return fields.stream().filter(f -> f.field().equals(field)).findFirst();
    }

    /** The output shape in the first architecture, {@code null} when added or unknown there. */
    public Shape outputBefore() {
        return before == null ? null : before.output();
    }

    /** The output shape in the second architecture, {@code null} when removed or unknown there. */
    public Shape outputAfter() {
        return after == null ? null : after.output();
    }

    /** Whether the layer's output shape differs (also for an unchanged layer behind a change). */
    public boolean shapeChanged() {
        return !Objects.equals(outputBefore(), outputAfter());
    }

    /** Parameters of the second minus the first (a removed layer counts as zero in the second). */
    public long paramsDelta() {
        return (after == null ? 0 : after.params()) - (before == null ? 0 : before.params());
    }

    /** Forward multiply-accumulates per image, second minus first. */
    public long macsDelta() {
        return (after == null ? 0 : after.macs()) - (before == null ? 0 : before.macs());
    }
}
