package org.ninexplorer.ui.main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ninexplorer.model.ArchitectureFormatException;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.DialogService.Answer;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.editor.RecentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** New, open, save and the question before unsaved edits are lost; every dialog goes through the service. */
final class DocumentActions {

    private static final Logger LOGGER = LoggerFactory.getLogger(DocumentActions.class);

    private enum Unsaved { SAVE, DISCARD, CANCEL }

    private final EditorViewModel editor;
    private final RecentFiles recentFiles;
    private final DialogService dialogs;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();

    DocumentActions(EditorViewModel editor, RecentFiles recentFiles, DialogService dialogs) {
        this.editor = editor;
        this.recentFiles = recentFiles;
        this.dialogs = dialogs;
        recent.setAll(recentFiles.list());
    }

    /** The recently opened or saved files, newest first. */
    ObservableList<Path> recent() {
        return recent;
    }

    /** Starts again from a preset; false when the user kept the current net. */
    boolean newFromPreset(String name) {
        if (!confirmDiscard("starting from " + name)) {
            return false;
        }
        editor.newFromPreset(name);
        return true;
    }

    void open() {
        dialogs.chooseFileToOpen("Open architecture", currentFolder()).ifPresent(this::open);
    }

    void open(Path path) {
        if (confirmDiscard("opening " + path.getFileName())) {
            load(path);
        }
    }

    /** Opens {@code path} without asking first (the caller has asked); remembered among the recent files. */
    void load(Path path) {
        try {
            editor.open(path);
            remember(path);
        } catch (IOException e) {
            dialogs.showError("Cannot open " + path, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (ArchitectureFormatException e) {
            dialogs.showError("Not a NiN architecture: " + path.getFileName(), e.getMessage());
        }
    }

    boolean save() {
        Path file = editor.fileProperty().get();
        return file == null ? saveAs() : saveTo(file);
    }

    boolean saveAs() {
        Optional<Path> file = dialogs.chooseFileToSave("Save architecture", currentFolder(),
                editor.nameProperty().get() + ".json");
        return file.isPresent() && saveTo(file.get());
    }

    /** Asks before unsaved edits are lost; true when the caller may go on. */
    boolean confirmDiscard(String action) {
        if (!editor.isDirty()) {
            return true;
        }
        Unsaved answer = dialogs.ask("Save the changes to " + editor.nameProperty().get() + " before " + action + "?",
                "Your edits are lost if you don't save them.",
                List.of(new Answer<>(Unsaved.SAVE, "Save"), new Answer<>(Unsaved.DISCARD, "Don't save"),
                        new Answer<>(Unsaved.CANCEL, "Cancel"))).orElse(Unsaved.CANCEL);
        return switch (answer) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private boolean saveTo(Path path) {
        try {
            editor.save(path);
            remember(path);
            return true;
        } catch (IOException e) {
            LOGGER.warn("Cannot save {}", path, e);
            dialogs.showError("Cannot save " + path, String.valueOf(e.getMessage()));
            return false;
        }
    }

    private void remember(Path path) {
        recentFiles.add(path);
        recent.setAll(recentFiles.list());
    }

    private Path currentFolder() {
        Path current = editor.fileProperty().get();
        return current == null ? null : current.toAbsolutePath().getParent();
    }
}
