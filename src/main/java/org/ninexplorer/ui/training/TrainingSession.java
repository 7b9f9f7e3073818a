package org.ninexplorer.ui.training;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.DatasetException;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.PinnedSamples;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.RunResumption;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.ninexplorer.ui.common.Format;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ninexplorer.ui.common.Messages;

/**
 * One training run at a time, from Start to its end: its state, what Start, Pause, Resume and Stop may do now
 * ({@link #canStartProperty()} and friends, for every button and menu item), the status line, the alert and the
 * progress. Everything the run on the executor reports goes into one queue that {@link #drain()} empties on the
 * FX thread a dozen times a second, so a fast run never floods it and the charts get one update per drain.
 */
public final class TrainingSession {

    private static final Logger LOGGER = LoggerFactory.getLogger(TrainingSession.class);

    private final EditorViewModel editor;
    private final HyperparameterForm form;
    private final DatasetSelection data;
    private final TrainingCharts charts;
    private final TaskExecutor executor;
    private final Path runsRoot;
    private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();

    private final ReadOnlyObjectWrapper<TrainingState> state = new ReadOnlyObjectWrapper<>(TrainingState.IDLE);
    private final ReadOnlyStringWrapper startBlockedReason = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(Messages.get("training.backend.loading"));
    private boolean backendLoaded;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(Messages.get("training.ready"));
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper();
    private final RunProgress progress = new RunProgress();
    private final RunAlert alert = new RunAlert();
    private final ReadOnlyObjectWrapper<Dataset> loadedDataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FeatureMapper> featureMapper = new ReadOnlyObjectWrapper<>();
    private final PinnedSamples pinned = new PinnedSamples();
    private Consumer<TrainingEvent> eventListener = event -> { };
    private volatile TrainingRun run;
    private volatile boolean cancelRequested;

    public TrainingSession(EditorViewModel editor, HyperparameterForm form, DatasetSelection data,
                           TrainingCharts charts, TaskExecutor executor, Path runsRoot) {
        this.editor = editor;
        this.form = form;
        this.data = data;
        this.charts = charts;
        this.executor = executor;
        this.runsRoot = runsRoot;
        editor.lockedProperty().bind(Bindings.createBooleanBinding(() -> state.get().busy(), state));
        Observable[] inputs = Stream.of(new Observable[] {state, editor.analysisProperty()}, form.dependencies(),
                data.dependencies()).flatMap(Stream::of).toArray(Observable[]::new);
        startBlockedReason.bind(Bindings.createStringBinding(
                () -> StartConditions.blockedReason(state.get().busy(), editor, form, data), inputs));
        memory.bind(Bindings.createStringBinding(() -> StartConditions.memoryLine(form), inputs));
        canStart.bind(startBlockedReason.isEmpty());
        canPause.bind(state.isEqualTo(TrainingState.RUNNING));
        canResume.bind(state.isEqualTo(TrainingState.PAUSED));
        canStop.bind(Bindings.createBooleanBinding(() -> state.get().busy() && state.get() != TrainingState.STOPPING,
                state));
        // Until a run starts, the epoch axis shows the run the form plans.
        charts.plan(form.epochsProperty().get());
        form.epochsProperty().addListener((obs, old, epochs) -> {
            if (!state.get().busy()) {
                charts.plan(epochs.intValue());
            }
        });
    }

    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public TrainingState state() {
        return state.get();
    }

    /** Whether Start would start a run now; {@link #startBlockedReasonProperty()} says why not. */
    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    /** Why Start is disabled, for its tooltip; empty when it is enabled. */
    public ReadOnlyStringProperty startBlockedReasonProperty() {
        return startBlockedReason.getReadOnlyProperty();
    }

    /** The memory estimate of a run with the form's values, in a sentence; empty while the net is impossible. */
    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    /** Whether a run is training now, so that Pause would pause it. */
    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    /** Whether a run is paused, so that Resume would continue it. */
    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    /** Whether a run is being prepared, trains or is paused, and not already stopping. */
    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
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

    /** What is wrong with the run that lasts (classes it can no longer learn), until the next run starts; else empty. */
    public ReadOnlyStringProperty alertProperty() {
        return alert.textProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.fractionProperty();
    }

    /** The epoch, the speed and the time left while training; never a time left while paused or after the end. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progress.textProperty();
    }

    /** The dataset of the latest run, for the feature maps' sample strip. */
    public ReadOnlyObjectProperty<Dataset> loadedDatasetProperty() {
        return loadedDataset.getReadOnlyProperty();
    }

