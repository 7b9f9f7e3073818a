package org.ninexplorer.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a check but the README's picture of exercise 1 done on the lesson's budget (the bundled sample): run with
 * {@code xvfb-run -a -s "-screen 0 1366x768x24" mvn -o test -Dtest=ExercisesScreenshotTest -Dnin.screenshots=docs}.
 */
@EnabledIfSystemProperty(named = "nin.screenshots", matches = ".+")
class ExercisesScreenshotTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.openPlaced(stage);
    }

    @Test
    void takeScreenshot(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("nin.screenshots"));
        Files.createDirectories(dir);
        opened.backend().get(120, TimeUnit.SECONDS);
        robot.interact(() -> opened.window().exercises().epochsProperty().set(Integer.getInteger("nin.epochs", 3)));
        robot.clickOn("#exercisesTab");
        robot.clickOn("#exercise-one-1x1");
        robot.clickOn("#setUpExercise");
        TableView<?> table = robot.from(robot.lookup("#exercisesView").<javafx.scene.Node>query()).lookup("#compareTable")
                .queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(3600, TimeUnit.SECONDS, () -> table.isVisible() && table.getItems().size() == 2);
        robot.moveTo("#exercise-one-1x1");
        robot.sleep(1500);
        TestWindows.shoot(stage, dir.resolve("exercise.png"));
    }
}
