package org.ninexplorer.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.ui.editor.EditorViewModel;

class GraphViewModelTest {

    private final EditorViewModel editor = new EditorViewModel();
    private final GraphViewModel graph = new GraphViewModel(editor);

    @Test
    void oneCardPerLayerPlusInputAndClasses() {
        List<LayerCard> cards = graph.cards();

        assertThat(cards).hasSize(editor.architecture().layers().size() + 2);
        assertThat(cards.get(0).shape()).isEqualTo("1×28×28");
        assertThat(cards.get(1).settings()).isEqualTo("32 · 5×5 / 1 p2");
        assertThat(cards.get(1).convs()).hasSize(3);
        assertThat(cards.get(1).formula()).contains("28");
        assertThat(cards.get(cards.size() - 1).shape()).as("the class scores are flattened, as in the book").isEqualTo("10");
        assertThat(graph.summaryProperty().get()).contains("Parameters").contains("MACs").contains("activations");
        assertThat(graph.problemsProperty().get()).isEmpty();
    }

    @Test
    void theSummaryCountsMemoryAtTheChosenBatchAndItsTooltipShowsTheArithmetic() {
        editor.newFromPreset("d2l-224");
        graph.memoryBatchProperty().set(128);

        assertThat(graph.summaryProperty().get()).endsWith("memory at batch 128: predicting 281 MB, training 859 MB");
        assertThat(graph.memoryArithmeticProperty().get()).startsWith("Predicting: weights 7.60 MB")
                .contains("\nTraining: weights 7.60 MB", "optimizer state 15.2 MB (2 per weight)");

        graph.optimizerCopiesProperty().set(1);
        graph.memoryBatchProperty().set(1);
        assertThat(graph.summaryProperty().get()).contains("memory at batch 1: predicting");
        assertThat(graph.memoryArithmeticProperty().get()).contains("optimizer state 7.60 MB (1 per weight)");

        editor.select(1);
        editor.editLayer(MaxPool.class, "kernel", p -> p.withKernel(100));
        assertThat(graph.summaryProperty().get()).as("an impossible net has no memory figure").doesNotContain("memory");
        assertThat(graph.memoryArithmeticProperty().get()).isEmpty();
    }

    @Test
    void impossibleLayerIsRedAndLaterOnesSayWhatTheyDependOn() {
        editor.select(3);
        editor.editLayer(MaxPool.class, "kernel", p -> p.withKernel(20));

        LayerCard bad = graph.cards().get(4);
        assertThat(bad.status()).isEqualTo(LayerReport.Status.INVALID);
        assertThat(bad.problem()).contains("impossible").contains("13×13");
        LayerCard after = graph.cards().get(5);
        assertThat(after.status()).isEqualTo(LayerReport.Status.UNREACHABLE);
        assertThat(after.problem()).isEqualTo("Needs layer 3");
        assertThat(after.shape()).isEqualTo("?");
        assertThat(graph.problemsProperty().get()).startsWith("Layer 3 (kernel)");
    }

    @Test
    void anImpossibleCardDoesNotClaimToHaveNoParametersAndTheTotalsSayTheyAreIncomplete() {
        editor.select(2);
        editor.editLayer(NinBlock.class, "kernel", b -> b.withKernel(40));

        LayerCard bad = graph.cards().get(3);
        assertThat(bad.status()).isEqualTo(LayerReport.Status.INVALID);
        assertThat(bad.stats()).doesNotContain("no parameters").contains("?");
        assertThat(graph.cards().get(5).stats()).as("an unreachable card").contains("?");
        assertThat(graph.summaryProperty().get()).startsWith("Incomplete");
    }

    @Test
    void removingGapIsExplainedInASentence() {
        editor.select(editor.architecture().layers().size() - 1);
        editor.removeSelected();

        assertThat(graph.problemsProperty().get())
                .startsWith("Network (layers): The last layer must be global average pooling").endsWith(".");
        assertThat(editor.gapMissingProperty().get()).isTrue();
        LayerCard classes = graph.cards().get(graph.cards().size() - 1);
        assertThat(classes.problem()).startsWith("The last layer must be");
    }

    @Test
    void everyConvolutionOfABlockIsShownInFull() {
        List<LayerCard.Conv> convs = graph.cards().get(1).convs();

        assertThat(convs).extracting(LayerCard.Conv::text).containsExactly(
                "conv 5×5 / 1 p2 → 32×28×28\n832 params, 627,200 MACs",
                "conv 1×1 → 32×28×28\n1,056 params, 802,816 MACs",
                "conv 1×1 → 32×28×28\n1,056 params, 802,816 MACs");
        assertThat(convs.get(0).teaching()).isNotEqualTo(convs.get(1).teaching());
    }

    @Test
    void cardsAreStyledAndNumberedByKindNotByTitle() {
        List<LayerCard> cards = graph.cards();
        assertThat(cards).extracting(LayerCard::kind).startsWith("input", "nin", "maxpool").endsWith("gap", "classes");
        assertThat(cards.get(0).numbered()).isFalse();
        assertThat(cards.get(1).numbered()).isTrue();
        assertThat(cards.get(cards.size() - 1).numbered()).isFalse();
    }

    @Test
    void tensorSizeShrinksAlongTheNet() {
        List<LayerCard> cards = graph.cards();
        assertThat(cards.get(1).size()).isGreaterThan(cards.get(3).size());
        assertThat(cards.get(cards.size() - 1).size()).isGreaterThan(0);
    }

    @Test
    void aBlockOfAnotherFormShowsItsOwnConvolutions() {
        editor.select(0);
        editor.editLayer(NinBlock.class, "form", b -> b.withMlp(3).withMlpKernel(3));

        LayerCard block = graph.cards().get(1);
        assertThat(block.settings()).isEqualTo("32 · 5×5 / 1 p2 · 3× 3×3");
        assertThat(block.convs()).hasSize(4);
        assertThat(block.convs().get(1).text()).isEqualTo("conv 3×3 p1 → 32×28×28\n9,248 params, 7,225,344 MACs");
        assertThat(block.convs().get(1).teaching()).contains("3×3 convolution with padding 1");
        assertThat(block.teaching()).contains("then 3 3×3 convolutions that keep the size");

        editor.editLayer(NinBlock.class, "form", b -> b.withMlp(0));
        assertThat(graph.cards().get(1).convs()).hasSize(1);
        assertThat(graph.cards().get(1).teaching()).contains("nothing after it");
    }

    @Test
    void aDenseCardShowsItsUnitsShapeParamsAndRole() {
        int gap = editor.architecture().layers().size() - 1;
        editor.apply("dense head", a -> a.withLayer(gap, new Dense(10)).withInserted(gap, new Dense(32)));

        LayerCard hidden = graph.cards().get(gap + 1);
        LayerCard scores = graph.cards().get(gap + 2);
        assertThat(hidden.title()).isEqualTo("Dense");
        assertThat(hidden.kind()).isEqualTo("dense");
        assertThat(hidden.settings()).isEqualTo("32 units");
        assertThat(hidden.shape()).isEqualTo("32");
        assertThat(hidden.formula()).isEqualTo("flatten 10×2×2 = 40 → 32");
        assertThat(hidden.stats()).isEqualTo("1,312 params\n1,280 MACs");
        assertThat(hidden.teaching()).contains("A ReLU follows it");
        assertThat(scores.teaching()).contains("class scores (no ReLU; softmax follows)");
        assertThat(graph.problemsProperty().get()).isEmpty();
    }
}
