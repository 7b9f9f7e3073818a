package org.ninexplorer.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;

/**
 * Loads an {@code fx:root} FXML file into the view object that is both its root and its controller, its
 * {@code %key} texts from the current {@link Messages}.
 */
public final class Fxml {

    private Fxml() {
    }

    public static void loadInto(Object view, String resource) {
        FXMLLoader loader = new FXMLLoader(view.getClass().getResource(resource));
        loader.setResources(Messages.current().bundle());
        loader.setRoot(view);
        loader.setController(view);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}
