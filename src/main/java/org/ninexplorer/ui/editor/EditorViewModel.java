package org.ninexplorer.ui.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ArchitectureFormatException;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.LayerKind;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.ui.common.Messages;

/**
 * The architecture being edited: every change goes through {@link #apply}, which records an undoable
 * command and re-runs shape inference at once (microseconds), so shapes follow every edit within a frame.
 * Selection: {@link #INPUT} for the input, 0..n-1 for a layer, n for the class scores.
 */
public final class EditorViewModel {

    public static final int INPUT = -1;
    /** The units of a new dense layer that does not end the net. */
    public static final int HIDDEN_UNITS = 64;

    private final EditHistory history = new EditHistory();
    private final ReadOnlyObjectWrapper<Architecture> architecture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper selection = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper document = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(Messages.get("editor.undo"));
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(Messages.get("editor.redo"));
    private final ReadOnlyBooleanWrapper gapMissing = new ReadOnlyBooleanWrapper();
    private final BooleanProperty locked = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Path> shownRun = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Baseline> origin = new ReadOnlyObjectWrapper<>();
    private Architecture saved;

    public EditorViewModel() {
        readOnly.bind(locked.or(shownRun.isNotNull()));
        readOnlyReason.bind(javafx.beans.binding.Bindings.createStringBinding(() -> locked.get()
                ? Messages.get("editor.locked") : shownRun.get() != null ? Messages.get("editor.shown-run", name.get())
                : "", locked, shownRun, name));
        reset(Presets.FASHION_28, "fashion-28", null);
    }

