package org.ninexplorer.ui.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.ui.common.SnapshotExport;
import org.ninexplorer.ui.editor.EditorActions;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.common.Messages;

/**
 * The architecture as a chain of cards, wrapped onto several rows and zoomed ({@link GraphZoom}) so that the
 * whole net fits its area, with the totals, problems and zoom controls below. Cards are rebuilt on each analysis (a dozen nodes, well within a frame).
 */
public final class GraphView extends BorderPane {

    private static final double BAR_WIDTH = 132;

    private final GraphViewModel viewModel;
    private final EditorViewModel editor;
    private final FlowPane chain = new FlowPane();
    private final Set<Integer> expanded = new HashSet<>();
    private final ScrollPane scroll;
    private final String idPrefix;
    private Runnable onCardChosen = () -> { };

    public GraphView(GraphViewModel viewModel, EditorViewModel editor, EditorActions actions) {
        this(viewModel, editor, actions, "");
    }

    /**
     * A graph whose nodes' ids start with {@code idPrefix}, for a second graph in the window (the comparison's),
     * so that each id still names one node.
     */
    public GraphView(GraphViewModel viewModel, EditorViewModel editor, EditorActions actions, String idPrefix) {
        this.idPrefix = idPrefix;
        this.viewModel = viewModel;
        this.editor = editor;
        getStyleClass().add("graph-view");
        getStylesheets().add(GraphView.class.getResource("graph.css").toExternalForm());
        chain.getStyleClass().add("chain");
        chain.setAlignment(Pos.TOP_LEFT);
        GraphZoom zoom = viewModel.zoom();
        scroll = new ScrollPane(new ZoomPane(chain, zoom.scaleProperty()));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.viewportBoundsProperty().addListener((obs, old, bounds) -> measureFit());
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                if (e.getDeltaY() > 0) {
                    zoom.zoomIn();
                } else {
                    zoom.zoomOut();
                }
                e.consume();
            }
        });
        setCenter(scroll);
        // The whole net, not the part the scroll pane shows.
        SnapshotExport.install(chain, "graph", Messages.get("graph.export.name"));

        Label summary = new Label();
        summary.setId(idPrefix + "summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.getStyleClass().add("summary");
        javafx.scene.control.Tooltip arithmetic = new javafx.scene.control.Tooltip();
        arithmetic.textProperty().bind(viewModel.memoryArithmeticProperty());
        arithmetic.setWrapText(true);
        arithmetic.setMaxWidth(640);
        summary.setTooltip(arithmetic);
        Label problems = new Label();
        problems.setId(idPrefix + "problems");
        problems.textProperty().bind(viewModel.problemsProperty());
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.visibleProperty().bind(viewModel.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        Button putBackGap = new Button(Messages.get("graph.put-back-gap"));
        putBackGap.setId(idPrefix + "put-back-gap");
        putBackGap.getStyleClass().add("small");
        putBackGap.setTooltip(tooltip(Teaching.gap()));
        actions.putBackGap.bind(putBackGap);
        putBackGap.visibleProperty().bind(editor.gapMissingProperty());
        putBackGap.managedProperty().bind(putBackGap.visibleProperty());
        HBox problemRow = new HBox(10, problems, putBackGap);
        problemRow.setAlignment(Pos.CENTER_LEFT);
        Region summarySpacer = new Region();
        HBox.setHgrow(summarySpacer, javafx.scene.layout.Priority.ALWAYS);
        summary.setMinWidth(0);
        HBox summaryRow = new HBox(8, summary, summarySpacer, markToggle(), zoomControls(zoom));
        summaryRow.setAlignment(Pos.CENTER_LEFT);
        Label diffSummary = new Label();
        diffSummary.setId(idPrefix + "diff-summary");
        diffSummary.getStyleClass().add("diff-summary");
        diffSummary.textProperty().bind(viewModel.diffSummaryProperty());
        diffSummary.setWrapText(true);
        diffSummary.visibleProperty().bind(viewModel.diffSummaryProperty().isNotEmpty());
        diffSummary.managedProperty().bind(diffSummary.visibleProperty());
        VBox bottom = new VBox(problemRow, diffSummary, summaryRow);
        bottom.getStyleClass().add("summary-bar");
        setBottom(bottom);

        viewModel.cardsProperty().addListener((obs, old, cards) -> rebuild(cards));
        viewModel.ghostsProperty().addListener((obs, old, ghosts) -> rebuild(viewModel.cards()));
        editor.selectionProperty().addListener((obs, old, index) -> markSelection());
        rebuild(viewModel.cards());
    }

    /** Called when a card is clicked, after it is selected. */
    public void setOnCardChosen(Runnable action) {
        onCardChosen = action;
    }

    /** Marks on or off, there while there is a baseline to mark against. */
    private ToggleButton markToggle() {
        ToggleButton toggle = new ToggleButton(Messages.get("graph.marks"));
        toggle.setId(idPrefix + "mark-changes");
        toggle.getStyleClass().add("small");
        toggle.setFocusTraversable(false);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.selectedProperty().bindBidirectional(viewModel.markingProperty());
        toggle.visibleProperty().bind(viewModel.baselineProperty().isNotNull());
        toggle.managedProperty().bind(toggle.visibleProperty());
        Tooltip tip = tooltip("");
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> viewModel.baselineProperty()
                .get() == null ? "" : Messages.get("graph.marks.tooltip", viewModel.baselineProperty().get().name()),
                viewModel.baselineProperty()));
        toggle.setTooltip(tip);
        return toggle;
    }

    private HBox zoomControls(GraphZoom zoom) {
        Button out = zoomButton("−", "zoom-out", Messages.get("graph.zoom-out.tooltip"), zoom::zoomOut);
        Button in = zoomButton("+", "zoom-in", Messages.get("graph.zoom-in.tooltip"), zoom::zoomIn);
        Button fit = zoomButton(Messages.get("graph.zoom-fit"), "zoom-fit", Messages.get("graph.zoom-fit.tooltip"), zoom::fit);
        fit.disableProperty().bind(zoom.fittingProperty());
        Label level = new Label();
        level.setId(idPrefix + "zoom-level");
        level.getStyleClass().add("zoom-level");
        level.textProperty().bind(zoom.textProperty());
        HBox box = new HBox(4, out, level, in, fit);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Button zoomButton(String text, String id, String help, Runnable action) {
        Button button = new Button(text);
        button.setId(idPrefix + id);
        button.getStyleClass().addAll("small", "flat");
        button.setTooltip(tooltip(help));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    /** Tells the zoom how large the whole graph can be drawn in the area it has now. */
    private void measureFit() {
        javafx.geometry.Bounds viewport = scroll.getViewportBounds();
        if (viewport.getWidth() <= 0 || viewport.getHeight() <= 0) {
            return;
        }
        if (getScene() != null) {
            chain.applyCss();
        }
        // A pixel to spare, so that rounding never brings up a scroll bar that would narrow the area again.
        viewModel.zoom().fitScaleProperty().set(GraphZoom.largestFitting(chain::prefHeight, viewport.getWidth(),
                viewport.getHeight() - 1));
    }

    private void rebuild(List<LayerCard> cards) {
        chain.getChildren().clear();
        for (LayerCard card : cards) {
            for (Ghost ghost : viewModel.ghostsProperty().get()) {
                if (ghost.before() == card.index()) {
                    addArrow();
                    chain.getChildren().add(DiffMarkNodes.ghost(ghost, idPrefix + "ghost-" + ghost.baselineIndex()));
                }
            }
            if (!chain.getChildren().isEmpty()) {
                addArrow();
            }
            chain.getChildren().add(cardNode(card));
        }
        markSelection();
        measureFit();
    }

    private void addArrow() {
        Label arrow = new Label("→");
        arrow.getStyleClass().add("arrow");
        chain.getChildren().add(arrow);
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
            tooltipOnHover(shape, Messages.get("graph.output.tooltip", card.shape(), card.formula()));
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
        VBox box = new VBox(header, settings, shape, statsRow);
        if (card.status() == LayerReport.Status.VALID) {
            box.getChildren().add(3, bar); // a size only where there is a shape
        }
        box.getStyleClass().addAll("layer-card", "kind-" + card.kind());
        DiffMarkNodes.mark(box, idPrefix + "mark-" + (card.index() < 0 ? "input" : card.index()), card.mark());
        box.setUserData(card.index());
        box.setId(idPrefix + "card-" + (card.index() < 0 ? "input" : String.valueOf(card.index())));
        if (!card.convs().isEmpty()) {
            // Beside the numbers rather than below them: two rows of cards fit a 768-line screen.
            ToggleButton more = new ToggleButton(expanded.contains(card.index()) ? "▾" : "▸");
            tooltipOnHover(more, Messages.get("graph.expand.tooltip"));
            more.getStyleClass().addAll("flat", "small", "expand");
            more.setSelected(expanded.contains(card.index()));
            VBox convs = new VBox();
            convs.getStyleClass().add("convs");
            card.convs().forEach(conv -> {
                Label l = new Label(conv.text());
                l.getStyleClass().add("conv-line");
                l.setWrapText(true);
                tooltipOnHover(l, conv.teaching());
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
        tooltipOnHover(title, card.teaching());
        box.setOnMouseClicked(e -> {
            editor.select(card.index());
            onCardChosen.run();
        });
        return box;
    }

    /** The height that shows every card and the totals at {@code width}, without scrolling. */
    public double heightToShowAll(double width) {
        if (getScene() != null) {
            applyCss();
        }
        return chain.prefHeight(width) + getBottom().prefHeight(width) + 4;
    }

    private void markSelection() {
        int selected = editor.selection();
        chain.getChildren().forEach(node -> node.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("selected"),
                node.getUserData() instanceof Integer i && i == selected));
    }

    /**
     * Installs {@code text}'s tooltip when the pointer first enters {@code node}: a tooltip is a popup
     * window, and building dozens of them for every analysis slowed the first frame and each edit.
     */
    private static void tooltipOnHover(Node node, String text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(node, tooltip(text));
            }
        });
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
