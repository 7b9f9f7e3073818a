package org.ninexplorer.ui.runs;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.TableColumns;
import org.ninexplorer.ui.common.Messages;

/** The runs library: a sortable, filterable table of runs, the commands for the selection, and the comparison below. */
public final class RunsView extends BorderPane {

    private final RunsViewModel viewModel;

    @FXML private TextField runsFilter;
    @FXML private Button openRun;
    @FXML private Button continueRun;
    @FXML private Button compareRuns;
    @FXML private Button renameRun;
    @FXML private Button deleteRun;
    @FXML private Button openRunFolder;
    @FXML private Button addRunsFolder;
    @FXML private Button refreshRuns;
    /** The runs table's share of the height above a comparison: a handful of rows stay in view. */
    private static final double RUNS_SHARE = 0.36;
    @FXML private SplitPane runsSplit;
    @FXML private TableView<RunSummary> runsTable;
    @FXML private Label runDetail;
    @FXML private Label runsMessage;

    public RunsView(RunsViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this, "RunsView.fxml");
        getStylesheets().add(RunsView.class.getResource("runs.css").toExternalForm());
        runsSplit.getItems().add(new ComparisonView(viewModel.comparison()));
        // Set once both parts are there (FXML's position came before the divider did): a third for the runs.
        runsSplit.setDividerPositions(RUNS_SHARE);
    }

    @FXML
    private void initialize() {
        runsFilter.textProperty().bindBidirectional(viewModel.filterProperty());
        viewModel.open.bind(openRun);
        viewModel.continueRun.bind(continueRun);
        viewModel.compare.bind(compareRuns);
        viewModel.rename.bind(renameRun);
        viewModel.delete.bind(deleteRun);
        viewModel.openFolder.bind(openRunFolder);
        viewModel.addFolder.bind(addRunsFolder);
        viewModel.refresh.bind(refreshRuns);
        openRun.setTooltip(new Tooltip(Messages.get("runs.open.tooltip")));
        continueRun.setTooltip(new Tooltip(Messages.get("runs.continue.tooltip")));
        compareRuns.setTooltip(new Tooltip(Messages.get("runs.compare.tooltip")));

        for (RunColumns.Column<?> column : RunColumns.ALL) {
            runsTable.getColumns().add(tableColumn(column));
        }
        TableColumns.scaleWithText(runsTable, runsMessage);
        SortedList<RunSummary> sorted = new SortedList<>(viewModel.shownRuns());
        sorted.comparatorProperty().bind(runsTable.comparatorProperty());
        runsTable.setItems(sorted);
        runsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runsTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunSummary>) change ->
                viewModel.selection().setAll(runsTable.getSelectionModel().getSelectedItems()));
        viewModel.selection().addListener((ListChangeListener<RunSummary>) change -> {
            runDetail.setText(viewModel.selection().size() == 1 ? viewModel.describe(viewModel.selection().get(0)) : "");
            if (!viewModel.selection().equals(runsTable.getSelectionModel().getSelectedItems())) {
                runsTable.getSelectionModel().clearSelection();
                viewModel.selection().forEach(runsTable.getSelectionModel()::select);
            }
        });
        runsTable.setRowFactory(table -> {
            TableRow<RunSummary> row = new TableRow<>() {
                @Override
                protected void updateItem(RunSummary item, boolean empty) {
                    super.updateItem(item, empty);
                    setId(empty || item == null ? null : "run-" + item.folderName());
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("damaged"),
                            !empty && item != null && item.state() == RunSummary.State.DAMAGED);
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open.execute();
                }
            });
            return row;
        });
        runsMessage.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((obs, old, error) ->
                runsMessage.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), error));
    }

    private static <T extends Comparable<T>> TableColumn<RunSummary, T> tableColumn(RunColumns.Column<T> spec) {
        TableColumn<RunSummary, T> column = new TableColumn<>(spec.title());
        column.setId(spec.id());
        column.setPrefWidth(spec.width());
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(spec.value().apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add(spec.id()); // the column's cells, found by tests and styles
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                RunSummary run = empty ? null : getTableRow().getItem();
                setText(run == null ? null : spec.text().apply(run));
            }
        });
        return column;
    }
}
