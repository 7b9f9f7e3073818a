package org.ninexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.LayerKind;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;

class EditorViewModelTest {

    private final EditorViewModel editor = new EditorViewModel();

    @Test
    void opensOnFashion28Clean() {
        assertThat(editor.architecture()).isEqualTo(Presets.FASHION_28);
        assertThat(editor.nameProperty().get()).isEqualTo("fashion-28");
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.canUndoProperty().get()).isFalse();
    }

    @Test
    void editingChannelsUpdatesShapesAtOnce() {
        editor.select(0);
        editor.editLayer(NinBlock.class, "channels", b -> b.withChannels(48));

        assertThat(editor.analysis().reports().get(0).output().toString()).isEqualTo("48×28×28");
        assertThat(editor.analysis().reports().get(1).output().toString()).isEqualTo("48×13×13");
        assertThat(editor.isDirty()).isTrue();
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo change channels of layer 0");
    }

    @Test
    void undoAndRedoEveryEdit() {
        int revision = editor.revisionProperty().get();
        editor.select(1);
        editor.editLayer(MaxPool.class, "kernel", p -> p.withKernel(2));
        editor.insert(LayerKind.NIN);
        editor.moveSelected(1);
        editor.removeSelected();

        for (int i = 0; i < 4; i++) {
            editor.undo();
        }
        assertThat(editor.architecture()).isEqualTo(Presets.FASHION_28);
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.revisionProperty().get()).isGreaterThan(revision);

        editor.redo();
        assertThat(editor.architecture().layers().get(1)).isEqualTo(new MaxPool(2, 2));
        assertThat(editor.canRedoProperty().get()).isTrue();
        editor.setInput(new org.ninexplorer.model.InputSpec(1, 32, 32));
        assertThat(editor.canRedoProperty().get()).as("a new edit drops the redo stack").isFalse();
    }

    @Test
    void invalidEditIsKeptAndExplained() {
        editor.select(1);
        editor.editLayer(MaxPool.class, "kernel", p -> p.withKernel(40));

        assertThat(editor.analysis().valid()).isFalse();
        assertThat(editor.analysis().diagnostics()).anySatisfy(d -> assertThat(Messages.of(java.util.Locale.ROOT).text(d)).contains("impossible"));
        editor.undo();
        assertThat(editor.analysis().valid()).isTrue();
    }

    @Test
    void changingClassesAlsoChangesTheLastBlock() {
        editor.setClasses(5);

        assertThat(editor.architecture().classes()).isEqualTo(5);
        assertThat(editor.architecture().layers().get(7)).isEqualTo(new NinBlock(5, 3, 1, 1));
        assertThat(editor.analysis().valid()).isTrue();
    }

    @Test
    void lockedEditorRefusesEdits() {
        editor.lockedProperty().set(true);
        editor.setClasses(5);
        editor.removeSelected();

        assertThat(editor.architecture()).isEqualTo(Presets.FASHION_28);
    }

    @Test
    void saveMakesCleanAndOpenRestores(@TempDir Path dir) throws Exception {
        editor.select(0);
        editor.editLayer(NinBlock.class, "channels", b -> b.withChannels(16));
        Path file = dir.resolve("mine.json");
        editor.save(file);
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.nameProperty().get()).isEqualTo("mine");

        EditorViewModel other = new EditorViewModel();
        other.open(file);
        assertThat(other.architecture()).isEqualTo(editor.architecture());
        assertThat(other.canUndoProperty().get()).isFalse();
        assertThat(other.fileProperty().get()).isEqualTo(file);
    }

    @Test
    void newFromPresetReplacesAndClearsHistory() {
        editor.setClasses(5);
        editor.newFromPreset("d2l-224");

        assertThat(editor.architecture()).isEqualTo(Presets.D2L_224);
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.canUndoProperty().get()).isFalse();
    }

    @Test
    void gapCanBePutBackAfterItWasRemovedOrMoved() {
        int gap = editor.architecture().layers().size() - 1;
        editor.select(gap);
        editor.removeSelected();
        assertThat(editor.gapMissingProperty().get()).isTrue();

        editor.appendGap();
        assertThat(editor.architecture()).isEqualTo(Presets.FASHION_28);
        assertThat(editor.gapMissingProperty().get()).isFalse();

        editor.select(gap);
        editor.moveSelected(-1);
        editor.appendGap();
        assertThat(editor.architecture()).as("moved back, not added twice").isEqualTo(Presets.FASHION_28);
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo put GAP back at the end");
    }

    @Test
    void theExerciseDenseInsteadOfGapIsTwoUndoableEdits() {
        int gap = editor.architecture().layers().size() - 1;
        editor.select(gap);
        editor.removeSelected();
        assertThat(editor.gapMissingProperty().get()).isTrue();
        editor.select(gap - 1);
        editor.insert(LayerKind.DENSE);

        assertThat(editor.architecture().layers().get(gap)).isEqualTo(new Dense(10));
        assertThat(editor.selection()).isEqualTo(gap);
        assertThat(editor.analysis().valid()).isTrue();
        assertThat(editor.gapMissingProperty().get()).as("a dense head needs no GAP").isFalse();
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo add dense");

        editor.undo();
        editor.undo();
        assertThat(editor.architecture()).isEqualTo(Presets.FASHION_28);
    }

    @Test
    void aDenseLayerInsideTheNetStartsWithHiddenUnits() {
        editor.select(5);
        editor.insert(LayerKind.DENSE);

        assertThat(editor.architecture().layers().get(6)).isEqualTo(new Dense(EditorViewModel.HIDDEN_UNITS));
    }

    @Test
    void classesFollowTheLastDenseLayerWhenItMakesTheScores() {
        int gap = editor.architecture().layers().size() - 1;
        editor.apply("replace GAP", a -> a.withLayer(gap, new Dense(10)));

        editor.setClasses(5);

        assertThat(editor.architecture().layers().get(gap)).isEqualTo(new Dense(5));
        assertThat(editor.architecture().layers().get(gap - 1)).as("the block is no longer the scores")
                .isEqualTo(new NinBlock(10, 3, 1, 1));
        assertThat(editor.analysis().valid()).isTrue();
    }

    @Test
    void theBlocksFormIsEditedAndUndone() {
        editor.select(0);
        editor.editLayer(NinBlock.class, "the convolutions after the first", b -> b.withMlp(1));
        editor.editLayer(NinBlock.class, "the kernel after the first", b -> b.withMlpKernel(3));

        assertThat(editor.architecture().layers().get(0)).isEqualTo(new NinBlock(32, 5, 1, 2, 1, 3));
        assertThat(editor.analysis().reports().get(0).convs()).hasSize(2);
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo change the kernel after the first of layer 0");
        editor.undo();
        editor.undo();
        assertThat(editor.architecture()).isEqualTo(Presets.FASHION_28);
    }
}
