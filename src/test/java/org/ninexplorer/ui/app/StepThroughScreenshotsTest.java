package org.ninexplorer.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a check but the README's pictures of the step-through, for a fashion-28 trained briefly on the sample:
 * {@code xvfb-run -a -s "-screen 0 1366x768x24" mvn -o test -Dtest=StepThroughScreenshotsTest -Dnin.screenshots=docs};
 * for a projector {@code -screen 0 1280x800x24} with {@code -Dnin.screenshots.presentation=true}.
 */
@EnabledIfSystemProperty(named = "nin.screenshots", matches = ".+")
class StepThroughScreenshotsTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.openPlaced(stage);
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("nin.screenshots"));
        boolean presenting = Boolean.getBoolean("nin.screenshots.presentation");
        Files.createDirectories(dir);
        Path run = opened.runs().resolve("20261202-080000-fashion-28");
        new TrainingRun(new TrainingRequest(Presets.FASHION_28, Hyperparameters.recommendedFor(Presets.FASHION_28, 4000)
                .withEpochs(2), TinyNets.sample(), "sample", run, 4000, 1000), e -> { }).call();
        opened.backend().get(120, TimeUnit.SECONDS);
        if (presenting) {
            robot.clickOn("#presentationToggle");
        }

        robot.interact(() -> opened.window().featureMaps().loadRun(run));
        robot.clickOn("#featureMapsTab");
        robot.clickOn("#sample-2");
        robot.clickOn("#stepThroughTab");
        awaitFx(60, () -> robot.lookup("#stepNetworkLabel").queryAs(Label.class)
                .getText().contains("loaded run"));
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.RIGHT);
        }
        robot.moveTo("#stepPositionLabel");
        robot.sleep(800);
        TestWindows.shoot(stage, dir.resolve(presenting ? "step-through-presentation-1280x800.png" : "step-through.png"));
        robot.type(KeyCode.END);
        robot.type(KeyCode.LEFT);
        robot.sleep(500);
        TestWindows.shoot(stage, dir.resolve(presenting ? "step-through-gap-presentation-1280x800.png" : "step-through-gap.png"));
    }
}
