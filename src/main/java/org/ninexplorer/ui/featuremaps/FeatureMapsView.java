package org.ninexplorer.ui.featuremaps;

import java.io.File;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.Spinners;
import org.ninexplorer.ui.common.Messages;

/** The input, the prediction and the maps of every NiN block for one chosen sample. */
public final class FeatureMapsView extends BorderPane {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");

    private final FeatureMapsViewModel viewModel;
    @FXML private HBox strip;
    @FXML private ScrollPane stripScroll;
    @FXML private Spinner<Integer> indexSpinner;
    @FXML private ToggleButton sharedScaleToggle;
    @FXML private Button refreshButton;
    @FXML private VBox content;
    @FXML private Label messageLabel;
    @FXML private Label sourceLabel;
    @FXML private Tab blockMapsTab;
    @FXML private Tab stepThroughTab;
    @FXML private Tab whyTab;
    @FXML private Tab filtersTab;
    @FXML private Tab timelineTab;
    @FXML private ToggleButton pinToggle;
    private TimelineViewModel timeline;

    private FeatureMapsViewModel.Result shown;
    private boolean sharedScaleShown;
    private final MapsPanel maps = new MapsPanel("", "feature-maps");
    private Runnable loadRun = () -> { };
    private final BooleanProperty onScreen = new SimpleBooleanProperty(true);

    public FeatureMapsView(FeatureMapsViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this, "FeatureMapsView.fxml");
        getStylesheets().add(FeatureMapsView.class.getResource("featuremaps.css").toExternalForm());
    }

    @FXML
    private void initialize() {
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
        indexSpinner.setTooltip(new Tooltip(Messages.get("featuremaps.sample.tooltip")));
        sharedScaleToggle.selectedProperty().bindBidirectional(viewModel.sharedScaleProperty());
        sharedScaleToggle.setTooltip(new Tooltip(Messages.get("featuremaps.shared-scale.tooltip")));
        viewModel.sharedScaleProperty().addListener((obs, old, v) -> showWhenVisible());
        refreshButton.setTooltip(new Tooltip(Messages.get("featuremaps.refresh.tooltip")));
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

    /** The panel of the step-through tab (the forward pass one operation at a time). */
    public void setStepThroughPanel(Node panel) {
        stepThroughTab.setContent(panel);
    }

    /** Whether the step-through panel is on screen. */
    public BooleanBinding stepThroughShown() {
        return onScreen.and(stepThroughTab.selectedProperty());
    }

    /** Folds the strip of test images away while {@code condition} holds (the sample spinner stays). */
    public void foldStripWhile(javafx.beans.value.ObservableBooleanValue condition) {
        stripScroll.visibleProperty().bind(javafx.beans.binding.Bindings.not(condition));
        stripScroll.managedProperty().bind(stripScroll.visibleProperty());
    }

    /** The panel of the filters tab (the first layer's kernels). */
    public void setFiltersPanel(Node panel) {
        filtersTab.setContent(panel);
    }

    /**
     * The timeline tab, and the pins it shows: Pin pins the chosen test image (or unpins it), and the strip marks
     * the pinned ones.
     */
    public void setTimeline(TimelineViewModel pins, TimelineView panel) {
        timeline = pins;
        timelineTab.setContent(panel);
        panel.onScreenProperty().bind(onScreen.and(timelineTab.selectedProperty()));
        pinToggle.setTooltip(new Tooltip(Messages.get("featuremaps.pin.tooltip")));
        pinToggle.disableProperty().bind(viewModel.ownImageProperty());
        pinToggle.setOnAction(e -> pins.togglePin(viewModel.sampleIndexProperty().get()));
        pins.pinned().addListener((javafx.collections.ListChangeListener<Integer>) change -> markStrip());
        markStrip();
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
            Label pin = new Label(Messages.get("featuremaps.pinned"));
            pin.getStyleClass().add("pin-mark");
            pin.setVisible(false);
            VBox item = new VBox(2, view, label, pin);
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
        if (timeline != null) {
            strip.getChildren().forEach(n -> {
                boolean pinned = n.getUserData() instanceof Integer i && timeline.isPinned(i);
                n.pseudoClassStateChanged(PINNED, pinned);
                ((VBox) n).getChildren().get(2).setVisible(pinned);
            });
            pinToggle.setSelected(!own && timeline.isPinned(viewModel.sampleIndexProperty().get()));
        }
    }

    private void show(FeatureMapsViewModel.Result result) {
        content.getChildren().setAll(maps.of(result, viewModel.sharedScaleProperty().get()));
    }

    @FXML
    private void refresh() {
        viewModel.requestFresh();
    }

    @FXML
    private void openImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("featuremaps.open-image.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("featuremaps.images"), "*.png", "*.jpg", "*.jpeg",
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
