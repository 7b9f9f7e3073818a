package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.training.FeatureMaps;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.PinnedSamples;
import org.ninexplorer.training.Timeline;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.training.TrainingState;
import org.testfx.api.FxRobot;

/**
 * The timeline in the real window: two test images pinned from the strip, a real run trained with Start, and the
 * slider scrubbing its epochs; a stopped run opened from the Runs view, then continued. With {@code -Dnin.screenshots=docs} (under {@code xvfb-run -a -s "-screen 0
 * 1366x768x24"}) it trains a little longer and takes the README's picture, {@code timeline.png}.
 */
class TimelineWindowTest extends WindowTest {

    private static final String SCREENSHOTS = System.getProperty("nin.screenshots");

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return SCREENSHOTS == null ? super.open(stage) : TestWindows.openPlaced(stage);
    }

    @Test
    void pinnedImagesAreRecordedEachEpochAndTheSliderScrubsThroughThem(FxRobot robot) throws Exception {
        robot.clickOn("#featureMapsTab");
        awaitFx(120, () -> robot.lookup("#sample-7").tryQuery().isPresent());
        for (int index : List.of(3, 7)) {
            robot.clickOn("#sample-" + index);
            robot.clickOn("#pinToggle");
        }
        assertThat(robot.lookup("#pinToggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(window.training().session().pinned().indices()).containsExactly(3, 7);
        robot.clickOn("#timelineTab");
        assertThat(robot.lookup("#timelineMessage").queryAs(Label.class).getText()).contains("test images 3, 7");

        var training = window.training();
        robot.interact(() -> {
            training.form().epochsProperty().set(SCREENSHOTS == null ? 2 : 3);
            training.form().limitTrainProperty().set(SCREENSHOTS == null ? 128 : 4000);
            training.form().limitTestProperty().set(100);
            training.form().batchSizeProperty().set(32);
        });
        opened.backend().get(120, TimeUnit.SECONDS);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.clickOn("#startButton");
        int epochs = SCREENSHOTS == null ? 2 : 3;
        // Looked up on the FX thread from here on: the run and the tab's redraws change the scene.
        Slider slider = onFx(() -> robot.lookup("#timelineEpoch").queryAs(Slider.class));
        awaitFx(300, () -> training.session().state() == TrainingState.IDLE && slider.getMax() == epochs);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.clickOn("#timelineTab");
        Path run;
        try (Stream<Path> runs = Files.list(opened.runs())) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Timeline timeline = Timeline.read(run);
        assertThat(timeline.epochs()).hasSize(epochs);
        assertThat(timeline.pinned()).containsExactly(3, 7);
        Label epochLabel = onFx(() -> robot.lookup("#timelineEpochLabel").queryAs(Label.class));
        assertThat(epochLabel.getText()).isEqualTo("Epoch " + epochs + " of " + epochs);
        assertThat(slider.getValue()).isEqualTo(epochs);
        @SuppressWarnings("unchecked")
        ComboBox<Integer> sample = onFx(() -> robot.lookup("#timelineSample").queryAs(ComboBox.class));
        assertThat(sample.getItems()).containsExactly(3, 7);
        awaitShown(robot, timeline, epochs, sample.getValue());

        // Scrubbed as a teacher would: the thumb dragged to the first epoch, then one epoch on with the arrow key.
        robot.drag(onFx(() -> slider.lookup(".thumb"))).dropTo(robot.point(slider).atPosition(javafx.geometry.Pos.CENTER_LEFT));
        awaitFx(30, () -> epochLabel.getText().equals("Epoch 1 of " + epochs));
        awaitShown(robot, timeline, 1, sample.getValue());
        robot.type(KeyCode.RIGHT);
        awaitFx(30, () -> epochLabel.getText().equals("Epoch 2 of " + epochs));
        awaitShown(robot, timeline, 2, sample.getValue());

        robot.interact(() -> sample.setValue(3));
        awaitShown(robot, timeline, 2, 3);
        if (SCREENSHOTS != null) {
            // The picture shows an image the net has learned by its last epoch, if one of the two is.
            Timeline.Epoch last = timeline.epoch(epochs);
            int shown = last.samples().stream().filter(s -> s.maps().predictedClass() == s.truth())
                    .mapToInt(Timeline.Sample::index).findFirst().orElse(3);
            robot.interact(() -> {
                slider.setValue(epochs);
                sample.setValue(shown);
            });
            awaitShown(robot, timeline, epochs, shown);
            Path dir = Files.createDirectories(Path.of(SCREENSHOTS));
            robot.moveTo("#timelineEpochLabel");
            robot.sleep(1000);
            TestWindows.shoot(stage, dir.resolve("timeline.png"));
        }
    }

    @Test
    void aRunOpenedFromTheRunsViewShowsItsTimelineAndContinuingItExtendsTheSameOne(FxRobot robot) throws Exception {
        // A real run of the tiny net pinned on test image 4, stopped after its first epoch of three (as the Runs
        // view's test stops one: the stop reaches it in its second epoch, or its third).
        String name = "20261202-080000-tiny";
        Path run = opened.runs().resolve(name);
        TrainingRun[] stopping = new TrainingRun[1];
        stopping[0] = new TrainingRun(new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(3)
                .withBatchSize(32), TinyNets.sample(), "sample", run, 320, 100), event -> {
                    if (event instanceof TrainingEvent.Epoch e && e.epoch() == 1) {
                        stopping[0].stop();
                    }
                }).pinning(new PinnedSamples(List.of(4)));
        assertThat(stopping[0].call().outcome()).isEqualTo(TrainingEvent.Outcome.STOPPED);
        Timeline before = Timeline.read(run);
        int done = before.epochs().size();
        assertThat(before.epochs()).startsWith(1).hasSizeLessThan(3);
        opened.backend().get(120, TimeUnit.SECONDS);

        robot.clickOn("#runsTab");
        awaitFx(60, () -> robot.lookup("#run-" + name).tryQuery().isPresent());
        robot.clickOn("#run-" + name);
        robot.clickOn("#openRun");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.clickOn("#timelineTab");
        Label epochLabel = robot.lookup("#timelineEpochLabel").queryAs(Label.class);
        awaitFx(60, () -> epochLabel.getText().equals("Epoch " + done + " of " + done));
        assertThat(window.training().session().pinned().indices()).as("the run brings its pins").containsExactly(4);
        awaitShown(robot, before, done, 4);

        robot.clickOn("#runsTab");
        robot.clickOn("#run-" + name);
        robot.clickOn("#continueRun");
        awaitFx(180, () -> window.training().session().state() == TrainingState.IDLE
                && epochLabel.getText().equals("Epoch 3 of 3"));
        Timeline continued = Timeline.read(run);
        assertThat(continued.problem()).isEmpty();
        assertThat(continued.epochs()).containsExactly(1, 2, 3);
        for (int e : before.epochs()) {
            assertThat(continued.frames().get(e)).as("epoch %d kept as it was", e).isEqualTo(before.frames().get(e));
        }
        assertThat(continued.pinned()).containsExactly(4);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL); // drawn when seen
        awaitShown(robot, continued, 3, 4);
    }

    /** Waits until the tab shows test image {@code index} as the run stored it at the end of {@code epoch}. */
    private void awaitShown(FxRobot robot, Timeline timeline, int epoch, int index) throws Exception {
        Timeline.Sample stored = timeline.epoch(epoch).sample(index).orElseThrow();
        float[] p = stored.maps().probabilities();
        int predicted = stored.maps().predictedClass();
        Dataset data = window.featureMaps().datasetProperty().get();
        String expected = "Predicted: " + data.className(predicted) + " (" + FeatureMapsViewModel.percent(p[predicted]) + ")";
        FeatureMaps.BlockActivation first = stored.maps().blocks().get(0);
        try {
            awaitFx(30, () -> robot.lookup("#timeline-prediction").tryQuery()
                    .map(l -> ((Label) l).getText().equals(expected)).orElse(false)
                    && robot.lookup("#timeline-block-0").queryAs(FlowPane.class).getChildren().size()
                    == first.shape().channels());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("epoch " + epoch + ", image " + index + ": expected \"" + expected + "\", the tab shows "
                    + onFx(() -> robot.lookup("#timeline-prediction").tryQuery().map(l -> "\"" + ((Label) l).getText() + "\"")
                    .orElse("no prediction") + " and says \"" + robot.lookup("#timelineMessage").queryAs(Label.class).getText()
                    + "\""), e);
        }
    }
}