    // --- Properties -------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Architecture> architectureProperty() {
        return architecture.getReadOnlyProperty();
    }

    public Architecture architecture() {
        return architecture.get();
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public Analysis analysis() {
        return analysis.get();
    }

    public ReadOnlyIntegerProperty selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public int selection() {
        return selection.get();
    }

    /** Counts documents: goes up when a preset, a file or a new net replaces the edited one. */
    public ReadOnlyIntegerProperty documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** Bumped on every change of the architecture, edits, undo and loads alike. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The preset or file name the architecture came from, for titles and run directory names. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** True while a training run uses this architecture: edits are refused. */
    public BooleanProperty lockedProperty() {
        return locked;
    }

    /** The run whose network is shown, read-only until {@link #editAsNew()}; null while editing a net of one's own. */
    public ReadOnlyObjectProperty<Path> shownRunProperty() {
        return shownRun.getReadOnlyProperty();
    }

    /** The run this net was made from with {@link #editAsNew()}, for marking what has changed since; else null. */
    public ReadOnlyObjectProperty<Baseline> originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** True while no edit is possible: a run trains, or a run's network is shown. */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** Why the network cannot be edited now, in a sentence; empty when it can. */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    /**
     * True when the net ends neither in global average pooling, which turns its channels into class scores, nor
     * in a dense layer, which can make them.
     */
    public ReadOnlyBooleanProperty gapMissingProperty() {
        return gapMissing.getReadOnlyProperty();
    }

    /** The selected top-level layer, or null when the input or the class scores are selected. */
    public Layer selectedLayer() {
        int i = selection.get();
        return i >= 0 && i < architecture().layers().size() ? architecture().layers().get(i) : null;
    }

    // --- Commands ---------------------------------------------------------------------------------

    public void select(int index) {
        selection.set(Math.max(INPUT, Math.min(index, architecture().layers().size())));
    }

    /** Applies an edit as one undoable command; a no-op edit records nothing. */
    public void apply(String description, UnaryOperator<Architecture> edit) {
        if (readOnly.get()) {
            return;
        }
        Architecture before = architecture();
        Architecture after = edit.apply(before);
        if (after.equals(before)) {
            return;
        }
        history.record(new EditCommand(description, before, after));
        show(after);
    }

    public void undo() {
        if (!readOnly.get()) {
            history.undo().ifPresent(c -> show(c.before()));
        }
    }

    public void redo() {
        if (!readOnly.get()) {
            history.redo().ifPresent(c -> show(c.after()));
        }
    }

    /** Replaces the selected layer through {@code edit}; ignored when the selection is not a layer of that type. */
    public <T extends Layer> void editLayer(Class<T> type, String what, UnaryOperator<T> edit) {
        int index = selection.get();
        Layer layer = selectedLayer();
        if (type.isInstance(layer)) {
            apply(Messages.get("editor.edit.change", what, String.valueOf(index)),
                    a -> a.withLayer(index, edit.apply(type.cast(layer))));
        }
    }

    public void setInput(InputSpec input) {
        apply(Messages.get("editor.edit.input"), a -> a.withInput(input));
    }

    /**
     * Changes the number of classes and the layer that makes the class scores when it had one output per class:
     * a last dense layer's units, or else the last NiN block's channels (GAP turns each into one score).
     */
    public void setClasses(int classes) {
        apply(Messages.get("editor.edit.classes"), a -> {
            Architecture changed = a.withClasses(classes);
            int end = a.layers().size() - 1;
            if (end >= 0 && a.layers().get(end) instanceof Dense head) {
                return head.units() == a.classes() ? changed.withLayer(end, head.withUnits(classes)) : changed;
            }
            for (int i = end; i >= 0; i--) {
                if (a.layers().get(i) instanceof NinBlock last) {
                    return last.channels() == a.classes() ? changed.withLayer(i, last.withChannels(classes)) : changed;
                }
            }
            return changed;
        });
    }

    /** Inserts a layer after the selection (at the start when the input is selected) and selects it. */
    public void insert(Layer layer) {
        int at = insertionPoint();
        apply(Messages.get("editor.edit.add." + layer.type()), a -> a.withInserted(at, layer));
        select(at);
    }

    /**
     * Inserts a new layer of {@code kind} after the selection. A dense layer that ends the net gets one unit
     * per class, so that it makes the class scores; elsewhere it starts with {@link #HIDDEN_UNITS}.
     */
    public void insert(LayerKind kind) {
        boolean last = insertionPoint() == architecture().layers().size();
        insert(switch (kind) {
            case NIN -> new NinBlock(64, 3, 1, 1);
            case MAXPOOL -> new MaxPool(3, 2);
            case DROPOUT -> new Dropout(0.5);
            case DENSE -> new Dense(last ? architecture().classes() : HIDDEN_UNITS);
            case GAP -> new GlobalAvgPool();
        });
    }

    private int insertionPoint() {
        return Math.min(selection.get() + 1, architecture().layers().size());
    }

    /** Puts global average pooling back at the end of the net, after it was removed or moved. */
    public void appendGap() {
        if (gapMissing.get()) {
            java.util.List<Layer> layers = architecture().layers();
            int last = layers.size() - 1;
            int existing = layers.indexOf(new GlobalAvgPool());
            apply(Messages.get("editor.edit.put-back-gap"), a -> existing >= 0 ? a.withMoved(existing, last)
                    : a.withInserted(last + 1, new GlobalAvgPool()));
        }
    }

    public void removeSelected() {
        int index = selection.get();
        if (selectedLayer() != null) {
            apply(Messages.get("editor.edit.remove", String.valueOf(index)), a -> a.withRemoved(index));
            select(Math.min(index, architecture().layers().size() - 1));
        }
    }

    public void moveSelected(int delta) {
        int from = selection.get();
        int to = from + delta;
        if (selectedLayer() != null && to >= 0 && to < architecture().layers().size()) {
            apply(Messages.get("editor.edit.move", String.valueOf(from)), a -> a.withMoved(from, to));
            select(to);
        }
    }

    public void newFromPreset(String preset) {
        reset(Presets.byName(preset).orElseThrow(() -> new IllegalArgumentException("no preset " + preset)),
                preset, null);
    }

    public void open(Path path) throws IOException, ArchitectureFormatException {
        reset(ArchitectureJson.load(path), baseName(path), path);
    }

    /** Shows the network a run trained, named after the run and read-only until {@link #editAsNew()}. */
    public void showRun(Architecture arch, String runName, Path runFolder) {
        reset(arch, runName, null);
        shownRun.set(runFolder);
    }

    /** Makes the shown run's network an editable new one, named after the run; its runs stay as they were. */
    public void editAsNew() {
        if (shownRun.get() != null) {
            origin.set(new Baseline(name.get(), architecture()));
            shownRun.set(null);
            name.set(name.get() + "-variant");
            saved = null;
            refreshFlags();
        }
    }

    public void save(Path path) throws IOException {
        ArchitectureJson.save(architecture(), path);
        file.set(path);
        name.set(baseName(path));
        saved = architecture();
        refreshFlags();
    }

    // --- Internals --------------------------------------------------------------------------------

    private void reset(Architecture arch, String newName, Path path) {
        history.clear();
        shownRun.set(null);
        origin.set(null);
        saved = arch;
        file.set(path);
        name.set(newName);
        show(arch);
        select(0);
        document.set(document.get() + 1);
    }

    private void show(Architecture arch) {
        analysis.set(ShapeInference.analyze(arch));
        Layer last = arch.layers().isEmpty() ? null : arch.layers().get(arch.layers().size() - 1);
        gapMissing.set(!(last instanceof GlobalAvgPool) && !(last instanceof Dense));
        architecture.set(arch);
        if (selection.get() > arch.layers().size()) {
            selection.set(arch.layers().size());
        }
        refreshFlags();
        revision.set(revision.get() + 1);
    }

    private void refreshFlags() {
        dirty.set(!architecture().equals(saved));
        canUndo.set(history.nextUndo().isPresent());
        canRedo.set(history.nextRedo().isPresent());
        undoText.set(history.nextUndo().map(c -> Messages.get("editor.undo.what", c.description()))
                .orElse(Messages.get("editor.undo")));
        redoText.set(history.nextRedo().map(c -> Messages.get("editor.redo.what", c.description()))
                .orElse(Messages.get("editor.redo")));
    }

    private static String baseName(Path path) {
        String fileName = path.getFileName().toString();
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }
}
