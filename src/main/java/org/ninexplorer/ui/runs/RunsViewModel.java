package org.ninexplorer.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.ninexplorer.training.RunCatalog;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.common.Action;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.DialogService.Answer;
import org.ninexplorer.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ninexplorer.ui.common.Messages;

/**
 * The runs library: the runs of the data directory and of the folders the user added (remembered in the
 * preferences), filtered by a text; the selection and what can be done with it. Listing runs on the executor;
 * its result reaches the list on the FX thread. Opening, continuing and comparing are handed to {@link RunOpener},
 * the training session and {@link ComparisonViewModel}.
 */
public final class RunsViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(RunsViewModel.class);

    private final Path runsRoot;
    private final Preferences folderPrefs;
    private final TaskExecutor executor;
    private final Consumer<Runnable> fxThread;
    private final DialogService dialogs;
    private final DesktopFolders desktop;
    private final RunOpener opener;
    private final ComparisonViewModel comparison;

    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final FilteredList<RunSummary> shown = new FilteredList<>(runs);
    private final ObservableList<RunSummary> selection = FXCollections.observableArrayList();
    private final ObservableList<Path> folders = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();

    public final Action refresh;
    public final Action open;
    public final Action continueRun;
    public final Action compare;
    public final Action rename;
    public final Action delete;
    public final Action openFolder;
    public final Action addFolder;
    public final Action load;

    public RunsViewModel(Path runsRoot, Preferences preferences, TaskExecutor executor, Consumer<Runnable> fxThread,
                         DialogService dialogs, DesktopFolders desktop, RunOpener opener, ComparisonViewModel comparison) {
        this.runsRoot = runsRoot;
        this.folderPrefs = preferences;
        this.executor = executor;
        this.fxThread = fxThread;
        this.dialogs = dialogs;
        this.desktop = desktop;
        this.opener = opener;
        this.comparison = comparison;
        for (int i = 0; preferences.get("folder." + i, null) != null; i++) {
            folders.add(Path.of(preferences.get("folder." + i, null)));
        }
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> run -> matches(run, filter.get()), filter));
        ObservableBooleanValue idle = opener.idleProperty();
        refresh = new Action(this::refresh);
        open = new Action(this::openSelected, one(RunSummary::openable).and(idle));
        continueRun = new Action(this::continueSelected, one(RunSummary::resumable).and(idle));
        compare = new Action(this::compareSelected, Bindings.createBooleanBinding(() -> selection.size() >= 2
                && selection.stream().allMatch(r -> r.state() != RunSummary.State.DAMAGED), selection));
        rename = new Action(this::renameSelected, one(r -> r.state() != RunSummary.State.RUNNING));
        delete = new Action(this::deleteSelected, Bindings.createBooleanBinding(() -> !selection.isEmpty()
                && selection.stream().noneMatch(r -> r.state() == RunSummary.State.RUNNING), selection));
        openFolder = new Action(this::openSelectedFolder, one(r -> true));
        addFolder = new Action(this::chooseFolder);
        load = new Action(this::chooseAndOpen, idle);
        // A run that ends changes its line: list again then.
        idle.addListener((obs, was, now) -> {
            if (now) {
                refresh();
            }
        });
    }

    // --- Properties -------------------------------------------------------------------------------

    /** The runs that pass the filter, the newest first until the table sorts them otherwise. */
    public ObservableList<RunSummary> shownRuns() {
        return shown;
    }

    /** The selected runs; the view keeps it in step with the table. */
    public ObservableList<RunSummary> selection() {
        return selection;
    }

    /** Shows runs whose name, folder, dataset or status contains this text (any case). */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The data directory's runs, where new runs and those of an opened lesson go. */
    public Path runsRoot() {
        return runsRoot;
    }

    /** Folders the user added besides the data directory's runs. */
    public ObservableList<Path> folders() {
        return folders;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ComparisonViewModel comparison() {
        return comparison;
    }

    /** What the selected run is, in a sentence or two: its status and reason, its recipe. */
    public String describe(RunSummary run) {
        String reason = RunWords.reason(run);
        String text = reason.isEmpty() ? Messages.get("runs.describe", run.name(), RunWords.state(run.state()))
                : Messages.get("runs.describe.reason", run.name(), RunWords.state(run.state()), reason);
        if (run.hyperparameters() != null) {
            text = Messages.get("common.sentences", text,
                    Messages.get("runs.describe.recipe",
                    Messages.current().engine(run.hyperparameters().recipe())));
        }
        return Messages.get("common.sentences", text, Messages.get("runs.describe.folder", run.folder().toString()));
    }

    static boolean matches(RunSummary run, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() || List.of(run.name(), run.folderName(), run.dataset(), RunWords.state(run.state())).stream()
                .anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(t));
    }

    // --- Commands ---------------------------------------------------------------------------------

    /** Lists the runs again, off the FX thread; the selection is kept where the same folders are still listed. */
    public void refresh() {
        List<Path> roots = new ArrayList<>(List.of(runsRoot));
        roots.addAll(folders);
        executor.execute(() -> {
            List<RunSummary> listed = new RunCatalog(roots).list();
            fxThread.accept(() -> {
                List<Path> selected = selection.stream().map(RunSummary::folder).toList();
                runs.setAll(listed);
                selection.setAll(listed.stream().filter(r -> selected.contains(r.folder())).toList());
            });
        });
    }

    /** Adds a folder of runs (or one run's folder) to the library, for good. */
    public void addFolder(Path folder) {
        Path normal = folder.toAbsolutePath().normalize();
        if (!folders.contains(normal) && !normal.equals(runsRoot.toAbsolutePath().normalize())) {
            folders.add(normal);
            for (int i = 0; i < folders.size(); i++) {
                folderPrefs.put("folder." + i, folders.get(i).toString());
            }
        }
        refresh();
    }

    private void chooseFolder() {
        dialogs.chooseFolder(Messages.get("runs.add-folder.title"), runsRoot).ifPresent(this::addFolder);
    }

    /** File ▸ Load trained run…: a run folder anywhere, opened as from the table. */
    private void chooseAndOpen() {
        dialogs.chooseFolder(Messages.get("runs.load.title"), runsRoot).ifPresent(folder -> {
            String problem = opener.open(folder, folder.getFileName().toString());
            if (!problem.isEmpty()) {
                dialogs.showError(Messages.get("runs.load.failed", folder.getFileName().toString()), problem);
            }
        });
    }

    private void openSelected() {
        report(opener.open(selection.get(0)), true);
    }

    private void continueSelected() {
        report(opener.continueRun(selection.get(0)), true);
    }

    private void compareSelected() {
        comparison.compare(List.copyOf(selection));
    }

    private void renameSelected() {
        RunSummary run = selection.get(0);
        dialogs.askText(Messages.get("runs.rename.header", run.name()),
                Messages.get("runs.rename.detail", run.folderName()), run.name()).ifPresent(name -> {
                    try {
                        RunCatalog.rename(run.folder(), name);
                        report("", false);
                    } catch (TrainingException e) {
                        report(Messages.current().error(e), true);
                    }
                    refresh();
                });
    }

    private void deleteSelected() {
        List<RunSummary> chosen = List.copyOf(selection);
        boolean trash = desktop.canTrash();
        String names = chosen.stream().map(RunSummary::name).collect(Collectors.joining(", "));
        String header = chosen.size() == 1 ? Messages.get("runs.delete.one", names)
                : Messages.get("runs.delete.many", String.valueOf(chosen.size()));
        String detail = Messages.get(trash ? "runs.delete.trash" : "runs.delete.for-good") + chosen.stream().map(r -> r.folder().toString())
                .collect(Collectors.joining(", ")) + ".";
        boolean go = dialogs.ask(header, detail, List.of(new Answer<>(true, Messages.get(trash ? "runs.delete.to-trash"
                : "runs.delete.delete")), new Answer<>(false, Messages.get("common.cancel")))).orElse(false);
        if (!go) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (RunSummary run : chosen) {
            try {
                if (trash) {
                    if (RunCatalog.summarise(run.folder()).state() == RunSummary.State.RUNNING
                            || !desktop.trash(run.folder())) {
                        problems.add(Messages.get("runs.delete.trash-failed", run.folder().toString()));
                    }
                } else {
                    RunCatalog.delete(run.folder());
                }
            } catch (TrainingException | IOException | RuntimeException e) {
                LOGGER.warn("Cannot delete {}", run.folder(), e);
                problems.add(Messages.current().error(e));
            }
        }
        report(String.join(" ", problems), !problems.isEmpty());
        selection.clear();
        refresh();
    }

    private void openSelectedFolder() {
        Path folder = selection.get(0).folder();
        try {
            if (desktop.canOpen()) {
                desktop.open(folder);
                return;
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Cannot open {}", folder, e);
        }
        report(Messages.get("runs.open-folder.failed", folder.toString()), false);
    }

    private void report(String text, boolean error) {
        message.set(text);
        messageIsError.set(error && !text.isEmpty());
    }

    private BooleanBinding one(java.util.function.Predicate<RunSummary> test) {
        return Bindings.createBooleanBinding(() -> selection.size() == 1 && test.test(selection.get(0)), selection);
    }
}
