package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.ui.graph.GraphZoom;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The whole net in view, without scrolling, on the screens a class meets: a laptop and two projectors. */
class WindowFitTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.open(stage, 1366, 768);
    }

    @Test
    void fashion28FitsALaptopAt100PercentAndStillFitsWithAnImpossibleLayer(FxRobot robot) {
        assertWholeGraphVisible(robot, "fashion-28 at 1366×768");
        assertThat(zoom().scale()).as("drawn at its natural size").isEqualTo(1.0);

        robot.interact(() -> {
            opened.window().editor().select(3);
            opened.window().editor().editLayer(MaxPool.class, "kernel", p -> p.withKernel(15));
        });
        assertThat(robot.lookup("#card-3").query().getStyleClass()).contains("invalid");
        assertWholeGraphVisible(robot, "with a red card");
        assertThat(zoom().scale()).as("still readable").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void inPresentationModeBothPresetsFillTheGraphAreaOnProjectors(FxRobot robot) {
        robot.clickOn("#presentationToggle");
        for (String preset : java.util.List.of("d2l-224", "fashion-28")) {
            robot.interact(() -> opened.window().editor().newFromPreset(preset));
            for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                String where = preset + " presenting at " + size[0] + "×" + size[1];
                assertWholeGraphVisible(robot, where);
                // On 20-pixel presentation text: cards at 16 pixels and more.
                assertThat(zoom().scale()).as(where).isGreaterThanOrEqualTo(0.8);
            }
        }
    }

    @Test
    void inPresentationModeTheFeatureMapControlsAreWholeAt1280By800(FxRobot robot) {
        robot.clickOn("#presentationToggle");
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        robot.clickOn("#featureMapsTab");
        WaitForAsyncUtils.waitForFxEvents();
        double width = stage.getScene().getWidth();
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<Node> controls = new java.util.ArrayList<>();
        for (String kind : java.util.List.of(".label", ".button", ".toggle-button", ".spinner")) {
            controls.addAll(robot.lookup(".fm-header " + kind).queryAll());
        }
        assertThat(controls).as("the header's controls").hasSizeGreaterThanOrEqualTo(9);
        for (Node control : controls) {
            Bounds b = control.localToScene(control.getBoundsInLocal());
            assertThat(b.getMaxX()).as("%s (%s) inside the window", control, b).isLessThanOrEqualTo(width);
            if (control instanceof javafx.scene.control.Labeled labeled) {
                assertThat(labeled.getWidth()).as("'%s' not cut", labeled.getText())
                        .isGreaterThanOrEqualTo(labeled.prefWidth(-1) - 0.5);
            }
        }
    }

    @Test
    void ctrlKeysAndTheWheelZoomInAnyModeAndCtrl0FitsAgain(FxRobot robot) {
        robot.clickOn("#summary");
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.EQUALS)
                .release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(zoom().fittingProperty().get()).isFalse();
        assertThat(zoom().scale()).isGreaterThan(1.1);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.MINUS)
                .type(javafx.scene.input.KeyCode.MINUS).release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(zoom().scale()).isLessThan(1.0);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT0)
                .release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(zoom().fittingProperty().get()).isTrue();
        assertThat(zoom().scale()).isEqualTo(1.0);

        robot.moveTo("#card-1");
        robot.press(javafx.scene.input.KeyCode.CONTROL).scroll(2, javafx.geometry.VerticalDirection.UP)
                .release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(zoom().fittingProperty().get()).isFalse();
        assertThat(zoom().scale()).isNotEqualTo(1.0);
    }

    private GraphZoom zoom() {
        return opened.window().view().graph().zoom();
    }

    /** Every card inside the window graph's viewport, and no scroll bar (the comparisons have graphs too). */
    private void assertWholeGraphVisible(FxRobot robot, String where) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane scroll = robot.lookup("#graphSplit .graph-view > .scroll-pane").queryAs(ScrollPane.class);
        Bounds viewport = scroll.localToScene(scroll.getViewportBounds().getWidth() > 0
                ? new javafx.geometry.BoundingBox(0, 0, scroll.getViewportBounds().getWidth(),
                scroll.getViewportBounds().getHeight()) : scroll.getLayoutBounds());
        Bounds content = scroll.getContent().getBoundsInParent();
        assertThat(content.getHeight()).as("%s: graph height within its area", where)
                .isLessThanOrEqualTo(scroll.getViewportBounds().getHeight() + 0.5);
        for (Node card : robot.lookup("#graphSplit .layer-card").queryAll()) {
            Bounds b = card.localToScene(card.getBoundsInLocal());
            assertThat(viewport.contains(b.getMinX() + 1, b.getMinY() + 1) && viewport.contains(b.getMaxX() - 1, b.getMaxY() - 1))
                    .as("%s: %s (%s) inside the graph area %s", where, card.getId(), b, viewport).isTrue();
        }
    }
}
