package org.ninexplorer.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The dialog service as JavaFX alerts and choosers, owned by the main window. */
public final class FxDialogs implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public <T> Optional<T> ask(String header, String detail, List<Answer<T>> answers) {
        Map<ButtonType, T> values = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            ButtonBar.ButtonData role = i == 0 ? ButtonBar.ButtonData.OK_DONE
                    : i == answers.size() - 1 ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER;
            values.put(new ButtonType(answers.get(i).label(), role), answers.get(i).value());
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, values.keySet().toArray(ButtonType[]::new));
        alert.initOwner(owner.get());
        alert.setHeaderText(header);
        // Tests find a button by its answer, in any language: "answer-discard", "answer-keep-training".
        values.forEach((type, value) -> alert.getDialogPane().lookupButton(type)
                .setId("answer-" + String.valueOf(value).toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        return alert.showAndWait().map(values::get);
    }

    @Override
    public void showError(String header, String detail) {
        Alert alert = new Alert(Alert.AlertType.ERROR, detail);
        alert.initOwner(owner.get());
        alert.setHeaderText(header);
        alert.showAndWait();
    }

    @Override
    public Optional<String> askText(String header, String detail, String initial) {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(initial);
        dialog.initOwner(owner.get());
        dialog.setHeaderText(header);
        dialog.setContentText(detail);
        dialog.getEditor().setId("text-answer");
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialDirectory, FileKind kind) {
        return Optional.ofNullable(chooser(title, initialDirectory, kind).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName, FileKind kind) {
        FileChooser chooser = chooser(title, initialDirectory, kind);
        chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath).map(kind::withExtension);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initialDirectory) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, Path initialDirectory, FileKind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                Messages.get(kind.descriptionKey()) + " (*." + kind.extension() + ")", "*." + kind.extension()));
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        return chooser;
    }
}
