package org.ninexplorer.ui.main;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import org.ninexplorer.lesson.Lesson;
import org.ninexplorer.lesson.LessonException;
import org.ninexplorer.lesson.LessonReader;
import org.ninexplorer.lesson.LessonWriter;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.DialogService.Answer;
import org.ninexplorer.ui.common.DialogService.FileKind;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.runs.RunsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ninexplorer.ui.common.Messages;

/**
 * File ▸ Export lesson and Open lesson: the network on screen, the runs selected in the Runs view (and the
 * run shown) and the presentation settings go into one {@code .ninlesson}; opening one unpacks its runs
 * into the data directory's runs, its networks into {@code lessons/}, opens the first and restores the settings.
 * The zip is written and read on the executor (a bundle with models is large); the window says so meanwhile and
 * both items wait until it is done.
 */
final class LessonActions {

    private static final Logger LOGGER = LoggerFactory.getLogger(LessonActions.class);

    static final FileKind LESSON = new FileKind("main.file.lesson", LessonWriter.EXTENSION);

    private final EditorViewModel editor;
    private final RunsViewModel runs;
    private final Appearance appearance;
    private final DocumentActions documents;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();

    private LessonActions(EditorViewModel editor, RunsViewModel runs, Appearance appearance, DocumentActions documents,
                          DialogService dialogs, TaskExecutor executor) {
        this.editor = editor;
        this.runs = runs;
        this.appearance = appearance;
        this.documents = documents;
        this.dialogs = dialogs;
        this.executor = executor;
    }

    /** Wires both items; {@code statusLabel} shows what is being written or read, and only then. */
    static void install(MenuItem exportItem, MenuItem openItem, Label statusLabel, EditorViewModel editor,
                        RunsViewModel runs, Appearance appearance, DocumentActions documents, DialogService dialogs,
                        TaskExecutor executor) {
        LessonActions actions = new LessonActions(editor, runs, appearance, documents, dialogs, executor);
        exportItem.setOnAction(e -> actions.exportLesson());
        openItem.setOnAction(e -> actions.openLesson());
        exportItem.disableProperty().bind(actions.running);
        openItem.disableProperty().bind(actions.running);
        statusLabel.textProperty().bind(actions.status);
        statusLabel.visibleProperty().bind(actions.running);
        statusLabel.managedProperty().bind(actions.running);
    }

    private void exportLesson() {
        List<Path> chosen = new ArrayList<>(runs.selection().stream().map(RunSummary::folder).toList());
        Path shown = editor.shownRunProperty().get();
        if (shown != null && !chosen.contains(shown)) {
            chosen.add(0, shown);
        }
        String name = editor.nameProperty().get();
        String holds = chosen.isEmpty() ? Messages.get("main.lesson.holds.none", name)
                : Messages.get("main.lesson.holds", name, chosen.size(),
                String.join(", ", chosen.stream().map(p -> p.getFileName().toString()).toList()),
                String.valueOf(chosen.size()));
        Boolean models = chosen.isEmpty() ? Boolean.FALSE : dialogs.ask(Messages.get("main.lesson.models.header"),
                        Messages.get("main.lesson.models.detail", holds),
                        List.of(new Answer<>(Boolean.TRUE, Messages.get("main.lesson.models.with")),
                        new Answer<>(Boolean.FALSE, Messages.get("main.lesson.models.without")),
                        new Answer<Boolean>(null, Messages.get("common.cancel"))))
                .orElse(null);
        if (models == null) {
            return;
        }
        dialogs.chooseFileToSave(Messages.get("main.lesson.export.title"), null, name + "." + LESSON.extension(), LESSON).ifPresent(file -> {
            // What goes in is read here, on the FX thread; only the zip is written in the background.
            Lesson lesson = new Lesson(List.of(new Lesson.Named(name, editor.architecture())), chosen, models,
                    new Lesson.Presentation(appearance.presentationProperty().get(), appearance.darkProperty().get()));
            run(Messages.get("main.lesson.writing", file.getFileName().toString()), () -> {
                LessonWriter.write(lesson, file);
                return null;
            }, written -> { }, Messages.get("main.lesson.not-written"));
        });
    }

    private void openLesson() {
        if (!documents.confirmDiscard(Messages.get("main.discard.lesson"))) {
            return;
        }
        dialogs.chooseFileToOpen(Messages.get("main.lesson.open.title"), null, LESSON).ifPresent(file -> run(
                Messages.get("main.lesson.opening", file.getFileName().toString()),
                () -> LessonReader.open(file, runs.runsRoot(), runs.runsRoot().resolveSibling("lessons")),
                opened -> {
                    if (!opened.architectureFiles().isEmpty()) {
                        documents.load(opened.architectureFiles().get(0));
                    }
                    appearance.presentationProperty().set(opened.lesson().presentation().presentation());
                    appearance.darkProperty().set(opened.lesson().presentation().dark());
                    runs.refresh.execute();
                }, Messages.get("main.lesson.not-opened", file.getFileName().toString())));
    }

    /** The zip work of one item. */
    private interface ZipWork<T> {
        T call() throws LessonException;
    }

    /** Runs {@code work} on the executor; {@code done} or the error under {@code failed} follows on the FX thread. */
    private <T> void run(String doing, ZipWork<T> work, Consumer<T> done, String failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws LessonException {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            try {
                done.accept(task.getValue());
            } finally {
                running.set(false);
            }
        });
        task.setOnFailed(e -> {
            running.set(false);
            Throwable cause = task.getException();
            if (!(cause instanceof LessonException)) {
                LOGGER.error("{}", failed, cause);
            }
            dialogs.showError(failed, cause instanceof LessonException ? Messages.current().error(cause)
                    : Messages.get("main.lesson.unexpected", cause.getClass().getSimpleName()));
        });
        status.set(doing);
        running.set(true);
        executor.execute(task);
    }
}
