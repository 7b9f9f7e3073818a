package org.ninexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesTest {

    private final Preferences node = Preferences.userRoot().node("org/ninexplorer/test/recent-" + System.nanoTime());

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void newestFirstWithoutDuplicates() {
        RecentFiles recent = new RecentFiles(node);
        recent.add(Path.of("/tmp/a.json"));
        recent.add(Path.of("/tmp/b.json"));
        recent.add(Path.of("/tmp/a.json"));

        assertThat(recent.list()).containsExactly(Path.of("/tmp/a.json"), Path.of("/tmp/b.json"));
        assertThat(new RecentFiles(node).list()).hasSize(2);
    }
}
