package org.ninexplorer.app;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.training.BackendInfo;
import org.ninexplorer.training.Backends;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.MemoryCheck;
import org.ninexplorer.ui.classmaps.ClassMapsView;
import org.ninexplorer.ui.classmaps.ClassMapsViewModel;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.FxDialogs;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.confusion.ConfusionView;
import org.ninexplorer.ui.confusion.ConfusionViewModel;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.editor.RecentFiles;
import org.ninexplorer.ui.exercises.ExercisesViewModel;
import org.ninexplorer.ui.featuremaps.FeatureMapsView;
import org.ninexplorer.ui.featuremaps.FiltersView;
import org.ninexplorer.ui.featuremaps.FiltersViewModel;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.featuremaps.TimelineView;
import org.ninexplorer.ui.featuremaps.TimelineViewModel;
import org.ninexplorer.ui.graph.GraphViewModel;
import org.ninexplorer.ui.main.Appearance;
import org.ninexplorer.ui.main.MainWindowView;
import org.ninexplorer.ui.main.WindowPlacement;
import org.ninexplorer.ui.runs.ComparisonViewModel;
import org.ninexplorer.ui.runs.DesktopFolders;
import org.ninexplorer.ui.runs.RunOpener;
import org.ninexplorer.ui.runs.RunsViewModel;
import org.ninexplorer.ui.stepthrough.StepThroughView;
import org.ninexplorer.ui.stepthrough.StepThroughViewModel;
import org.ninexplorer.ui.training.TrainingViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: wires the view-models and views together and shows the window. The window is
 * shown first; ND4J and the bundled sample load only after its first frame, so that on two busy cores the
 * layout is on screen within seconds while the backend's status line says it is still loading.
 */
public final class ExplorerApp extends Application {

    private static final Logger LOGGER = LoggerFactory.getLogger(ExplorerApp.class);
    static final String SMOKE_TEST = "--smoke-test";

    private TrainingViewModel training;

