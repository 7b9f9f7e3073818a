package org.ninexplorer.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ninexplorer.ui.training.TrainingState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a check but the README's pictures, of the window placed as on a first start, after a short real run:
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" mvn -o test -Dtest=ScreenshotsTest -Dnin.screenshots=docs};
 * for a teacher's laptop {@code -screen 0 1366x768x24} with {@code -Dnin.screenshots=docs/1366x768}; for a
 * projector {@code -screen 0 1280x800x24} with {@code -Dnin.screenshots=docs -Dnin.screenshots.presentation=true}
 * (needs ImageMagick's {@code import}).
 */
@EnabledIfSystemProperty(named = "nin.screenshots", matches = ".+")
class ScreenshotsTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.openPlaced(stage);
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("nin.screenshots"));
        boolean presenting = Boolean.getBoolean("nin.screenshots.presentation");
        String prefix = presenting ? "presentation-1280x800" : "";
        Files.createDirectories(dir);
        opened.backend().get(120, TimeUnit.SECONDS);
        if (presenting) {
            robot.clickOn("#presentationToggle");
            robot.sleep(500);
        }
        robot.moveTo("#card-2 .card-shape");
        robot.sleep(1200);
        TestWindows.shoot(stage, dir.resolve(presenting ? prefix + ".png" : "graph.png"));
        robot.moveTo("#summary");

        if (!presenting) {
            robot.clickOn("#card-3");
            Spinner<?> kernel = robot.lookup("#pool-kernel").queryAs(Spinner.class);
            robot.clickOn(kernel.getEditor());
            robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
            robot.write("15").type(KeyCode.ENTER);
            robot.moveTo("#startButton");
            robot.sleep(800);
            TestWindows.shoot(stage, dir.resolve("graph-error.png"));
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        }

        // A short real run: 4 epochs on half the bundled sample.
        var training = window.training();
        robot.interact(() -> {
            training.form().limitTrainProperty().set(4000);
            training.form().epochsProperty().set(4);
            training.form().batchSizeProperty().set(32);
        });
        if (presenting) {
            robot.clickOn("#darkToggle");
        }
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> training.charts().testAccuracy().points().size() >= 3);
        robot.moveTo("#summary");
        robot.sleep(2500);
        TestWindows.shoot(stage, dir.resolve(presenting ? prefix + "-dark.png" : "training.png"));
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> training.session().state() == TrainingState.IDLE);
        if (presenting) {
            return;
        }

        // The feature maps of the finished run: a teacher shows what a trained net sees.
        robot.clickOn("#featureMapsTab");
        robot.clickOn("#sample-3");
        awaitFx(60, () -> robot.lookup("#block-0").tryQuery().isPresent());
        robot.sleep(1500);
        robot.moveTo("#block-0");
        robot.sleep(800);
        TestWindows.shoot(stage, dir.resolve("feature-maps.png"));

        robot.clickOn("#networkTab");
        robot.clickOn("#presentationToggle");
        robot.clickOn("#darkToggle");
        robot.moveTo("#summary");
        robot.sleep(1500);
        TestWindows.shoot(stage, dir.resolve("presentation-dark.png"));
    }

    /** The window only, as placed on the screen. */
}
