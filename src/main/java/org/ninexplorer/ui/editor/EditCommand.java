package org.ninexplorer.ui.editor;

import org.ninexplorer.model.Architecture;

/**
 * One undoable edit. Architectures are immutable values, so a command is the state before and after;
 * undo and redo can never drift from what the user saw.
 *
 * @param description shown in the Edit menu ("Undo change channels of layer 2")
 */
public record EditCommand(String description, Architecture before, Architecture after) {
}
