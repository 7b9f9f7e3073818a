package org.ninexplorer.ui.classmaps;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.ninexplorer.training.ClassMaps;
import org.ninexplorer.training.Occlusion;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.SnapshotExport;
import org.ninexplorer.ui.common.Spinners;
import org.ninexplorer.ui.featuremaps.ColorMap;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.featuremaps.PixelImages;
import org.ninexplorer.ui.featuremaps.SampleImage;
import org.ninexplorer.ui.common.Messages;

/** Why the net decided: the chosen class's map over the input and as its cells, occlusion, the test-set means. */
public final class ClassMapsView extends BorderPane {

    private static final double PICTURE = 196;
    private static final double MEAN_PICTURE = 96;
    /** Cells at least this large carry their value as text. */
    private static final double LABELLED_CELL = 26;

    private final ClassMapsViewModel viewModel;
    @FXML private Label classMapsSource;
    @FXML private Slider opacitySlider;
    @FXML private VBox content;
    @FXML private Label messageLabel;
    @FXML private VBox sampleSection;
    @FXML private VBox occlusionSection;
    @FXML private Label classMapTitle;
    @FXML private Label classMapIntro;
    @FXML private ImageView classMapOverlay;
    @FXML private Label cellsTitle;
    @FXML private Canvas classMapCells;
    @FXML private GridPane classScores;
    @FXML private Label poolLine;
    @FXML private HBox classMapLegend;
    @FXML private Spinner<Integer> patchSpinner;
    @FXML private Spinner<Integer> strideSpinner;
    @FXML private Button occlusionButton;
    @FXML private Button occlusionCancel;
    @FXML private ProgressBar occlusionProgress;
    @FXML private ImageView occlusionOverlay;
    @FXML private Label occlusionTitle;
    @FXML private Label occlusionLine;
    @FXML private HBox occlusionLegend;
    @FXML private Button meansButton;
    @FXML private Button meansCancel;
    @FXML private ProgressBar meansProgress;
    @FXML private Label meansLine;
    @FXML private FlowPane meanMaps;
    private final BooleanProperty onScreen = new SimpleBooleanProperty(true);

