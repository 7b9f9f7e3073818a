package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.ninexplorer.ui.exercises.ExercisesViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Exercise 1 set up in the real window on a tiny budget: two real runs, then their comparison in the tab. */
class ExercisesWindowTest extends WindowTest {

    @Test
    void settingUpOneConvolutionPerBlockShowsTheComparisonOfTwoRuns(FxRobot robot) throws Exception {
        opened.backend().get(120, TimeUnit.SECONDS);
        ExercisesViewModel exercises = opened.window().exercises();
        robot.interact(() -> {
            exercises.epochsProperty().set(1);
            exercises.limitTrainProperty().set(64);
            exercises.limitTestProperty().set(32);
        });
        robot.clickOn("#exercisesTab");
        robot.clickOn("#exercise-three-1x1");
        robot.clickOn("#exercise-one-1x1");
        Node tab = robot.lookup("#exercisesView").query();
        TextArea diff = robot.from(tab).lookup("#exerciseDiff").queryAs(TextArea.class);
        assertThat(diff.isVisible()).isTrue();
        assertThat(diff.getText()).contains("mlp 2 → 1");

        robot.clickOn("#setUpExercise");
        // 1 suite run in 8 the set-up never ended (a 300 s timeout, no sentence): say which way it stalled.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !exercises.messageProperty().get().isEmpty());

        TableView<?> table = robot.from(tab).lookup("#compareTable").queryAs(TableView.class);
        Node cancel = robot.lookup("#cancelExercise").query();
        try {
            WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> table.isVisible() && table.getItems().size() == 2
                    && cancel.isDisabled());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the set-up did not end with a comparison; it says: "
                    + exercises.messageProperty().get() + " (cancel " + (cancel.isDisabled() ? "off" : "on") + ")", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<?, ?> loss = robot.from(tab).lookup("#compareLoss").queryAs(LineChart.class);
        assertThat(loss.getData()).hasSize(2);
        assertThat(diff.isVisible()).as("the comparison shows the diff now").isFalse();
        assertThat(robot.from(tab).lookup("#compareDiff").queryAs(TextArea.class).getText())
                .contains("layers: 0 removed, 0 added, 4 changed");
        try (Stream<java.nio.file.Path> runs = Files.list(opened.runs())) {
            assertThat(runs.map(p -> p.getFileName().toString()))
                    .hasSize(2).anyMatch(f -> f.endsWith("-fashion-28-one-1x1"));
        }

        // On a laptop's 1366×768 the curves stay readable in front of a class: whole titles, room to plot.
        robot.interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String chart : java.util.List.of("#compareLoss", "#compareAccuracy")) {
            LineChart<?, ?> shown = robot.from(tab).lookup(chart).queryAs(LineChart.class);
            javafx.scene.control.Label title = (javafx.scene.control.Label) shown.lookup(".chart-title");
            assertThat(title.getWidth()).as("%s's title whole", chart).isGreaterThanOrEqualTo(title.prefWidth(-1) - 0.5);
            assertThat(shown.getHeight()).as("%s's height at 1366×768", chart).isGreaterThanOrEqualTo(180);
        }
    }
}
