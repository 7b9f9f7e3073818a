package org.ninexplorer.ui.main;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.ninexplorer.ui.editor.EditorActions;
import org.ninexplorer.ui.graph.GraphZoom;
import org.ninexplorer.ui.help.Shortcuts;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.stepthrough.StepKeys;

/** The window-wide keys: undo and redo of the architecture, zoom of the graph, Escape in presentation mode. */
final class WindowKeys {

    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Y");
    private static final KeyCombination REDO_SHIFT = KeyCombination.keyCombination("Shortcut+Shift+Z");
    /** Every key that means zoom in or out: "=" (with or without Shift, for "+"), "+", the keypad's +, − and 0. */
    private static final List<KeyCombination> ZOOM_IN = List.of(
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
            new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
            new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN));
    private static final List<KeyCombination> ZOOM_OUT = List.of(
            new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN));
    private static final List<KeyCombination> ZOOM_FIT = List.of(
            new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN));
    private static final KeyCombination CLOSE_INSPECTOR = new KeyCodeCombination(KeyCode.ESCAPE);

    private WindowKeys() {
    }

    /** What each of these keys does, for Help ▸ Keyboard shortcuts, then the step-through's keys (its own). */
    static List<Shortcuts.Row> rows() {
        return java.util.stream.Stream.concat(ownRows().stream(), StepKeys.rows().stream()).toList();
    }

    /** Read from the combinations above. */
    private static List<Shortcuts.Row> ownRows() {
        return List.of(new Shortcuts.Row(Messages.get("main.keys.undo"), Shortcuts.keys(List.of(UNDO))),
                new Shortcuts.Row(Messages.get("main.keys.redo"), Shortcuts.keys(List.of(REDO, REDO_SHIFT))),
                new Shortcuts.Row(Messages.get("main.keys.zoom-in"), Shortcuts.keys(ZOOM_IN)),
                new Shortcuts.Row(Messages.get("main.keys.zoom-out"), Shortcuts.keys(ZOOM_OUT)),
                new Shortcuts.Row(Messages.get("main.keys.zoom-fit"), Shortcuts.keys(ZOOM_FIT)),
                new Shortcuts.Row(Messages.get("main.keys.close-inspector"), Shortcuts.keys(List.of(CLOSE_INSPECTOR))));
    }

    /**
     * Installs the keys as a filter on {@code window}: architecture undo wins over a spinner's own text undo,
     * which would otherwise swallow Ctrl+Z.
     */
    static void install(Node window, EditorActions editing, GraphZoom zoom, Appearance appearance, Panels panels) {
        window.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e)) {
                editing.undo.execute();
                e.consume();
            } else if (REDO.match(e) || REDO_SHIFT.match(e)) {
                editing.redo.execute();
                e.consume();
            } else if (matches(ZOOM_IN, e)) {
                zoom.zoomIn();
                e.consume();
            } else if (matches(ZOOM_OUT, e)) {
                zoom.zoomOut();
                e.consume();
            } else if (matches(ZOOM_FIT, e)) {
                zoom.fit();
                e.consume();
            } else if (CLOSE_INSPECTOR.match(e) && appearance.presentationProperty().get()) {
                panels.closeInspector();
            }
        });
    }

    private static boolean matches(List<KeyCombination> keys, KeyEvent e) {
        return keys.stream().anyMatch(k -> k.match(e));
    }
}
