package org.ninexplorer.ui.training;

import java.io.File;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
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
import javafx.scene.shape.Path;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.training.Optimizer;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.SnapshotExport;
import org.ninexplorer.ui.common.Spinners;
import org.ninexplorer.ui.common.Messages;

/** The dashboard: data, hyper-parameters, Start/Pause/Resume/Stop, progress and the live charts. */
public final class TrainingView extends BorderPane {

    /** ~15 Hz: smooth enough for a progress bar, cheap enough for two cores shared with training. */
    private static final Duration DRAIN_PERIOD = Duration.millis(66);

    private final HyperparameterForm form;
    private final DatasetSelection data;
    private final TrainingSession session;
    private final TrainingCharts charts;
    private final javafx.beans.property.BooleanProperty detailsShown = new javafx.beans.property.SimpleBooleanProperty(true);
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
    @FXML private Label memoryLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label statusLabel;
    @FXML private Label alertLabel;
    @FXML private LineChart<Number, Number> lossChart;
    @FXML private LineChart<Number, Number> accuracyChart;

    public TrainingView(TrainingViewModel viewModel) {
        this.form = viewModel.form();
        this.data = viewModel.data();
        this.session = viewModel.session();
        this.charts = viewModel.charts();
        Fxml.loadInto(this, "TrainingView.fxml");
        getStylesheets().add(TrainingView.class.getResource("training.css").toExternalForm());
        Timeline drain = new Timeline(new KeyFrame(DRAIN_PERIOD, e -> session.drain()));
        drain.setCycleCount(Timeline.INDEFINITE);
        drain.play();
    }

    /** Whether lines a class does not need (the memory estimate, the charts' titles) show; off in presentation mode. */
    public javafx.beans.property.BooleanProperty detailsShownProperty() {
        return detailsShown;
    }

