package org.ninexplorer.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ninexplorer.app.ExplorerApp;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.ui.common.Language;
import org.ninexplorer.ui.main.WindowPlacement;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a throwaway preferences node and data directory, for UI tests. */
final class TestWindows {

    /**
     * A window shown on {@code stage}, with what {@link #close} needs to clean up.
     *
     * @param backend completes with the backend's description once it has loaded
     */
    record Opened(ExplorerApp.Window window, Preferences preferences, Path dataDirectory,
                  CompletableFuture<String> backend) {

        Path runs() {
            return dataDirectory.resolve("runs");
        }
    }

    private TestWindows() {
    }

    static Opened open(Stage stage, int width, int height) throws Exception {
        return open(stage, width, height, Language.ENGLISH);
    }

    /** A window in {@code language}, as it starts when that language was chosen before. */
    static Opened open(Stage stage, int width, int height, Language language) throws Exception {
        return open(stage, language, scene -> {
            stage.setScene(new Scene(scene, width, height));
            // The stage outlives a test class: one that resized it (to a projector's size, larger than the
            // test screen) would otherwise leave the next class's buttons off the screen, out of the robot's reach.
            stage.sizeToScene();
        });
    }

    /** Opens the window where the app would on this screen, as on a first start. */
    static Opened openPlaced(Stage stage) throws Exception {
        return open(stage, Language.ENGLISH, root -> {
            stage.setScene(WindowPlacement.restore(stage, Preferences.userRoot()
                    .node("org/ninexplorer/test/placement-" + System.nanoTime())).sceneFor(root));
        });
    }

    /** Tests name the language, so that the suite passes on a system of any language. */
    private static Opened open(Stage stage, Language language, java.util.function.Consumer<javafx.scene.Parent> setScene)
            throws Exception {
        Preferences preferences = Preferences.userRoot().node("org/ninexplorer/test/window-" + System.nanoTime());
        language.remember(preferences);
        return open(stage, preferences, Files.createTempDirectory("nin-window-test"), setScene);
    }

    /** The next start of {@code previous}'s app: a new window on its preferences and data directory. */
    static Opened restart(Opened previous, Stage stage, int width, int height) throws Exception {
        return open(stage, previous.preferences(), previous.dataDirectory(), root -> {
            stage.setScene(new Scene(root, width, height));
            stage.sizeToScene();
        });
    }

    private static Opened open(Stage stage, Preferences preferences, Path data,
                               java.util.function.Consumer<javafx.scene.Parent> setScene) throws Exception {
        ExplorerApp.Window window = ExplorerApp.build(preferences, new DataDirectory(data));
        window.view().attach(stage);
        setScene.accept(window.view());
        stage.show();
        CompletableFuture<String> backend = new CompletableFuture<>();
        window.startBackground(backend::complete);
        return new Opened(window, preferences, data, backend);
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

    /** The README's pictures: the screen under the stage, taken by ImageMagick from the X server. */
    static void shoot(Stage stage, Path file) throws Exception {
        String crop = String.format("%dx%d+%d+%d", (int) stage.getWidth(), (int) stage.getHeight(),
                (int) stage.getX(), (int) stage.getY());
        new ProcessBuilder("import", "-window", "root", "-crop", crop, "+repage", file.toString())
                .inheritIO().start().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }
}
