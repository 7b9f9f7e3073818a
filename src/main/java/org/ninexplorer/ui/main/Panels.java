package org.ninexplorer.ui.main;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Which of the window's panels show. In presentation mode only what the class looks at: the inspector
 * stays closed until a card is chosen for editing (and closes again with Escape), and the backend line
 * is hidden; outside it everything shows.
 */
public final class Panels {

    private final BooleanProperty inspectorOpened = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper inspectorShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper detailsShown = new ReadOnlyBooleanWrapper();

    public Panels(ObservableBooleanValue presentation) {
        presentation.addListener((obs, old, on) -> inspectorOpened.set(false));
        inspectorShown.bind(inspectorOpened.or(javafx.beans.binding.Bindings.not(presentation)));
        detailsShown.bind(javafx.beans.binding.Bindings.not(presentation));
    }

    public ReadOnlyBooleanProperty inspectorShownProperty() {
        return inspectorShown.getReadOnlyProperty();
    }

    /** Lines a class does not need, such as the backend's description. */
    public ReadOnlyBooleanProperty detailsShownProperty() {
        return detailsShown.getReadOnlyProperty();
    }

    /** A card was chosen: show the inspector to edit it. */
    public void openInspector() {
        inspectorOpened.set(true);
    }

    /** Escape in presentation mode: back to the graph alone. */
    public void closeInspector() {
        inspectorOpened.set(false);
    }
}
