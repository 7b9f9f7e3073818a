package org.ninexplorer.ui.stepthrough;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ninexplorer.model.Operation;
import org.ninexplorer.model.Shape;
import org.ninexplorer.training.FeatureMaps;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.common.SnapshotExport;
import org.ninexplorer.ui.featuremaps.ColorMap;
import org.ninexplorer.ui.featuremaps.MapTiles;
import org.ninexplorer.ui.featuremaps.PixelImages;

/**
 * The forward pass one operation at a time, for a projector: buttons and keys to step, a chip per step to jump,
 * the step's name, lesson, shapes, formula and parameters, and its output as maps or numbers. Sized in em, so
 * that presentation mode's larger text makes the tiles larger too.
 */
public final class StepThroughView extends BorderPane {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    /** Maps shown before "all": enough to see what a step does, few enough to fit a projector's screen. */
    static final int FIRST_MAPS = 40;
    /** Numbers listed for a flat output before "all". */
    private static final int FIRST_VALUES = 16;
    /** A map tile's side, and the input's, in em. */
    private static final double TILE_EM = 5.5;
    private static final double INPUT_EM = 13;
    /** The words' share of the width; the maps get the rest. */
    private static final double TEXT_SHARE = 0.42;
    /** Maps up to this side are drawn cell by cell. */
    private static final int SMALL_MAP = 16;

    private final StepThroughViewModel viewModel;
    private final BooleanProperty sharedScale;
    private final BooleanProperty onScreen = new SimpleBooleanProperty();
    @FXML private Button stepFirstButton;
    @FXML private Button stepBackButton;
    @FXML private Button stepForwardButton;
    @FXML private Button stepLastButton;
    @FXML private Label stepPositionLabel;
    @FXML private Label stepNetworkLabel;
    @FXML private FlowPane stepNavigator;
    @FXML private HBox stepBody;
    @FXML private ScrollPane stepTextScroll;
    @FXML private Label stepTitleLabel;
    @FXML private Label stepLessonLabel;
    @FXML private Label stepShapesLabel;
    @FXML private Label stepFormulaKey;
    @FXML private Label stepFormulaLabel;
    @FXML private Label stepParametersLabel;
    @FXML private Label stepOutputLabel;
    @FXML private ToggleButton stepAllMapsToggle;
    @FXML private VBox stepTiles;
    @FXML private Label stepMessageLabel;
    /** One tooltip for all tiles, its text set on hover. */
    private final Tooltip tileTip = new Tooltip();
    private EventHandler<KeyEvent> keys;

    /** @param sharedScale one colour scale for all maps of a step instead of one per map (the feature-map view's toggle) */
    public StepThroughView(StepThroughViewModel viewModel, BooleanProperty sharedScale) {
        this.viewModel = viewModel;
        this.sharedScale = sharedScale;
        Fxml.loadInto(this, "StepThroughView.fxml");
        getStylesheets().add(StepThroughView.class.getResource("stepthrough.css").toExternalForm());
    }

    @FXML
    private void initialize() {
        tileTip.setShowDelay(Duration.millis(100));
        viewModel.activeProperty().bind(onScreen);
        stepFirstButton.disableProperty().bind(viewModel.atStartProperty());
        stepBackButton.disableProperty().bind(viewModel.atStartProperty());
        stepForwardButton.disableProperty().bind(viewModel.atEndProperty());
        stepLastButton.disableProperty().bind(viewModel.atEndProperty());
        stepFirstButton.setTooltip(new Tooltip(Messages.get("steps.first.tooltip")));
        stepBackButton.setTooltip(new Tooltip(Messages.get("steps.back.tooltip")));
        stepForwardButton.setTooltip(new Tooltip(Messages.get("steps.next.tooltip")));
        stepLastButton.setTooltip(new Tooltip(Messages.get("steps.last.tooltip")));
        stepPositionLabel.textProperty().bind(viewModel.positionProperty());
        stepNetworkLabel.textProperty().bind(viewModel.networkProperty());
        stepMessageLabel.textProperty().bind(viewModel.messageProperty());
        stepMessageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        stepBody.visibleProperty().bind(viewModel.currentProperty().isNotNull().and(viewModel.messageProperty().isEmpty()));
        stepTextScroll.prefWidthProperty().bind(widthProperty().multiply(TEXT_SHARE));
        stepAllMapsToggle.managedProperty().bind(stepAllMapsToggle.visibleProperty());
        viewModel.stepsProperty().addListener((obs, old, steps) -> fillNavigator(steps));
        viewModel.currentProperty().addListener((obs, old, step) -> show(step));
        sharedScale.addListener((obs, old, v) -> show(viewModel.currentProperty().get()));
        stepAllMapsToggle.selectedProperty().addListener((obs, old, v) -> show(viewModel.currentProperty().get()));
        // Tiles are sized in em: they follow the text into and out of presentation mode.
        stepPositionLabel.fontProperty().addListener((obs, old, font) -> show(viewModel.currentProperty().get()));
        sceneProperty().addListener((obs, old, scene) -> moveKeys(old, scene));
        SnapshotExport.install(stepBody, "step-through", Messages.get("steps.snapshot"));
        fillNavigator(viewModel.stepsProperty().get());
        show(viewModel.currentProperty().get());
    }

