package org.ninexplorer.ui.editor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.ninexplorer.model.LayerKind;
import org.ninexplorer.ui.common.Action;

/** The editing commands, each with when it can run; the menu, the toolbar and the inspector share them. */
public final class EditorActions {

    public final Action undo;
    public final Action redo;
    public final Action addBlock;
    public final Action addPool;
    public final Action addDropout;
    public final Action addDense;
    public final Action putBackGap;
    public final Action remove;
    public final Action moveUp;
    public final Action moveDown;

    public EditorActions(EditorViewModel editor) {
        BooleanBinding unlocked = editor.readOnlyProperty().not();
        undo = new Action(editor::undo, editor.canUndoProperty().and(unlocked));
        redo = new Action(editor::redo, editor.canRedoProperty().and(unlocked));
        addBlock = new Action(() -> editor.insert(LayerKind.NIN), unlocked);
        addPool = new Action(() -> editor.insert(LayerKind.MAXPOOL), unlocked);
        addDropout = new Action(() -> editor.insert(LayerKind.DROPOUT), unlocked);
        addDense = new Action(() -> editor.insert(LayerKind.DENSE), unlocked);
        putBackGap = new Action(editor::appendGap, editor.gapMissingProperty().and(unlocked));
        remove = new Action(editor::removeSelected, layerSelected(editor, 0, 0).and(unlocked));
        moveUp = new Action(() -> editor.moveSelected(-1), layerSelected(editor, 1, 0).and(unlocked));
        moveDown = new Action(() -> editor.moveSelected(1), layerSelected(editor, 0, 1).and(unlocked));
    }

    /** True while a layer is selected with at least {@code before} layers before it and {@code after} after it. */
    private static BooleanBinding layerSelected(EditorViewModel editor, int before, int after) {
        return Bindings.createBooleanBinding(() -> {
            int i = editor.selection();
            return i >= before && i < editor.architecture().layers().size() - after;
        }, editor.selectionProperty(), editor.architectureProperty());
    }
}
