package org.ninexplorer.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.Occlusion;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a check but the README's pictures of a class map over its input and an occlusion map, for a
 * fashion-28 trained briefly on the sample: run with
 * {@code xvfb-run -a -s "-screen 0 1366x768x24" mvn -o test -Dtest=ClassMapsScreenshotsTest -Dnin.screenshots=docs}.
 */
@EnabledIfSystemProperty(named = "nin.screenshots", matches = ".+")
class ClassMapsScreenshotsTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.openPlaced(stage);
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("nin.screenshots"));
        Files.createDirectories(dir);
        Path run = opened.runs().resolve("20261202-040000-fashion-28");
        new TrainingRun(new TrainingRequest(Presets.FASHION_28, Hyperparameters.defaults().withEpochs(2)
                .withBatchSize(64), TinyNets.sample(), "sample", run, 4000, 1000), e -> { }).call();
        timeOcclusion(run);
        opened.backend().get(120, TimeUnit.SECONDS);

        robot.interact(() -> opened.window().featureMaps().loadRun(run));
        robot.clickOn("#featureMapsTab");
        robot.clickOn("#sample-2");
        robot.clickOn("#whyTab");
        awaitFx(60, () -> robot.lookup("#occlusionOverlay")
                .queryAs(ImageView.class).getImage() != null);
        robot.moveTo("#classMapCells");
        robot.sleep(1000);
        TestWindows.shoot(stage, dir.resolve("class-map.png"));

        robot.clickOn("#sample-10");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.window().featureMaps().resultProperty().get()
                .truth().startsWith("test image 10:") && robot.lookup("#occlusionOverlay")
                .queryAs(ImageView.class).getImage() != null);
        robot.moveTo("#occlusionOverlay");
        robot.sleep(1000);
        TestWindows.shoot(stage, dir.resolve("occlusion.png"));

        robot.interact(() -> robot.lookup("#classMapsScroll").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("#meansButton");
        awaitFx(120, () -> robot.lookup("#mean-9").tryQuery().isPresent());
        robot.moveTo("#meanMaps");
        robot.sleep(1000);
        robot.interact(() -> robot.lookup("#classMapsScroll").queryAs(ScrollPane.class).setVvalue(1));
        robot.sleep(500);
        TestWindows.shoot(stage, dir.resolve("class-means.png"));
    }

    /** One occlusion map of the trained net at the view's default patch, for the report (not a bound). */
    private static void timeOcclusion(Path run) throws Exception {
        FeatureMapper mapper = FeatureMapper.load(Presets.FASHION_28, run.resolve("model.zip"));
        float[] image = TinyNets.sample().test().pixels(0);
        Occlusion.compute(mapper, image, 0, 4, 2, p -> { }, () -> false); // warm-up
        long start = System.nanoTime();
        Occlusion.compute(mapper, image, 0, 4, 2, p -> { }, () -> false);
        System.out.printf("Occlusion map, fashion-28, 4×4 patch, stride 2 (169 copies): %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }
}