    @Override
    public void start(Stage stage) {
        LOGGER.info("start-up: toolkit ready after {}", sinceLaunch());
        boolean smokeTest = getParameters().getRaw().contains(SMOKE_TEST);
        Preferences preferences = Preferences.userNodeForPackage(ExplorerApp.class);
        Window window = build(preferences, DataDirectory.resolve(null));
        training = window.training();
        window.view().attach(stage);
        stage.setScene(WindowPlacement.restore(stage, preferences.node("window")).sceneFor(window.view()));
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(ExplorerApp.class.getResource("icons/nin-explorer-" + size + ".png").toExternalForm()));
        }
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        afterFirstFrame(() -> {
            String time = sinceLaunch();
            LOGGER.info("start-up: first frame after {}; loading the backend", time);
            if (smokeTest) {
                System.out.println("first frame after " + time);
            }
            window.startBackground(backend -> {
                if (smokeTest) {
                    // Exiting while ND4J is still loading its natives can hang the JVM's exit: wait for it.
                    System.out.println("backend: " + backend);
                    Platform.exit();
                }
            });
        });
        stage.show();
        LOGGER.info("start-up: window shown after {}", sinceLaunch());
    }

    /** The window and the services behind it; also what the UI tests start. */
    public record Window(MainWindowView view, EditorViewModel editor, TrainingViewModel training,
                         FeatureMapsViewModel featureMaps, ConfusionViewModel confusion, RunsViewModel runs,
                         ExercisesViewModel exercises, Consumer<Consumer<String>> background) {

        /**
         * Starts ND4J and loads the bundled sample, each off the FX thread; call once, after showing the
         * window. {@code backendLoaded} gets the backend's description (or why it failed) on the FX thread.
         */
        public void startBackground(Consumer<String> backendLoaded) {
            background.accept(backendLoaded);
        }
    }

    public static Window build(Preferences preferences, DataDirectory dataDirectory) {
        Appearance appearance = new Appearance(preferences); // before any control, so JavaFX's own theme never loads
        // Training holds its thread for the whole run; feature maps and loading get their own.
        TaskExecutor trainingThread = TaskExecutor.daemonPool("training", 1);
        TaskExecutor background = TaskExecutor.daemonPool("background", 2);
        EditorViewModel editor = new EditorViewModel();
        GraphViewModel graph = new GraphViewModel(editor);
        graph.baselineProperty().bind(editor.originProperty()); // a variant made from a run marks what it changed
        TrainingViewModel training = new TrainingViewModel(editor, trainingThread, dataDirectory,
                dataDirectory.root().resolve("runs"));
        graph.memoryBatchProperty().bind(training.form().batchSizeProperty());
        graph.optimizerCopiesProperty().bind(javafx.beans.binding.Bindings.createIntegerBinding(
                () -> MemoryCheck.optimizerCopies(training.form().optimizerProperty().get()),
                training.form().optimizerProperty()));
        FeatureMapsViewModel featureMaps = new FeatureMapsViewModel(background, Platform::runLater);
        featureMaps.setFreshRequest(training.session()::requestSnapshot);
        training.session().stateProperty().addListener((obs, old, state) -> {
            FeatureMapper shown = featureMaps.mapperProperty().get();
            if (!state.busy() && shown != null && shown == training.session().featureMapperProperty().get()) {
                featureMaps.setSource(FeatureMapsViewModel.Source.LAST_TRAINED, null);
            }
        });
        training.session().loadedDatasetProperty().addListener((obs, old, d) -> featureMaps.datasetProperty().set(d));
        training.session().featureMapperProperty().addListener((obs, old, mapper) -> {
            // A run's last snapshot can arrive after it has ended.
            featureMaps.setSource(training.session().state().busy() ? FeatureMapsViewModel.Source.TRAINING
                    : FeatureMapsViewModel.Source.LAST_TRAINED, null);
            featureMaps.mapperProperty().set(mapper);
        });
        featureMaps.graphArchitectureProperty().bind(editor.architectureProperty());
        MainWindowView[] window = new MainWindowView[1];
        DialogService dialogs = new FxDialogs(() -> window[0].getScene() == null ? null : window[0].getScene().getWindow());
        RunOpener opener = new RunOpener(editor, training, featureMaps, () -> window[0].showNetwork());
        RunsViewModel runs = new RunsViewModel(dataDirectory.root().resolve("runs"), preferences.node("runs"), background,
                Platform::runLater, dialogs, DesktopFolders.awt(), opener, new ComparisonViewModel());
        ClassMapsViewModel classMaps = new ClassMapsViewModel(featureMaps, background, Platform::runLater);
        FiltersViewModel filters = new FiltersViewModel(background, Platform::runLater);
        filters.mapperProperty().bind(featureMaps.mapperProperty());
        TimelineViewModel timeline = timeline(featureMaps, training, editor, background);
        StepThroughViewModel stepThrough = new StepThroughViewModel(featureMaps, background, Platform::runLater);
        Supplier<FeatureMapsView> featureMapsView = () -> {
            FeatureMapsView mapsView = new FeatureMapsView(featureMaps);
            mapsView.setLoadRun(runs.load::execute);
            ClassMapsView why = new ClassMapsView(classMaps);
            why.onScreenProperty().bind(mapsView.whyShown());
            mapsView.setWhyPanel(why);
            mapsView.setFiltersPanel(new FiltersView(filters));
            mapsView.setTimeline(timeline, new TimelineView(timeline));
            StepThroughView steps = new StepThroughView(stepThrough, featureMaps.sharedScaleProperty());
            steps.onScreenProperty().bind(mapsView.stepThroughShown());
            // On a projector the step-through needs the height; the sample spinner still picks the image.
            mapsView.foldStripWhile(mapsView.stepThroughShown().and(appearance.presentationProperty()));
            mapsView.setStepThroughPanel(steps);
            return mapsView;
        };
        ExercisesViewModel exercises = new ExercisesViewModel(editor, training, dataDirectory.root().resolve("runs"),
                background, Platform::runLater, new ComparisonViewModel());
        MainWindowView view = new MainWindowView(editor, graph, training, featureMapsView, runs, exercises,
                new RecentFiles(preferences.node("recent")), appearance, background);
        window[0] = view;
        ConfusionViewModel confusion = confusion(view, training, editor, featureMaps, background);
        training.session().setEventListener(event -> {
            confusion.accept(event);
            timeline.accept(event);
        });
        training.data().setDownloadConfirmation(message -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.YES, ButtonType.NO);
            alert.initOwner(view.getScene() == null ? null : view.getScene().getWindow());
            alert.setHeaderText("Download the dataset?");
            Optional<ButtonType> answer = alert.showAndWait();
            return answer.isPresent() && answer.get() == ButtonType.YES;
        });
        return new Window(view, editor, training, featureMaps, confusion, runs, exercises, backendLoaded -> {
            startBackend(training, background, backendLoaded);
            loadSample(featureMaps, background);
        });
    }

    /**
     * The confusion matrix follows the run this window trains and the run it shows; a click on one of its images
     * shows that image's feature maps. Its view is built when its tab is first shown.
     */
    private static ConfusionViewModel confusion(MainWindowView view, TrainingViewModel training, EditorViewModel editor,
                                                FeatureMapsViewModel featureMaps, TaskExecutor background) {
        ConfusionViewModel confusion = new ConfusionViewModel(background, Platform::runLater);
        confusion.datasetProperty().bind(featureMaps.datasetProperty());
        editor.shownRunProperty().addListener((obs, old, run) -> {
            if (run != null) {
                confusion.loadRun(run);
            }
        });
        confusion.setOpenSample(index -> {
            featureMaps.showSample(index);
            view.featureMapsTab().getTabPane().getSelectionModel().select(view.featureMapsTab());
        });
        view.confusionTab().selectedProperty().addListener((obs, old, selected) -> {
            if (selected && view.confusionTab().getContent() == null) {
                view.confusionTab().setContent(new ConfusionView(confusion));
            }
        });
        return confusion;
    }

    /**
     * The pinned samples' timeline follows the run this window trains and the run it shows, and the sample chosen in
     * the strip when it is pinned; its pins are the ones the training session hands to each run.
     */
    private static TimelineViewModel timeline(FeatureMapsViewModel featureMaps, TrainingViewModel training,
                                              EditorViewModel editor, TaskExecutor background) {
        TimelineViewModel timeline = new TimelineViewModel(background, Platform::runLater, training.session().pinned());
        timeline.datasetProperty().bind(featureMaps.datasetProperty());
        featureMaps.sampleIndexProperty().addListener((obs, old, index) -> {
            if (timeline.samples().contains(index.intValue())) {
                timeline.sampleProperty().set(index.intValue());
            }
        });
        editor.shownRunProperty().addListener((obs, old, run) -> {
            if (run != null) {
                timeline.loadRun(run);
            }
        });
        return timeline;
    }

    /** ND4J takes seconds to start the first time: the window says "Loading backend…" meanwhile. */
    private static void startBackend(TrainingViewModel training, TaskExecutor executor, Consumer<String> loaded) {
        Task<BackendInfo> task = new Task<>() {
            @Override
            protected BackendInfo call() {
                return Backends.initialise();
            }
        };
        task.setOnSucceeded(e -> {
            LOGGER.info("start-up: backend ready after {}", sinceLaunch());
            training.session().setBackend(Messages.current().backend(task.getValue()));
            loaded.accept(training.session().backendProperty().get());
        });
        task.setOnFailed(e -> {
            LOGGER.error("ND4J backend failed to start", task.getException());
            training.session().setBackend(Messages.get("training.backend.unavailable",
                    task.getException().getMessage()));
            loaded.accept(training.session().backendProperty().get());
        });
        executor.execute(task);
    }

    private static void loadSample(FeatureMapsViewModel featureMaps, TaskExecutor executor) {
        Task<Dataset> task = new Task<>() {
            @Override
            protected Dataset call() throws Exception {
                return Datasets.bundledSample();
            }
        };
        task.setOnSucceeded(e -> {
            if (featureMaps.datasetProperty().get() == null) {
                featureMaps.datasetProperty().set(task.getValue());
            }
        });
        task.setOnFailed(e -> LOGGER.warn("Bundled sample not readable", task.getException()));
        executor.execute(task);
    }

    /**
     * Runs {@code then} once the window's first frame has been drawn. ND4J must not start earlier: while
     * it starts, JavaCPP looks symbols up by walking the loaded libraries and calling dlopen from inside
     * glibc's dl_iterate_phdr, which deadlocks the whole JVM against any other thread's dlopen of a new
     * library (seen 1 start in 20: the renderer loading libdecora_sse for the cards' drop shadow). So the
     * renderer's lazily loaded libraries are loaded first: a snapshot of a node with an effect runs on the
     * render thread after the first frame's job and waits for it.
     */
    private static void afterFirstFrame(Runnable then) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                Region probe = new Region();
                probe.setPrefSize(4, 4);
                probe.setEffect(new DropShadow());
                new Scene(new Group(probe)).snapshot(null);
                then.run();
            }
        }.start();
    }

    /**
     * Milliseconds since the JVM started, what a user waits for, and the CPU time spent so far, which
     * says the same on a machine busy with other work.
     */
    static String sinceLaunch() {
        long wall = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1_000_000;
        return wall + " ms (" + cpu + " ms CPU)";
    }

    @Override
    public void stop() {
        if (training != null) {
            training.session().stop();
        }
    }
}
