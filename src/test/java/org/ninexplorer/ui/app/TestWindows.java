package org.ninexplorer.ui.app;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ninexplorer.app.ExplorerApp;
import org.ninexplorer.data.DataDirectory;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The real window on a throwaway preferences node and data directory, for UI tests. */
final class TestWindows {

    /** A window shown on {@code stage}, with what {@link #close} needs to clean up. */
    record Opened(ExplorerApp.Window window, Preferences preferences) {
    }

    private TestWindows() {
    }

    static Opened open(Stage stage, int width, int height) throws Exception {
        Preferences preferences = Preferences.userRoot().node("org/ninexplorer/test/window-" + System.nanoTime());
        ExplorerApp.Window window = ExplorerApp.build(preferences,
                new DataDirectory(Files.createTempDirectory("nin-window-test")));
        window.view().attach(stage);
        stage.setScene(new Scene(window.view(), width, height));
        stage.show();
        return new Opened(window, preferences);
    }

    /** Stops any training run and forgets the preferences. */
    static void close(Opened opened) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> opened.window().training().session().stop()).get();
        try {
            opened.preferences().removeNode();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
