package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.RunCatalog;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.ninexplorer.ui.training.TrainingState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Runs view of the real window over real short runs: compare two, open one, continue a stopped one. */
class RunsWindowTest extends WindowTest {

    static final String BASELINE = "20261201-100000-tiny";
    static final String WIDER = "20261201-101500-tiny-wider";
    static final String STOPPED = "20261201-103000-tiny-stopped";

    @TempDir
    static Path trained;

    /** A run of {@code arch} on 320 images of the bundled sample (10 steps an epoch); stopped after {@code stopAfter}. */
    static void train(Path runs, String name, Architecture arch, int epochs, int stopAfter) throws Exception {
        TrainingRun[] run = new TrainingRun[1];
        run[0] = new TrainingRun(new TrainingRequest(arch, Hyperparameters.defaults().withEpochs(epochs).withBatchSize(32),
                TinyNets.sample(), "sample", runs.resolve(name), 320, 100), event -> {
                    if (event instanceof TrainingEvent.Epoch e && e.epoch() == stopAfter) {
                        run[0].stop();
                    }
                });
        run[0].call();
    }

    @BeforeAll
    static void trainRuns() throws Exception {
        train(trained, BASELINE, TinyNets.TINY_28, 2, 0);
        train(trained, WIDER, TinyNets.TINY_28.withLayer(0, new NinBlock(24, 5, 2, 2)), 2, 0);
        train(trained, STOPPED, TinyNets.TINY_28, 3, 1);
    }

    /** The window on a data directory that holds the runs trained once for the class. */
    @Override
    TestWindows.Opened open(Stage stage) throws Exception {
        TestWindows.Opened window = super.open(stage);
        copyTree(trained, window.runs());
        return window;
    }

    private void showRuns(FxRobot robot, String... rows) throws Exception {
        robot.clickOn("#runsTab");
        for (String row : rows) {
            awaitFx(30, () -> robot.lookup("#run-" + row).match(Node::isVisible)
                    .tryQuery().isPresent());
        }
    }

