package org.ninexplorer.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.MaxPool;
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
        assertThat(cards.get(cards.size() - 1).shape()).isEqualTo("10×1×1");
        assertThat(graph.summaryProperty().get()).contains("Parameters").contains("MACs").contains("activations");
        assertThat(graph.problemsProperty().get()).isEmpty();
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
        assertThat(after.problem()).contains("depends on layer 3");
        assertThat(after.shape()).isEqualTo("?");
        assertThat(graph.problemsProperty().get()).startsWith("Layer 3 (kernel)");
    }

    @Test
    void tensorSizeShrinksAlongTheNet() {
        List<LayerCard> cards = graph.cards();
        assertThat(cards.get(1).size()).isGreaterThan(cards.get(3).size());
        assertThat(cards.get(cards.size() - 1).size()).isGreaterThan(0);
    }
}
