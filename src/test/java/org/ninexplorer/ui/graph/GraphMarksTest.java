package org.ninexplorer.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;
import org.ninexplorer.ui.editor.Baseline;
import org.ninexplorer.ui.editor.EditorViewModel;

/** The graph's marks against a baseline, on hand-made pairs of nets (fashion-28 and variants of it). */
class GraphMarksTest {

    private static final Architecture BASE = Presets.FASHION_28;
    private final EditorViewModel editor = new EditorViewModel();
    private final GraphViewModel graph = new GraphViewModel(editor);

    /** Shows {@code variant} marked against fashion-28 and returns its cards' marks, input first. */
    private List<CardMark> marks(Architecture variant) {
        editor.showRun(variant, "variant", Path.of("variant"));
        graph.baselineProperty().set(new Baseline("baseline", BASE));
        return graph.cards().stream().map(LayerCard::mark).toList();
    }

    private static DiffMark at(List<CardMark> marks, int layer) {
        return marks.get(layer + 1).mark();
    }

    @Test
    void withoutABaselineNothingIsMarked() {
        assertThat(graph.cards()).allSatisfy(c -> assertThat(c.mark()).isEqualTo(CardMark.NONE));
        assertThat(graph.ghostsProperty().get()).isEmpty();
        assertThat(graph.diffSummaryProperty().get()).isEmpty();
    }

    @Test
    void theSameNetIsUnchangedEverywhere() {
        List<CardMark> marks = marks(BASE);

        assertThat(marks).extracting(CardMark::mark).containsOnly(DiffMark.UNCHANGED);
        assertThat(marks).extracting(CardMark::badge).containsOnly("= same");
        assertThat(graph.diffSummaryProperty().get()).isEqualTo("The same net as baseline.");
    }

    @Test
    void fewerChannelsMarkTheBlockChangedWithItsDeltaAndTheLayersItFeeds() {
        List<CardMark> marks = marks(BASE.withLayer(2, new NinBlock(32, 3, 1, 1)));

        assertThat(at(marks, 2)).isEqualTo(DiffMark.CHANGED);
        assertThat(marks.get(3).badge()).isEqualTo("~ changed");
        assertThat(marks.get(3).delta()).startsWith("channels 64 → 32\nparams −").contains("MACs −");
        assertThat(at(marks, 3)).as("the pool after it keeps its settings").isEqualTo(DiffMark.UNCHANGED);
        assertThat(marks.get(4).delta()).as("but not its shape").isEqualTo("output was 64×6×6");
        assertThat(at(marks, 4)).isEqualTo(DiffMark.UNCHANGED);
        assertThat(marks.get(5).delta()).as("the next block has fewer inputs").contains("params −");
        assertThat(at(marks, 0)).isEqualTo(DiffMark.UNCHANGED);
        assertThat(marks.get(1).delta()).isEmpty();
        assertThat(graph.diffSummaryProperty().get()).startsWith("Marked against baseline: 1 changed, 0 added, 0 removed")
                .contains("params −").contains("%");
    }

    @Test
    void oneOneByOneConvolutionIsAChangedMlp() {
        List<CardMark> marks = marks(BASE.withLayer(0, new NinBlock(32, 5, 1, 2, 1, 1)));

        assertThat(at(marks, 0)).isEqualTo(DiffMark.CHANGED);
        assertThat(marks.get(1).delta()).startsWith("mlp 2 → 1\nparams −1,056 · MACs −");
        assertThat(marks).filteredOn(m -> m.mark() == DiffMark.CHANGED).hasSize(1);
    }

