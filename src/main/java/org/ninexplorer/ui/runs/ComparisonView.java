package org.ninexplorer.ui.runs;

import java.util.List;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.SnapshotExport;
import org.ninexplorer.ui.common.TableColumns;
import org.ninexplorer.ui.editor.EditorActions;
import org.ninexplorer.ui.graph.GraphView;
import org.ninexplorer.ui.common.Messages;

/**
 * Draws a {@link ComparisonViewModel.Comparison}: two overlaid charts, a legend naming each run, and the table;
 * below them, in two tabs, a compared run's net in the graph, marked against the baseline's, or the diff as text.
 */
public final class ComparisonView extends VBox {

    /** The table's column header and borders, above its fixed-height rows. */
    private static final double TABLE_HEADER = 42;

    private final ComparisonViewModel viewModel;

    @FXML private RadioButton alignEpoch;
    @FXML private RadioButton alignTime;
    @FXML private FlowPane compareLegend;
    @FXML private Label compareHint;
    @FXML private LineChart<Number, Number> compareLoss;
    @FXML private LineChart<Number, Number> compareAccuracy;
    @FXML private NumberAxis lossX;
    @FXML private NumberAxis accuracyX;
    @FXML private TextArea compareDiff;
    @FXML private Tab compareDiffTab;
    @FXML private TableView<ComparisonViewModel.Row> compareTable;
    @FXML private Label compareProblems;
    @FXML private javafx.scene.control.SplitPane compareSplit;
    @FXML private VBox comparedNetBox;
    @FXML private Label comparedNetTitle;
    @FXML private ComboBox<RunSummary> comparedNetChoice;

    public ComparisonView(ComparisonViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this, "ComparisonView.fxml");
    }

    @FXML
    private void initialize() {
        SnapshotExport.install(this, "comparison", Messages.get("runs.comparison"));
        SnapshotExport.install(compareLoss, "comparison-loss", Messages.get("runs.comparison.loss"));
        SnapshotExport.install(compareAccuracy, "comparison-accuracy", Messages.get("runs.comparison.accuracy"));
        alignEpoch.setOnAction(e -> viewModel.alignmentProperty().set(ComparisonViewModel.Alignment.EPOCH));
        alignTime.setOnAction(e -> viewModel.alignmentProperty().set(ComparisonViewModel.Alignment.WALL_TIME));
        column(Messages.get("runs.compare.run"), ComparisonViewModel.Row::run, 220);
        column(Messages.get("runs.column.final"), ComparisonViewModel.Row::finalTest, 80);
        column(Messages.get("runs.column.best"), ComparisonViewModel.Row::bestTest, 80);
        column(Messages.get("runs.compare.final-train"), ComparisonViewModel.Row::finalTrain, 80);
        column(Messages.get("runs.compare.epoch-time"), ComparisonViewModel.Row::secondsPerEpoch, 90);
        column(Messages.get("runs.compare.speed"), ComparisonViewModel.Row::imagesPerSecond, 80);
        column(Messages.get("runs.column.params"), ComparisonViewModel.Row::params, 80);
        column(Messages.get("runs.column.macs"), ComparisonViewModel.Row::macs, 80);
        column(Messages.get("runs.compare.memory"), ComparisonViewModel.Row::memory, 120);
        viewModel.comparisonProperty().addListener((obs, old, comparison) -> show(comparison));
        show(viewModel.comparisonProperty().get());
        showComparedNet(viewModel.net());
        TableColumns.scaleWithText(compareTable, compareHint);
    }

    /** The graph of the chosen run's net, its cards marked against the baseline's; the same cards as the window's. */
    private void showComparedNet(ComparedNetViewModel net) {
        GraphView graph = new GraphView(net.graph(), net.net(), new EditorActions(net.net()), "compared-");
        graph.setId("comparedGraph");
        VBox.setVgrow(graph, Priority.ALWAYS);
        comparedNetBox.getChildren().add(graph);
        comparedNetBox.visibleProperty().bind(net.shownProperty().isNotNull());
        comparedNetTitle.textProperty().bind(net.titleProperty());
        comparedNetChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunSummary run) {
                return run == null ? "" : run.name();
            }

            @Override
            public RunSummary fromString(String name) {
                return null;
            }
        });
        comparedNetChoice.setTooltip(new Tooltip(Messages.get("runs.compared-net.tooltip")));
        Runnable choices = () -> {
            comparedNetChoice.getItems().setAll(net.choicesProperty().get());
            comparedNetChoice.setValue(net.shownProperty().get());
            comparedNetChoice.setVisible(comparedNetChoice.getItems().size() > 1);
        };
        net.choicesProperty().addListener((obs, old, runs) -> choices.run());
        net.shownProperty().addListener((obs, old, run) -> comparedNetChoice.setValue(run));
        comparedNetChoice.setOnAction(e -> {
            if (comparedNetChoice.getValue() != null) {
                net.shownProperty().set(comparedNetChoice.getValue());
            }
        });
        choices.run();
    }

    private void column(String title, Function<ComparisonViewModel.Row, String> text, double width) {
        compareTable.getColumns().add(TableColumns.text(title, text, width));
    }

    private void show(ComparisonViewModel.Comparison comparison) {
        boolean any = comparison != null && !comparison.runs().isEmpty();
        compareHint.setVisible(!any);
        compareHint.setManaged(!any);
        // Until runs are compared, no empty charts on made-up axes and no empty table: the hint says what to do.
        compareSplit.setVisible(any);
        if (!any) {
            compareLegend.getChildren().clear();
            return;
        }
        lossX.setLabel(comparison.xLabel());
        accuracyX.setLabel(comparison.xLabel());
        draw(compareLoss, comparison.loss());
        draw(compareAccuracy, comparison.accuracy());
        compareLegend.getChildren().clear();
        for (ComparisonViewModel.Row row : comparison.rows()) {
            Label entry = new Label(row.run(), new Rectangle(14, 4, Color.web(row.colour())));
            entry.getStyleClass().add("legend-entry");
            compareLegend.getChildren().add(entry);
        }
        compareTable.getItems().setAll(comparison.rows());
        // Every run's row in view, and no more: the nets below need the height.
        compareTable.setPrefHeight(comparison.rows().size() * compareTable.getFixedCellSize() + TABLE_HEADER);
        compareProblems.setText(comparison.problems());
        compareDiff.setText(comparison.diff());
        compareDiffTab.setDisable(comparison.diff().isEmpty());
    }

    private static void draw(LineChart<Number, Number> chart, List<ComparisonViewModel.Curve> curves) {
        chart.getData().clear();
        for (ComparisonViewModel.Curve curve : curves) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(curve.run() + " · " + curve.kind());
            for (int i = 0; i < curve.xs().length; i++) {
                series.getData().add(new XYChart.Data<>(curve.xs()[i], curve.ys()[i]));
            }
            chart.getData().add(series);
            String style = "-fx-stroke: " + curve.colour() + "; -fx-stroke-width: 2;"
                    + (curve.dashed() ? " -fx-stroke-dash-array: 6 5;" : "");
            series.getNode().setStyle(style);
            for (XYChart.Data<Number, Number> point : series.getData()) {
                if (point.getNode() != null) {
                    point.getNode().setStyle("-fx-background-color: " + curve.colour() + ", white;");
                }
            }
        }
    }
}