    @Test
    void twoRealRunsAreOverlaidWithALegendAndATable(FxRobot robot) throws Exception {
        showRuns(robot, BASELINE, WIDER);
        robot.clickOn("#run-" + BASELINE);
        robot.press(KeyCode.CONTROL).clickOn("#run-" + WIDER).release(KeyCode.CONTROL);
        robot.clickOn("#compareRuns");
        // The Exercises tab has a comparison of its own: look inside the Runs view.
        Node runsView = robot.lookup(".runs-view").query();

        LineChart<?, ?> loss = robot.from(runsView).lookup("#compareLoss").queryAs(LineChart.class);
        LineChart<?, ?> accuracy = robot.from(runsView).lookup("#compareAccuracy").queryAs(LineChart.class);
        assertThat(loss.getData()).hasSize(2);
        assertThat(loss.getData().get(0).getData()).hasSize(20);
        assertThat(accuracy.getData()).hasSize(4);
        assertThat(loss.getData().get(0).getNode().getStyle()).isNotEqualTo(loss.getData().get(1).getNode().getStyle());
        List<String> legend = robot.from(runsView).lookup("#compareLegend").queryAs(FlowPane.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertThat(legend).containsExactlyInAnyOrder(BASELINE, WIDER);
        TableView<?> table = robot.from(runsView).lookup("#compareTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        assertThat(((NumberAxis) loss.getXAxis()).getLabel()).isEqualTo("epoch");
        String diff = robot.from(runsView).lookup("#compareDiff").queryAs(javafx.scene.control.TextArea.class).getText();
        assertThat(diff).contains("~    0    0  nin", "16 → 24", "layers: 0 removed, 0 added, 1 changed");

        Node graph = runsView.lookup("#comparedGraph");
        assertThat(graph.isVisible()).isTrue();
        assertThat(graph.lookup("#compared-card-0").getStyleClass()).as("the widened block").contains("diff-changed");
        assertThat(((Label) graph.lookup("#compared-mark-0").lookup(".diff-delta")).getText()).contains("channels 16 → 24",
                "params +");
        assertThat(graph.lookup("#compared-card-1").getStyleClass()).as("the pool after it").contains("diff-unchanged")
                .doesNotContain("diff-changed");
        assertThat(graph.lookup("#compared-card-input").getStyleClass()).contains("diff-unchanged");
        assertThat(robot.lookup("#card-0").queryAll()).as("the window's graph keeps its ids to itself").hasSize(1);
        assertThat(graph.lookupAll(".diff-added")).isEmpty();
        assertThat(graph.lookupAll(".diff-ghost")).isEmpty();
        assertThat(((Label) graph.lookup("#compared-diff-summary")).getText()).startsWith("Marked against " + BASELINE
                + ": 1 changed, 0 added, 0 removed");

        robot.clickOn(robot.from(runsView).lookup("#alignTime").<Node>query());
        assertThat(((NumberAxis) robot.from(runsView).lookup("#compareLoss").queryAs(LineChart.class).getXAxis()).getLabel())
                .isEqualTo("wall time (s)");
    }

    @Test
    void inPresentationModeTheColumnsGrowWithTheTextAndNoEmptyComparisonShows(FxRobot robot) throws Exception {
        showRuns(robot, BASELINE);
        Node runsView = robot.lookup(".runs-view").query();
        assertThat(robot.from(runsView).lookup("#compareSplit").query().isVisible()).as("no empty charts or table")
                .isFalse();
        TableView<?> runs = robot.from(runsView).lookup("#runsTable").queryAs(TableView.class);
        javafx.scene.control.TableColumn<?, ?> params = runs.getColumns().stream()
                .filter(c -> "run-params".equals(c.getId())).findFirst().orElseThrow();
        double before = params.getWidth();
        robot.clickOn("#presentationToggle");
        WaitForAsyncUtils.waitForFxEvents();
        // 20 px text instead of 14: a column as wide as before showed "Pa…" over "148…".
        assertThat(params.getWidth()).as("the params column with the presentation text").isGreaterThan(before * 1.3);
    }

    @Test
    void anOpenedRunIsReadOnlyUntilEditAsNew(FxRobot robot) throws Exception {
        showRuns(robot, WIDER);
        robot.clickOn("#run-" + WIDER);
        robot.clickOn("#openRun");

        Node banner = robot.lookup("#runBanner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(opened.window().editor().readOnlyProperty().get()).isTrue();
        assertThat(robot.lookup("#card-0").tryQuery()).as("the graph is in front").isPresent();
        assertThat(opened.window().training().charts().testAccuracy().points()).hasSize(2);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.window().featureMaps().sourceProperty().get()
                .equals("Network: loaded run " + WIDER));

        robot.clickOn("#editAsNewButton");
        assertThat(banner.isVisible()).isFalse();
        assertThat(opened.window().editor().readOnlyProperty().get()).isFalse();
    }

    @Test
    void aStoppedRunContinuesFromTheRunsView(FxRobot robot) throws Exception {
        var session = opened.window().training().session();
        showRuns(robot, STOPPED);
        robot.clickOn("#run-" + STOPPED);
        robot.clickOn("#continueRun");

        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> session.state() == TrainingState.IDLE
                && RunCatalog.summarise(opened.runs().resolve(STOPPED)).state() == RunSummary.State.COMPLETED);
        assertThat(session.statusIsErrorProperty().get()).as(session.statusProperty().get()).isFalse();
        assertThat(RunCatalog.summarise(opened.runs().resolve(STOPPED)).epochsDone()).isEqualTo(3);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> opened.window().training().charts().testAccuracy().points().size() == 3);
        showRuns(robot, STOPPED);
        awaitFx(30, () -> robot.lookup("#run-" + STOPPED).lookup(".run-status")
                .queryAll().stream().anyMatch(c -> "completed".equals(((Labeled) c).getText())));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
