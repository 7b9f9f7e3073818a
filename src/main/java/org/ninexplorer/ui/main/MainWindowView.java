package org.ninexplorer.ui.main;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.ninexplorer.model.Presets;
import org.ninexplorer.ui.common.Action;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.FxDialogs;
import org.ninexplorer.ui.common.MessageBinding;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorActions;
import org.ninexplorer.ui.exercises.ExercisesView;
import org.ninexplorer.ui.exercises.ExercisesViewModel;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.editor.InspectorView;
import org.ninexplorer.ui.editor.RecentFiles;
import org.ninexplorer.ui.featuremaps.FeatureMapsView;
import org.ninexplorer.ui.graph.GraphView;
import org.ninexplorer.ui.graph.GraphViewModel;
import org.ninexplorer.ui.graph.GraphZoom;
import org.ninexplorer.ui.help.HelpMenu;
import org.ninexplorer.ui.help.Shortcuts;
import org.ninexplorer.ui.runs.RunsView;
import org.ninexplorer.ui.runs.RunsViewModel;
import org.ninexplorer.ui.training.TrainingSession;
import org.ninexplorer.ui.training.TrainingView;
import org.ninexplorer.ui.training.TrainingViewModel;

/**
 * The window's frame: menus and toolbar bound to the shared actions, and the graph, inspector, training and
 * feature-map views placed inside it. Files go through {@link DocumentActions}, closing through {@link CloseGuard}.
 */
public final class MainWindowView extends BorderPane {

    private final EditorViewModel editor;
    private final GraphViewModel graph;
    private final TrainingViewModel training;
    private final Appearance appearance;
    private final Supplier<FeatureMapsView> featureMapsFactory;
    private FeatureMapsView featureMaps;
    private final EditorActions editing;
    private final DocumentActions documents;
    private final CloseGuard closeGuard;
    private final Action start;
    private final Action pauseResume;
    private final Action stop;
    private final Panels panels;

    @FXML private MenuBar menuBar;
    @FXML private Menu fileMenu;
    @FXML private Menu exportMenu;
    @FXML private Menu helpMenu;
    @FXML private Menu languageMenu;
    @FXML private MenuItem exportLessonItem;
    @FXML private MenuItem openLessonItem;
    @FXML private Label lessonStatusLabel;
    @FXML private Menu newMenu;
    @FXML private Menu recentMenu;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private MenuItem redoShiftItem;
    @FXML private MenuItem addBlockItem;
    @FXML private MenuItem addPoolItem;
    @FXML private MenuItem addDropoutItem;
    @FXML private MenuItem addDenseItem;
    @FXML private MenuItem putBackGapItem;
    @FXML private MenuItem removeItem;
    @FXML private MenuItem moveUpItem;
    @FXML private MenuItem moveDownItem;
    @FXML private MenuItem startItem;
    @FXML private MenuItem pauseItem;
    @FXML private MenuItem stopItem;
    @FXML private CheckMenuItem presentationItem;
    @FXML private CheckMenuItem darkItem;
    @FXML private ComboBox<String> presetBox;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Label titleLabel;
    @FXML private Label lockedLabel;
    @FXML private Label backendLabel;
    @FXML private ToggleButton presentationToggle;
    @FXML private ToggleButton darkToggle;
    @FXML private TabPane tabs;
    @FXML private Tab featureMapsTab;
    @FXML private Tab confusionTab;
    @FXML private Tab runsTab;
    @FXML private Tab exercisesTab;
    @FXML private MenuItem loadRunItem;
    @FXML private javafx.scene.layout.HBox runBanner;
    @FXML private Label runBannerLabel;
    @FXML private Button editAsNewButton;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane graphSplit;

    private final RunsViewModel runs;

