package org.ninexplorer.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions and messages the window puts to the user, so that the code deciding what to do can be
 * tested with scripted answers and every dialog of the app looks alike.
 */
public interface DialogService {

    /** One button of a question: what it means to the caller, and its label. */
    record Answer<T>(T value, String label) {
    }

    /** A kind of file the choosers offer: the message key of its words in the chooser's filter, and its extension (without the dot). */
    record FileKind(String descriptionKey, String extension) {
        public static final FileKind ARCHITECTURE = new FileKind("common.file.architecture", "json");
        public static final FileKind PNG = new FileKind("common.file.png", "png");
        public static final FileKind SVG = new FileKind("common.file.svg", "svg");
        public static final FileKind CSV = new FileKind("common.file.csv", "csv");

        /** {@code name} with this kind's extension, added when it has none (a GTK chooser adds nothing). */
        public java.nio.file.Path withExtension(java.nio.file.Path file) {
            String name = file.getFileName().toString();
            return name.contains(".") ? file : file.resolveSibling(name + "." + extension);
        }
    }

    /**
     * Asks a question; returns the chosen answer's value, or empty when the dialog was closed.
     *
     * @param answers the buttons, the default one first, the one that backs out last
     */
    <T> Optional<T> ask(String header, String detail, List<Answer<T>> answers);

    void showError(String header, String detail);

    /** Asks for a line of text, starting from {@code initial}; empty when the dialog was cancelled. */
    Optional<String> askText(String header, String detail, String initial);

    /** Chooses an architecture file to open. */
    default Optional<Path> chooseFileToOpen(String title, Path initialDirectory) {
        return chooseFileToOpen(title, initialDirectory, FileKind.ARCHITECTURE);
    }

    /** Chooses where to save an architecture file. */
    default Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName) {
        return chooseFileToSave(title, initialDirectory, initialName, FileKind.ARCHITECTURE);
    }

    Optional<Path> chooseFileToOpen(String title, Path initialDirectory, FileKind kind);

    /** Chooses where to save a file of {@code kind}; the path has the kind's extension. */
    Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName, FileKind kind);

    Optional<Path> chooseFolder(String title, Path initialDirectory);
}
