package org.ninexplorer.ui.main;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.MenuItem;
import org.ninexplorer.lesson.Lesson;
import org.ninexplorer.lesson.LessonException;
import org.ninexplorer.lesson.LessonReader;
import org.ninexplorer.lesson.LessonWriter;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.DialogService.Answer;
import org.ninexplorer.ui.common.DialogService.FileKind;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.runs.RunsViewModel;

/**
 * File ▸ Export lesson and Open lesson: the network on screen, the runs selected in the Runs view (and the
 * run shown) and the presentation settings go into one {@code .ninlesson}; opening one unpacks its runs
 * into the data directory's runs, its networks into {@code lessons/}, opens the first and restores the settings.
 */
final class LessonActions {

    static final FileKind LESSON = new FileKind("NiN lesson", LessonWriter.EXTENSION);

    private final EditorViewModel editor;
    private final RunsViewModel runs;
    private final Appearance appearance;
    private final DocumentActions documents;
    private final DialogService dialogs;

    private LessonActions(EditorViewModel editor, RunsViewModel runs, Appearance appearance, DocumentActions documents,
                          DialogService dialogs) {
        this.editor = editor;
        this.runs = runs;
        this.appearance = appearance;
        this.documents = documents;
        this.dialogs = dialogs;
    }

    static void install(MenuItem exportItem, MenuItem openItem, EditorViewModel editor, RunsViewModel runs,
                        Appearance appearance, DocumentActions documents, DialogService dialogs) {
        LessonActions actions = new LessonActions(editor, runs, appearance, documents, dialogs);
        exportItem.setOnAction(e -> actions.exportLesson());
        openItem.setOnAction(e -> actions.openLesson());
    }

    private void exportLesson() {
        List<Path> chosen = new ArrayList<>(runs.selection().stream().map(RunSummary::folder).toList());
        Path shown = editor.shownRunProperty().get();
        if (shown != null && !chosen.contains(shown)) {
            chosen.add(0, shown);
        }
        String name = editor.nameProperty().get();
        String holds = "The lesson holds the network " + name + ", the presentation settings and "
                + (chosen.isEmpty() ? "no runs (select runs in the Runs view to add them)."
                : chosen.size() + (chosen.size() == 1 ? " run: " : " runs: ")
                + String.join(", ", chosen.stream().map(p -> p.getFileName().toString()).toList()) + ".");
        Boolean models = chosen.isEmpty() ? Boolean.FALSE : dialogs.ask("Include the trained models?", holds
                        + "\n\nWith its models a run's feature maps show without training again, but the file grows by "
                        + "the size of each model.", List.of(new Answer<>(Boolean.TRUE, "With models"),
                        new Answer<>(Boolean.FALSE, "Without models"), new Answer<Boolean>(null, "Cancel")))
                .orElse(null);
        if (models == null) {
            return;
        }
        dialogs.chooseFileToSave("Export lesson", null, name + "." + LESSON.extension(), LESSON).ifPresent(file -> {
            try {
                LessonWriter.write(new Lesson(List.of(new Lesson.Named(name, editor.architecture())), chosen, models,
                        new Lesson.Presentation(appearance.presentationProperty().get(),
                                appearance.darkProperty().get())), file);
            } catch (LessonException e) {
                dialogs.showError("The lesson was not written", e.getMessage());
            }
        });
    }

    private void openLesson() {
        if (!documents.confirmDiscard("opening a lesson")) {
            return;
        }
        dialogs.chooseFileToOpen("Open lesson", null, LESSON).ifPresent(file -> {
            LessonReader.Opened opened;
            try {
                opened = LessonReader.open(file, runs.runsRoot(), runs.runsRoot().resolveSibling("lessons"));
            } catch (LessonException e) {
                dialogs.showError("The lesson " + file.getFileName() + " was not opened", e.getMessage());
                return;
            }
            if (!opened.architectureFiles().isEmpty()) {
                documents.load(opened.architectureFiles().get(0));
            }
            appearance.presentationProperty().set(opened.lesson().presentation().presentation());
            appearance.darkProperty().set(opened.lesson().presentation().dark());
            runs.refresh.execute();
        });
    }
}
