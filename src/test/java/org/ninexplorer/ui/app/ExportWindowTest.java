package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.training.RunMetrics;
import org.ninexplorer.training.RunStorageException;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.ui.common.ChartCsv;
import org.ninexplorer.ui.common.SnapshotExport;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Pictures of the real window saved as PNG at 1× and 2× and as SVG, a chart's data as CSV, and the clipboard. */
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
    void theGraphSavesAsSvgWithEveryStringItShowsAsText() throws Exception {
        SnapshotExport.Picture graph = picture("graph");
        Path file = folder.resolve("graph.svg");
        Bounds bounds = WaitForAsyncUtils.asyncFx(() -> {
            SnapshotExport.saveSvg(graph.node(), file);
            return graph.node().getBoundsInParent();
        }).get();
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> texts(graph.node(), new ArrayList<>())).get();

        Element svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        assertThat(svg.getTagName()).isEqualTo("svg");
        assertThat(Double.parseDouble(svg.getAttribute("width"))).isCloseTo(Math.ceil(bounds.getWidth()), org.assertj.core.data.Offset.offset(1.0));
        StringBuilder written = new StringBuilder();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            written.append(texts.item(i).getTextContent().replaceAll("\\s", ""));
            assertThat(((Element) texts.item(i)).getAttribute("style")).as("a generic family to fall back on")
                    .containsPattern("font-family: [^;]*(sans-serif|monospace)");
        }
        assertThat(shown).as("the cards' words and shapes").hasSizeGreaterThan(20).contains("32×28×28");
        assertThat(written.toString()).as("every string of the graph, in order, as SVG text")
                .containsSubsequence(shown.stream().map(t -> t.replaceAll("\\s", "")).toList());
        assertThat(svg.getElementsByTagName("rect").getLength() + svg.getElementsByTagName("path").getLength())
                .as("the cards' boxes").isGreaterThan(10);
    }

    @Test
    void aChartsSvgDrawsItsSeriesAsPaths() throws Exception {
        RunMetrics metrics = new RunMetrics(List.of(new RunMetrics.IterationRow(1, 1, 2.3),
                new RunMetrics.IterationRow(1, 2, 1.9), new RunMetrics.IterationRow(2, 1, 1.2),
                new RunMetrics.IterationRow(2, 2, 0.8)), List.of());
        WaitForAsyncUtils.asyncFx(() -> opened.window().training().charts().replay(metrics)).get();
        SnapshotExport.Picture loss = picture("loss");
        Path file = folder.resolve("loss.svg");
        WaitForAsyncUtils.asyncFx(() -> {
            SnapshotExport.saveSvg(loss.node(), file);
            return null;
        }).get();
        Element svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        NodeList paths = svg.getElementsByTagName("path");
        boolean line = false;
        for (int i = 0; i < paths.getLength(); i++) {
            line |= ((Element) paths.item(i)).getAttribute("d").split("L").length >= 4;
        }
        assertThat(line).as("a path through the four losses").isTrue();
    }

    @Test
    void aPictureWithImagesOffersNoSvg() throws Exception {
        List<String> ids = WaitForAsyncUtils.asyncFx(() -> {
            SnapshotExport.Picture maps = new SnapshotExport.Picture(new VBox(new Label("block 1"),
                    new ImageView(new WritableImage(4, 4))), "maps", "Maps");
            // The items are only listed here, never run, so they need no dialogs.
            return SnapshotExport.items(maps, null).stream().map(MenuItem::getId).toList();
        }).get();
        assertThat(ids).contains("export-png-2x").doesNotContain("export-svg");
    }

    private static List<String> texts(javafx.scene.Node node, List<String> found) {
        if (!node.isVisible()) {
            return found;
        }
        if (node instanceof Text text && text.getText() != null && !text.getText().isBlank()) {
            found.add(text.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> texts(child, found));
        }
        return found;
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
                "graph-export-svg", "export-loss", "loss-export-csv", "loss-export-svg", "export-accuracy", "export-run-metrics")
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