    @Test
    void anAddedBlockIsMarkedAddedAndTheOthersKeepTheirPlaces() {
        List<CardMark> marks = marks(BASE.withInserted(2, new NinBlock(32, 3, 1, 1)));

        assertThat(at(marks, 2)).isEqualTo(DiffMark.ADDED);
        assertThat(marks.get(3).badge()).isEqualTo("+ added");
        assertThat(marks.get(3).delta()).startsWith("params +");
        assertThat(at(marks, 3)).as("the old block 2, now 3, is only fed differently").isEqualTo(DiffMark.UNCHANGED);
        assertThat(marks).filteredOn(m -> m.mark() == DiffMark.ADDED).hasSize(1);
        assertThat(graph.ghostsProperty().get()).isEmpty();
    }

    @Test
    void aRemovedPoolIsAGhostBeforeTheCardThatNowFollowsIt() {
        List<CardMark> marks = marks(BASE.withRemoved(5)); // the third pool, before the dropout

        List<Ghost> ghosts = graph.ghostsProperty().get();
        assertThat(ghosts).hasSize(1);
        Ghost ghost = ghosts.get(0);
        assertThat(ghost.baselineIndex()).isEqualTo(5);
        assertThat(ghost.before()).as("the dropout, now layer 5").isEqualTo(5);
        assertThat(ghost.title()).isEqualTo("Max pool");
        assertThat(ghost.settings()).isEqualTo("3×3 / 2");
        assertThat(marks).extracting(CardMark::mark).doesNotContain(DiffMark.CHANGED, DiffMark.ADDED);
        assertThat(graph.diffSummaryProperty().get()).startsWith("Marked against baseline: 0 changed, 0 added, 1 removed");
    }

    @Test
    void aRemovedLastLayerStandsBeforeTheClassScores() {
        marks(BASE.withRemoved(BASE.layers().size() - 1));

        assertThat(graph.ghostsProperty().get()).singleElement().satisfies(g -> {
            assertThat(g.title()).isEqualTo("GAP");
            assertThat(g.before()).isEqualTo(BASE.layers().size() - 1);
        });
    }

    @Test
    void aLargerInputMarksTheInputCard() {
        List<CardMark> marks = marks(BASE.withInput(new InputSpec(1, 32, 32)));

        assertThat(marks.get(0).mark()).isEqualTo(DiffMark.CHANGED);
        assertThat(marks.get(0).delta()).isEqualTo("height 28 → 32, width 28 → 32");
    }

    @Test
    void marksGoOffWithTheToggleAndFollowEachEdit() {
        editor.showRun(BASE, "baseline", Path.of("run"));
        editor.editAsNew();
        graph.baselineProperty().bind(editor.originProperty());
        assertThat(graph.baselineProperty().get().name()).isEqualTo("baseline");
        assertThat(graph.cards()).extracting(c -> c.mark().mark()).containsOnly(DiffMark.UNCHANGED);

        editor.select(0);
        editor.editLayer(NinBlock.class, "channels", b -> b.withChannels(48));
        assertThat(graph.cards().get(1).mark().mark()).isEqualTo(DiffMark.CHANGED);
        editor.undo();
        assertThat(graph.cards().get(1).mark().mark()).isEqualTo(DiffMark.UNCHANGED);

        graph.markingProperty().set(false);
        assertThat(graph.cards()).allSatisfy(c -> assertThat(c.mark()).isEqualTo(CardMark.NONE));
        assertThat(graph.diffSummaryProperty().get()).isEmpty();
        graph.markingProperty().set(true);

        editor.newFromPreset("d2l-224");
        assertThat(graph.baselineProperty().get()).as("another net is no variant of the run").isNull();
        assertThat(graph.cards()).allSatisfy(c -> assertThat(c.mark()).isEqualTo(CardMark.NONE));
    }

    @Test
    void eachMarkHasItsOwnStyleClass() {
        assertThat(DiffMark.NONE.styleClass()).isEmpty();
        assertThat(List.of(DiffMark.UNCHANGED, DiffMark.CHANGED, DiffMark.ADDED, DiffMark.REMOVED))
                .extracting(DiffMark::styleClass).containsExactly("diff-unchanged", "diff-changed", "diff-added",
                        "diff-removed");
    }
}