    /** A network to compute feature maps with: the latest snapshot of the running (or last) run. */
    public ReadOnlyObjectProperty<FeatureMapper> featureMapperProperty() {
        return featureMapper.getReadOnlyProperty();
    }

    /** The test images each run started here records at every epoch's end (its timeline); change them at any time. */
    public PinnedSamples pinned() {
        return pinned;
    }

    /** Also hands every engine event to {@code listener}, on the FX thread, when the dashboard gets it. */
    public void setEventListener(Consumer<TrainingEvent> listener) {
        this.eventListener = listener;
    }

    public void setBackend(String description) {
        backend.set(description);
        backendLoaded = true;
    }

    public void start() {
        if (!canStart.get()) {
            return;
        }
        Optional<DatasetSelection.Plan> plan = data.plan();
        if (plan.isEmpty()) {
            report(Messages.get("training.no-data"), true);
            return;
        }
        train(new RunPlan(editor.architecture(), editor.nameProperty().get(), form.hyperparameters(), plan.get(),
                form.limitTrainProperty().get(), form.limitTestProperty().get()), folder -> { });
    }

    /**
     * Trains {@code plan}, a net that need not be the editor's (an exercise's baseline or variant), as Start does:
     * its folder is made once the data has opened and the checks pass, and removed if the run never began. Then
     * {@code ended} gets the folder on the FX thread (its record says how the run ended), or nothing. Not while busy.
     */
    public void train(RunPlan plan, Consumer<Optional<Path>> ended) {
        if (state.get().busy()) {
            return;
        }
        charts.clear();
        launch(plan.data(), plan.hyperparameters().epochs(), plan.data().description(), false, dataset -> {
            TrainingRequest request = plan.request(dataset);
            TrainingRun.validate(request);
            return new TrainingRun(request.withRunDirectory(RunDirectory.newRunPath(runsRoot, plan.label())), this::receive);
        }, created -> {
            Optional<Path> folder = Optional.ofNullable(created).map(c -> c.request().runDirectory());
            folder.ifPresent(RunDirectory::removeUnstarted);
            inbox.add(new SessionNote.Ended(ended, folder.filter(RunDirectory::began)));
        });
    }

    /**
     * Continues a stopped, failed or killed run from its newest intact checkpoint, as {@code train --resume}
     * does, its recorded curves shown first; a run that is complete, locked or damaged is refused in words.
     */
    public void continueRun(Path folder) {
        Continuation continuation;
        try {
            continuation = Continuation.of(folder, state.get().busy(), data);
        } catch (TrainingException e) {
            report(Messages.current().error(e), true);
            return;
        }
        RunResumption resumption = continuation.resumption();
        charts.replay(continuation.metrics());
        launch(continuation.plan(), resumption.targetEpochs(), Format.sentence(Messages.current().engine(resumption.description())), true,
                dataset -> resumption.start(dataset, this::receive), created -> {
                    if (created == null) {
                        resumption.close();
                    }
                });
    }

    /** Makes the run once its data is open, on the training thread. */
    private interface Launch { TrainingRun create(Dataset dataset) throws TrainingException; }

    private void launch(DatasetSelection.Plan plan, int epochs, String description, boolean resumed, Launch launch,
                        Consumer<TrainingRun> cleanUp) {
        charts.plan(epochs);
        progress.reset(epochs);
        cancelRequested = false;
        run = null; // a Stop from now on is for the new run, never the previous one
        state.set(TrainingState.PREPARING);
        // The window shows before ND4J has loaded; a run started meanwhile waits for it (Backends is synchronized).
        report(backendLoaded ? description : Messages.get("training.after-backend", description), false);
        executor.execute(() -> prepareAndTrain(plan, resumed, launch, cleanUp));
    }

    public void pause() {
        Optional.ofNullable(run).filter(current -> canPause.get()).ifPresent(TrainingRun::pause);
    }

    public void resume() {
        Optional.ofNullable(run).filter(current -> canResume.get()).ifPresent(TrainingRun::resume);
    }

    /** Pauses a training run or resumes a paused one: one key and one menu item for both. */
    public void togglePause() {
        if (canResume.get()) {
            resume();
        } else {
            pause();
        }
    }

