package org.ninexplorer.ui.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last few architecture files, kept in {@code java.util.prefs} so they survive restarts. */
public final class RecentFiles {

    private static final int LIMIT = 8;
    private static final String KEY = "recent.";

    private final Preferences node;

    public RecentFiles(Preferences node) {
        this.node = node;
    }

    public List<Path> list() {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String value = node.get(KEY + i, null);
            if (value != null) {
                paths.add(Path.of(value));
            }
        }
        return paths;
    }

    /** Moves {@code path} to the top of the list. */
    public void add(Path path) {
        List<Path> paths = list();
        Path absolute = path.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.add(0, absolute);
        for (int i = 0; i < LIMIT; i++) {
            if (i < paths.size()) {
                node.put(KEY + i, paths.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
    }
}
