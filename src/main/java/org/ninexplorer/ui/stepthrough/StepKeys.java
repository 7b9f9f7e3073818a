package org.ninexplorer.ui.stepthrough;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.help.Shortcuts;

/**
 * The step-through's keys, window-wide while it is on screen: → and Space (and Page Down, what a presenter's
 * remote sends) step forward, ← (Page Up) back, Home and End go to the input and the softmax. They win over
 * the tab headers' and scroll panes' own arrow keys, but never over a text field being typed in.
 */
public final class StepKeys {

    private static final List<KeyCombination> FORWARD = List.of(new KeyCodeCombination(KeyCode.RIGHT),
            new KeyCodeCombination(KeyCode.SPACE), new KeyCodeCombination(KeyCode.PAGE_DOWN));
    private static final List<KeyCombination> BACK = List.of(new KeyCodeCombination(KeyCode.LEFT),
            new KeyCodeCombination(KeyCode.PAGE_UP));
    private static final KeyCombination FIRST = new KeyCodeCombination(KeyCode.HOME);
    private static final KeyCombination LAST = new KeyCodeCombination(KeyCode.END);

    private StepKeys() {
    }

    /** What each key does, for Help ▸ Keyboard shortcuts; read from the combinations above. */
    public static List<Shortcuts.Row> rows() {
        return List.of(new Shortcuts.Row(Messages.get("steps.keys.next"), Shortcuts.keys(FORWARD)),
                new Shortcuts.Row(Messages.get("steps.keys.back"), Shortcuts.keys(BACK)),
                new Shortcuts.Row(Messages.get("steps.keys.first"), Shortcuts.keys(List.of(FIRST))),
                new Shortcuts.Row(Messages.get("steps.keys.last"), Shortcuts.keys(List.of(LAST))));
    }

    /** Installs the keys on {@code scene}; they act only while {@code shown} says so. Returns the filter, to remove it. */
    static EventHandler<KeyEvent> install(Scene scene, BooleanSupplier shown, StepThroughViewModel viewModel) {
        EventHandler<KeyEvent> filter = e -> {
            if (!shown.getAsBoolean() || scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            Runnable command = matches(FORWARD, e) ? viewModel::forward : matches(BACK, e) ? viewModel::back
                    : FIRST.match(e) ? viewModel::first : LAST.match(e) ? viewModel::last : null;
            if (command != null) {
                command.run();
                e.consume();
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
        return filter;
    }

    private static boolean matches(List<KeyCombination> keys, KeyEvent e) {
        return keys.stream().anyMatch(k -> k.match(e));
    }
}
