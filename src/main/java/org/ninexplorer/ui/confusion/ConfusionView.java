package org.ninexplorer.ui.confusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ninexplorer.training.ConfusionMatrix;
import org.ninexplorer.ui.common.EpochSlider;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.SnapshotExport;
import org.ninexplorer.ui.featuremaps.ColorMap;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.featuremaps.SampleImage;
import org.ninexplorer.ui.common.Messages;

/** The confusion grid of the chosen epoch, its epoch slider, and the test images of the chosen cell. */
public final class ConfusionView extends BorderPane {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /**
     * A cell's side in ems. From {@link #TWO_LINES_EMS} up it says "46 ①" over "38%"; smaller, as on a projector
     * at 1280×800 in presentation mode, only the count (the shade still gives the rate, the outline the worst, the
     * tooltip both), so that the whole matrix still fits; below {@link #SMALLEST_CELL_EMS} the grid scrolls.
     */
    private static final double SMALLEST_CELL_EMS = 1.6;
    private static final double TWO_LINES_EMS = 2.4;
    private static final double LARGEST_CELL_EMS = 6;
    private static final double THUMB = 56;
    private static final String[] RANKS = {"", "①", "②", "③"};
    /** The node property that ties a drawn cell to the cell it shows. */
    private static final Object CELL = new Object();

    private final ConfusionViewModel viewModel;
    @FXML private Label epochLabel;
    @FXML private Slider epochSlider;
    @FXML private Label summaryLabel;
    @FXML private SplitPane split;
    @FXML private ScrollPane gridScroll;
    @FXML private StackPane gridHolder;
    @FXML private GridPane grid;
    @FXML private Label imagesLabel;
    @FXML private FlowPane imagesPane;
    @FXML private Label messageLabel;
    /** The class names left of the grid and above it, measured to give the cells what they leave. */
    private final List<Label> rowNames = new ArrayList<>();
    private final List<Label> columnNames = new ArrayList<>();
    /** The class names and cells drawn now, indexed [truth][predicted]: the next epoch's numbers go into them. */
    private List<String> drawnNames = List.of();
    private Label[][] cells = new Label[0][0];
    /** The cells' side: the largest that fits the grid's area, within bounds. */
    private final DoubleProperty cellSize = new SimpleDoubleProperty(40);
    private final BooleanProperty compact = new SimpleBooleanProperty();