    /** Stops the run (keeping the model so far) or cancels the download before it. */
    public void stop() {
        cancelRequested = true;
        TrainingRun current = run;
        if (current != null && state.get().busy()) {
            current.stop();
            state.set(TrainingState.STOPPING);
            report(Messages.get("training.stopping"), false);
        }
    }

    /** Asks the running network for a fresh feature-map snapshot after its next batch. */
    public void requestSnapshot() {
        Optional.ofNullable(run).ifPresent(TrainingRun::requestSnapshot);
    }

    /** Applies everything reported since the last call. FX thread only. */
    public void drain() {
        Object item;
        boolean any = false;
        while ((item = inbox.poll()) != null) {
            any = true;
            if (item instanceof TrainingEvent event) {
                charts.apply(event);
                handle(event);
                eventListener.accept(event);
            } else if (item instanceof SessionNote note) {
                handle(note);
            }
        }
        if (any) {
            charts.flush();
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

    /** Opens the data, makes the run and trains it; {@code cleanUp} then gets the run, or null if none was made. */
    private void prepareAndTrain(DatasetSelection.Plan plan, boolean resumed, Launch launch,
                                 Consumer<TrainingRun> cleanUp) {
        TrainingRun created = null;
        try {
            Dataset dataset = plan.open((done, total, file) -> inbox.add(
                    new SessionNote.Downloading(done, total, file)), () -> cancelRequested);
            created = launch.create(dataset).pinning(pinned);
            inbox.add(new SessionNote.DatasetReady(dataset));
            // Published before the check, as stop() sets the flag before it reads run: a Stop pressed at any
            // moment is seen here or reaches this run (which honours it before its first iteration).
            run = created;
            if (cancelRequested && !resumed) {
                inbox.add(new SessionNote.Failed(Messages.get("training.cancelled-before")));
                return;
            } else if (cancelRequested) {
                created.stop(); // a resumed run then ends as stopped, recorded, its lock released
            }
            created.call();
        } catch (DatasetException | TrainingException e) {
            inbox.add(new SessionNote.Failed(cancelRequested ? Messages.get("training.cancelled")
                    : Messages.current().error(e)));
        } catch (RuntimeException e) {
            LOGGER.error("Training could not start", e);
            inbox.add(new SessionNote.Failed(Messages.get("training.could-not-start", e.toString())));
        } finally {
            cleanUp.accept(created);
        }
    }

    private void handle(SessionNote note) {
        if (note instanceof SessionNote.DatasetReady ready) {
            loadedDataset.set(ready.dataset());
        } else if (note instanceof SessionNote.Failed failed) {
            state.set(TrainingState.IDLE);
            progress.clearText();
            report(failed.message(), true);
        } else if (note instanceof SessionNote.Downloading d) {
            progress.downloading(d.done(), d.total(), d.file());
        } else if (note instanceof SessionNote.Ended e) {
            e.listener().accept(e.folder());
        }
    }

    private void handle(TrainingEvent event) {
        progress.apply(event);
        alert.apply(event);
        if (event instanceof TrainingEvent.Started s) {
            state.set(TrainingState.RUNNING);
            backend.set(Messages.current().backend(s.backend()));
            report(Messages.get("training.started", String.format(Locale.ROOT, "%,d", s.trainImages()),
                    String.format(Locale.ROOT, "%,d", s.testImages()), s.runDirectory().toString()), false);
        } else if (event instanceof TrainingEvent.Notice n) {
            report(Messages.current().engine(n.message()), false);
        } else if (event instanceof TrainingEvent.Evaluating e) {
            report(Messages.get("training.testing", String.valueOf(e.epoch())), false);
        } else if (event instanceof TrainingEvent.Epoch e) {
            report(Messages.get("training.epoch-line", (Object[]) e.referenceFields()), false);
        } else if (event instanceof TrainingEvent.Paused p) {
            state.set(TrainingState.PAUSED);
            report(Messages.get("training.paused", String.valueOf(p.epoch())), false);
        } else if (event instanceof TrainingEvent.Resumed) {
            state.set(TrainingState.RUNNING);
            report(Messages.get("training.resumed"), false);
        } else if (event instanceof TrainingEvent.Finished f) {
            state.set(TrainingState.IDLE);
            report(Messages.current().engine(f.message()), f.outcome() == TrainingEvent.Outcome.DIVERGED
                    || f.outcome() == TrainingEvent.Outcome.FAILED);
        }
    }

    private void report(String message, boolean error) {
        status.set(message);
        statusIsError.set(error);
    }
}
