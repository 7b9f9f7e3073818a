package org.ninexplorer.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.DatasetException;
import org.ninexplorer.data.DatasetKind;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.data.Downloader;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.training.Optimizer;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.ninexplorer.ui.common.Format;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.graph.GraphViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training dashboard. Training runs on the executor; everything it reports (engine events, download
 * progress, failures) goes into one queue that {@link #drain()} empties on the FX thread a dozen times a
 * second, so that a fast run never floods the FX thread and the charts get one update per drain.
 */
public final class TrainingViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(TrainingViewModel.class);
    private static final int CHART_POINTS = 400;
    private static final double SMOOTHING = 0.95;

    /** What the background work reports besides the engine's own events. */
    private sealed interface Note {
    }

    private record DatasetReady(Dataset dataset, TrainingRun run) implements Note {
    }

    private record Failed(String message) implements Note {
    }

    private record Downloading(long done, long total, String file) implements Note {
    }

    private final EditorViewModel editor;
    private final TaskExecutor executor;
    private final DataDirectory dataDirectory;
    private final Path runsRoot;
    private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();

    private final ObjectProperty<DatasetChoice> dataset = new SimpleObjectProperty<>(DatasetChoice.SAMPLE);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    // Hyper-parameters: set from the recipe recommended for the editor's net when the view model is made.
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>();
    private final ObjectProperty<LearningRateSchedule> schedule = new SimpleObjectProperty<>();
    private final ObjectProperty<Hyperparameters.WeightInitChoice> weightInit = new SimpleObjectProperty<>();
    private final DoubleProperty learningRate = new SimpleDoubleProperty();
    private final IntegerProperty batchSize = new SimpleIntegerProperty();
    private final IntegerProperty epochs = new SimpleIntegerProperty();
    private final IntegerProperty seed = new SimpleIntegerProperty();
    private final IntegerProperty limitTrain = new SimpleIntegerProperty();
    private final IntegerProperty limitTest = new SimpleIntegerProperty();

    private final ReadOnlyObjectWrapper<TrainingState> state = new ReadOnlyObjectWrapper<>(TrainingState.IDLE);
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper("Loading backend…");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready. Press Start to train on the selected data.");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Dataset> loadedDataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FeatureMapper> featureMapper = new ReadOnlyObjectWrapper<>();

    private final SampledSeries rawLoss = new SampledSeries(CHART_POINTS);
    private final SampledSeries smoothLoss = new SampledSeries(CHART_POINTS);
    private final SampledSeries epochLoss = new SampledSeries(CHART_POINTS);
    private final SampledSeries trainAccuracy = new SampledSeries(CHART_POINTS);
    private final SampledSeries testAccuracy = new SampledSeries(CHART_POINTS);
    private final SampledSeries epochLossByEpoch = new SampledSeries(CHART_POINTS);
    private final List<Consumer<TrainingEvent.Epoch>> epochListeners = new ArrayList<>();

    private final BooleanBinding canStart;
    private final StringBinding startBlockedReason;
    private volatile TrainingRun run;
    private Hyperparameters appliedRecipe;
    private volatile boolean cancelRequested;
    private double smoothed;
    private long smoothedCount;
    private int totalEpochs;
    private long lastIteration;
    private Predicate<String> confirmDownload = message -> false;

    public TrainingViewModel(EditorViewModel editor, TaskExecutor executor, DataDirectory dataDirectory, Path runsRoot) {
        this.editor = editor;
        this.executor = executor;
        this.dataDirectory = dataDirectory;
        this.runsRoot = runsRoot;
        useRecommendedRecipe();
        // A newly opened net brings its own recipe, unless the user has changed the settings since the last one.
        editor.documentProperty().addListener((obs, old, now) -> {
            if (hyperparameters().equals(appliedRecipe)) {
                useRecommendedRecipe();
            }
        });
        editor.lockedProperty().bind(Bindings.createBooleanBinding(() -> state.get().busy(), state));
        startBlockedReason = Bindings.createStringBinding(this::blockedReason, state, editor.analysisProperty(),
                learningRate, batchSize, epochs, dataset, folder);
        canStart = startBlockedReason.isEmpty();
    }

    // --- Properties -------------------------------------------------------------------------------

    public ObjectProperty<DatasetChoice> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public ObjectProperty<Optimizer> optimizerProperty() {
        return optimizer;
    }

    public ObjectProperty<LearningRateSchedule> scheduleProperty() {
        return schedule;
    }

    public ObjectProperty<Hyperparameters.WeightInitChoice> weightInitProperty() {
        return weightInit;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    /** Train on only this many images (0: all), for a quick run in class. */
    public IntegerProperty limitTrainProperty() {
        return limitTrain;
    }

    public IntegerProperty limitTestProperty() {
        return limitTest;
    }

    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public TrainingState state() {
        return state.get();
    }

    public ReadOnlyStringProperty backendProperty() {
        return backend.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The dataset of the latest run, for the feature maps' sample strip. */
    public ReadOnlyObjectProperty<Dataset> loadedDatasetProperty() {
        return loadedDataset.getReadOnlyProperty();
    }

    /** A network to compute feature maps with: the latest snapshot of the running (or last) run. */
    public ReadOnlyObjectProperty<FeatureMapper> featureMapperProperty() {
        return featureMapper.getReadOnlyProperty();
    }

    public BooleanBinding canStartBinding() {
        return canStart;
    }

    /** Why Start is disabled, for its tooltip; empty when it is enabled. */
    public StringBinding startBlockedReasonBinding() {
        return startBlockedReason;
    }

    public SampledSeries rawLoss() {
        return rawLoss;
    }

    public SampledSeries smoothLoss() {
        return smoothLoss;
    }

    /** Mean training loss of each epoch, drawn at the iteration where the epoch ended. */
    public SampledSeries epochLoss() {
        return epochLoss;
    }

    public SampledSeries epochLossByEpoch() {
        return epochLossByEpoch;
    }

    public SampledSeries trainAccuracy() {
        return trainAccuracy;
    }

    public SampledSeries testAccuracy() {
        return testAccuracy;
    }

    public void onEpoch(Consumer<TrainingEvent.Epoch> listener) {
        epochListeners.add(listener);
    }

    /** Asked before a download starts; returns whether the user agreed. */
    public void setDownloadConfirmation(Predicate<String> confirm) {
        this.confirmDownload = confirm;
    }

    public void setBackend(String description) {
        backend.set(description);
    }

    // --- Commands ---------------------------------------------------------------------------------

    public void start() {
        if (!canStart.get()) {
            return;
        }
        DatasetChoice choice = dataset.get();
        String spec = choice == DatasetChoice.FOLDER ? folder.get().toString() : choice.spec();
        DatasetKind download = choice.downloadable()
                .filter(kind -> !Datasets.isPresent(kind, dataDirectory)).orElse(null);
        if (download != null && !confirmDownload.test(download.displayName() + " is not in "
                + dataDirectory.folder(download) + ". Download it now (about 30 MB)?")) {
            report("Choose the bundled sample or a folder, or allow the download.", true);
            return;
        }
        Architecture architecture = editor.architecture();
        Hyperparameters hp = hyperparameters();
        Path runDirectory = RunDirectory.newRunPath(runsRoot, editor.nameProperty().get());
        clearCharts();
        totalEpochs = hp.epochs();
        cancelRequested = false;
        state.set(TrainingState.PREPARING);
        report(download != null ? "Downloading " + download.displayName() + "…" : "Loading " + choice + "…", false);
        int trainLimit = limitTrain.get();
        int testLimit = limitTest.get();
        executor.execute(() -> prepareAndTrain(spec, download, architecture, hp, runDirectory, trainLimit, testLimit));
    }

    public void pause() {
        TrainingRun current = run;
        if (current != null && state.get() == TrainingState.RUNNING) {
            current.pause();
        }
    }

    public void resume() {
        TrainingRun current = run;
        if (current != null && state.get() == TrainingState.PAUSED) {
            current.resume();
        }
    }

    /** Stops the run (keeping the model so far) or cancels the download before it. */
    public void stop() {
        cancelRequested = true;
        TrainingRun current = run;
        if (current != null && state.get().busy()) {
            current.stop();
            state.set(TrainingState.STOPPING);
            report("Stopping after the current batch…", false);
        }
    }

    /** Asks the running network for a fresh feature-map snapshot after its next batch. */
    public void requestSnapshot() {
        TrainingRun current = run;
        if (current != null) {
            current.requestSnapshot();
        }
    }

    /** Applies everything reported since the last call. FX thread only. */
    public void drain() {
        Object item;
        boolean any = false;
        while ((item = inbox.poll()) != null) {
            any = true;
            if (item instanceof TrainingEvent event) {
                handle(event);
            } else if (item instanceof Note note) {
                handle(note);
            }
        }
        if (any) {
            rawLoss.flush();
            smoothLoss.flush();
            epochLoss.flush();
            epochLossByEpoch.flush();
            trainAccuracy.flush();
            testAccuracy.flush();
        }
        TrainingRun current = run;
        if (current != null && current.featureMapper() != featureMapper.get() && current.featureMapper() != null) {
            featureMapper.set(current.featureMapper());
        }
    }

    /** Where the run's events arrive, on its own thread; they wait in the inbox for the next {@link #drain()}. */
    void receive(TrainingEvent event) {
        inbox.add(event);
    }

    // --- Background -------------------------------------------------------------------------------

    private void prepareAndTrain(String spec, DatasetKind download, Architecture architecture, Hyperparameters hp,
                                 Path runDirectory, int trainLimit, int testLimit) {
        try {
            Dataset data = download != null
                    ? Datasets.openOrDownload(spec, dataDirectory, new Downloader(),
                            (done, total, file) -> inbox.add(new Downloading(done, total, file)), () -> cancelRequested)
                    : Datasets.open(spec, dataDirectory);
            TrainingRun created = new TrainingRun(new TrainingRequest(architecture, hp, data, spec, runDirectory,
                    trainLimit, testLimit), this::receive);
            TrainingRun.validate(created.request());
            inbox.add(new DatasetReady(data, created));
            if (cancelRequested) {
                inbox.add(new Failed("Cancelled before training started."));
                return;
            }
            run = created;
            created.call();
        } catch (DatasetException | TrainingException e) {
            inbox.add(new Failed(cancelRequested ? "Cancelled." : e.getMessage()));
        } catch (RuntimeException e) {
            LOGGER.error("Training could not start", e);
            inbox.add(new Failed("Training could not start: " + e));
        }
    }

    // --- Event handling (FX thread) ------------------------------------------------------------------

    private void handle(Note note) {
        if (note instanceof DatasetReady ready) {
            loadedDataset.set(ready.dataset());
        } else if (note instanceof Failed failed) {
            state.set(TrainingState.IDLE);
            report(failed.message(), true);
        } else if (note instanceof Downloading d) {
            progress.set(d.total() > 0 ? (double) d.done() / d.total() : -1);
            progressText.set("Downloading " + d.file() + ": " + Format.bytes(d.done())
                    + (d.total() > 0 ? " of " + Format.bytes(d.total()) : ""));
        }
    }

    private void handle(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            state.set(TrainingState.RUNNING);
            backend.set(s.backend().description());
            totalEpochs = s.epochs();
            report(String.format(Locale.ROOT, "Training on %,d images, testing on %,d. Run folder: %s",
                    s.trainImages(), s.testImages(), s.runDirectory()), false);
        } else if (event instanceof TrainingEvent.Iteration it) {
            rawLoss.add(it.globalIteration(), it.loss());
            smoothed = SMOOTHING * smoothed + (1 - SMOOTHING) * it.loss();
            smoothedCount++;
            // Bias correction, as in TensorBoard: early values are not dragged towards zero.
            smoothLoss.add(it.globalIteration(), smoothed / (1 - Math.pow(SMOOTHING, smoothedCount)));
            lastIteration = it.globalIteration();
            progress.set(((it.epoch() - 1) + it.progress()) / totalEpochs);
            progressText.set(String.format(Locale.ROOT, "Epoch %d of %d  ·  %,.0f images/s  ·  %s left",
                    it.epoch(), totalEpochs, it.imagesPerSecond(), Format.duration(it.etaSeconds())));
        } else if (event instanceof TrainingEvent.Evaluating e) {
            report("Testing epoch " + e.epoch() + " on the test images…", false);
        } else if (event instanceof TrainingEvent.Epoch e) {
            epochLoss.add(lastIteration, e.trainLoss());
            epochLossByEpoch.add(e.epoch(), e.trainLoss());
            trainAccuracy.add(e.epoch(), e.trainAccuracy());
            testAccuracy.add(e.epoch(), e.testAccuracy());
            report(e.referenceLine(), false);
            epochListeners.forEach(l -> l.accept(e));
        } else if (event instanceof TrainingEvent.Paused p) {
            state.set(TrainingState.PAUSED);
            report("Paused in epoch " + p.epoch() + ". Resume to go on.", false);
        } else if (event instanceof TrainingEvent.Resumed) {
            state.set(TrainingState.RUNNING);
            report("Resumed.", false);
        } else if (event instanceof TrainingEvent.Finished f) {
            state.set(TrainingState.IDLE);
            if (f.outcome() == TrainingEvent.Outcome.COMPLETED) {
                progress.set(1);
            }
            report(f.message(), f.outcome() == TrainingEvent.Outcome.DIVERGED
                    || f.outcome() == TrainingEvent.Outcome.FAILED);
        }
    }

    private void report(String message, boolean error) {
        status.set(message);
        statusIsError.set(error);
    }

    private void clearCharts() {
        List.of(rawLoss, smoothLoss, epochLoss, epochLossByEpoch, trainAccuracy, testAccuracy)
                .forEach(SampledSeries::clear);
        smoothed = 0;
        smoothedCount = 0;
        lastIteration = 0;
        progress.set(0);
        progressText.set("");
    }

    /** Sets every hyper-parameter to the recipe recommended for the editor's current net. */
    public void useRecommendedRecipe() {
        Hyperparameters recipe = Hyperparameters.recommendedFor(editor.architecture());
        appliedRecipe = recipe;
        optimizer.set(recipe.optimizer());
        learningRate.set(recipe.learningRate());
        schedule.set(recipe.schedule());
        batchSize.set(recipe.batchSize());
        epochs.set(recipe.epochs());
        weightInit.set(recipe.weightInit());
        seed.set((int) recipe.seed());
    }

    private Hyperparameters hyperparameters() {
        return new Hyperparameters(optimizer.get(), learningRate.get(), schedule.get(), batchSize.get(), epochs.get(),
                seed.get(), weightInit.get());
    }

    private String blockedReason() {
        if (state.get().busy()) {
            return "A run is in progress.";
        }
        Analysis analysis = editor.analysis();
        if (!analysis.valid()) {
            return "The network is impossible: " + analysis.diagnostics().stream().findFirst()
                    .map(GraphViewModel::describe).orElse("see the red cards");
        }
        List<String> problems = hyperparameters().problems();
        if (!problems.isEmpty()) {
            return String.join("; ", problems);
        }
        if (dataset.get() == DatasetChoice.FOLDER && folder.get() == null) {
            return "Choose a folder of images first.";
        }
        return "";
    }

    /** Whether a run is being prepared or trains now. */
    public boolean isBusy() {
        return state.get().busy();
    }
}
