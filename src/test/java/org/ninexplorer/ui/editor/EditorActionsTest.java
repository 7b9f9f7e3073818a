package org.ninexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.LayerKind;

class EditorActionsTest {

    private final EditorViewModel editor = new EditorViewModel();
    private final EditorActions actions = new EditorActions(editor);

    @Test
    void layerActionsNeedALayerWhereTheyCanGo() {
        editor.select(EditorViewModel.INPUT);
        assertThat(actions.remove.canExecute()).isFalse();
        assertThat(actions.moveUp.canExecute()).isFalse();
        assertThat(actions.addBlock.canExecute()).isTrue();

        editor.select(0);
        assertThat(actions.remove.canExecute()).isTrue();
        assertThat(actions.moveUp.canExecute()).as("the first layer cannot move up").isFalse();
        assertThat(actions.moveDown.canExecute()).isTrue();

        editor.select(editor.architecture().layers().size() - 1);
        assertThat(actions.moveDown.canExecute()).as("the last layer cannot move down").isFalse();
        editor.select(editor.architecture().layers().size());
        assertThat(actions.remove.canExecute()).as("the class scores are not a layer").isFalse();
    }

    @Test
    void nothingEditsWhileLocked() {
        editor.select(0);
        editor.insert(LayerKind.NIN);
        editor.lockedProperty().set(true);

        assertThat(actions.undo.canExecute()).isFalse();
        assertThat(actions.addPool.canExecute()).isFalse();
        assertThat(actions.remove.canExecute()).isFalse();
        int layers = editor.architecture().layers().size();
        actions.remove.execute();
        assertThat(editor.architecture().layers()).hasSize(layers);
    }

    @Test
    void putBackGapOnlyWhenItIsMissing() {
        assertThat(actions.putBackGap.canExecute()).isFalse();
        editor.select(editor.architecture().layers().size() - 1);
        actions.remove.execute();
        assertThat(actions.putBackGap.canExecute()).isTrue();
        actions.putBackGap.execute();
        assertThat(actions.putBackGap.canExecute()).isFalse();
    }

    @Test
    void addDenseInsertsAHiddenLayerOrAHeadAndUndoes() {
        Architecture before = editor.architecture();
        editor.select(0);
        actions.addDense.execute();

        assertThat(editor.architecture().layers().get(1)).isEqualTo(new Dense(EditorViewModel.HIDDEN_UNITS));
        assertThat(editor.selection()).as("the new layer is selected").isEqualTo(1);
        assertThat(actions.undo.canExecute()).isTrue();
        actions.undo.execute();
        assertThat(editor.architecture()).isEqualTo(before);

        int last = before.layers().size() - 1;
        editor.select(last);
        actions.remove.execute();
        editor.select(last - 1);
        actions.addDense.execute();
        assertThat(editor.architecture().layers().get(last)).as("at the end it makes the class scores")
                .isEqualTo(new Dense(before.classes()));
        assertThat(actions.putBackGap.canExecute()).as("a dense head replaces GAP").isFalse();

        editor.lockedProperty().set(true);
        assertThat(actions.addDense.canExecute()).isFalse();
    }
}
