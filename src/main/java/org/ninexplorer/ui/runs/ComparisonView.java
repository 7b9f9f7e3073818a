package org.ninexplorer.ui.runs;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.SnapshotExport;

/** Draws a {@link ComparisonViewModel.Comparison}: two overlaid charts, a legend naming each run, and the table. */
public final class ComparisonView extends VBox {

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
    @FXML private TableView<ComparisonViewModel.Row> compareTable;
    @FXML private Label compareProblems;

    public ComparisonView(ComparisonViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this, "ComparisonView.fxml");
    }

    @FXML
    private void initialize() {
        SnapshotExport.install(this, "comparison", "Comparison");
        SnapshotExport.install(compareLoss, "comparison-loss", "Comparison: loss");
        SnapshotExport.install(compareAccuracy, "comparison-accuracy", "Comparison: accuracy");
        alignEpoch.setOnAction(e -> viewModel.alignmentProperty().set(ComparisonViewModel.Alignment.EPOCH));
        alignTime.setOnAction(e -> viewModel.alignmentProperty().set(ComparisonViewModel.Alignment.WALL_TIME));
        column("Run", ComparisonViewModel.Row::run, 220);
        column("Final test", ComparisonViewModel.Row::finalTest, 80);
        column("Best test", ComparisonViewModel.Row::bestTest, 80);
        column("Final train", ComparisonViewModel.Row::finalTrain, 80);
        column("Time / epoch", ComparisonViewModel.Row::secondsPerEpoch, 90);
        column("Images/s", ComparisonViewModel.Row::imagesPerSecond, 80);
        column("Params", ComparisonViewModel.Row::params, 80);
        column("MACs", ComparisonViewModel.Row::macs, 80);
        column("Training memory", ComparisonViewModel.Row::memory, 120);
        viewModel.comparisonProperty().addListener((obs, old, comparison) -> show(comparison));
        show(viewModel.comparisonProperty().get());
    }

    private void column(String title, Function<ComparisonViewModel.Row, String> text, double width) {
        TableColumn<ComparisonViewModel.Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        compareTable.getColumns().add(column);
    }

    private void show(ComparisonViewModel.Comparison comparison) {
        boolean any = comparison != null && !comparison.runs().isEmpty();
        compareHint.setVisible(!any);
        compareHint.setManaged(!any);
        if (!any) {
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
        compareProblems.setText(comparison.problems());
        compareDiff.setText(comparison.diff());
        compareDiff.setVisible(!comparison.diff().isEmpty());
        compareDiff.setManaged(compareDiff.isVisible());
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
