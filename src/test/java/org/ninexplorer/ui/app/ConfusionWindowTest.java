package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.ninexplorer.ui.confusion.ConfusionViewModel;
import org.ninexplorer.ui.training.TrainingState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The confusion tab in the real window: filled by a real run, a cell's images, one opened in the feature maps. */
class ConfusionWindowTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return System.getProperty("nin.screenshots") == null ? super.open(stage) : TestWindows.openPlaced(stage);
    }

    @Test
    void aShortRunFillsTheMatrixAndACellsImagesOpenInTheFeatureMaps(FxRobot robot) throws Exception {
        var training = window.training();
        robot.interact(() -> {
            training.form().epochsProperty().set(2);
            training.form().limitTrainProperty().set(320);
            training.form().limitTestProperty().set(100);
            training.form().batchSizeProperty().set(32);
        });
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> training.session().state() == TrainingState.IDLE
                && window.confusion().epochs().size() == 2);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        awaitFx(30, () -> robot.lookup("#cell-0-0").tryQuery().isPresent());
        int total = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                String text = robot.lookup("#cell-" + t + "-" + p).queryAs(Label.class).getText();
                total += Integer.parseInt(text.split("[ \n]")[0]);
            }
        }
        assertThat(total).isEqualTo(100);
        Slider slider = robot.lookup("#epochSlider").queryAs(Slider.class);
        assertThat(slider.getValue()).isEqualTo(2);
        assertThat(slider.getMax()).isEqualTo(2);

        ConfusionViewModel.CellView fullest = window.confusion().cells().stream()
                .max(java.util.Comparator.comparingInt(ConfusionViewModel.CellView::count)).orElseThrow();
        robot.clickOn("#cell-" + fullest.truth() + "-" + fullest.predicted());
        awaitFx(30, () -> robot.lookup(".cm-thumb").tryQuery().isPresent());
        FlowPane thumbs = robot.lookup("#imagesPane").queryAs(FlowPane.class);
        assertThat(thumbs.getChildren()).hasSize(fullest.count());

        Node first = thumbs.getChildren().get(0);
        int index = Integer.parseInt(first.getId().substring("thumb-".length()));
        robot.clickOn(first);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.featureMaps().resultProperty().get() != null
                && window.featureMaps().resultProperty().get().trueClass() == fullest.truth());
        assertThat(window.featureMaps().sampleIndexProperty().get()).isEqualTo(index);
        TabPane tabs = window.view().featureMapsTab().getTabPane();
        assertThat(tabs.getSelectionModel().getSelectedItem()).isSameAs(window.view().featureMapsTab());
    }

    @Test
    void onAProjectorInPresentationModeTheWholeMatrixShowsWithItsClassNamesWhole(FxRobot robot) throws Exception {
        Path run = tinyRun();
        opened.backend().get(120, TimeUnit.SECONDS);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            window.confusion().loadRun(run);
        });
        robot.clickOn("#presentationToggle");
        robot.clickOn("#confusionTab");
        awaitFx(60, () -> robot.lookup("#cell-9-9").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane scroll = robot.lookup("#gridScroll").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.geometry.Bounds viewport = scroll.localToScene(new javafx.geometry.BoundingBox(0, 0,
                scroll.getViewportBounds().getWidth(), scroll.getViewportBounds().getHeight()));
        for (Node cell : robot.lookup(".cm-cell").queryAll()) {
            javafx.geometry.Bounds b = cell.localToScene(cell.getBoundsInLocal());
            assertThat(viewport.contains(b.getMinX(), b.getMinY()) && viewport.contains(b.getMaxX(), b.getMaxY()))
                    .as("%s (%s) inside the matrix's area %s, without scrolling", cell.getId(), b, viewport).isTrue();
        }
        for (Node name : robot.lookup(".cm-row-class").queryAll()) {
            Label label = (Label) name;
            assertThat(label.getWidth()).as("the row name %s whole", label.getText())
                    .isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5);
        }
    }

    private Path tinyRun() throws Exception {
        Path run = opened.runs().resolve("20261202-090000-tiny");
        new TrainingRun(new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(3).withBatchSize(32),
                TinyNets.sample(), "sample", run, 0, 0), event -> { }).call();
        return run;
    }

    /**
     * Not a check but the README's picture: {@code xvfb-run -a -s "-screen 0 1366x768x24" mvn -o test
     * -Dtest=ConfusionWindowTest#takeScreenshot -Dnin.screenshots=docs}.
     */
    @Test
    @EnabledIfSystemProperty(named = "nin.screenshots", matches = ".+")
    void takeScreenshot(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("nin.screenshots"));
        Files.createDirectories(dir);
        Path run = tinyRun();
        opened.backend().get(120, TimeUnit.SECONDS);
        robot.interact(() -> window.confusion().loadRun(run));
        robot.clickOn("#confusionTab");
        awaitFx(60, () -> robot.lookup("#cell-0-0").tryQuery().isPresent());
        ConfusionViewModel.CellView worst = window.confusion().cells().stream().filter(c -> c.worstRank() == 1)
                .findFirst().orElseThrow();
        robot.clickOn("#cell-" + worst.truth() + "-" + worst.predicted());
        awaitFx(30, () -> robot.lookup(".cm-thumb").tryQuery().isPresent());
        robot.moveTo("#imagesLabel");
        robot.sleep(1500);
        TestWindows.shoot(stage, dir.resolve("confusion.png"));
    }
}
