package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a first start places it on this screen: its panels where the layout puts them, not squeezed. */
@ExtendWith(ApplicationExtension.class)
class FirstStartLayoutTest {

    private TestWindows.Opened opened;

    @Start
    void start(Stage stage) throws Exception {
        opened = TestWindows.openPlaced(stage);
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestWindows.close(opened);
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
