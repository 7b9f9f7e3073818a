package org.ninexplorer.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ninexplorer.ui.common.Language;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.training.TrainingState;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Not a check but the README's picture of the Chinese window (1366×768):
 * {@code xvfb-run -a -s "-screen 0 1366x768x24" mvn -o test -Dtest=ChineseScreenshotTest -Dnin.screenshots=docs}.
 */
@EnabledIfSystemProperty(named = "nin.screenshots", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ChineseScreenshotTest {

    private final Locale systemLocale = Locale.getDefault();
    private TestWindows.Opened opened;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        opened = TestWindows.open(stage, 1366, 740, Language.CHINESE);
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestWindows.close(opened);
        Messages.use(Locale.ROOT);
        Locale.setDefault(systemLocale);
    }

    @Test
    void takeScreenshot(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("nin.screenshots"));
        Files.createDirectories(dir);
        opened.backend().get(300, TimeUnit.SECONDS);
        var training = opened.window().training();
        robot.interact(() -> {
            training.form().epochsProperty().set(2);
            training.form().limitTrainProperty().set(1024);
            training.form().limitTestProperty().set(200);
        });
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> training.session().state() == TrainingState.IDLE
                && !training.charts().testAccuracy().points().isEmpty());
        robot.clickOn("#card-0");
        robot.moveTo("#card-2");
        robot.sleep(2000);
        TestWindows.shoot(stage, dir.resolve("chinese.png"));
    }
}
