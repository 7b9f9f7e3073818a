package org.ninexplorer.ui.training;

import java.io.File;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.training.Optimizer;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.Spinners;

/** The dashboard: data, hyper-parameters, Start/Pause/Resume/Stop, progress and the live charts. */
public final class TrainingView extends BorderPane {

    /** ~15 Hz: smooth enough for a progress bar, cheap enough for two cores shared with training. */
    private static final Duration DRAIN_PERIOD = Duration.millis(66);

    private final TrainingViewModel viewModel;
    @FXML private ComboBox<DatasetChoice> datasetBox;
    @FXML private Button folderButton;
    @FXML private Label folderLabel;
    @FXML private ComboBox<Optimizer> optimizerBox;
    @FXML private ComboBox<LearningRateSchedule> scheduleBox;
    @FXML private ComboBox<Hyperparameters.WeightInitChoice> weightInitBox;
    @FXML private Button recipeButton;
    @FXML private Spinner<Double> learningRateSpinner;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private Spinner<Integer> limitTrainSpinner;
    @FXML private Spinner<Integer> limitTestSpinner;
    @FXML private javafx.scene.layout.GridPane hyperGrid;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stopButton;
    @FXML private Label startReason;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label statusLabel;
    @FXML private LineChart<Number, Number> lossChart;
    @FXML private LineChart<Number, Number> epochChart;

