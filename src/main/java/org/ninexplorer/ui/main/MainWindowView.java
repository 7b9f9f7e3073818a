package org.ninexplorer.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.ninexplorer.model.ArchitectureFormatException;
import org.ninexplorer.model.Presets;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.featuremaps.FeatureMapsView;
import org.ninexplorer.ui.editor.InspectorView;
import org.ninexplorer.ui.editor.RecentFiles;
import org.ninexplorer.ui.graph.GraphView;
import org.ninexplorer.ui.graph.GraphViewModel;
import org.ninexplorer.ui.training.TrainingView;
import org.ninexplorer.ui.training.TrainingViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's frame: menus, toolbar, file handling, theme and presentation mode. The features themselves
 * are the graph, inspector, training and feature-map views placed inside it.
 */
public final class MainWindowView extends BorderPane {

    private static final Logger LOGGER = LoggerFactory.getLogger(MainWindowView.class);
    private static final FileChooser.ExtensionFilter JSON =
            new FileChooser.ExtensionFilter("NiN architecture (*.json)", "*.json");

    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Y");
    private static final KeyCombination REDO_SHIFT = KeyCombination.keyCombination("Shortcut+Shift+Z");

    private final EditorViewModel editor;
    private final TrainingViewModel training;
    private final RecentFiles recentFiles;
    private final Preferences preferences;
    private final TrainingView trainingView;
    private final FeatureMapsView featureMaps;

    @FXML private Menu newMenu;
    @FXML private Menu recentMenu;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private MenuItem redoShiftItem;
    @FXML private MenuItem addBlockItem;
    @FXML private MenuItem addPoolItem;
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
    @FXML private Label backendLabel;
    @FXML private ToggleButton presentationToggle;
    @FXML private ToggleButton darkToggle;
    @FXML private TabPane tabs;
    @FXML private Tab featureMapsTab;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane graphSplit;

