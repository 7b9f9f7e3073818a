package org.ninexplorer.ui.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.prefs.Preferences;

/**
 * The interface's languages. The first start follows the system's language; a choice made in View ▸ Language
 * is remembered and applies from the next start.
 */
public enum Language {
    ENGLISH("en", Locale.ENGLISH, null),
    CHINESE("zh", Locale.SIMPLIFIED_CHINESE, CjkFont.FAMILY);

    private static final String PREFERENCE = "language";

    private final String tag;
    private final Locale locale;
    private final String fontFamily;

    Language(String tag, Locale locale, String fontFamily) {
        this.tag = tag;
        this.locale = locale;
        this.fontFamily = fontFamily;
    }

    /** "en" or "zh": the preference's value, the bundle's suffix and the menu item's id suffix. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The bundled font the interface is drawn in, or {@code null} for the theme's own. */
    public String fontFamily() {
        return fontFamily;
    }

    /** Chinese for any Chinese system locale, English for every other. */
    public static Language forSystem(Locale system) {
        return system.getLanguage().equals(CHINESE.locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** The language chosen before, or the system's. */
    public static Language remembered(Preferences preferences) {
        String tag = preferences.get(PREFERENCE, null);
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst()
                .orElseGet(() -> forSystem(Locale.getDefault()));
    }

    public void remember(Preferences preferences) {
        preferences.put(PREFERENCE, tag);
    }
}
