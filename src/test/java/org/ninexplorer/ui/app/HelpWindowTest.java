package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.ninexplorer.training.Versions;
import org.ninexplorer.ui.help.Shortcuts;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Help ▸ Keyboard shortcuts, What is NiN? and About, in the real window. */
class HelpWindowTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.open(stage, 1300, 850);
    }

    private static MenuItem item(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }

    private static void fire(FxRobot robot, String id) throws Exception {
        MenuItem item = item(robot, id);
        WaitForAsyncUtils.asyncFx(item::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void close(FxRobot robot, String query) throws Exception {
        javafx.stage.Window dialog = robot.lookup(query).query().getScene().getWindow();
        WaitForAsyncUtils.asyncFx(dialog::hide).get();
    }

    @Test
    void theShortcutsAreTheMenusAcceleratorsAndTheWindowsKeys(FxRobot robot) throws Exception {
        fire(robot, "help-shortcuts");
        awaitFx(30, () -> robot.lookup("#shortcuts-table").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#shortcuts-table").queryAs(TableView.class);
        List<Shortcuts.Row> rows = table.getItems().stream().map(Shortcuts.Row.class::cast).toList();
        String save = KeyCombination.keyCombination("Shortcut+S").getDisplayText();
        String zoomIn = KeyCombination.keyCombination("Shortcut+Add").getDisplayText();
        assertThat(rows).contains(new Shortcuts.Row("File ▸ Save", save),
                new Shortcuts.Row("Training ▸ Start", "F5"), new Shortcuts.Row("Help ▸ Keyboard shortcuts", "F1"));
        assertThat(rows).anySatisfy(r -> assertThat(r.keys()).contains(zoomIn));
        // Every accelerator of the menus is listed, so a new one cannot be forgotten.
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        long accelerators = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> !(i instanceof Menu) && i.getAccelerator() != null)
                .map(i -> i.getAccelerator().getDisplayText()).distinct().count();
        assertThat(rows.stream().map(Shortcuts.Row::keys).distinct().count()).isGreaterThanOrEqualTo(accelerators);
        close(robot, "#shortcuts-table");
    }

    @Test
    void whatIsNinExplainsTheOneByOneConvolutionGapAndTheShapeFormula(FxRobot robot) throws Exception {
        fire(robot, "help-nin");
        awaitFx(30, () -> robot.lookup("#nin-page").tryQuery().isPresent());
        List<Label> labels = List.copyOf(robot.lookup("#nin-page .label").queryAllAs(Label.class));
        String text = labels.stream().map(Label::getText).reduce("", (a, b) -> a + "\n" + b);
        assertThat(labels).filteredOn(l -> l.getStyleClass().contains("help-heading")).extracting(Label::getText)
                .containsExactly("Network in Network", "The 1×1 convolution", "Global average pooling (GAP)",
                        "The shape formula");
        assertThat(text).contains("1×1 convolution", "Global average pooling", "out = ⌊(in + 2p − k) / s⌋ + 1",
                "96 × 54 × 54");
        close(robot, "#nin-page");
    }

    @Test
    void aboutNamesTheVersionsAndTheBackend(FxRobot robot) throws Exception {
        opened.backend().get(300, TimeUnit.SECONDS);
        fire(robot, "help-about");
        awaitFx(30, () -> robot.lookup("#about-text").tryQuery().isPresent());
        String about = robot.lookup("#about-text").queryAs(Label.class).getText();
        assertThat(about).contains("DL4J and ND4J " + Versions.DL4J, "Java " + System.getProperty("java.version"),
                "JavaFX 21", "Backend: " + opened.backend().get());
        double normal = robot.lookup("#about-text").queryAs(Label.class).getFont().getSize();
        close(robot, "#about-text");

        // In presentation mode a help dialog is as large as the window's text, for the back of the room.
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.ToggleButton) opened.window().view()
                .lookup("#presentationToggle")).fire()).get();
        fire(robot, "help-about");
        awaitFx(30, () -> robot.lookup("#about-text").tryQuery().isPresent());
        assertThat(robot.lookup("#about-text").queryAs(Label.class).getFont().getSize()).isGreaterThanOrEqualTo(20)
                .isGreaterThan(normal);
        close(robot, "#about-text");
    }
}
