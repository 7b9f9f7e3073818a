package org.ninexplorer.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;

/**
 * The theme (light or dark) and the presentation mode (large text for a projector), remembered
 * between sessions. Made before the first control, so that JavaFX never loads its own theme first.
 */
public final class Appearance {

    private static final String PRESENTATION_CLASS = "presentation";
    /** For the few colours the stylesheets pick per theme (faint lines that the dark theme would hide). */
    private static final String DARK_CLASS = "dark";

    private final BooleanProperty presentation = new SimpleBooleanProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty();

    public Appearance(Preferences preferences) {
        presentation.set(preferences.getBoolean("presentation", false));
        dark.set(preferences.getBoolean("dark", false));
        applyTheme();
        presentation.addListener((obs, old, on) -> preferences.putBoolean("presentation", on));
        dark.addListener((obs, old, on) -> {
            preferences.putBoolean("dark", on);
            applyTheme();
        });
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /**
     * Marks {@code root} with the style classes {@code presentation} (larger text: everything is sized in em)
     * and {@code dark} while they are on.
     */
    public void applyTo(Parent root) {
        presentation.addListener((obs, old, on) -> markNow(root));
        dark.addListener((obs, old, on) -> markNow(root));
        markNow(root);
    }

    /** Marks {@code root} as {@link #applyTo} does, once: for a dialog that closes long before the window. */
    public void markNow(Parent root) {
        root.getStyleClass().removeAll(PRESENTATION_CLASS, DARK_CLASS);
        if (presentation.get()) {
            root.getStyleClass().add(PRESENTATION_CLASS);
        }
        if (dark.get()) {
            root.getStyleClass().add(DARK_CLASS);
        }
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(dark.get() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