    public ConfusionView(ConfusionViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this, "ConfusionView.fxml");
        getStylesheets().add(ConfusionView.class.getResource("confusion.css").toExternalForm());
    }

    @FXML
    private void initialize() {
        SnapshotExport.install(gridHolder, "confusion-matrix", Messages.get("confusion.export.name"));
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        split.visibleProperty().bind(viewModel.matrixProperty().isNotNull());
        imagesLabel.textProperty().bind(viewModel.imagesMessageProperty());
        epochSlider.setTooltip(new Tooltip(Messages.get("confusion.epoch.tooltip")));
        EpochSlider.bind(epochSlider, epochLabel, viewModel.epochs(), viewModel.epochProperty());
        viewModel.matrixProperty().addListener((obs, old, m) -> showMatrix());
        viewModel.datasetProperty().addListener((obs, old, d) -> showMatrix());
        viewModel.selectedCellProperty().addListener((obs, old, c) -> markSelected());
        viewModel.images().addListener((ListChangeListener<ConfusionViewModel.Thumb>) change -> showImages());
        // On the grid, not on each cell: a click reads the cell a label shows now (its numbers change at each
        // epoch's end), and survives the grid being rebuilt under it when the classes change.
        grid.setOnMouseClicked(e -> cellAt(e.getPickResult().getIntersectedNode())
                .ifPresent(c -> viewModel.selectCell(c.truth(), c.predicted())));
        gridScroll.viewportBoundsProperty().addListener((obs, old, b) -> fitCells());
        viewModel.matrixProperty().addListener((obs, old, m) -> fitCells());
        summaryLabel.fontProperty().addListener((obs, old, f) -> fitCells());
        showMatrix();
        showImages();
    }

    private void fitCells() {
        ConfusionMatrix m = viewModel.matrixProperty().get();
        Bounds area = gridScroll.getViewportBounds();
        if (m != null && area.getWidth() > 0) {
            double em = summaryLabel.getFont().getSize();
            grid.applyCss();
            double gaps = gridHolder.getPadding().getLeft() + gridHolder.getPadding().getRight()
                    + grid.getHgap() * m.classes();
            double across = (area.getWidth() - widest(rowNames) - gaps) / m.classes();
            double down = (area.getHeight() - widest(columnNames) - gaps) / m.classes(); // turned: width is height
            cellSize.set(Math.max(SMALLEST_CELL_EMS * em, Math.min(LARGEST_CELL_EMS * em, Math.floor(Math.min(across, down)))));
            compact.set(cellSize.get() < TWO_LINES_EMS * em);
        }
    }

    private static double widest(List<Label> labels) {
        return labels.stream().mapToDouble(l -> l.prefWidth(-1)).max().orElse(0);
    }

    private void showMatrix() {
        summaryLabel.setText(viewModel.summary());
        ConfusionMatrix m = viewModel.matrixProperty().get();
        List<String> names = m == null ? List.of() : viewModel.classNames();
        if (m != null && names.equals(drawnNames) && cells.length == m.classes()) {
            // The next epoch of the same classes: new numbers in the same cells. Rebuilding the grid at each
            // epoch's end held the window for up to a second on a busy machine.
            for (int c = 0; c < names.size(); c++) {
                rowNames.get(c).setText(rowName(names, m, c));
            }
            for (ConfusionViewModel.CellView cell : viewModel.cells()) {
                fill(cells[cell.truth()][cell.predicted()], cell, names);
            }
            markSelected();
            return;
        }
        grid.getChildren().clear();
        rowNames.clear();
        columnNames.clear();
        drawnNames = names;
        if (m == null) {
            return;
        }
        Label corner = new Label(Messages.get("confusion.corner"));
        corner.getStyleClass().add("cm-axis");
        grid.add(corner, 0, 0);
        for (int c = 0; c < names.size(); c++) {
            // Upright, a name wider than its cell would be cut or broken mid-word; turned, it reads bottom to top.
            Label column = new Label(names.get(c));
            column.getStyleClass().add("cm-class");
            column.setRotate(-90);
            StackPane turned = new StackPane(new Group(column));
            turned.setAlignment(Pos.BOTTOM_CENTER);
            turned.prefWidthProperty().bind(cellSize);
            grid.add(turned, c + 1, 0);
            Label row = new Label(rowName(names, m, c));
            row.getStyleClass().addAll("cm-class", "cm-row-class");
            row.setMaxWidth(Double.MAX_VALUE);
            row.setMinWidth(Region.USE_PREF_SIZE); // a cut name says nothing: the grid scrolls instead
            grid.add(row, 0, c + 1);
            rowNames.add(row);
            columnNames.add(column);
        }
        fitCells();
        cells = new Label[m.classes()][m.classes()];
        for (ConfusionViewModel.CellView cell : viewModel.cells()) {
            Label label = newCell();
            fill(label, cell, names);
            cells[cell.truth()][cell.predicted()] = label;
            grid.add(label, cell.predicted() + 1, cell.truth() + 1);
        }
        markSelected();
    }

    private static String rowName(List<String> names, ConfusionMatrix m, int c) {
        return names.get(c) + "  (" + m.rowTotal(c) + ")";
    }

    private Label newCell() {
        Label label = new Label();
        label.getStyleClass().add("cm-cell");
        label.minWidthProperty().bind(cellSize);
        label.minHeightProperty().bind(cellSize);
        label.prefWidthProperty().bind(cellSize);
        label.prefHeightProperty().bind(cellSize);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(200));
        label.setTooltip(tip);
        return label;
    }

    /** Shows {@code cell}'s numbers in {@code label}: count, rate, rank, shade and tooltip. */
    private void fill(Label label, ConfusionViewModel.CellView cell, List<String> names) {
        label.textProperty().bind(Bindings.when(compact).then(String.valueOf(cell.count()))
                .otherwise(cell.count() + (cell.worstRank() > 0 ? " " + RANKS[cell.worstRank()] : "") + "\n"
                        + (cell.count() == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * cell.rate()))));
        label.setId("cell-" + cell.truth() + "-" + cell.predicted());
        // Mistakes are rarer than hits, so their shade rises faster: 30 % of a class is full orange.
        double alpha = cell.count() == 0 ? 0 : cell.diagonal() ? 0.12 + 0.88 * cell.rate()
                : 0.12 + Math.min(0.88, 3 * cell.rate());
        label.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s, %.2f);",
                cell.diagonal() ? "0, 114, 178" : "213, 94, 0", alpha));
        label.getStyleClass().removeAll("strong", "worst");
        if (alpha > 0.55) {
            label.getStyleClass().add("strong");
        }
        if (cell.worstRank() > 0) {
            label.getStyleClass().add("worst");
        }
        String of = String.valueOf(viewModel.matrixProperty().get().rowTotal(cell.truth()));
        label.getTooltip().setText(cell.diagonal()
                ? Messages.get("confusion.cell.right", names.get(cell.truth()), String.valueOf(cell.count()), of,
                        FeatureMapsViewModel.percent(cell.rate()))
                : Messages.get("confusion.cell.wrong", names.get(cell.truth()), names.get(cell.predicted()),
                        String.valueOf(cell.count()), of, FeatureMapsViewModel.percent(cell.rate())));
        label.getProperties().put(CELL, cell);
    }

    private Optional<ConfusionViewModel.CellView> cellAt(Node picked) {
        for (Node n = picked; n != null && n != grid; n = n.getParent()) {
            if (n.getProperties().get(CELL) instanceof ConfusionViewModel.CellView cell) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    private void markSelected() {
        ConfusionMatrix.Cell selected = viewModel.selectedCellProperty().get();
        String id = selected == null ? "" : "cell-" + selected.truth() + "-" + selected.predicted();
        grid.getChildren().forEach(n -> n.pseudoClassStateChanged(SELECTED, id.equals(n.getId())));
    }

    private void showImages() {
        imagesPane.getChildren().clear();
        for (ConfusionViewModel.Thumb thumb : viewModel.images()) {
            Label truth = new Label(Messages.get("confusion.thumb.true", thumb.truth()));
            Label said = new Label(Messages.get("confusion.thumb.said", thumb.predicted(), thumb.confidence()));
            VBox box = new VBox(image(thumb.image()), truth, said);
            box.setId("thumb-" + thumb.index());
            box.getStyleClass().add("cm-thumb");
            Tooltip.install(box, new Tooltip(Messages.get("confusion.thumb.tooltip", String.valueOf(thumb.index()))));
            box.setOnMouseClicked(e -> viewModel.openImage(thumb.index()));
            imagesPane.getChildren().add(box);
        }
    }

    private static ImageView image(SampleImage sample) {
        WritableImage image = new WritableImage(sample.width(), sample.height());
        image.getPixelWriter().setPixels(0, 0, sample.width(), sample.height(), PixelFormat.getIntArgbInstance(),
                ColorMap.grey(sample.pixels(), sample.channels(), sample.height(), sample.width()), 0, sample.width());
        ImageView view = new ImageView(image);
        view.setFitWidth(THUMB);
        view.setFitHeight(THUMB);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        return view;
    }
}
