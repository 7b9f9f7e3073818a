package org.ninexplorer.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.scene.text.Font;

/**
 * Noto Sans CJK SC, cut down to the characters the interface uses (see {@code packaging/cjk-font-subset.sh}),
 * so that Chinese shows on a machine without CJK fonts. It has Latin letters and the formulas' symbols too,
 * so the whole Chinese interface is drawn in it.
 */
public final class CjkFont {

    public static final String FAMILY = "Noto Sans CJK SC";
    /** For the fixed-width texts (card settings, diffs), whose columns must stand under each other. */
    public static final String MONO_FAMILY = "Noto Sans Mono CJK SC";
    public static final String RESOURCE = "/org/ninexplorer/ui/fonts/NotoSansCJKsc-Regular-subset.otf";
    public static final String BOLD_RESOURCE = "/org/ninexplorer/ui/fonts/NotoSansCJKsc-Bold-subset.otf";
    public static final String MONO_RESOURCE = "/org/ninexplorer/ui/fonts/NotoSansMonoCJKsc-Regular-subset.otf";
    /** The fixed-width texts' rules, in {@link #MONO_FAMILY}; a window's root adds it in Chinese. */
    public static final String MONO_STYLESHEET = "/org/ninexplorer/ui/fonts/chinese-mono.css";

    private static boolean loaded;

    private CjkFont() {
    }

    /** Registers the font with JavaFX (once); returns its family as JavaFX names it. */
    public static synchronized String load() {
        String family = register(RESOURCE);
        register(BOLD_RESOURCE);
        register(MONO_RESOURCE);
        loaded = true;
        return family;
    }

    public static synchronized boolean loaded() {
        return loaded;
    }

    private static String register(String resource) {
        try (InputStream in = CjkFont.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not found");
            }
            Font font = Font.loadFont(in, 12);
            if (font == null) {
                throw new IOException("JavaFX cannot read it");
            }
            return font.getFamily();
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled font " + resource + " is missing from the build", e);
        }
    }
}
