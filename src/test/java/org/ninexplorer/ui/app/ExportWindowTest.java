package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.training.RunMetrics;
import org.ninexplorer.training.RunStorageException;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.ui.common.ChartCsv;
import org.ninexplorer.ui.common.SnapshotExport;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Pictures of the real window saved as PNG at 1× and 2×, a chart's data as CSV, and the clipboard. */
class ExportWindowTest extends WindowTest {

    @TempDir
    Path folder;

    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        return TestWindows.open(stage, 1300, 850);
    }

    private SnapshotExport.Picture picture(String name) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> SnapshotExport.shown(opened.window().view()).stream()
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow()).get();
    }

    @Test
    void theGraphSavesAsPngAtOneAndTwiceItsSize() throws Exception {
        SnapshotExport.Picture graph = picture("graph");
        Path one = folder.resolve("graph.png");
        Path two = folder.resolve("graph@2x.png");
        Bounds bounds = WaitForAsyncUtils.asyncFx(() -> {
            SnapshotExport.savePng(graph.node(), 1, one);
            SnapshotExport.savePng(graph.node(), 2, two);
            return graph.node().getBoundsInParent();
        }).get();

        BufferedImage small = ImageIO.read(one.toFile());
        BufferedImage large = ImageIO.read(two.toFile());
        assertThat(small.getWidth()).isCloseTo((int) Math.ceil(bounds.getWidth()), org.assertj.core.data.Offset.offset(1));
        assertThat(small.getHeight()).isCloseTo((int) Math.ceil(bounds.getHeight()), org.assertj.core.data.Offset.offset(1));
        assertThat(small.getWidth()).isGreaterThan(200);
        assertThat(large.getWidth()).isCloseTo(2 * small.getWidth(), org.assertj.core.data.Offset.offset(1));
        assertThat(large.getHeight()).isCloseTo(2 * small.getHeight(), org.assertj.core.data.Offset.offset(1));
        assertThat(Files.list(folder).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                "graph.png", "graph@2x.png");
    }

    @Test
    void aChartsCsvHoldsItsSeriesPointForPoint() throws Exception {
        RunMetrics metrics = new RunMetrics(List.of(new RunMetrics.IterationRow(1, 1, 2.3),
                new RunMetrics.IterationRow(1, 2, 1.9), new RunMetrics.IterationRow(2, 1, 1.2),
                new RunMetrics.IterationRow(2, 2, 0.8)),
                List.of(new TrainingEvent.Epoch(1, 2.1, 0.4, 0.45, 3, 100),
                        new TrainingEvent.Epoch(2, 1.0, 0.7, 0.72, 3, 100)));
        WaitForAsyncUtils.asyncFx(() -> opened.window().training().charts().replay(metrics)).get();
        SnapshotExport.Picture accuracy = picture("accuracy");
        Path csv = folder.resolve("accuracy.csv");
        WaitForAsyncUtils.asyncFx(() -> {
            ChartCsv.write((XYChart<?, ?>) accuracy.node(), csv);
            return null;
        }).get();

        List<String> expected = new ArrayList<>(List.of(ChartCsv.HEADER));
        for (XYChart.Series<?, ?> series : ((XYChart<?, ?>) accuracy.node()).getData()) {
            series.getData().forEach(d -> expected.add(series.getName() + "," + d.getXValue() + "," + d.getYValue()));
        }
        assertThat(Files.readAllLines(csv)).isEqualTo(expected).contains("test,2.0,0.72", "train,1.0,0.4");
    }

    @Test
    void aCopiedPictureIsAnImageOnTheClipboard() throws Exception {
        SnapshotExport.Picture loss = picture("loss");
        double[] size = WaitForAsyncUtils.asyncFx(() -> {
            Clipboard.getSystemClipboard().clear();
            SnapshotExport.copy(loss.node(), 2);
            Clipboard clipboard = Clipboard.getSystemClipboard();
            return clipboard.hasImage() ? new double[] {clipboard.getImage().getWidth(),
                    loss.node().getBoundsInParent().getWidth()} : new double[] {0, 0};
        }).get();
        assertThat(size[0]).as("an image on the clipboard").isGreaterThan(0);
        assertThat(size[0]).isCloseTo(2 * size[1], org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void aFailedSaveSaysWhyAndKeepsWhatWasThere() throws Exception {
        SnapshotExport.Picture graph = picture("graph");
        Path taken = Files.createDirectories(folder.resolve("graph.png"));
        Files.writeString(taken.resolve("keep.txt"), "mine");
        // The refusal is caught on the FX thread: TestFX prints any exception that leaves an async call.
        Throwable refusal = WaitForAsyncUtils.asyncFx(() -> {
            try {
                SnapshotExport.savePng(graph.node(), 1, taken);
                return null;
            } catch (RunStorageException e) {
                return e;
            }
        }).get();
        assertThat(refusal).isInstanceOf(RunStorageException.class).hasMessageStartingWith("Cannot write " + taken);
        assertThat(Files.readString(taken.resolve("keep.txt"))).isEqualTo("mine");
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).containsExactly(taken);
        }
    }

    @Test
    void fileExportListsThePicturesOnScreenWithTheirCommands(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> ids = WaitForAsyncUtils.asyncFx(() -> {
            Menu file = bar.getMenus().get(0);
            file.show();
            file.hide();
            List<String> found = new ArrayList<>();
            collect(file.getItems(), found);
            return found;
        }).get();
        assertThat(ids).contains("export-graph", "graph-export-png-1x", "graph-export-png-2x", "graph-export-copy-2x",
                "export-loss", "loss-export-csv", "export-accuracy", "export-run-metrics")
                .doesNotContain("graph-export-csv", "export-comparison");
    }

    private static void collect(List<MenuItem> items, List<String> ids) {
        for (MenuItem item : items) {
            if (item.getId() != null) {
                ids.add(item.getId());
            }
            if (item instanceof Menu menu) {
                collect(menu.getItems(), ids);
            }
        }
    }
}
