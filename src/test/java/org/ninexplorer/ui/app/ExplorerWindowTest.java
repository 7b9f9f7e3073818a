package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.ninexplorer.ui.training.TrainingState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window under Xvfb: edit, break, train, look inside, stop. */
class ExplorerWindowTest extends WindowTest {

    @Test
    void editingChannelsChangesTheShapes(FxRobot robot) {
        robot.clickOn("#card-0");
        type(robot, "#channels", "48");

        assertThat(shapeOf(robot, "#card-0")).isEqualTo("48×28×28");
        assertThat(shapeOf(robot, "#card-1")).isEqualTo("48×13×13");
        assertThat(window.editor().isDirty()).isTrue();

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(shapeOf(robot, "#card-0")).isEqualTo("32×28×28");
    }

    @Test
    void closingWithUnsavedEditsAsksFirst(FxRobot robot) {
        robot.clickOn("#card-0");
        type(robot, "#channels", "40");
        assertThat(stage.getTitle()).startsWith("• fashion-28");

        requestClose();
        assertThat(robot.lookup("#answer-discard").tryQuery()).isPresent();
        robot.clickOn("#answer-cancel");

        assertThat(stage.isShowing()).isTrue();
        assertThat(window.editor().architecture().layers().get(0).summary()).startsWith("40");
    }

    @Test
    void anImpossibleNetIsRedAndCannotTrain(FxRobot robot) {
        robot.clickOn("#card-3");
        type(robot, "#pool-kernel", "20");

        Node card = robot.lookup("#card-3").query();
        assertThat(card.getStyleClass()).contains("invalid");
        assertThat(robot.lookup("#card-3 .card-problem").queryAs(Label.class).getText()).contains("impossible");
        assertThat(robot.lookup("#card-4").query().getStyleClass()).contains("unreachable");
        Button start = robot.lookup("#startButton").queryButton();
        assertThat(start.isDisabled()).isTrue();
        assertThat(start.getTooltip().getText()).contains("Layer 3 (kernel)");
        assertThat(robot.lookup("#problems").queryAs(Label.class).getText()).contains("impossible");
    }

    @Test
    void aValueOutOfRangeOrNotANumberIsRefusedWithoutAnEdit(FxRobot robot) {
        robot.clickOn("#card-0");
        type(robot, "#channels", "0");

        Spinner<?> channels = robot.lookup("#channels").queryAs(Spinner.class);
        assertThat(shapeOf(robot, "#card-0")).isEqualTo("32×28×28");
        assertThat(channels.getEditor().getText()).isEqualTo("32");
        assertThat(channels.getPseudoClassStates()).extracting(Object::toString).contains("refused");
        assertThat(window.editor().canUndoProperty().get()).as("no hidden undo step").isFalse();

        type(robot, "#channels", "lots");
        assertThat(channels.getEditor().getText()).isEqualTo("32");
        assertThat(window.editor().canUndoProperty().get()).isFalse();
        assertThat(window.editor().isDirty()).isFalse();
    }

    @Test
    void removingGapOffersToPutItBack(FxRobot robot) {
        int gap = window.editor().architecture().layers().size() - 1;
        robot.clickOn("#card-" + gap);
        robot.clickOn("#remove");

        assertThat(robot.lookup("#problems").queryAs(Label.class).getText()).startsWith("Network (layers): The last");
        Button putBack = robot.lookup("#put-back-gap").queryButton();
        assertThat(putBack.isVisible()).isTrue();
        robot.clickOn(putBack);

        assertThat(window.editor().architecture()).isEqualTo(org.ninexplorer.model.Presets.FASHION_28);
        assertThat(putBack.isVisible()).isFalse();
        assertThat(robot.lookup("#problems").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void shortTrainingFillsChartsShowsFeatureMapsAndStops(FxRobot robot) throws Exception {
        var training = window.training();
        robot.interact(() -> {
            // Far more epochs than the test waits for, and paused as soon as one has been tested: the run
            // cannot end on its own before the robot presses Stop.
            training.form().epochsProperty().set(1000);
            training.form().limitTrainProperty().set(512);
            training.form().limitTestProperty().set(100);
            training.form().batchSizeProperty().set(64);
        });
        PulseWatch pulses = new PulseWatch();
        robot.interact(pulses::start);

        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !training.charts().testAccuracy().points().isEmpty());
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> training.session().state() == TrainingState.PAUSED);
        assertThat(window.editor().lockedProperty().get()).isTrue();
        assertThat(training.charts().rawLoss().points()).isNotEmpty();

        robot.clickOn("#featureMapsTab");
        awaitFx(60, () -> robot.lookup("#block-0").tryQuery().isPresent());
        assertThat(robot.lookup("#block-0").queryAs(FlowPane.class).getChildren()).hasSize(32);
        assertThat(robot.lookup("#prediction").queryAs(Label.class).getText()).startsWith("Predicted:");
        assertThat(window.featureMaps().sourceProperty().get()).isEqualTo("Network: the one being trained (latest snapshot)");

        robot.clickOn("#networkTab");
        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> training.session().state() == TrainingState.IDLE);
        robot.interact(pulses::stop);
        assertThat(training.session().statusProperty().get()).contains("Stopped");
        assertThat(window.editor().lockedProperty().get()).isFalse();
        assertThat(training.charts().rawLoss().points()).as("charts remain after the run").isNotEmpty();
        assertThat(window.featureMaps().sourceProperty().get()).isEqualTo("Network: the one trained last");
        // How smooth the window stayed, for the log only: on a shared 2-core machine any thread is sometimes
        // descheduled for a second, so a bound here would fail for reasons that are not the app's.
        System.out.println("FX pulse gaps while training: " + pulses.summary());
    }

    @Test
    void closingWhileTrainingAsksThenStopsAndKeepsTheModel(FxRobot robot) throws Exception {
        var training = window.training();
        robot.interact(() -> {
            training.form().epochsProperty().set(1000);
            training.form().limitTrainProperty().set(512);
            training.form().limitTestProperty().set(100);
        });
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !training.charts().rawLoss().points().isEmpty());

        requestClose();
        assertThat(robot.lookup("#answer-keep-training").tryQuery()).isPresent();
        robot.clickOn("#answer-keep-training");
        assertThat(stage.isShowing()).isTrue();
        assertThat(training.session().state()).isIn(TrainingState.RUNNING, TrainingState.PAUSED);

        requestClose();
        robot.clickOn("#answer-stop-and-close");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !stage.isShowing());

        assertThat(training.session().state()).isEqualTo(TrainingState.IDLE);
        List<Path> runs;
        try (Stream<Path> list = Files.list(opened.runs())) {
            runs = list.toList();
        }
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).resolve("model.zip")).exists();
        assertThat(Files.readString(runs.get(0).resolve("run.json"))).contains("\"stopped\"");
    }

    /** As the window's close button does; later, because the question it asks waits for an answer. */
    private void requestClose() {
        javafx.application.Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String spinner, String text) {
        Spinner<?> field = robot.lookup(spinner).queryAs(Spinner.class);
        robot.clickOn(field.getEditor());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text).type(KeyCode.ENTER);
    }

    private static String shapeOf(FxRobot robot, String card) {
        return robot.lookup(card + " .card-shape").queryAs(Label.class).getText();
    }
}
