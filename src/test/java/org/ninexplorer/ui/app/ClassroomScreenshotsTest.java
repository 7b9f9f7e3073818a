package org.ninexplorer.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a check but the README's pictures of a chart's export menu and Help ▸ Keyboard shortcuts and What is NiN?:
 * {@code xvfb-run -a -s "-screen 0 1366x768x24" mvn -o test -Dtest=ClassroomScreenshotsTest -Dnin.screenshots=docs}
 * (needs ImageMagick's {@code import}).
 */
@EnabledIfSystemProperty(named = "nin.screenshots", matches = ".+")
class ClassroomScreenshotsTest extends WindowTest {

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.open(stage, 1366, 740);
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("nin.screenshots"));
        Files.createDirectories(dir);
        opened.backend().get(300, TimeUnit.SECONDS);
        robot.rightClickOn("#lossChart");
        robot.sleep(800);
        shoot(dir.resolve("export-menu.png"));
        robot.type(KeyCode.ESCAPE);
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        fire(bar, "help-shortcuts");
        robot.sleep(1200);
        shoot(dir.resolve("help-shortcuts.png"));
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#shortcuts-table").query().getScene().getWindow().hide()).get();
        fire(bar, "help-nin");
        robot.sleep(1200);
        shoot(dir.resolve("help-nin.png"));
    }

    private static void fire(MenuBar bar, String id) throws Exception {
        MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(item::fire).get();
    }

    private static void shoot(Path file) throws Exception {
        new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }
}
