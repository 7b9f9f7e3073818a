package org.ninexplorer.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Not a check but the README's picture of the first layer's filters, for a
 * fashion-28 trained briefly on the sample: run with
 * {@code xvfb-run -a -s "-screen 0 1366x768x24" mvn -o test -Dtest=FiltersScreenshotsTest -Dnin.screenshots=docs}.
 */
@EnabledIfSystemProperty(named = "nin.screenshots", matches = ".+")
class FiltersScreenshotsTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.openPlaced(stage);
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("nin.screenshots"));
        Files.createDirectories(dir);
        Path run = opened.runs().resolve("20261202-050000-fashion-28");
        new TrainingRun(new TrainingRequest(Presets.FASHION_28, Hyperparameters.defaults().withEpochs(2)
                .withBatchSize(64), TinyNets.sample(), "sample", run, 4000, 1000), e -> { }).call();
        opened.backend().get(120, TimeUnit.SECONDS);

        robot.interact(() -> opened.window().featureMaps().loadRun(run));
        robot.clickOn("#featureMapsTab");
        robot.clickOn("#filtersTab");
        awaitFx(60, () -> robot.lookup("#filter-15-0").tryQuery().isPresent());
        robot.moveTo("#filter-3-0");
        robot.sleep(1000);
        TestWindows.shoot(stage, dir.resolve("filters.png"));
    }
}
