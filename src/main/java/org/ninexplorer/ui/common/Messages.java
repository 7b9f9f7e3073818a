package org.ninexplorer.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word the interface shows, from {@code org/ninexplorer/ui/messages*.properties}: keys carry their
 * feature's prefix ({@code editor.}, {@code training.}), values are {@link MessageFormat} patterns (so an
 * apostrophe is written ’). The window uses
 * {@link #current()}, fixed at start-up; the CLI stays English through {@link #of}({@link Locale#ROOT}).
 */
public final class Messages {

    public static final String BUNDLE = "org.ninexplorer.ui.messages";

    private static volatile Messages current = of(Locale.ROOT);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The messages of {@code locale}, English where it has no bundle (not the system's language). */
    public static Messages of(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    /** Sets the language of everything built from now on. */
    public static void use(Locale locale) {
        current = of(locale);
    }

    public static Messages current() {
        return current;
    }

    /** The current language's text for {@code key}, with {@code args} put in. */
    public static String get(String key, Object... args) {
        return current.format(key, args);
    }

    /** The bundle FXML files read their {@code %key}s from. */
    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    public String format(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + key + " in " + BUNDLE, e);
        }
    }
}
