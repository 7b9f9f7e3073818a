package org.ninexplorer.app;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.training.Backends;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.editor.RecentFiles;
import org.ninexplorer.ui.featuremaps.FeatureMapsView;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.graph.GraphViewModel;
import org.ninexplorer.ui.main.MainWindowView;
import org.ninexplorer.ui.training.TrainingViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: wires the view-models and views together and shows the window. */
public final class ExplorerApp extends Application {

    private static final Logger LOGGER = LoggerFactory.getLogger(ExplorerApp.class);
    static final String SMOKE_TEST = "--smoke-test";

    private TrainingViewModel training;

    @Override
    public void start(Stage stage) {
        boolean smokeTest = getParameters().getRaw().contains(SMOKE_TEST);
        Preferences preferences = Preferences.userNodeForPackage(ExplorerApp.class);
        Window window = build(preferences, DataDirectory.resolve(null));
        training = window.training();
        window.view().attach(stage);
        stage.setScene(new Scene(window.view(), 1440, 900));
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(ExplorerApp.class.getResource("icons/nin-explorer-" + size + ".png").toExternalForm()));
        }
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (smokeTest) {
            exitAfterFirstFrameAndBackend(training);
        }
        stage.show();
    }

    /** The window and the services behind it; also what the UI tests start. */
    public record Window(MainWindowView view, EditorViewModel editor, TrainingViewModel training,
                         FeatureMapsViewModel featureMaps) {
    }

    public static Window build(Preferences preferences, DataDirectory dataDirectory) {
        // Training holds its thread for the whole run; feature maps and loading get their own.
        TaskExecutor trainingThread = TaskExecutor.daemonPool("training", 1);
        TaskExecutor background = TaskExecutor.daemonPool("background", 2);
        EditorViewModel editor = new EditorViewModel();
        GraphViewModel graph = new GraphViewModel(editor);
        TrainingViewModel training = new TrainingViewModel(editor, trainingThread, dataDirectory,
                dataDirectory.root().resolve("runs"));
        FeatureMapsViewModel featureMaps = new FeatureMapsViewModel(background, Platform::runLater);
        featureMaps.setFreshRequest(training.session()::requestSnapshot);
        training.session().stateProperty().addListener((obs, old, state) -> {
            if (!state.busy() && featureMaps.mapperProperty().get() != null) {
                featureMaps.setSource("the network just trained (its last state)");
            }
        });
        training.session().loadedDatasetProperty().addListener((obs, old, d) -> featureMaps.datasetProperty().set(d));
        training.session().featureMapperProperty().addListener((obs, old, mapper) -> {
            featureMaps.setSource("the network being trained (latest snapshot)");
            featureMaps.mapperProperty().set(mapper);
        });
        FeatureMapsView featureMapsView = new FeatureMapsView(featureMaps);
        featureMapsView.setRunsFolder(dataDirectory.root().resolve("runs"));
        MainWindowView view = new MainWindowView(editor, graph, training, featureMapsView,
                new RecentFiles(preferences.node("recent")), preferences);
        training.data().setDownloadConfirmation(message -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.YES, ButtonType.NO);
            alert.initOwner(view.getScene() == null ? null : view.getScene().getWindow());
            alert.setHeaderText("Download the dataset?");
            Optional<ButtonType> answer = alert.showAndWait();
            return answer.isPresent() && answer.get() == ButtonType.YES;
        });
        startBackend(training, background);
        loadSample(featureMaps, background);
        return new Window(view, editor, training, featureMaps);
    }

    /** ND4J takes seconds to start the first time: the window shows "Loading backend…" meanwhile. */
    private static void startBackend(TrainingViewModel training, TaskExecutor executor) {
        Task<String> task = new Task<>() {
            @Override
            protected String call() {
                return Backends.initialise().description();
            }
        };
        task.setOnSucceeded(e -> training.session().setBackend(task.getValue()));
        task.setOnFailed(e -> {
            LOGGER.error("ND4J backend failed to start", task.getException());
            training.session().setBackend("unavailable: " + task.getException().getMessage());
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
     * For {@code --smoke-test}: report how long the first frame took, then wait for the backend to
     * load (exiting while ND4J is still loading its natives can hang the JVM's exit) and exit.
     */
    private static void exitAfterFirstFrameAndBackend(TrainingViewModel training) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first frame after " + millis + " ms");
                exitOnceLoaded(training.session().backendProperty().get());
                training.session().backendProperty().addListener((property, old, backend) -> exitOnceLoaded(backend));
            }
        }.start();
    }

    private static void exitOnceLoaded(String backend) {
        if (!backend.startsWith("Loading")) {
            System.out.println("backend: " + backend);
            Platform.exit();
        }
    }

    @Override
    public void stop() {
        if (training != null) {
            training.session().stop();
        }
    }
}
