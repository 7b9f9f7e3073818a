package org.ninexplorer.ui.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ninexplorer.app.ExplorerApp;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A test of the real window: opened on a throwaway preferences node and data directory before each test
 * ({@link #open} says how), its run stopped and its preferences forgotten after.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {

    Stage stage;
    TestWindows.Opened opened;
    ExplorerApp.Window window;

    /** After TestFX's extension has readied its stage (it looks for {@code @Start} in the test class only). */
    @BeforeEach
    void openWindow() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        opened = WaitForAsyncUtils.asyncFx(() -> open(stage)).get();
        window = opened.window();
    }

    /** At 1400×900 on the 1600×1000 test screen, unless a test needs another size, place or language. */
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.open(stage, 1400, 900);
    }

    /**
     * {@code query}'s answer, read on the FX thread: while a run trains or a view redraws, the scene changes, and a
     * lookup from the test's thread can walk a list of children as it is being cleared.
     */
    static <T> T onFx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get();
    }

    /** Waits up to {@code seconds} for {@code condition}, checked on the FX thread as {@link #onFx} says why. */
    static void awaitFx(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestWindows.close(opened);
    }
}
