package org.ninexplorer.ui.exercises;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.ninexplorer.model.Exercise;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.common.Spinners;
import org.ninexplorer.ui.common.TableColumns;
import org.ninexplorer.ui.runs.ComparisonView;
import org.ninexplorer.ui.runs.RunsView;
import org.ninexplorer.ui.training.DatasetChoice;

/**
 * The exercises panel: the list of exercises, the chosen one's question, the budget, Set up and its progress, and
 * below them the variant's diff, the comparison once both runs are trained, or the resource table.
 */
public final class ExercisesView extends BorderPane {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final ExercisesViewModel viewModel;
    private final ComparisonView comparison;

    @FXML private ListView<Exercise> exerciseList;
    @FXML private Label exerciseTitle;
    @FXML private Label exerciseQuestion;
    @FXML private Label exerciseChange;
    @FXML private ComboBox<String> exerciseBase;
    @FXML private ComboBox<DatasetChoice> exerciseData;
    @FXML private Spinner<Integer> exerciseEpochs;
    @FXML private Spinner<Integer> exerciseLimitTrain;
    @FXML private Spinner<Integer> exerciseLimitTest;
    @FXML private HBox batchBox;
    @FXML private Spinner<Integer> exerciseBatch;
    @FXML private Button setUpExercise;
    @FXML private Button cancelExercise;
    @FXML private Label exerciseRecipe;
    @FXML private ProgressBar exerciseProgress;
    @FXML private Label exerciseMessage;
    @FXML private Label exerciseSessionStatus;
    @FXML private Label exerciseBlocked;
    @FXML private StackPane exerciseResult;
    @FXML private TextArea exerciseDiff;
    @FXML private VBox resourcesPane;
    @FXML private GridPane resourceGrid;
    @FXML private TableView<ResourceFigures.LayerRow> resourceLayers;

    public ExercisesView(ExercisesViewModel viewModel) {
        this.viewModel = viewModel;
        setId("exercisesView");
        Fxml.loadInto(this, "ExercisesView.fxml");
        getStylesheets().add(ExercisesView.class.getResource("exercises.css").toExternalForm());
        // The comparison's own styles (its diff in a fixed-width font) live with the runs view.
        getStylesheets().add(RunsView.class.getResource("runs.css").toExternalForm());
        comparison = new ComparisonView(viewModel.comparison());
        exerciseResult.getChildren().add(comparison);
        showResult();
    }