    @FXML
    private void initialize() {
        datasetBox.getItems().setAll(DatasetChoice.values());
        datasetBox.valueProperty().bindBidirectional(data.datasetProperty());
        folderButton.visibleProperty().bind(data.datasetProperty().isEqualTo(DatasetChoice.FOLDER));
        folderButton.managedProperty().bind(folderButton.visibleProperty());
        folderLabel.textProperty().bind(Bindings.createStringBinding(() -> data.folderProperty().get() == null
                ? "" : data.folderProperty().get().getFileName().toString(), data.folderProperty()));
        folderLabel.visibleProperty().bind(folderButton.visibleProperty());
        optimizerBox.getItems().setAll(Optimizer.values());
        optimizerBox.setConverter(labels(o -> o == Optimizer.ADAM ? "Adam" : "SGD"));
        optimizerBox.valueProperty().bindBidirectional(form.optimizerProperty());
        optimizerBox.setTooltip(new Tooltip(Messages.get("training.optimizer.tooltip")));

        scheduleBox.getItems().setAll(LearningRateSchedule.values());
        scheduleBox.setConverter(labels(r -> switch (r) {
            case CONSTANT -> Messages.get("training.schedule.constant");
            case COSINE -> Messages.get("training.schedule.cosine");
            case WARMUP_COSINE -> Messages.get("training.schedule.warmup-cosine");
        }));
        scheduleBox.valueProperty().bindBidirectional(form.scheduleProperty());
        scheduleBox.setTooltip(new Tooltip(Messages.get("training.schedule.tooltip")));

        weightInitBox.getItems().setAll(Hyperparameters.WeightInitChoice.values());
        weightInitBox.setConverter(labels(w -> switch (w) {
            case XAVIER -> "Xavier";
            case HE -> "He";
            case UNIFORM -> Messages.get("training.weight-init.uniform");
            case PYTORCH -> "PyTorch";
        }));
        weightInitBox.valueProperty().bindBidirectional(form.weightInitProperty());
        weightInitBox.setTooltip(new Tooltip(Messages.get("training.weight-init.tooltip")));
        recipeButton.setTooltip(new Tooltip(Messages.get("training.recipe.tooltip")));

        Spinners.setUpDecimal(learningRateSpinner, 0.00001, 1, form.learningRateProperty().get(), 0.0005);
        SpinnerValueFactory<Double> lr = learningRateSpinner.getValueFactory();
        lr.valueProperty().addListener((obs, old, v) -> form.learningRateProperty().set(v));
        form.learningRateProperty().addListener((obs, old, v) -> lr.setValue(v.doubleValue()));
        learningRateSpinner.setTooltip(new Tooltip(Messages.get("training.learning-rate.tooltip")));
        Spinners.bindInteger(batchSpinner, 1, 4096, form.batchSizeProperty(), Messages.get("training.batch-size.tooltip"));
        Spinners.bindInteger(epochsSpinner, 1, 1000, form.epochsProperty(), Messages.get("training.epochs.tooltip"));
        Spinners.bindInteger(seedSpinner, 0, Integer.MAX_VALUE, form.seedProperty(), Messages.get("training.seed.tooltip"));
        Spinners.bindInteger(limitTrainSpinner, 0, 1_000_000, form.limitTrainProperty(),
                Messages.get("training.train-images.tooltip"));
        Spinners.bindInteger(limitTestSpinner, 0, 1_000_000, form.limitTestProperty(), Messages.get("training.test-images.tooltip"));
        hyperGrid.disableProperty().bind(Bindings.createBooleanBinding(() -> session.state().busy(),
                session.stateProperty()));
        datasetBox.disableProperty().bind(hyperGrid.disableProperty());
        recipeButton.disableProperty().bind(hyperGrid.disableProperty());

        startButton.disableProperty().bind(session.canStartProperty().not());
        Tooltip startTip = new Tooltip();
        startTip.textProperty().bind(Bindings.when(session.startBlockedReasonProperty().isEmpty())
                .then(Messages.get("training.start.tooltip")).otherwise(session.startBlockedReasonProperty()));
        startButton.setTooltip(startTip);
        // A disabled button shows no tooltip, so the reason is also written below the buttons.
        startReason.textProperty().bind(Bindings.when(session.stateProperty().isEqualTo(TrainingState.IDLE))
                .then(session.startBlockedReasonProperty()).otherwise(""));
        startReason.visibleProperty().bind(startReason.textProperty().isNotEmpty());
        startReason.managedProperty().bind(startReason.visibleProperty());
        memoryLabel.textProperty().bind(session.memoryProperty());
        memoryLabel.visibleProperty().bind(detailsShown);
        memoryLabel.managedProperty().bind(detailsShown);
        pauseButton.disableProperty().bind(session.canPauseProperty().not());
        resumeButton.disableProperty().bind(session.canResumeProperty().not());
        stopButton.disableProperty().bind(session.canStopProperty().not());

        progressBar.progressProperty().bind(session.progressProperty());
        progressLabel.textProperty().bind(session.progressTextProperty());
        statusLabel.textProperty().bind(session.statusProperty());
        alertLabel.textProperty().bind(session.alertProperty());
        alertLabel.visibleProperty().bind(session.alertProperty().isNotEmpty());
        alertLabel.managedProperty().bind(alertLabel.visibleProperty());
        session.statusIsErrorProperty().addListener((obs, old, error) -> {
            statusLabel.getStyleClass().remove("error");
            if (error) {
                statusLabel.getStyleClass().add("error");
            }
        });

        // Fixed titles: a title that changes with the data once left the plot un-laid-out until the next
        // resize, so that only the first iteration showed for a whole epoch.
        lossChart.getData().add(series(Messages.get("training.series.raw-loss"), charts.rawLoss()));
        lossChart.getData().add(series(Messages.get("training.series.smoothed"), charts.smoothLoss()));
        lossChart.getData().add(series(Messages.get("training.series.epoch-mean"), charts.epochLoss()));
        follow((NumberAxis) lossChart.getXAxis(), charts.epochAxisProperty());
        follow((NumberAxis) lossChart.getYAxis(), charts.lossAxisProperty());
        accuracyChart.getData().add(series(Messages.get("training.series.train"), charts.trainAccuracy()));
        accuracyChart.getData().add(series(Messages.get("training.series.test"), charts.testAccuracy()));
        follow((NumberAxis) accuracyChart.getXAxis(), charts.epochAxisProperty());
        SnapshotExport.install(lossChart, "loss", Messages.get("training.chart.loss.name"));
        SnapshotExport.install(accuracyChart, "accuracy", Messages.get("training.chart.accuracy.name"));
        follow((NumberAxis) accuracyChart.getYAxis(), new SimpleObjectProperty<>(charts.accuracyAxis()));
        // The axis labels name what is plotted; in presentation mode the titles' line goes to the plots.
        String lossTitle = lossChart.getTitle();
        String accuracyTitle = accuracyChart.getTitle();
        detailsShown.addListener((obs, old, shown) -> {
            lossChart.setTitle(shown ? lossTitle : null);
            accuracyChart.setTitle(shown ? accuracyTitle : null);
        });
    }

    /** Gives the axis the range the view-model decides, and labels only its ticks' round values. */
    private static void follow(NumberAxis axis, ObservableValue<AxisRange> range) {
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        Consumer<AxisRange> apply = r -> {
            axis.setLowerBound(r.lower());
            axis.setUpperBound(r.upper());
            axis.setTickUnit(r.tick());
        };
        apply.accept(range.getValue());
        range.addListener((obs, old, r) -> apply.accept(r));
        axis.setTickLabelFormatter(TrainingView.<Number>labels(n -> range.getValue().label(n.doubleValue())));
    }

    private static XYChart.Series<Number, Number> series(String name, SampledSeries sampled) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>(name, sampled.points());
        // LineChart keeps drawing the last path of a series that became empty: a new run showed the previous
        // run's accuracy until its own first epoch ended. Clear the line with the data.
        sampled.points().addListener((ListChangeListener<XYChart.Data<Number, Number>>) change -> {
            if (change.getList().isEmpty() && series.getNode() instanceof Path line) {
                line.getElements().clear();
            }
        });
        return series;
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
        form.useRecommendedRecipe();
    }

    @FXML
    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("training.folder.title"));
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            data.folderProperty().set(dir.toPath());
        }
    }

    @FXML
    public void start() {
        session.start();
    }

    @FXML
    private void pause() {
        session.pause();
    }

    @FXML
    private void resume() {
        session.resume();
    }

    @FXML
    public void stop() {
        session.stop();
    }
}