    /** Whether the view is on screen; the feature-map view binds it. Computing and the keys follow it. */
    public BooleanProperty onScreenProperty() {
        return onScreen;
    }

    private void moveKeys(Scene old, Scene scene) {
        if (old != null && keys != null) {
            old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
        keys = scene == null ? null : StepKeys.install(scene, onScreen::get, viewModel);
    }

    private void fillNavigator(List<StepThroughViewModel.Step> steps) {
        stepNavigator.getChildren().clear();
        int layer = Integer.MIN_VALUE;
        for (int i = 0; i < steps.size(); i++) {
            StepThroughViewModel.Step step = steps.get(i);
            Label chip = new Label(chipText(step.operation()));
            chip.getStyleClass().add("st-chip");
            chip.setId("step-" + i);
            chip.setTooltip(new Tooltip(step.text().title()));
            int target = i;
            chip.setOnMouseClicked(e -> viewModel.go(target));
            int stepLayer = step.operation() == null ? -1 : step.operation().layerIndex();
            // Each layer's steps stand together.
            FlowPane.setMargin(chip, new Insets(0, 0, 0, stepLayer != layer && i > 0 ? 8 : 0));
            layer = stepLayer;
            stepNavigator.getChildren().add(chip);
        }
        markNavigator();
    }

    private void markNavigator() {
        int current = viewModel.indexProperty().get();
        for (int i = 0; i < stepNavigator.getChildren().size(); i++) {
            stepNavigator.getChildren().get(i).pseudoClassStateChanged(CURRENT, i == current);
        }
    }

    private static String chipText(Operation op) {
        if (op == null) {
            return Messages.get("steps.chip.input");
        }
        return switch (op.kind()) {
            case CONVOLUTION -> op.kernel() + "×" + op.kernel();
            case RELU -> Messages.get("steps.chip.relu");
            case MAX_POOL -> Messages.get("steps.chip.pool");
            case DROPOUT -> Messages.get("steps.chip.dropout");
            case GLOBAL_AVERAGE_POOL -> Messages.get("steps.chip.gap");
            case DENSE -> Messages.get("steps.chip.dense");
            case SOFTMAX -> Messages.get("steps.chip.softmax");
        };
    }

    private void show(StepThroughViewModel.Step step) {
        markNavigator();
        stepTiles.getChildren().clear();
        if (step == null) {
            return;
        }
        StepText text = step.text();
        stepTitleLabel.setText(text.title());
        stepLessonLabel.setText(text.lesson());
        stepShapesLabel.setText(text.shapes());
        stepFormulaKey.setText(Messages.get(step.operation() != null && step.operation().kind() == Operation.Kind.SOFTMAX
                ? "steps.formula" : "steps.size"));
        stepFormulaLabel.setText(text.formula().isEmpty() ? Messages.get("steps.unchanged") : text.formula());
        stepParametersLabel.setText(text.parameters());
        double em = em();
        if (step.operation() == null) {
            showInput(step.output(), em);
        } else if (step.drawnAsMaps()) {
            showMaps(step, em);
        } else {
            showValues(step);
        }
    }

    private void showInput(FeatureMaps.BlockActivation image, double em) {
        Shape s = image.shape();
        stepOutputLabel.setText(Messages.get("steps.output.image", s));
        stepAllMapsToggle.setVisible(false);
        ImageView view = PixelImages.view(ColorMap.grey(image.values(), s.channels(), s.height(), s.width()), s.width(),
                s.height(), INPUT_EM * em);
        view.setId("step-input");
        stepTiles.getChildren().add(view);
    }

    private void showMaps(StepThroughViewModel.Step step, double em) {
        Shape s = step.output().shape();
        boolean all = stepAllMapsToggle.isSelected();
        int shown = all ? s.channels() : Math.min(FIRST_MAPS, s.channels());
        addTiles(step.output(), step.labels(), shown, TILE_EM * em, null);
        stepOutputLabel.setText(Messages.get("steps.output.maps", s.channels(), String.valueOf(s.height()),
                String.valueOf(s.width()), shown < s.channels() ? Messages.get("steps.output.first-shown", shown) : "",
                Messages.get(sharedScale.get() ? "steps.scale.shared" : "steps.scale.own")));
        stepAllMapsToggle.setVisible(s.channels() > FIRST_MAPS);
        stepAllMapsToggle.setText(all ? Messages.get("steps.only-first", FIRST_MAPS) : Messages.get("steps.all", s.channels()));
    }

    /**
     * The first {@code shown} maps of {@code maps} as tiles of {@code size}, each named by {@code labels} (or its
     * channel) and, when {@code values} are given, by its value: GAP's input maps with the score each pools to.
     */
    private void addTiles(FeatureMaps.BlockActivation maps, List<String> labels, int shown, double size, float[] values) {
        FlowPane grid = new FlowPane(4, 4);
        grid.setId(values == null ? "st-maps" : "st-pooled-maps");
        List<MapTiles.Tile> rendered = MapTiles.render(maps, sharedScale.get(), labels);
        for (MapTiles.Tile tile : rendered.subList(0, shown)) {
            // A small map's cells as flat squares: a scaled image may be smoothed (the software renderer does).
            double cell = size / Math.max(tile.width(), tile.height());
            Node picture = Math.max(tile.width(), tile.height()) <= SMALL_MAP
                    ? PixelImages.canvas(tile.argb(), tile.width(), tile.height(), cell, cell)
                    : PixelImages.view(tile.argb(), tile.width(), tile.height(), size);
            VBox box = new VBox(1, picture);
            box.getStyleClass().add("st-tile");
            box.setAlignment(Pos.CENTER);
            box.setId((values == null ? "st-tile-" : "st-pooled-") + tile.channel());
            if (labels != null || values != null) {
                box.getChildren().add(tileLabel(tile.label(), size));
            }
            if (values != null) {
                box.getChildren().add(tileLabel("→ " + value(values[tile.channel()]), size));
            }
            String hover = Messages.get("steps.tile", tile.label(), String.valueOf(tile.width()),
                    String.valueOf(tile.height()), value(tile.min()), value(tile.max()));
            box.setOnMouseEntered(e -> tileTip.setText(hover));
            Tooltip.install(box, tileTip);
            grid.getChildren().add(box);
        }
        stepTiles.getChildren().add(grid);
    }

    /** A flat output (GAP's scores, a dense layer's units, the probabilities) as one row per value. */
    private void showValues(StepThroughViewModel.Step step) {
        float[] v = step.output().values();
        boolean probabilities = step.operation().kind() == Operation.Kind.SOFTMAX;
        boolean all = stepAllMapsToggle.isSelected();
        int shown = all ? v.length : Math.min(FIRST_VALUES, v.length);
        stepOutputLabel.setText(Messages.get("steps.output.numbers", v.length,
                shown < v.length ? Messages.get("steps.output.first-shown", shown) : ""));
        stepAllMapsToggle.setVisible(v.length > FIRST_VALUES);
        stepAllMapsToggle.setText(all ? Messages.get("steps.only-first", FIRST_VALUES) : Messages.get("steps.all", v.length));
        int best = 0;
        float largest = 0;
        for (int i = 0; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
            largest = Math.max(largest, Math.abs(v[i]));
        }
        Shape pooled = step.input().shape();
        if (step.operation().kind() == Operation.Kind.GLOBAL_AVERAGE_POOL && pooled.channels() <= FIRST_MAPS) {
            stepOutputLabel.setText(Messages.get("steps.output.pooled", pooled.channels(), String.valueOf(pooled.height()),
                    String.valueOf(pooled.width())));
            addTiles(step.input(), step.labels(), pooled.channels(), TILE_EM * em(), v);
        }
        GridPane rows = new GridPane();
        rows.setId("st-values");
        rows.setHgap(10);
        rows.setVgap(2);
        for (int i = 0; i < shown; i++) {
            String name = step.labels() != null ? step.labels().get(i)
                    : Messages.get(step.output().shape().flat() ? "steps.unit" : "steps.channel", String.valueOf(i));
            Label label = new Label(name);
            ProgressBar bar = new ProgressBar(probabilities ? v[i] : largest > 0 ? Math.abs(v[i]) / largest : 0);
            bar.setPrefWidth(12 * em());
            Label value = new Label(probabilities ? String.format(Locale.ROOT, "%.1f %%", 100.0 * v[i])
                    : value(v[i]));
            value.getStyleClass().add("st-value");
            if (i == best) {
                label.getStyleClass().add("st-best");
                value.getStyleClass().add("st-best");
            }
            rows.addRow(i, label, bar, value);
        }
        stepTiles.getChildren().add(rows);
    }

    private static Label tileLabel(String text, double size) {
        Label label = new Label(text);
        label.setMaxWidth(size + 16);
        return label;
    }

    /** The size of the text, which presentation mode raises. */
    private double em() {
        return stepPositionLabel.getFont().getSize();
    }

    private static String value(float v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @FXML
    private void first() {
        viewModel.first();
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void forward() {
        viewModel.forward();
    }

    @FXML
    private void last() {
        viewModel.last();
    }
}
