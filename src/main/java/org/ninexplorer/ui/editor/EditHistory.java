package org.ninexplorer.ui.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The undo and redo stacks. Bounded, so that an afternoon of spinner clicks cannot grow without end. */
final class EditHistory {

    private static final int LIMIT = 500;

    private final Deque<EditCommand> undo = new ArrayDeque<>();
    private final Deque<EditCommand> redo = new ArrayDeque<>();

    void record(EditCommand command) {
        undo.push(command);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
    }

    Optional<EditCommand> undo() {
        EditCommand command = undo.poll();
        if (command != null) {
            redo.push(command);
        }
        return Optional.ofNullable(command);
    }

    Optional<EditCommand> redo() {
        EditCommand command = redo.poll();
        if (command != null) {
            undo.push(command);
        }
        return Optional.ofNullable(command);
    }

    Optional<EditCommand> nextUndo() {
        return Optional.ofNullable(undo.peek());
    }

    Optional<EditCommand> nextRedo() {
        return Optional.ofNullable(redo.peek());
    }

    void clear() {
        undo.clear();
        redo.clear();
    }
}