    public TrainingView(TrainingViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this, "TrainingView.fxml");
        getStylesheets().add(TrainingView.class.getResource("training.css").toExternalForm());
        Timeline drain = new Timeline(new KeyFrame(DRAIN_PERIOD, e -> viewModel.drain()));
        drain.setCycleCount(Timeline.INDEFINITE);
        drain.play();
    }

    @FXML
    private void initialize() {
        datasetBox.getItems().setAll(DatasetChoice.values());
        datasetBox.valueProperty().bindBidirectional(viewModel.datasetProperty());
        folderButton.visibleProperty().bind(viewModel.datasetProperty().isEqualTo(DatasetChoice.FOLDER));
        folderButton.managedProperty().bind(folderButton.visibleProperty());
        folderLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.folderProperty().get() == null
                ? "" : viewModel.folderProperty().get().getFileName().toString(), viewModel.folderProperty()));
        folderLabel.visibleProperty().bind(folderButton.visibleProperty());
        optimizerBox.getItems().setAll(Optimizer.values());
        optimizerBox.setConverter(labels(o -> o == Optimizer.ADAM ? "Adam" : "SGD"));
        optimizerBox.valueProperty().bindBidirectional(viewModel.optimizerProperty());
        optimizerBox.setTooltip(new Tooltip("Adam adapts the step size per weight; SGD uses momentum 0.9"));

        scheduleBox.getItems().setAll(LearningRateSchedule.values());
        scheduleBox.setConverter(labels(r -> r == LearningRateSchedule.CONSTANT ? "Constant" : "Cosine"));
        scheduleBox.valueProperty().bindBidirectional(viewModel.scheduleProperty());
        scheduleBox.setTooltip(new Tooltip("Constant: the same rate throughout (the reference recipe); "
                + "Cosine: the rate eases down to zero by the last iteration, which usually ends more accurate"));

        weightInitBox.getItems().setAll(Hyperparameters.WeightInitChoice.values());
        weightInitBox.setConverter(labels(w -> switch (w) {
            case XAVIER -> "Xavier";
            case HE -> "He";
            case UNIFORM -> "Uniform";
        }));
        weightInitBox.valueProperty().bindBidirectional(viewModel.weightInitProperty());
        weightInitBox.setTooltip(new Tooltip("Xavier (Glorot uniform): as the book; He (Kaiming): scaled for ReLU, so deep "
                + "plain nets start learning sooner; Uniform: PyTorch's default, the smallest"));
        recipeButton.setTooltip(new Tooltip("Set every hyper-parameter to the recipe recommended for this net"));

        SpinnerValueFactory<Double> lr = Spinners.doubleFactory(0.00001, 1, viewModel.learningRateProperty().get(), 0.0005);
        learningRateSpinner.setValueFactory(lr);
        lr.valueProperty().addListener((obs, old, v) -> viewModel.learningRateProperty().set(v));
        viewModel.learningRateProperty().addListener((obs, old, v) -> lr.setValue(v.doubleValue()));
        learningRateSpinner.setTooltip(new Tooltip("How big a step each update takes; too large and the loss diverges"));
        intSpinner(batchSpinner, 1, 4096, viewModel.batchSizeProperty(), "Images per update");
        intSpinner(epochsSpinner, 1, 1000, viewModel.epochsProperty(), "Passes over the training images");
        intSpinner(seedSpinner, 0, Integer.MAX_VALUE, viewModel.seedProperty(), "Same seed, same run");
        intSpinner(limitTrainSpinner, 0, 1_000_000, viewModel.limitTrainProperty(),
                "Use only this many training images (0: all) for a quick run");
        intSpinner(limitTestSpinner, 0, 1_000_000, viewModel.limitTestProperty(), "Test on only this many images (0: all)");
        hyperGrid.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.state().busy(),
                viewModel.stateProperty()));
        datasetBox.disableProperty().bind(hyperGrid.disableProperty());
        recipeButton.disableProperty().bind(hyperGrid.disableProperty());

        startButton.disableProperty().bind(viewModel.canStartBinding().not());
        Tooltip startTip = new Tooltip();
        startTip.textProperty().bind(Bindings.when(viewModel.startBlockedReasonBinding().isEmpty())
                .then("Train this network (F5)").otherwise(viewModel.startBlockedReasonBinding()));
        startButton.setTooltip(startTip);
        // A disabled button shows no tooltip, so the reason is also written below the buttons.
        startReason.textProperty().bind(Bindings.when(viewModel.stateProperty().isEqualTo(TrainingState.IDLE))
                .then(viewModel.startBlockedReasonBinding()).otherwise(""));
        startReason.visibleProperty().bind(startReason.textProperty().isNotEmpty());
        startReason.managedProperty().bind(startReason.visibleProperty());
        pauseButton.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(TrainingState.RUNNING));
        resumeButton.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(TrainingState.PAUSED));
        stopButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.state().busy()
                || viewModel.state() == TrainingState.STOPPING, viewModel.stateProperty()));

        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        viewModel.statusIsErrorProperty().addListener((obs, old, error) -> {
            statusLabel.getStyleClass().remove("error");
            if (error) {
                statusLabel.getStyleClass().add("error");
            }
        });

        lossChart.getStyleClass().add("loss-chart");
        lossChart.titleProperty().bind(Bindings.when(Bindings.isEmpty(viewModel.rawLoss().points()))
                .then("Loss per iteration (appears when training starts)").otherwise("Loss per iteration"));
        lossChart.getData().add(series("loss", viewModel.rawLoss()));
        lossChart.getData().add(series("smoothed", viewModel.smoothLoss()));
        lossChart.getData().add(series("epoch mean", viewModel.epochLoss()));
        // Whole epochs only: the axis spans the planned run, so the chart does not rescale every epoch.
        NumberAxis epochAxis = (NumberAxis) epochChart.getXAxis();
        epochAxis.setAutoRanging(false);
        epochAxis.setLowerBound(1);
        epochAxis.setTickUnit(1);
        epochAxis.setMinorTickVisible(false);
        epochAxis.upperBoundProperty().bind(Bindings.max(2, viewModel.epochsProperty()));
        epochChart.getData().add(series("train loss", viewModel.epochLossByEpoch()));
        epochChart.getData().add(series("train accuracy", viewModel.trainAccuracy()));
        epochChart.getData().add(series("test accuracy", viewModel.testAccuracy()));
    }

    private static XYChart.Series<Number, Number> series(String name, SampledSeries sampled) {
        return new XYChart.Series<>(name, sampled.points());
    }

    /** Shows choices by their display names; the boxes are not editable, so nothing is parsed back. */
    private static <T> StringConverter<T> labels(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    @FXML
    private void useRecommendedRecipe() {
        viewModel.useRecommendedRecipe();
    }

    private static void intSpinner(Spinner<Integer> spinner, int min, int max,
                                   javafx.beans.property.IntegerProperty property, String help) {
        spinner.setValueFactory(Spinners.integerFactory(min, max, property.get()));
        spinner.getValueFactory().valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                property.set(v);
            }
        });
        property.addListener((obs, old, v) -> spinner.getValueFactory().setValue(v.intValue()));
        spinner.setTooltip(new Tooltip(help));
    }

    @FXML
    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A folder of IDX files, or one sub-folder of images per class");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            viewModel.folderProperty().set(dir.toPath());
        }
    }

    @FXML
    public void start() {
        viewModel.start();
    }

    @FXML
    private void pause() {
        viewModel.pause();
    }

    @FXML
    private void resume() {
        viewModel.resume();
    }

    @FXML
    public void stop() {
        viewModel.stop();
    }
}