    @FXML
    private void initialize() {
        exerciseList.getItems().setAll(viewModel.exercises());
        exerciseList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Exercise item, boolean empty) {
                super.updateItem(item, empty);
                setId(empty || item == null ? null : "exercise-" + item.id());
                setText(empty || item == null ? null : Messages.get("exercises.list-item",
                        String.valueOf(item.number()), ExerciseWords.title(item)));
                setWrapText(true);
                setPrefWidth(0); // wrap within the list instead of widening it
            }
        });
        exerciseList.getSelectionModel().select(viewModel.selectedProperty().get());
        exerciseList.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                viewModel.selectedProperty().set(chosen);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, exercise) -> showExercise(exercise));
        showExercise(viewModel.selectedProperty().get());

        exerciseBase.getItems().setAll(viewModel.bases());
        exerciseBase.setConverter(new StringConverter<>() {
            @Override
            public String toString(String base) {
                return ExercisesViewModel.CURRENT_NET.equals(base) ? Messages.get("exercises.base.current") : base;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        exerciseBase.valueProperty().bindBidirectional(viewModel.baseProperty());
        exerciseBase.setTooltip(new Tooltip(Messages.get("exercises.base.tooltip")));
        exerciseData.getItems().setAll(ExercisesViewModel.DATA);
        exerciseData.valueProperty().bindBidirectional(viewModel.datasetProperty());
        Spinners.bindInteger(exerciseEpochs, 1, 100, viewModel.epochsProperty(), 
                Messages.get("exercises.epochs.tooltip"));
        Spinners.bindInteger(exerciseLimitTrain, 0, 1_000_000, viewModel.limitTrainProperty(),
                Messages.get("exercises.limit-train.tooltip"));
        Spinners.bindInteger(exerciseLimitTest, 0, 1_000_000, viewModel.limitTestProperty(),
                Messages.get("exercises.limit-test.tooltip"));
        Spinners.bindInteger(exerciseBatch, 1, 4096, viewModel.batchProperty(),
                Messages.get("exercises.batch.tooltip"));
        Node[] budget = {exerciseBase, exerciseData, exerciseEpochs, exerciseLimitTrain, exerciseLimitTest};
        for (Node control : budget) {
            control.disableProperty().bind(viewModel.cancel.executable());
        }

        viewModel.setUpExercise.bind(setUpExercise);
        viewModel.cancel.bind(cancelExercise);
        Tooltip setUpTip = new Tooltip();
        setUpTip.textProperty().bind(Bindings.createStringBinding(() -> !viewModel.blockedReasonProperty().get()
                        .isEmpty() ? viewModel.blockedReasonProperty().get()
                        : viewModel.selectedProperty().get().trains()
                        ? Messages.get("exercises.set-up.tooltip") : Messages.get("exercises.measure.tooltip"),
                viewModel.blockedReasonProperty(), viewModel.selectedProperty()));
        setUpExercise.setTooltip(setUpTip);
        exerciseBlocked.textProperty().bind(viewModel.problemProperty());
        hideWhenEmpty(exerciseBlocked);
        exerciseRecipe.textProperty().bind(viewModel.recipeProperty());
        exerciseProgress.progressProperty().bind(viewModel.progress());
        exerciseProgress.visibleProperty().bind(viewModel.cancel.executable());
        exerciseProgress.managedProperty().bind(exerciseProgress.visibleProperty());
        exerciseMessage.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((obs, old, error) ->
                exerciseMessage.pseudoClassStateChanged(ERROR, error));
        exerciseSessionStatus.textProperty().bind(Bindings.when(viewModel.cancel.executable())
                .then(viewModel.sessionStatusProperty()).otherwise(""));
        hideWhenEmpty(exerciseSessionStatus);

        exerciseDiff.textProperty().bind(viewModel.diffProperty());
        column(Messages.get("exercises.column.layer"), ResourceFigures.LayerRow::layer, 150);
        column(Messages.get("exercises.column.weights"), ResourceFigures.LayerRow::weights, 110);
        column(Messages.get("exercises.column.kept"), ResourceFigures.LayerRow::kept, 140);
        column(Messages.get("exercises.column.live"), ResourceFigures.LayerRow::live, 150);
        viewModel.figuresProperty().addListener((obs, old, figures) -> showFigures(figures));
        showFigures(viewModel.figuresProperty().get());
        viewModel.comparedProperty().addListener((obs, old, runs) -> showResult());
        viewModel.diffProperty().addListener((obs, old, text) -> showResult());
        TableColumns.scaleWithText(resourceLayers, exerciseMessage);
    }

    private void showExercise(Exercise exercise) {
        exerciseList.getSelectionModel().select(exercise);
        exerciseTitle.setText(Messages.get("exercises.heading", String.valueOf(exercise.number()),
                ExerciseWords.title(exercise)));
        exerciseQuestion.setText(ExerciseWords.question(exercise));
        exerciseChange.setText(ExerciseWords.change(exercise));
        batchBox.setVisible(!exercise.trains());
        batchBox.setManaged(!exercise.trains());
        setUpExercise.setText(Messages.get(exercise.trains() ? "exercises.set-up" : "exercises.measure"));
        showResult();
    }

    /** The comparison once there is one, else the diff; the resource table for the resource exercise. */
    private void showResult() {
        if (comparison == null) {
            return; // still loading the FXML
        }
        boolean resources = !viewModel.selectedProperty().get().trains();
        boolean compared = !resources && viewModel.comparedProperty().get().size() >= 2;
        show(resourcesPane, resources);
        show(comparison, compared);
        show(exerciseDiff, !resources && !compared && !viewModel.diffProperty().get().isEmpty());
    }

    private void showFigures(ResourceFigures.Figures figures) {
        resourceGrid.getChildren().clear();
        resourceLayers.getItems().clear();
        if (figures == null) {
            return;
        }
        resourceGrid.addRow(0, heading(""), heading(Messages.get("exercises.training")),
                heading(Messages.get("exercises.prediction")));
        List<ResourceFigures.Row> rows = figures.rows();
        for (int i = 0; i < rows.size(); i++) {
            ResourceFigures.Row row = rows.get(i);
            resourceGrid.addRow(i + 1, new Label(row.what()), value(row.id() + "-training", row.training(),
                    row.trainingHow()), value(row.id() + "-prediction", row.prediction(), row.predictionHow()));
        }
        resourceLayers.getItems().setAll(figures.layers());
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("heading");
        return label;
    }

    private static Label value(String id, String text, String how) {
        Label label = new Label(text);
        label.setId("resource-" + id);
        label.getStyleClass().add("value");
        Tooltip tip = new Tooltip(how);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        label.setTooltip(tip);
        return label;
    }

    private void column(String title, Function<ResourceFigures.LayerRow, String> text, double width) {
        resourceLayers.getColumns().add(TableColumns.text(title, text, width));
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
