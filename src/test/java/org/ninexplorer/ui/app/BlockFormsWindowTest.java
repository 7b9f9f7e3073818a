package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;
import org.testfx.api.FxRobot;

/** The NiN exercises' edits in the real window: a block's form in the inspector, a dense layer instead of GAP. */
class BlockFormsWindowTest extends WindowTest {

    @Test
    void theInspectorEditsABlocksFormAndTheCardShowsEachConvolutionInFull(FxRobot robot) {
        robot.clickOn("#card-0");
        type(robot, "#mlp", "1");
        ChoiceBox<?> kernel = robot.lookup("#mlp-kernel").queryAs(ChoiceBox.class);
        robot.clickOn(kernel);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        assertThat(opened.window().editor().architecture().layers().get(0)).isEqualTo(new NinBlock(32, 5, 1, 2, 1, 3));
        robot.clickOn(robot.lookup("#card-0 .expand").queryAs(ToggleButton.class));
        List<Label> convs = List.copyOf(robot.lookup("#card-0 .conv-line").queryAllAs(Label.class));
        assertThat(convs).extracting(Label::getText).containsExactly(
                "conv 5×5 / 1 p2 → 32×28×28\n832 params, 627,200 MACs",
                "conv 3×3 p1 → 32×28×28\n9,248 params, 7,225,344 MACs");
        for (Label conv : convs) {
            // What is drawn, not only what is set: a label too narrow for its text shows "…".
            String drawn = conv.lookupAll(".text").stream().map(n -> ((Text) n).getText()).reduce("", String::concat);
            assertThat(drawn).as("drawn text of %s", conv.getText()).isEqualTo(conv.getText());
        }

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(opened.window().editor().architecture()).isEqualTo(Presets.FASHION_28);
        assertThat(robot.lookup("#mlp").queryAs(Spinner.class).getValue()).isEqualTo(2);
    }

    @Test
    void gapIsReplacedByADenseLayerAndBackWithUndo(FxRobot robot) {
        int gap = Presets.FASHION_28.layers().size() - 1;
        robot.clickOn("#card-" + gap);
        clickInInspector(robot, "#remove");
        robot.clickOn("#card-" + (gap - 1));
        clickInInspector(robot, "#add-dense");

        assertThat(opened.window().editor().architecture().layers().get(gap)).isEqualTo(new Dense(10));
        Node card = robot.lookup("#card-" + gap).query();
        assertThat(card.getStyleClass()).contains("kind-dense").doesNotContain("invalid");
        assertThat(robot.lookup("#card-" + gap + " .card-shape").queryAs(Label.class).getText()).isEqualTo("10");
        assertThat(robot.lookup("#problems").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#put-back-gap").query().isVisible()).isFalse();
        type(robot, "#units", "12");
        assertThat(robot.lookup("#problems").queryAs(Label.class).getText())
                .startsWith("Layer " + gap + " (units): The last dense layer has 12 units but there are 10 classes");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(opened.window().editor().architecture()).isEqualTo(Presets.FASHION_28);
    }

    /** A block's form can fill the inspector, which scrolls; its layer buttons are at the bottom. */
    private static void clickInInspector(FxRobot robot, String button) {
        Node node = robot.lookup(button).query();
        Node parent = node.getParent();
        while (!(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        ScrollPane scroll = (ScrollPane) parent;
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        robot.clickOn(node);
    }

    private static void type(FxRobot robot, String spinner, String text) {
        Spinner<?> field = robot.lookup(spinner).queryAs(Spinner.class);
        robot.clickOn(field.getEditor());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text).type(KeyCode.ENTER);
    }
}