    public ClassMapsView(ClassMapsViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this, "ClassMapsView.fxml");
        getStylesheets().add(ClassMapsView.class.getResource("classmaps.css").toExternalForm());
    }

    @FXML
    private void initialize() {
        classMapsSource.textProperty().bind(viewModel.sourceProperty());
        PixelImages.crisp(classMapOverlay, PICTURE);
        PixelImages.crisp(occlusionOverlay, PICTURE);
        opacitySlider.valueProperty().bindBidirectional(viewModel.opacityProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        content.visibleProperty().bind(viewModel.messageProperty().isEmpty());
        poolLine.textProperty().bind(viewModel.poolLineProperty());
        Spinners.setUpInteger(patchSpinner, 1, 224, viewModel.patchProperty().get());
        Spinners.setUpInteger(strideSpinner, 1, 224, viewModel.strideProperty().get());
        link(patchSpinner, viewModel.patchProperty());
        link(strideSpinner, viewModel.strideProperty());
        occlusionButton.disableProperty().bind(viewModel.occlusionRunningProperty()
                .or(viewModel.explanationProperty().isNull()));
        occlusionCancel.disableProperty().bind(viewModel.occlusionRunningProperty().not());
        occlusionProgress.progressProperty().bind(viewModel.occlusionProgressProperty());
        occlusionProgress.visibleProperty().bind(viewModel.occlusionRunningProperty());
        occlusionLine.textProperty().bind(viewModel.occlusionLineProperty());
        meansButton.disableProperty().bind(viewModel.meansRunningProperty());
        meansCancel.disableProperty().bind(viewModel.meansRunningProperty().not());
        meansProgress.progressProperty().bind(viewModel.meansProgressProperty());
        meansProgress.visibleProperty().bind(viewModel.meansRunningProperty());
        meansLine.textProperty().bind(viewModel.meansLineProperty());
        viewModel.activeProperty().bind(onScreen);
        SnapshotExport.install(sampleSection, "class-map", Messages.get("classmaps.export.sample"));
        SnapshotExport.install(occlusionSection, "occlusion", Messages.get("classmaps.export.occlusion"));
        SnapshotExport.install(meanMaps, "class-map-means", Messages.get("classmaps.export.means"));
        viewModel.explanationProperty().addListener((obs, old, e) -> showWhenVisible());
        viewModel.chosenMapProperty().addListener((obs, old, m) -> showWhenVisible());
        viewModel.occlusionProperty().addListener((obs, old, m) -> showWhenVisible());
        viewModel.meansProperty().addListener((obs, old, m) -> showWhenVisible());
        viewModel.opacityProperty().addListener((obs, old, v) -> showWhenVisible());
        onScreen.addListener((obs, old, v) -> showWhenVisible());
        showWhenVisible();
    }

    /** Whether the view is on screen; the feature-map view binds it to its tab. */
    public BooleanProperty onScreenProperty() {
        return onScreen;
    }

    private static void link(Spinner<Integer> spinner, javafx.beans.property.IntegerProperty property) {
        spinner.getValueFactory().valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                property.set(v);
            }
        });
        property.addListener((obs, old, v) -> spinner.getValueFactory().setValue(v.intValue()));
    }

    private void showWhenVisible() {
        if (onScreen.get()) {
            showSample();
            showOcclusion();
            showMeans();
        }
    }

    private void showSample() {
        ClassMapsViewModel.Explanation e = viewModel.explanationProperty().get();
        ClassMaps.ClassMap map = viewModel.chosenMapProperty().get();
        classScores.getChildren().clear();
        classMapLegend.getChildren().clear();
        GraphicsContext g = classMapCells.getGraphicsContext2D();
        g.clearRect(0, 0, classMapCells.getWidth(), classMapCells.getHeight());
        if (e == null || map == null) {
            classMapOverlay.setImage(null);
            return;
        }
        String name = e.classNames().get(map.classIndex());
        classMapTitle.setText(Messages.get("classmaps.map.title", name, predictedNote(e, map)));
        classMapIntro.setText(Messages.get("classmaps.map.intro", String.valueOf(e.layerIndex()),
                map.height() + "×" + map.width()));
        cellsTitle.setText(Messages.get("classmaps.cells.title", map.height() + "×" + map.width()));
        occlusionTitle.setText(Messages.get("classmaps.occlusion.title", name));
        SampleImage in = e.input();
        classMapOverlay.setImage(PixelImages.image(HeatMap.over(in, map.cells(), map.height(), map.width(), e.min(),
                e.max(), viewModel.opacityProperty().get()), in.width(), in.height()));
        drawCells(g, map, e.min(), e.max());
        for (ClassMaps.ClassMap m : e.maps()) {
            scoreRow(e, m, m.classIndex() == map.classIndex());
        }
        classMapLegend.getChildren().setAll(legend(e.min(), e.max(), null));
    }

    /** Whether the shown class is the prediction, and whether that is right, so that a wrong one is explained as such. */
    private static String predictedNote(ClassMapsViewModel.Explanation e, ClassMaps.ClassMap map) {
        if (map.classIndex() != e.predicted()) {
            return "";
        }
        if (e.trueClass() == FeatureMapsViewModel.Result.NO_LABEL) {
            return Messages.get("classmaps.predicted");
        }
        return e.trueClass() == e.predicted() ? Messages.get("classmaps.predicted.right")
                : Messages.get("classmaps.predicted.wrong", e.classNames().get(e.trueClass()));
    }

    private void scoreRow(ClassMapsViewModel.Explanation e, ClassMaps.ClassMap m, boolean chosen) {
        Hyperlink name = new Hyperlink(e.classNames().get(m.classIndex()));
        name.setId("class-" + m.classIndex());
        name.setOnAction(a -> viewModel.chosenClassProperty().set(m.classIndex()));
        Label score = new Label(String.format(Locale.ROOT, "%.2f", m.score()));
        Label arrow = new Label("→");
        Label percent = new Label(FeatureMapsViewModel.percent(m.probability()));
        for (javafx.scene.Node n : new javafx.scene.Node[] {name, score, arrow, percent}) {
            if (m.classIndex() == e.predicted()) {
                n.getStyleClass().add("predicted");
            }
            if (chosen) {
                n.getStyleClass().add("chosen");
            }
        }
        classScores.addRow(m.classIndex(), name, score, arrow, percent);
    }

    /** Each cell a flat square in its colour, with its value where there is room: the numbers GAP averages. */
    private void drawCells(GraphicsContext g, ClassMaps.ClassMap map, float min, float max) {
        double cell = Math.min(classMapCells.getWidth() / map.width(), classMapCells.getHeight() / map.height());
        int[] colours = ColorMap.viridis(map.cells(), 0, map.cells().length, min, max);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                int i = y * map.width() + x;
                Color colour = colour(colours[i]);
                g.setFill(colour);
                g.fillRect(x * cell, y * cell, cell, cell);
                if (cell >= LABELLED_CELL) {
                    g.setFill(max > min && (map.cells()[i] - min) / (max - min) > 0.6 ? Color.BLACK : Color.WHITE);
                    g.fillText(String.format(Locale.ROOT, "%.2f", map.cells()[i]), (x + 0.5) * cell, (y + 0.5) * cell);
                }
            }
        }
    }

    private void showOcclusion() {
        Occlusion.OcclusionMap map = viewModel.occlusionProperty().get();
        ClassMapsViewModel.Explanation e = viewModel.explanationProperty().get();
        if (map == null || e == null) {
            occlusionOverlay.setImage(null);
            occlusionLegend.getChildren().clear();
            return;
        }
        // Negative drops (hiding made the class likelier) share the colour of "no effect".
        float top = Math.max(0, map.maxDrop());
        occlusionOverlay.setImage(PixelImages.image(HeatMap.over(e.input(), map.drop(), map.height(), map.width(), 0,
                top, viewModel.opacityProperty().get()), map.width(), map.height()));
        occlusionLegend.getChildren().setAll(legend(0, 100 * top, Messages.get("classmaps.occlusion.legend")));
    }

    private void showMeans() {
        ClassMapsViewModel.Means means = viewModel.meansProperty().get();
        meanMaps.getChildren().clear();
        if (means == null) {
            return;
        }
        for (ClassMaps.ClassMean mean : means.classes()) {
            SampleImage input = new SampleImage(mean.meanInput(), means.input().channels(), means.input().height(),
                    means.input().width());
            ImageView picture = PixelImages.view(HeatMap.over(input, mean.cells(), mean.height(), mean.width(),
                    means.min(), means.max(), viewModel.opacityProperty().get()), input.width(), input.height(),
                    MEAN_PICTURE);
            Label name = new Label(means.classNames().get(mean.classIndex()));
            Label numbers = new Label(Messages.get("classmaps.means.numbers", String.valueOf(mean.images()), String.format(Locale.ROOT, "%.2f", mean.score())));
            VBox tile = new VBox(2, picture, name, numbers);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().add("mean-tile");
            tile.setId("mean-" + mean.classIndex());
            meanMaps.getChildren().add(tile);
        }
    }

    private static Color colour(int argb) {
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
    }

    /** The colour scale from {@code min} to {@code max}, with what its numbers mean when {@code meaning} is given. */
    private static javafx.scene.Node[] legend(float min, float max, String meaning) {
        int steps = 64;
        Canvas bar = new Canvas(1.5 * steps, 12);
        for (int i = 0; i < steps; i++) {
            bar.getGraphicsContext2D().setFill(colour(ColorMap.viridis(i / (steps - 1.0))));
            bar.getGraphicsContext2D().fillRect(1.5 * i, 0, 1.5, 12);
        }
        Label from = new Label(String.format(Locale.ROOT, "%.2f", min));
        Label to = new Label(String.format(Locale.ROOT, "%.2f", max));
        return meaning == null ? new javafx.scene.Node[] {from, bar, to}
                : new javafx.scene.Node[] {from, bar, to, new Label("(" + meaning + ")")};
    }

    @FXML
    private void runOcclusion() {
        viewModel.runOcclusion();
    }

    @FXML
    private void cancelOcclusion() {
        viewModel.cancelOcclusion();
    }

    @FXML
    private void computeMeans() {
        viewModel.computeMeans();
    }

    @FXML
    private void cancelMeans() {
        viewModel.cancelMeans();
    }
}
