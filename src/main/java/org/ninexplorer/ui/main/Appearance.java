package org.ninexplorer.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;
import org.ninexplorer.ui.common.CjkFont;
import org.ninexplorer.ui.common.Language;
import org.ninexplorer.ui.common.Messages;

/**
 * The theme (light or dark), the presentation mode (large text for a projector) and the language, remembered
 * between sessions. Made before the first control, so that JavaFX never loads its own theme first and every
 * control is made in the language of this session. A language chosen later applies from the next start: the
 * open window keeps its words, so nothing in it (edits, a running training) is disturbed.
 */
public final class Appearance {

    private static final String PRESENTATION_CLASS = "presentation";
    /** For the few colours the stylesheets pick per theme (faint lines that the dark theme would hide). */
    private static final String DARK_CLASS = "dark";

    private final BooleanProperty presentation = new SimpleBooleanProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final Preferences preferences;
    private final Language language;

    public Appearance(Preferences preferences) {
        this.preferences = preferences;
        this.language = Language.remembered(preferences);
        Messages.use(language.locale());
        // JavaFX's own words (OK, Cancel, Copy) follow the default locale.
        Locale.setDefault(language.locale());
        CjkFont.load(); // for the Chinese interface, and for "简体中文" in View ▸ Language of the English one
        presentation.set(preferences.getBoolean("presentation", false));
        dark.set(preferences.getBoolean("dark", false));
        applyTheme();
        presentation.addListener((obs, old, on) -> preferences.putBoolean("presentation", on));
        dark.addListener((obs, old, on) -> {
            preferences.putBoolean("dark", on);
            applyTheme();
        });
    }

    /** The language of this session's controls. */
    public Language language() {
        return language;
    }

    /** The language the next start uses. */
    public Language nextLanguage() {
        return Language.remembered(preferences);
    }

    public void chooseLanguage(Language next) {
        next.remember(preferences);
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
        String mono = CjkFont.class.getResource(CjkFont.MONO_STYLESHEET).toExternalForm();
        if (language.fontFamily() != null && !root.getStylesheets().contains(mono)) {
            root.getStylesheets().add(mono);
        }
        root.getStyleClass().removeAll(PRESENTATION_CLASS, DARK_CLASS);
        if (presentation.get()) {
            root.getStyleClass().add(PRESENTATION_CLASS);
        }
        if (dark.get()) {
            root.getStyleClass().add(DARK_CLASS);
        }
    }

    private void applyTheme() {
        String theme = dark.get() ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        Application.setUserAgentStylesheet(language.fontFamily() == null ? theme : withFont(theme, language.fontFamily()));
    }

    /**
     * The theme with every root (window, dialog, tooltip, menu) in {@code family}: the theme's own font has
     * no Chinese, and the system may have none either.
     */
    private static String withFont(String theme, String family) {
        String css = "@import url(\"" + Appearance.class.getResource(theme) + "\");\n"
                + ".root { -fx-font-family: \"" + family + "\"; }\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
