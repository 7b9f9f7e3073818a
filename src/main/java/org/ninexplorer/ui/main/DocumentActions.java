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
import org.ninexplorer.ui.common.Messages;

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
        if (!confirmDiscard(Messages.get("main.discard.preset", name))) {
            return false;
        }
        editor.newFromPreset(name);
        return true;
    }

    void open() {
        dialogs.chooseFileToOpen(Messages.get("main.open.title"), currentFolder()).ifPresent(this::open);
    }

    void open(Path path) {
        if (confirmDiscard(Messages.get("main.discard.opening", path.getFileName().toString()))) {
            load(path);
        }
    }

    /** Opens {@code path} without asking first (the caller has asked); remembered among the recent files. */
    void load(Path path) {
        try {
            editor.open(path);
            remember(path);
        } catch (IOException e) {
            dialogs.showError(Messages.get("main.open.failed", path.toString()), Messages.current().error(e));
        } catch (ArchitectureFormatException e) {
            dialogs.showError(Messages.get("main.open.not-architecture", path.getFileName().toString()),
                    Messages.current().error(e));
        }
    }

    boolean save() {
        Path file = editor.fileProperty().get();
        return file == null ? saveAs() : saveTo(file);
    }

    boolean saveAs() {
        Optional<Path> file = dialogs.chooseFileToSave(Messages.get("main.save.title"), currentFolder(),
                editor.nameProperty().get() + ".json");
        return file.isPresent() && saveTo(file.get());
    }

    /** Asks before unsaved edits are lost; true when the caller may go on. */
    boolean confirmDiscard(String action) {
        if (!editor.isDirty()) {
            return true;
        }
        Unsaved answer = dialogs.ask(Messages.get("main.discard.header", editor.nameProperty().get(), action),
                Messages.get("main.discard.detail"),
                List.of(new Answer<>(Unsaved.SAVE, Messages.get("main.discard.save")),
                        new Answer<>(Unsaved.DISCARD, Messages.get("main.discard.discard")),
                        new Answer<>(Unsaved.CANCEL, Messages.get("common.cancel")))).orElse(Unsaved.CANCEL);
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
            dialogs.showError(Messages.get("main.save.failed", path.toString()), Messages.current().error(e));
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
