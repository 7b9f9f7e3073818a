package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.css.PseudoClass;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Before any training, the feature-map view's Step through tab runs the chosen test image through the graph's
 * fashion-28 as training would start it, and the keys and buttons step through its 30 operations.
 */
class StepThroughWindowTest extends WindowTest {

    @Test
    void theKeysAndButtonsStepThroughTheUntrainedNet(FxRobot robot) throws Exception {
        opened.backend().get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.window().featureMaps().datasetProperty().get() != null);
        robot.clickOn("#featureMapsTab");
        robot.clickOn("#stepThroughTab");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> position(robot).equals("Step 0 of 30"));
        assertThat(label(robot, "#stepNetworkLabel")).contains("untrained").contains("seed 42");
        assertThat(label(robot, "#stepTitleLabel")).startsWith("Input: test image 0");
        assertThat(robot.lookup("#step-input").tryQuery()).isPresent();

        // The tab header has the focus after the click: its own arrow keys would switch tabs.
        robot.type(KeyCode.RIGHT);
        assertThat(position(robot)).isEqualTo("Step 1 of 30");
        assertThat(robot.lookup("#stepThroughTab").query().getPseudoClassStates())
                .as("the tab header stays where it is").contains(PseudoClass.getPseudoClass("selected"));
        assertThat(label(robot, "#stepFormulaLabel")).isEqualTo("28 + 2·2 − 5 = 27 → ⌊27/1⌋ + 1 = 28");
        assertThat(robot.lookup("#st-tile-31").tryQuery()).as("32 maps").isPresent();
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.SPACE);
        assertThat(position(robot)).isEqualTo("Step 3 of 30");
        assertThat(label(robot, "#stepLessonLabel")).startsWith("A 1×1 convolution keeps the size and mixes channels");
        robot.type(KeyCode.LEFT);
        assertThat(position(robot)).isEqualTo("Step 2 of 30");
        assertThat(label(robot, "#stepLessonLabel")).startsWith("ReLU sets negatives to 0");

        robot.type(KeyCode.END);
        assertThat(position(robot)).isEqualTo("Step 30 of 30");
        assertThat(label(robot, "#stepTitleLabel")).startsWith("Softmax");
        assertThat(robot.lookup("#st-values").tryQuery()).isPresent();
        assertThat(robot.lookup("#stepForwardButton").queryButton().isDisabled()).isTrue();
        robot.type(KeyCode.RIGHT);
        assertThat(position(robot)).isEqualTo("Step 30 of 30");

        robot.type(KeyCode.HOME);
        assertThat(position(robot)).isEqualTo("Step 0 of 30");
        assertThat(robot.lookup("#stepBackButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#stepForwardButton");
        assertThat(position(robot)).isEqualTo("Step 1 of 30");
        robot.clickOn("#step-22");
        assertThat(position(robot)).isEqualTo("Step 22 of 30");
        assertThat(label(robot, "#stepLessonLabel")).startsWith("Dropout does nothing at inference");
        robot.clickOn("#stepLastButton");
        robot.clickOn("#stepBackButton");
        assertThat(position(robot)).isEqualTo("Step 29 of 30");
        assertThat(label(robot, "#stepLessonLabel")).startsWith("GAP averages each class map into a score");

        // Another test image: the same step, its numbers.
        robot.clickOn("#sample-5");
        awaitFx(60, () -> robot.lookup("#st-values").tryQuery().isPresent()
                && label(robot, "#stepPositionLabel").equals("Step 29 of 30"));
        awaitFx(60, () -> robot.lookup("#step-0").queryAs(Label.class)
                .getTooltip().getText().startsWith("Input: test image 5"));
    }

    private static String position(FxRobot robot) {
        return label(robot, "#stepPositionLabel");
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
