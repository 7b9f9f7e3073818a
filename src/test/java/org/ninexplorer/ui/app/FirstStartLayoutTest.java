package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a first start places it on this screen: its panels where the layout puts them, not squeezed. */
class FirstStartLayoutTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.openPlaced(stage);
    }

    @Test
    void theInspectorOpensBesideTheGraphAtItsPlaceWithItsLabelsWhole(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        SplitPane split = robot.lookup("#graphSplit").queryAs(SplitPane.class);
        Region inspector = (Region) split.getItems().get(1);
        // Laid out first at the root's preferred width (2,045 pixels), the inspector kept 409 of them at any
        // window size, or was squeezed to 67 pixels without a minimum of its own.
        assertThat(split.getDividerPositions()[0]).as("the divider where the layout puts it").isCloseTo(0.8, within(0.02));
        assertThat(inspector.getWidth()).as("the inspector's labels whole").isGreaterThanOrEqualTo(250);
    }
}
