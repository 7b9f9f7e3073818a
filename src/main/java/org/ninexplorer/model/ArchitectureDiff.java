package org.ninexplorer.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What differs between two architectures, layer by layer. The layers are aligned as a minimal edit: removing
 * or adding a layer costs 1, keeping a layer of the same kind costs the share of its settings that changed
 * (0 when none did), and layers of different kinds are never paired. So a block removed in the middle shows
 * as one removal, not as every later layer changed, while a block whose channels were edited stays one changed
 * layer. Shapes, parameters and MACs are shape inference's, of each architecture as it stands.
 */
public final class ArchitectureDiff {

    private static final double EPSILON = 1e-9;

    private final Analysis before;
    private final Analysis after;
    private final List<FieldChange> inputChanges;
    private final List<LayerChange> rows;

    private ArchitectureDiff(Analysis before, Analysis after, List<FieldChange> inputChanges, List<LayerChange> rows) {
        this.before = before;
        this.after = after;
        this.inputChanges = List.copyOf(inputChanges);
        this.rows = List.copyOf(rows);
    }

    public static ArchitectureDiff between(Architecture before, Architecture after) {
        return between(ShapeInference.analyze(before), ShapeInference.analyze(after));
    }

    /** The diff of two analyses a caller already has (e.g. the editor's). */
    public static ArchitectureDiff between(Analysis before, Analysis after) {
        Architecture a = before.architecture();
        Architecture b = after.architecture();
        List<FieldChange> input = new ArrayList<>();
        addIfChanged(input, "input.channels", a.input().channels(), b.input().channels());
        addIfChanged(input, "input.height", a.input().height(), b.input().height());
        addIfChanged(input, "input.width", a.input().width(), b.input().width());
        List<LayerChange> rows = align(before, after);
        List<FieldChange> classes = new ArrayList<>();
        addIfChanged(classes, "classes", a.classes(), b.classes());
        LayerReport scoresBefore = before.reports().get(a.layers().size());
        LayerReport scoresAfter = after.reports().get(b.layers().size());
        rows.add(new LayerChange(classes.isEmpty() ? LayerChange.Change.UNCHANGED : LayerChange.Change.CHANGED,
                scoresBefore.index(), scoresAfter.index(), scoresBefore, scoresAfter, classes));
        return new ArchitectureDiff(before, after, input, rows);
    }

    public Analysis before() {
        return before;
    }

    public Analysis after() {
        return after;
    }

    /** The input settings that differ ({@code input.channels}, {@code input.height}, {@code input.width}). */
    public List<FieldChange> inputChanges() {
        return inputChanges;
    }

    /** Every aligned row in order, unchanged ones included; the class scores come last. */
    public List<LayerChange> rows() {
        return rows;
    }

    /** The row of the first architecture's layer {@code index} (the layer count names the class scores). */
    public Optional<LayerChange> forBefore(int index) {
        return rows.stream().filter(r -> r.beforeIndex() == index && r.before() != null).findFirst();
    }

    /** The row of the second architecture's layer {@code index} (the layer count names the class scores). */
    public Optional<LayerChange> forAfter(int index) {
        return rows.stream().filter(r -> r.afterIndex() == index && r.after() != null).findFirst();
    }

    public long count(LayerChange.Change change) {
        return rows.stream().filter(r -> r.change() == change).count();
    }

    /** Whether the two architectures are the same net: same input, layers and classes. */
    public boolean identical() {
        return inputChanges.isEmpty() && rows.stream().allMatch(r -> r.change() == LayerChange.Change.UNCHANGED);
    }

    /** Total parameters, second minus first (the sum of the rows' deltas). */
    public long paramsDelta() {
        return after.totalParams() - before.totalParams();
    }

    /** Total forward multiply-accumulates per image, second minus first. */
    public long macsDelta() {
        return after.totalMacs() - before.totalMacs();
    }

    private static List<LayerChange> align(Analysis before, Analysis after) {
        List<Layer> a = before.architecture().layers();
        List<Layer> b = after.architecture().layers();
        // cost[i][j]: the cheapest edit of a[i..] into b[j..]; filled from the end so the walk below goes forward.
        double[][] cost = new double[a.size() + 1][b.size() + 1];
        for (int i = a.size(); i >= 0; i--) {
            for (int j = b.size(); j >= 0; j--) {
                if (i == a.size() || j == b.size()) {
                    cost[i][j] = (a.size() - i) + (b.size() - j);
                } else {
                    double best = 1 + Math.min(cost[i + 1][j], cost[i][j + 1]);
                    double keep = keepCost(a.get(i), b.get(j));
                    cost[i][j] = Math.min(best, keep + cost[i + 1][j + 1]);
                }
            }
        }
        List<LayerChange> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size()
                    && Math.abs(cost[i][j] - keepCost(a.get(i), b.get(j)) - cost[i + 1][j + 1]) < EPSILON) {
                List<FieldChange> fields = settingChanges(a.get(i), b.get(j));
                rows.add(new LayerChange(fields.isEmpty() ? LayerChange.Change.UNCHANGED : LayerChange.Change.CHANGED,
                        i, j, before.reports().get(i), after.reports().get(j), fields));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || Math.abs(cost[i][j] - 1 - cost[i + 1][j]) < EPSILON)) {
                rows.add(new LayerChange(LayerChange.Change.REMOVED, i, -1, before.reports().get(i), null, List.of()));
                i++;
            } else {
                rows.add(new LayerChange(LayerChange.Change.ADDED, -1, j, null, after.reports().get(j), List.of()));
                j++;
            }
        }
        return rows;
    }

    /** The share of settings that differ, or infinity for layers of different kinds. */
    private static double keepCost(Layer a, Layer b) {
        if (a.kind() != b.kind()) {
            return Double.POSITIVE_INFINITY;
        }
        int settings = a.getClass().getRecordComponents().length;
        return settings == 0 ? 0 : (double) settingChanges(a, b).size() / settings;
    }

    /**
     * The settings of two layers of one kind that differ. A layer's settings are its record components, named
     * as in the architecture file, so a new setting or layer kind is compared without a change here.
     */
    static List<FieldChange> settingChanges(Layer a, Layer b) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            addIfChanged(changes, component.getName(), value(component, a), value(component, b));
        }
        return changes;
    }

    private static Number value(RecordComponent component, Layer layer) {
        try {
            return (Number) component.getAccessor().invoke(layer);
        } catch (IllegalAccessException | InvocationTargetException | ClassCastException e) {
            throw new IllegalStateException("a layer's settings must be public numbers: " + component, e);
        }
    }

    private static void addIfChanged(List<FieldChange> out, String field, Number before, Number after) {
        if (!Objects.equals(before, after)) {
            out.add(new FieldChange(field, before, after));
        }
    }
}
