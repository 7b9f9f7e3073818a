package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.ninexplorer.ui.training.TrainingState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every way of looking inside the net — block maps, class maps, occlusion, the class means, the step-through,
 * the filters, the timeline and the confusion matrix with a drilled-down cell — used on the net while it
 * trains: each view fills in, the run keeps training at a good share of its speed, and the window keeps
 * drawing (its animation pulses measured, as a user would feel a freeze).
 */
class LookingInsideWhileTrainingTest extends WindowTest {

    @Test
    void everyViewWorksDuringARunWithoutStallingTheRunOrTheWindow(FxRobot robot) throws Exception {
        var training = window.training();
        robot.clickOn("#featureMapsTab");
        await(120, "the test images", () -> robot.lookup("#sample-3").tryQuery().isPresent());
        robot.clickOn("#sample-3");
        robot.clickOn("#pinToggle");
        robot.interact(() -> {
            // Far more epochs than the test waits for: the run is still training when the test is done looking.
            training.form().epochsProperty().set(1000);
            training.form().limitTrainProperty().set(512);
            training.form().limitTestProperty().set(100);
            training.form().batchSizeProperty().set(32);
        });
        opened.backend().get(120, TimeUnit.SECONDS);
        robot.clickOn("#networkTab");
        robot.clickOn("#startButton");
        // One epoch trained and tested: its confusion matrix and timeline frame exist.
        await(180, "an epoch tested", () -> !training.charts().testAccuracy().points().isEmpty());

        double alone = epochsPerSecond(training.charts().rawLoss().points(), 8);
        PulseWatch pulses = new PulseWatch();
        robot.interact(pulses::start);
        long started = System.nanoTime();
        double firstEpoch = lastEpoch(training.charts().rawLoss().points());

        pulses.phase("block maps");
        robot.clickOn("#featureMapsTab");
        robot.clickOn("#blockMapsTab");
        await(60, "block maps", () -> robot.lookup("#block-0").tryQuery().isPresent());

        pulses.phase("class maps");
        robot.clickOn("#whyTab");
        await(60, "class maps and occlusion", () -> !text(robot, "#poolLine").isEmpty()
                && robot.lookup("#occlusionOverlay").queryAs(ImageView.class).getImage() != null);
        pulses.phase("class means");
        // Fired rather than clicked: each epoch's snapshot redraws the class maps above it, which can move the
        // button between the robot finding it and pressing it.
        robot.interact(() -> robot.lookup("#meansButton").queryButton().fire());
        await(120, "class means", () -> robot.lookup("#mean-9").tryQuery().isPresent(),
                () -> text(robot, "#meansLine"));

        pulses.phase("step-through");
        robot.clickOn("#stepThroughTab");
        await(60, "the first step", () -> text(robot, "#stepPositionLabel").startsWith("Step 0 of"));
        for (int step = 0; step < 3; step++) {
            robot.type(KeyCode.RIGHT);
        }
        await(30, "step 3", () -> text(robot, "#stepPositionLabel").startsWith("Step 3 of")
                && robot.lookup("#st-tile-0").tryQuery().isPresent());

        pulses.phase("filters");
        robot.clickOn("#filtersTab");
        await(60, "filters", () -> robot.lookup("#filter-0-0").tryQuery().isPresent());

        pulses.phase("timeline");
        robot.clickOn("#timelineTab");
        await(60, "the timeline", () -> robot.lookup("#timelineEpoch").queryAs(Slider.class)
                .getMax() >= 1 && robot.lookup("#timeline-block-0").tryQuery().isPresent());

        pulses.phase("confusion");
        robot.clickOn("#confusionTab");
        await(60, "the confusion matrix", () -> robot.lookup("#cell-0-0").tryQuery().isPresent());
        // The newest matrix is redrawn at each epoch's end: the robot clicks where the cell is, as a user would.
        robot.clickOn(onFx(() -> {
            Node cell = robot.lookup("#cell-0-0").query();
            Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            return new Point2D(b.getCenterX(), b.getCenterY());
        }));
        await(60, "a cell's images", () -> !robot.lookup("#imagesPane").queryAs(Pane.class)
                .getChildren().isEmpty());

        robot.interact(pulses::stop);
        double seconds = (System.nanoTime() - started) / 1e9;
        double looking = (lastEpoch(training.charts().rawLoss().points()) - firstEpoch) / seconds;
        System.out.printf("Looking inside during a run for %.1f s: %.2f epochs/s (%.2f left alone); FX pulse gaps %s%n",
                seconds, looking, alone, pulses.summary());

        assertThat(training.session().state()).as("the run went on throughout").isEqualTo(TrainingState.RUNNING);
        // Loose bounds on a shared 2-core machine: they fail when a view computes on the FX thread or holds
        // the network's lock for long (the run or the window then stops for seconds), not when a core is busy.
        assertThat(looking).as("epochs per second while looking, against %.2f left alone", alone)
                .isGreaterThan(0.2 * alone);
        assertThat(pulses.percentileMillis(0.5)).as("the window's median pulse gap").isLessThan(100);
        robot.clickOn("#networkTab");
        robot.clickOn("#stopButton");
        await(60, "the run stopped", () -> training.session().state() == TrainingState.IDLE);
    }

    /** Waits for {@code condition}, checked on the FX thread, and says what did not happen. */
    private void await(int seconds, String what, Callable<Boolean> condition) throws Exception {
        await(seconds, what, condition, () -> "");
    }

    /** @param detail what the view said, for the message when it did not come */
    private void await(int seconds, String what, Callable<Boolean> condition, Callable<String> detail)
            throws Exception {
        try {
            awaitFx(seconds, condition);
        } catch (TimeoutException e) {
            var session = window.training().session();
            throw new AssertionError("no " + what + " after " + seconds + " s; the run is " + session.state()
                    + ": " + session.statusProperty().get() + " " + onFx(detail), e);
        }
    }

    /** Epochs trained per second over the next {@code seconds}, read from the loss chart's x values. */
    private static double epochsPerSecond(ObservableList<XYChart.Data<Number, Number>> loss, int seconds)
            throws Exception {
        double first = lastEpoch(loss);
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        return (lastEpoch(loss) - first) / ((System.nanoTime() - started) / 1e9);
    }

    private static double lastEpoch(ObservableList<XYChart.Data<Number, Number>> loss) throws Exception {
        return onFx(() -> loss.get(loss.size() - 1).getXValue().doubleValue());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