    public MainWindowView(EditorViewModel editor, GraphViewModel graph, TrainingViewModel training,
                          FeatureMapsView featureMaps, RecentFiles recentFiles, Preferences preferences) {
        this.editor = editor;
        this.training = training;
        this.recentFiles = recentFiles;
        this.preferences = preferences;
        this.trainingView = new TrainingView(training);
        this.featureMaps = featureMaps;
        Fxml.loadInto(this, "MainWindow.fxml");
        getStylesheets().add(MainWindowView.class.getResource("main.css").toExternalForm());
        javafx.scene.control.ScrollPane inspector = new javafx.scene.control.ScrollPane(new InspectorView(editor));
        inspector.setFitToWidth(true);
        graphSplit.getItems().setAll(new GraphView(graph, editor), inspector);
        mainSplit.getItems().add(trainingView);
        featureMapsTab.setContent(featureMaps);
        featureMaps.onScreenProperty().bind(featureMapsTab.selectedProperty());
        // Architecture undo wins over a spinner's own text undo, which would otherwise swallow Ctrl+Z.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e)) {
                editor.undo();
                e.consume();
            } else if (REDO.match(e) || REDO_SHIFT.match(e)) {
                editor.redo();
                e.consume();
            }
        });
    }

    @FXML
    private void initialize() {
        for (String name : Presets.names()) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> newFromPreset(name));
            newMenu.getItems().add(item);
        }
        presetBox.getItems().setAll(Presets.names());
        presetBox.setTooltip(new Tooltip("Start again from a built-in NiN: fashion-28 trains in minutes on a laptop, "
                + "d2l-224 is the book's net for 224×224 input"));
        presetBox.setOnAction(e -> {
            String chosen = presetBox.getValue();
            if (chosen != null && !chosen.equals(editor.nameProperty().get())) {
                newFromPreset(chosen);
            }
        });
        editor.nameProperty().addListener((obs, old, name) -> presetBox.setValue(
                Presets.names().contains(name) ? name : null));
        presetBox.setValue(editor.nameProperty().get());
        presetBox.disableProperty().bind(editor.lockedProperty());

        undoItem.textProperty().bind(editor.undoTextProperty());
        redoItem.textProperty().bind(editor.redoTextProperty());
        undoItem.disableProperty().bind(editor.canUndoProperty().not().or(editor.lockedProperty()));
        redoItem.disableProperty().bind(editor.canRedoProperty().not().or(editor.lockedProperty()));
        redoShiftItem.disableProperty().bind(redoItem.disableProperty());
        undoButton.disableProperty().bind(undoItem.disableProperty());
        redoButton.disableProperty().bind(redoItem.disableProperty());
        Tooltip undoTip = new Tooltip();
        undoTip.textProperty().bind(Bindings.concat(editor.undoTextProperty(), " (Ctrl+Z)"));
        undoButton.setTooltip(undoTip);
        Tooltip redoTip = new Tooltip();
        redoTip.textProperty().bind(Bindings.concat(editor.redoTextProperty(), " (Ctrl+Y)"));
        redoButton.setTooltip(redoTip);
        for (MenuItem item : new MenuItem[] {addBlockItem, addPoolItem, removeItem, moveUpItem, moveDownItem}) {
            item.disableProperty().bind(editor.lockedProperty());
        }
        titleLabel.textProperty().bind(Bindings.createStringBinding(() -> editor.nameProperty().get()
                + (editor.isDirty() ? " •" : "") + (editor.lockedProperty().get() ? "   — editing locked while training" : ""),
                editor.nameProperty(), editor.dirtyProperty(), editor.lockedProperty()));
        backendLabel.textProperty().bind(Bindings.concat("Backend: ", training.session().backendProperty()));

        startItem.disableProperty().bind(training.session().canStartProperty().not());
        stopItem.disableProperty().bind(training.session().canStopProperty().not());
        pauseItem.disableProperty().bind(stopItem.disableProperty());

        presentationToggle.selectedProperty().bindBidirectional(presentationItem.selectedProperty());
        darkToggle.selectedProperty().bindBidirectional(darkItem.selectedProperty());
        presentationToggle.setTooltip(new Tooltip("Larger text for a projector (F11)"));
        darkToggle.setTooltip(new Tooltip("Dark theme (Ctrl+D)"));
        presentationItem.selectedProperty().addListener((obs, old, on) -> setPresentation(on));
        darkItem.selectedProperty().addListener((obs, old, on) -> setDark(on));
        presentationItem.setSelected(preferences.getBoolean("presentation", false));
        darkItem.setSelected(preferences.getBoolean("dark", false));
        setDark(darkItem.isSelected());
        rebuildRecent();
    }

    /** Wires the window's title and its close button, which asks about unsaved changes. */
    public void attach(Stage stage) {
        stage.titleProperty().bind(Bindings.createStringBinding(() -> (editor.isDirty() ? "• " : "")
                + editor.nameProperty().get() + " — NiN Explorer", editor.nameProperty(), editor.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard("quitting")) {
                e.consume();
            } else {
                training.session().stop();
            }
        });
    }

    public Tab featureMapsTab() {
        return featureMapsTab;
    }

    // --- File ---------------------------------------------------------------------------------------

    private void newFromPreset(String name) {
        if (confirmDiscard("starting from " + name)) {
            editor.newFromPreset(name);
        } else {
            presetBox.setValue(editor.nameProperty().get());
        }
    }

    @FXML
    private void open() {
        FileChooser chooser = chooser("Open architecture");
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            openFile(file.toPath());
        }
    }

    private void openFile(Path path) {
        if (!confirmDiscard("opening " + path.getFileName())) {
            return;
        }
        try {
            editor.open(path);
            recentFiles.add(path);
            rebuildRecent();
        } catch (IOException e) {
            error("Cannot open " + path, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (ArchitectureFormatException e) {
            error("Not a NiN architecture: " + path.getFileName(), e.getMessage());
        }
    }

    @FXML
    private boolean save() {
        Path file = editor.fileProperty().get();
        return file == null ? saveAs() : saveTo(file);
    }

    @FXML
    private boolean saveAs() {
        FileChooser chooser = chooser("Save architecture");
        chooser.setInitialFileName(editor.nameProperty().get() + ".json");
        File file = chooser.showSaveDialog(getScene().getWindow());
        return file != null && saveTo(file.toPath());
    }

    private boolean saveTo(Path path) {
        try {
            editor.save(path);
            recentFiles.add(path);
            rebuildRecent();
            return true;
        } catch (IOException e) {
            LOGGER.warn("Cannot save {}", path, e);
            error("Cannot save " + path, String.valueOf(e.getMessage()));
            return false;
        }
    }

    @FXML
    private void loadRun() {
        tabs.getSelectionModel().select(featureMapsTab);
        featureMaps.loadRun();
    }

    @FXML
    private void quit() {
        Stage stage = (Stage) getScene().getWindow();
        stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /** Asks before unsaved edits are lost; true when the caller may go on. */
    boolean confirmDiscard(String action) {
        if (!editor.isDirty()) {
            return true;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", saveButton, discard, ButtonType.CANCEL);
        alert.initOwner(getScene().getWindow());
        alert.setHeaderText("Save the changes to " + editor.nameProperty().get() + " before " + action + "?");
        alert.setContentText("Your edits are lost if you don't save them.");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        return answer.get() == discard || save();
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path path : recentFiles.list()) {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openFile(path));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(JSON);
        Path current = editor.fileProperty().get();
        if (current != null && current.getParent() != null) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        return chooser;
    }

    private void error(String header, String detail) {
        Alert alert = new Alert(Alert.AlertType.ERROR, detail);
        alert.initOwner(getScene().getWindow());
        alert.setHeaderText(header);
        alert.showAndWait();
    }

    // --- Edit, training, view ---------------------------------------------------------------------------

    @FXML
    private void undo() {
        editor.undo();
    }

    @FXML
    private void redo() {
        editor.redo();
    }

    @FXML
    private void addBlock() {
        editor.insert(EditorViewModel.newLayer("nin"));
    }

    @FXML
    private void addPool() {
        editor.insert(EditorViewModel.newLayer("maxpool"));
    }

    @FXML
    private void remove() {
        editor.removeSelected();
    }

    @FXML
    private void moveUp() {
        editor.moveSelected(-1);
    }

    @FXML
    private void moveDown() {
        editor.moveSelected(1);
    }

    @FXML
    private void start() {
        training.session().start();
    }

    @FXML
    private void pauseResume() {
        training.session().togglePause();
    }

    @FXML
    private void stop() {
        training.session().stop();
    }

    @FXML
    private void showTraining() {
        tabs.getSelectionModel().select(0);
    }

    @FXML
    private void showFeatureMaps() {
        tabs.getSelectionModel().select(featureMapsTab);
    }

    private void setPresentation(boolean on) {
        getStyleClass().remove("presentation");
        if (on) {
            getStyleClass().add("presentation");
        }
        preferences.putBoolean("presentation", on);
    }

    private void setDark(boolean on) {
        Application.setUserAgentStylesheet(on ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        preferences.putBoolean("dark", on);
    }
}
