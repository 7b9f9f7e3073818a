package org.ninexplorer.ui.featuremaps;

import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.ninexplorer.model.Shape;
import org.ninexplorer.training.FeatureMaps;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.SnapshotExport;
import org.ninexplorer.ui.common.Spinners;

/** The input, the prediction and the maps of every NiN block for one chosen sample. */
public final class FeatureMapsView extends BorderPane {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final FeatureMapsViewModel viewModel;
    @FXML private HBox strip;
    @FXML private Spinner<Integer> indexSpinner;
    @FXML private ToggleButton sharedScaleToggle;
    @FXML private Button refreshButton;
    @FXML private VBox content;
    @FXML private Label messageLabel;
    @FXML private Label sourceLabel;
    @FXML private Tab blockMapsTab;
    @FXML private Tab whyTab;
    @FXML private Tab filtersTab;

    private FeatureMapsViewModel.Result shown;
    private boolean sharedScaleShown;
    /** One tooltip shared by all tiles, its text set on hover: hundreds of popups would slow every refresh. */
    private final Tooltip tileTip = new Tooltip();
    private Runnable loadRun = () -> { };
    private final BooleanProperty onScreen = new SimpleBooleanProperty(true);

    public FeatureMapsView(FeatureMapsViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this, "FeatureMapsView.fxml");
        getStylesheets().add(FeatureMapsView.class.getResource("featuremaps.css").toExternalForm());
    }

    @FXML
    private void initialize() {
        tileTip.setShowDelay(Duration.millis(100));
        Spinners.setUpInteger(indexSpinner, 0, 0, 0);
        indexSpinner.getValueFactory().valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                viewModel.sampleIndexProperty().set(v);
            }
        });
        viewModel.sampleIndexProperty().addListener((obs, old, v) -> {
            indexSpinner.getValueFactory().setValue(v.intValue());
            markStrip();
        });
        indexSpinner.setTooltip(new Tooltip("Index of the test image"));
        sharedScaleToggle.selectedProperty().bindBidirectional(viewModel.sharedScaleProperty());
        sharedScaleToggle.setTooltip(new Tooltip("On: one colour scale per block, to compare channels.\n"
                + "Off: each map uses its own range, to see its pattern."));
        viewModel.sharedScaleProperty().addListener((obs, old, v) -> showWhenVisible());
        refreshButton.setTooltip(new Tooltip("Take a fresh snapshot of the network being trained and recompute"));
        refreshButton.disableProperty().bind(viewModel.mapperProperty().isNull());
        sourceLabel.textProperty().bind(viewModel.sourceProperty());
        viewModel.ownImageProperty().addListener((obs, old, own) -> markStrip());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        viewModel.datasetProperty().addListener((obs, old, d) -> fillStrip());
        viewModel.resultProperty().addListener((obs, old, r) -> showWhenVisible());
        // Hundreds of tiles are built only when someone looks, not at every epoch behind a hidden tab.
        onScreen.addListener((obs, old, v) -> showWhenVisible());
        blockMapsTab.selectedProperty().addListener((obs, old, v) -> showWhenVisible());
        fillStrip();
        showWhenVisible(); // the window builds this view when first shown, perhaps after a run
    }

    /** What the view's Load trained run… button does. */
    public void setLoadRun(Runnable command) {
        this.loadRun = command;
    }

    /** Whether the view is on screen (its tab is selected); the window binds it. */
    public BooleanProperty onScreenProperty() {
        return onScreen;
    }

    /** The panel of the second tab, which says why the net decided (class maps, occlusion). */
    public void setWhyPanel(Node panel) {
        whyTab.setContent(panel);
    }

    /** The panel of the filters tab (the first layer's kernels). */
    public void setFiltersPanel(Node panel) {
        filtersTab.setContent(panel);
    }

    /** Whether the why panel is on screen. */
    public BooleanBinding whyShown() {
        return onScreen.and(whyTab.selectedProperty());
    }

    private void showWhenVisible() {
        FeatureMapsViewModel.Result result = viewModel.resultProperty().get();
        boolean shared = viewModel.sharedScaleProperty().get();
        if (onScreen.get() && blockMapsTab.isSelected() && (result != shown || shared != sharedScaleShown)) {
            shown = result;
            sharedScaleShown = shared;
            show(result);
        }
    }

    private void fillStrip() {
        strip.getChildren().clear();
        var dataset = viewModel.datasetProperty().get();
        if (dataset != null) {
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) indexSpinner.getValueFactory())
                    .setMax(dataset.test().size() - 1);
        }
        for (FeatureMapsViewModel.Sample sample : viewModel.strip()) {
            ImageView view = PixelImages.view(ColorMap.grey(sample.image().pixels(), sample.image().channels(),
                    sample.image().height(), sample.image().width()), sample.image().width(), sample.image().height(), 64);
            Label label = new Label(sample.label());
            VBox item = new VBox(2, view, label);
            item.getStyleClass().add("strip-item");
            item.setUserData(sample.index());
            item.setId("sample-" + sample.index());
            item.setOnMouseClicked(e -> viewModel.showSample(sample.index()));
            strip.getChildren().add(item);
        }
        markStrip();
    }

    private void markStrip() {
        boolean own = viewModel.ownImageProperty().get();
        strip.getChildren().forEach(n -> n.pseudoClassStateChanged(SELECTED,
                !own && n.getUserData() instanceof Integer i && i == viewModel.sampleIndexProperty().get()));
    }

    private void show(FeatureMapsViewModel.Result result) {
        content.getChildren().clear();
        if (result == null) {
            return;
        }
        content.getChildren().add(header(result));
        List<FeatureMaps.BlockActivation> blocks = result.maps().blocks();
        for (int b = 0; b < blocks.size(); b++) {
            content.getChildren().add(blockSection(b, blocks.get(b), result));
        }
    }

    private HBox header(FeatureMapsViewModel.Result result) {
        SampleImage in = result.input();
        ImageView input = PixelImages.view(ColorMap.grey(in.pixels(), in.channels(), in.height(), in.width()),
                in.width(), in.height(), 168);
        Label inputLabel = new Label("Input " + in.channels() + "×" + in.height() + "×" + in.width());
        Label truth = new Label(result.truth());
        truth.setWrapText(true);
        truth.setMaxWidth(200);
        VBox inputBox = new VBox(4, inputLabel, input, truth);

        float[] p = result.maps().probabilities();
        int predicted = result.maps().predictedClass();
        String name = result.classNames().get(predicted);
        Label prediction = new Label("Predicted: " + name + " (" + FeatureMapsViewModel.percent(p[predicted]) + ")");
        prediction.setId("prediction");
        Boolean right = result.predictionRight();
        prediction.getStyleClass().addAll("prediction", right == null ? "neutral" : right ? "right" : "wrong");
        GridPane bars = new GridPane();
        bars.setHgap(8);
        bars.setVgap(2);
        for (int c = 0; c < p.length; c++) {
            Label className = new Label(result.classNames().get(c));
            ProgressBar bar = new ProgressBar(p[c]);
            bar.setPrefWidth(240);
            Label percent = new Label(FeatureMapsViewModel.percent(p[c]));
            if (c == predicted) {
                className.getStyleClass().add("predicted");
                percent.getStyleClass().add("predicted");
            }
            bars.addRow(c, className, bar, percent);
        }
        VBox predictionBox = new VBox(6, prediction, bars);
        HBox header = new HBox(24, inputBox, predictionBox);
        header.setAlignment(Pos.TOP_LEFT);
        return header;
    }

    private VBox blockSection(int number, FeatureMaps.BlockActivation block, FeatureMapsViewModel.Result result) {
        Shape s = block.shape();
        List<String> labels = result.labelsFor(block);
        Label title = new Label("NiN block " + (number + 1) + " (layer " + block.layerIndex() + ")  ·  " + s
                + (labels != null ? "  ·  one map per class: GAP averages each into that class's score" : ""));
        title.getStyleClass().add("block-title");
        FlowPane grid = new FlowPane(4, 4);
        grid.setId("block-" + number);
        double size = labels != null ? 72 : Math.max(40, Math.min(72, s.width() * 3.0));
        for (MapTiles.Tile tile : MapTiles.render(block, viewModel.sharedScaleProperty().get(), labels)) {
            ImageView view = PixelImages.view(tile.argb(), tile.width(), tile.height(), size);
            VBox cell = new VBox(1, view);
            cell.getStyleClass().add("map-tile");
            cell.setAlignment(Pos.CENTER);
            if (labels != null) {
                Label label = new Label(tile.label());
                label.setMaxWidth(size + 16);
                cell.getChildren().add(label);
            }
            String hover = String.format(Locale.ROOT, "%s  ·  %d×%d  ·  values %.3f … %.3f  ·  click to enlarge",
                    tile.label(), tile.width(), tile.height(), tile.min(), tile.max());
            cell.setOnMouseEntered(e -> tileTip.setText(hover));
            Tooltip.install(cell, tileTip);
            cell.setOnMouseClicked(e -> enlarge(title.getText(), tile));
            grid.getChildren().add(cell);
        }
        VBox section = new VBox(6, title, grid);
        SnapshotExport.install(section, "feature-maps-block-" + (number + 1),
                "Feature maps of NiN block " + (number + 1));
        return section;
    }

    private void enlarge(String block, MapTiles.Tile tile) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", javafx.scene.control.ButtonType.CLOSE);
        alert.initOwner(getScene().getWindow());
        alert.setTitle(tile.label());
        alert.setHeaderText(block + "\n" + tile.label() + String.format(Locale.ROOT, "  ·  values %.3f … %.3f",
                tile.min(), tile.max()));
        alert.getDialogPane().setContent(PixelImages.view(tile.argb(), tile.width(), tile.height(), 420));
        alert.show();
    }

    @FXML
    private void refresh() {
        viewModel.requestFresh();
    }

    @FXML
    private void openImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("An image to show the network");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                "*.gif", "*.bmp"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        Image image = new Image(file.toURI().toString(), 256, 256, true, true, true);
        image.progressProperty().addListener((obs, old, done) -> {
            if (done.doubleValue() >= 1 && !image.isError()) {
                viewModel.useImage(toSample(image), file.getName());
            }
        });
    }

    /** The image as three planes in [0, 1]; the view-model converts it to the network's input. */
    private static SampleImage toSample(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        float[] chw = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = reader.getArgb(x, y);
                chw[y * w + x] = (argb >> 16 & 0xFF) / 255f;
                chw[w * h + y * w + x] = (argb >> 8 & 0xFF) / 255f;
                chw[2 * w * h + y * w + x] = (argb & 0xFF) / 255f;
            }
        }
        return new SampleImage(chw, 3, h, w);
    }

    /** Opens a trained run as the whole window does (File ▸ Load trained run…): its net, curves and these maps. */
    @FXML
    public void loadRun() {
        loadRun.run();
    }
}
