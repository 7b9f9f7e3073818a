package org.ninexplorer.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuItem;

/**
 * One command of the window, with the one condition under which it can run. Menu items, toolbar
 * buttons and the inspector's buttons all bind to the same action, so their enabled states cannot
 * disagree, and {@link #execute()} checks the condition again for key presses.
 */
public final class Action {

    private final Runnable command;
    private final ObservableBooleanValue executable;

    public Action(Runnable command, ObservableBooleanValue executable) {
        this.command = command;
        this.executable = executable;
    }

    /** An action that can always run. */
    public Action(Runnable command) {
        this(command, Bindings.createBooleanBinding(() -> true));
    }

    public ObservableBooleanValue executable() {
        return executable;
    }

    public boolean canExecute() {
        return executable.get();
    }

    public void execute() {
        if (executable.get()) {
            command.run();
        }
    }

    /** Makes {@code item} run this action and be disabled whenever it cannot run. */
    public void bind(MenuItem item) {
        item.setOnAction(e -> execute());
        item.disableProperty().bind(Bindings.not(executable));
    }

    /** Makes {@code button} run this action and be disabled whenever it cannot run. */
    public void bind(ButtonBase button) {
        button.setOnAction(e -> execute());
        button.disableProperty().bind(Bindings.not(executable));
    }
}
