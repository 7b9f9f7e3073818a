package org.ninexplorer.ui.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.ui.editor.EditorActions;
import org.ninexplorer.ui.editor.EditorViewModel;

/**
 * The architecture as a chain of cards, wrapped onto several rows so that the whole net fits a projector,
 * with the totals and problems below. Cards are rebuilt on each analysis (a dozen nodes, well within a frame).
 */
public final class GraphView extends BorderPane {

    private static final double BAR_WIDTH = 132;

    private final GraphViewModel viewModel;
    private final EditorViewModel editor;
    private final FlowPane chain = new FlowPane();
    private final Set<Integer> expanded = new HashSet<>();

    public GraphView(GraphViewModel viewModel, EditorViewModel editor, EditorActions actions) {
        this.viewModel = viewModel;
        this.editor = editor;
        getStyleClass().add("graph-view");
        getStylesheets().add(GraphView.class.getResource("graph.css").toExternalForm());
        chain.getStyleClass().add("chain");
        chain.setAlignment(Pos.TOP_LEFT);
        ScrollPane scroll = new ScrollPane(chain);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);

        Label summary = new Label();
        summary.setId("summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.getStyleClass().add("summary");
        Label problems = new Label();
        problems.setId("problems");
        problems.textProperty().bind(viewModel.problemsProperty());
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.visibleProperty().bind(viewModel.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        Button putBackGap = new Button("Put GAP back at the end");
        putBackGap.setId("put-back-gap");
        putBackGap.getStyleClass().add("small");
        putBackGap.setTooltip(tooltip(Teaching.of("gap")));
        actions.putBackGap.bind(putBackGap);
        putBackGap.visibleProperty().bind(editor.gapMissingProperty());
        putBackGap.managedProperty().bind(putBackGap.visibleProperty());
        HBox problemRow = new HBox(10, problems, putBackGap);
        problemRow.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(problemRow, summary);
        bottom.getStyleClass().add("summary-bar");
        setBottom(bottom);

        viewModel.cardsProperty().addListener((obs, old, cards) -> rebuild(cards));
        editor.selectionProperty().addListener((obs, old, index) -> markSelection());
        rebuild(viewModel.cards());
    }

    private void rebuild(List<LayerCard> cards) {
        chain.getChildren().clear();
        for (LayerCard card : cards) {
            if (!chain.getChildren().isEmpty()) {
                Label arrow = new Label("→");
                arrow.getStyleClass().add("arrow");
                chain.getChildren().add(arrow);
            }
            chain.getChildren().add(cardNode(card));
        }
        markSelection();
    }

    private VBox cardNode(LayerCard card) {
        Label title = new Label(card.title());
        title.getStyleClass().add("card-title");
        Label index = new Label(card.numbered() ? "#" + card.index() : "");
        index.getStyleClass().add("card-index");
        Region spacer = new Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox header = new HBox(title, spacer, index);
        Label settings = new Label(card.settings());
        settings.getStyleClass().add("card-settings");
        Label shape = new Label(card.shape());
        shape.getStyleClass().add("card-shape");
        if (!card.formula().isEmpty()) {
            shape.setTooltip(tooltip("Output " + card.shape() + "\n" + card.formula()));
        }
        Region bar = new Region();
        bar.getStyleClass().add("tensor-bar");
        bar.setPrefWidth(8 + card.size() * BAR_WIDTH);
        bar.setMaxWidth(Region.USE_PREF_SIZE);
        Label stats = new Label(card.stats());
        stats.getStyleClass().add("card-stats");
        Region statsSpacer = new Region();
        HBox.setHgrow(statsSpacer, javafx.scene.layout.Priority.ALWAYS);
        HBox statsRow = new HBox(stats, statsSpacer);
        statsRow.setAlignment(Pos.BOTTOM_LEFT);
        VBox box = new VBox(header, settings, shape, bar, statsRow);
        box.getStyleClass().addAll("layer-card", "kind-" + card.kind());
        box.setUserData(card.index());
        box.setId("card-" + (card.index() < 0 ? "input" : String.valueOf(card.index())));
        if (!card.convs().isEmpty()) {
            // Beside the numbers rather than below them: two rows of cards fit a 768-line screen.
            ToggleButton more = new ToggleButton(expanded.contains(card.index()) ? "▾" : "▸");
            more.setTooltip(tooltip("Show each of the block's three convolutions"));
            more.getStyleClass().addAll("flat", "small", "expand");
            more.setSelected(expanded.contains(card.index()));
            VBox convs = new VBox();
            convs.getStyleClass().add("convs");
            card.convs().forEach(conv -> {
                Label l = new Label(conv.text());
                l.getStyleClass().add("conv-line");
                l.setWrapText(true);
                Tooltip.install(l, tooltip(conv.teaching()));
                convs.getChildren().add(l);
            });
            convs.visibleProperty().bind(more.selectedProperty());
            convs.managedProperty().bind(more.selectedProperty());
            more.selectedProperty().addListener((obs, old, on) -> {
                more.setText(on ? "▾" : "▸");
                if (on) {
                    expanded.add(card.index());
                } else {
                    expanded.remove(card.index());
                }
            });
            statsRow.getChildren().add(more);
            box.getChildren().add(convs);
        }
        if (card.status() != LayerReport.Status.VALID) {
            box.getStyleClass().add(card.status() == LayerReport.Status.INVALID ? "invalid" : "unreachable");
            Label problem = new Label(card.problem());
            problem.getStyleClass().add("card-problem");
            problem.setWrapText(true);
            box.getChildren().add(problem);
        }
        Tooltip.install(title, tooltip(card.teaching()));
        box.setOnMouseClicked(e -> editor.select(card.index()));
        return box;
    }

    /** The height that shows every card and the totals at {@code width}, without scrolling. */
    public double heightToShowAll(double width) {
        return chain.prefHeight(width) + getBottom().prefHeight(width) + 4;
    }

    private void markSelection() {
        int selected = editor.selection();
        chain.getChildren().forEach(node -> node.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("selected"),
                node.getUserData() instanceof Integer i && i == selected));
    }

    private static Tooltip tooltip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(30));
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        return tip;
    }
}
