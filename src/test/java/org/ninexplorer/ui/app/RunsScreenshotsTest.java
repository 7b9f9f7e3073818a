package org.ninexplorer.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.RunCatalog;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a check but the README's pictures of the Runs view and a comparison with its diff: run with
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -o test -Dtest=RunsScreenshotsTest -Dnin.screenshots=docs}.
 */
@EnabledIfSystemProperty(named = "nin.screenshots", matches = ".+")
class RunsScreenshotsTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.openPlaced(stage);
    }

    private static void train(Path folder, Architecture arch, int epochs, int stopAfter)
            throws Exception {
        TrainingRun[] run = new TrainingRun[1];
        run[0] = new TrainingRun(new TrainingRequest(arch, Hyperparameters.defaults().withEpochs(epochs).withBatchSize(32),
                TinyNets.sample(), "sample", folder, 960, 200), event -> {
                    if (event instanceof TrainingEvent.Epoch e && e.epoch() == stopAfter) {
                        run[0].stop();
                    }
                });
        run[0].call();
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("nin.screenshots"));
        Files.createDirectories(dir);
        Path runs = opened.runs();
        // The book's exercise: one 1×1 convolution per block instead of two, against fashion-28 as it is.
        Architecture oneByOne = Presets.FASHION_28;
        for (int i = 0; i < oneByOne.layers().size(); i++) {
            if (oneByOne.layers().get(i) instanceof NinBlock block) {
                oneByOne = oneByOne.withLayer(i, block.withMlp(1));
            }
        }
        train(runs.resolve("20261201-100000-fashion-28"), Presets.FASHION_28, 3, 0);
        RunCatalog.rename(runs.resolve("20261201-100000-fashion-28"), "baseline");
        train(runs.resolve("20261201-101500-fashion-28-variant"), oneByOne, 3, 0);
        RunCatalog.rename(runs.resolve("20261201-101500-fashion-28-variant"), "one 1×1 conv per block");
        train(runs.resolve("20261201-103000-tiny-stopped"), TinyNets.TINY_28, 6, 2);
        Path damaged = Files.createDirectories(runs.resolve("20261201-104500-tiny"));
        Files.writeString(damaged.resolve("run.json"), "{\"schemaVersion\": 1, \"archi");
        opened.backend().get(120, TimeUnit.SECONDS);

        robot.clickOn("#runsTab");
        robot.interact(() -> robot.lookup("#runsSplit").queryAs(SplitPane.class).setDividerPositions(0.5));
        awaitFx(30, () -> robot.lookup("#run-20261201-100000-fashion-28")
                .match(Node::isVisible).tryQuery().isPresent());
        robot.clickOn("#run-20261201-101500-fashion-28-variant");
        robot.press(KeyCode.CONTROL).clickOn("#run-20261201-100000-fashion-28").release(KeyCode.CONTROL);
        robot.clickOn("#compareRuns");
        robot.interact(() -> robot.lookup("#runsSplit").queryAs(SplitPane.class).setDividerPositions(0.3));
        robot.moveTo("#runsFilter"); // no tooltip over the picture
        robot.sleep(1500);
        TestWindows.shoot(stage, dir.resolve("runs.png"));

        robot.interact(() -> robot.lookup("#runsSplit").queryAs(SplitPane.class).setDividerPositions(0.0));
        robot.moveTo("#compareLegend"); // no tooltip over the picture
        robot.sleep(1500);
        TestWindows.shoot(stage, dir.resolve("compare.png"));
    }
}