    public MainWindowView(EditorViewModel editor, GraphViewModel graph, TrainingViewModel training,
                          Supplier<FeatureMapsView> featureMaps, RunsViewModel runs, ExercisesViewModel exercises,
                          RecentFiles recentFiles, Appearance appearance, TaskExecutor background) {
        this.runs = runs;
        this.editor = editor;
        this.graph = graph;
        this.training = training;
        this.appearance = appearance;
        this.featureMapsFactory = featureMaps;
        DialogService dialogs = new FxDialogs(() -> getScene() == null ? null : getScene().getWindow());
        this.editing = new EditorActions(editor);
        this.documents = new DocumentActions(editor, recentFiles, dialogs);
        TrainingSession session = training.session();
        BooleanBinding busy = Bindings.createBooleanBinding(() -> session.state().busy(), session.stateProperty());
        this.closeGuard = new CloseGuard(dialogs, busy, session::stop, () -> documents.confirmDiscard(Messages.get("main.discard.closing")));
        // The session's conditions, which the training view's buttons use too.
        this.start = new Action(session::start, session.canStartProperty());
        this.pauseResume = new Action(session::togglePause, session.canPauseProperty().or(session.canResumeProperty()));
        this.stop = new Action(session::stop, session.canStopProperty());
        Fxml.loadInto(this, "MainWindow.fxml");
        getStylesheets().add(MainWindowView.class.getResource("main.css").toExternalForm());
        appearance.applyTo(this);
        this.panels = new Panels(appearance.presentationProperty());
        ScrollPane inspector = new ScrollPane(new InspectorView(editor, editing));
        inspector.setFitToWidth(true);
        inspector.getStyleClass().add("inspector-scroll"); // its minimum keeps the form's labels whole
        GraphZoom zoom = graph.zoom();
        zoom.presentationProperty().bind(appearance.presentationProperty());
        GraphView graphView = new GraphView(graph, editor, editing);
        graphView.setOnCardChosen(panels::openInspector);
        graphSplit.getItems().setAll(graphView);
        showInspector(inspector, panels.inspectorShownProperty().get());
        panels.inspectorShownProperty().addListener((obs, old, shown) -> showInspector(inspector, shown));
        backendLabel.visibleProperty().bind(panels.detailsShownProperty());
        backendLabel.managedProperty().bind(backendLabel.visibleProperty());
        fitGraphOnce(graphView, graph);
        TrainingView trainingView = new TrainingView(training);
        trainingView.detailsShownProperty().bind(panels.detailsShownProperty());
        mainSplit.getItems().add(trainingView);
        // Built when first shown: at start-up it would only delay the first frame.
        featureMapsTab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected) {
                featureMaps();
            }
        });
        runsTab.setContent(new RunsView(runs));
        runsTab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected) {
                runs.refresh.execute();
            }
        });
        runs.load.bind(loadRunItem);
        exercisesTab.setContent(new ExercisesView(exercises));
        runBanner.visibleProperty().bind(editor.shownRunProperty().isNotNull());
        runBanner.managedProperty().bind(runBanner.visibleProperty());
        runBannerLabel.textProperty().bind(MessageBinding.of("main.banner.showing-run", editor.nameProperty()));
        editAsNewButton.setOnAction(e -> editor.editAsNew());
        WindowKeys.install(this, editing, zoom, appearance, panels);
        LanguageMenu.install(languageMenu, appearance, dialogs);
        ExportActions.install(fileMenu, exportMenu, this, dialogs, editor.shownRunProperty());
        LessonActions.install(exportLessonItem, openLessonItem, lessonStatusLabel, editor, runs, appearance, documents,
                dialogs, background);
        new HelpMenu(() -> getScene().getWindow(), () -> Stream.concat(Shortcuts.fromMenus(menuBar.getMenus()).stream(),
                WindowKeys.rows().stream()).toList(), training.session().backendProperty(), pane -> {
                    pane.getStylesheets().addAll(getStylesheets());
                    appearance.markNow(pane);
                }).fill(helpMenu);
    }

    @FXML
    private void initialize() {
        for (String name : Presets.names()) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> documents.newFromPreset(name));
            newMenu.getItems().add(item);
        }
        presetBox.getItems().setAll(Presets.names());
        presetBox.setTooltip(new Tooltip(Messages.get("main.toolbar.preset.tooltip")));
        presetBox.setOnAction(e -> {
            String chosen = presetBox.getValue();
            if (chosen != null && !chosen.equals(editor.nameProperty().get()) && !documents.newFromPreset(chosen)) {
                presetBox.setValue(editor.nameProperty().get());
            }
        });
        editor.nameProperty().addListener((obs, old, name) -> presetBox.setValue(
                Presets.names().contains(name) ? name : null));
        presetBox.setValue(editor.nameProperty().get());
        presetBox.disableProperty().bind(editor.lockedProperty());

        editing.undo.bind(undoItem);
        editing.redo.bind(redoItem);
        editing.redo.bind(redoShiftItem);
        editing.undo.bind(undoButton);
        editing.redo.bind(redoButton);
        undoItem.textProperty().bind(editor.undoTextProperty());
        redoItem.textProperty().bind(editor.redoTextProperty());
        undoButton.setTooltip(boundTooltip(editor.undoTextProperty(), " (Ctrl+Z)"));
        redoButton.setTooltip(boundTooltip(editor.redoTextProperty(), " (Ctrl+Y)"));
        editing.addBlock.bind(addBlockItem);
        editing.addPool.bind(addPoolItem);
        editing.addDropout.bind(addDropoutItem);
        editing.addDense.bind(addDenseItem);
        editing.putBackGap.bind(putBackGapItem);
        editing.remove.bind(removeItem);
        editing.moveUp.bind(moveUpItem);
        editing.moveDown.bind(moveDownItem);
        start.bind(startItem);
        pauseResume.bind(pauseItem);
        stop.bind(stopItem);

        titleLabel.textProperty().bind(Bindings.createStringBinding(() -> editor.nameProperty().get()
                + (editor.isDirty() ? " •" : ""), editor.nameProperty(), editor.dirtyProperty()));
        lockedLabel.visibleProperty().bind(editor.lockedProperty());
        lockedLabel.managedProperty().bind(lockedLabel.visibleProperty());
        backendLabel.textProperty().bind(MessageBinding.of("main.toolbar.backend", training.session().backendProperty()));

        presentationItem.selectedProperty().bindBidirectional(appearance.presentationProperty());
        presentationToggle.selectedProperty().bindBidirectional(appearance.presentationProperty());
        darkItem.selectedProperty().bindBidirectional(appearance.darkProperty());
        darkToggle.selectedProperty().bindBidirectional(appearance.darkProperty());
        presentationToggle.setTooltip(new Tooltip(Messages.get("main.toolbar.presentation.tooltip")));
        darkToggle.setTooltip(new Tooltip(Messages.get("main.toolbar.dark.tooltip")));

        documents.recent().addListener((ListChangeListener<Path>) change -> rebuildRecent());
        rebuildRecent();
    }

    /** Wires the window's title and its close button, which asks before losing a run or unsaved edits. */
    public void attach(Stage stage) {
        stage.titleProperty().bind(Bindings.createStringBinding(() -> (editor.isDirty() ? "• " : "")
                + editor.nameProperty().get() + " — NiN Explorer", editor.nameProperty(), editor.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            e.consume();
            closeGuard.requestClose(stage::close);
        });
    }

    /** The graph's cards and zoom, for tests of what the window shows. */
    public GraphViewModel graph() {
        return graph;
    }

    public Tab featureMapsTab() {
        return featureMapsTab;
    }

    /** The confusion matrix's tab; the app fills it when it is first shown. */
    public Tab confusionTab() {
        return confusionTab;
    }

    private FeatureMapsView featureMaps() {
        if (featureMaps == null) {
            featureMaps = featureMapsFactory.get();
            featureMapsTab.setContent(featureMaps);
            featureMaps.onScreenProperty().bind(featureMapsTab.selectedProperty());
        }
        return featureMaps;
    }

    private void showInspector(ScrollPane inspector, boolean shown) {
        if (shown && !graphSplit.getItems().contains(inspector)) {
            graphSplit.getItems().add(inspector);
            graphSplit.setDividerPositions(0.8);
        } else if (!shown) {
            graphSplit.getItems().remove(inspector);
        }
    }

    /**
     * Gives the graph the height that shows the whole net at 100 %, up to 60 % of the window (55 % in
     * presentation mode), whenever the
     * window changes height or the net changes, until the user drags the divider; the training dashboard gets
     * the rest, and the graph zooms out to fit what it is given.
     */
    private void fitGraphOnce(GraphView graphView, GraphViewModel graph) {
        SplitPane.setResizableWithParent(graphSplit, false);
        boolean[] userMoved = {false};
        mainSplit.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.Node n && n.getStyleClass().contains("split-pane-divider")
                    && n.getParent() == mainSplit) {
                userMoved[0] = true;
            }
        });
        Runnable fit = () -> {
            double height = mainSplit.getHeight();
            double graphWidth = graphView.getWidth() > 0 ? graphView.getWidth() : mainSplit.getWidth()
                    * (graphSplit.getDividers().isEmpty() ? 1 : graphSplit.getDividers().get(0).getPosition());
            if (!userMoved[0] && height > 0 && graphWidth > 0) {
                double need = graphView.heightToShowAll(graphWidth);
                // A zoomed graph can give the charts more room: in presentation mode they are watched too.
                double most = appearance.presentationProperty().get() ? 0.55 : 0.6;
                mainSplit.setDividerPositions(Math.min(most, need / height));
            }
        };
        mainSplit.heightProperty().addListener((obs, old, height) -> fit.run());
        graphView.widthProperty().addListener((obs, old, width) -> fit.run());
        appearance.presentationProperty().addListener((obs, old, on) -> javafx.application.Platform.runLater(fit));
        graph.cardsProperty().addListener((obs, old, cards) -> javafx.application.Platform.runLater(fit));
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path path : documents.recent()) {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> documents.open(path));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private static Tooltip boundTooltip(javafx.beans.value.ObservableStringValue text, String suffix) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.concat(text, suffix));
        return tip;
    }

    // --- Menu commands without an enabled state of their own -------------------------------------------

    @FXML
    private void open() {
        documents.open();
    }

    @FXML
    private void save() {
        documents.save();
    }

    @FXML
    private void saveAs() {
        documents.saveAs();
    }

    @FXML
    private void quit() {
        Stage stage = (Stage) getScene().getWindow();
        stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /** Brings the graph and the training dashboard to the front. */
    public void showNetwork() {
        tabs.getSelectionModel().select(0);
    }

    @FXML
    private void showRuns() {
        tabs.getSelectionModel().select(runsTab);
    }

    @FXML
    private void showExercises() {
        tabs.getSelectionModel().select(exercisesTab);
    }

    @FXML
    private void zoomIn() {
        graph.zoom().zoomIn();
    }

    @FXML
    private void zoomOut() {
        graph.zoom().zoomOut();
    }

    @FXML
    private void zoomToFit() {
        graph.zoom().fit();
    }

    @FXML
    private void showFeatureMaps() {
        tabs.getSelectionModel().select(featureMapsTab);
    }

    @FXML
    private void showConfusion() {
        tabs.getSelectionModel().select(confusionTab);
    }
}
