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

    /**
     * Asks a question; returns the chosen answer's value, or empty when the dialog was closed.
     *
     * @param answers the buttons, the default one first, the one that backs out last
     */
    <T> Optional<T> ask(String header, String detail, List<Answer<T>> answers);

    void showError(String header, String detail);

    /** Asks for a line of text, starting from {@code initial}; empty when the dialog was cancelled. */
    Optional<String> askText(String header, String detail, String initial);

    Optional<Path> chooseFileToOpen(String title, Path initialDirectory);

    Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName);

    Optional<Path> chooseFolder(String title, Path initialDirectory);
}
