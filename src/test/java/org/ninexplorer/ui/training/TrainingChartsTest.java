package org.ninexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.training.BackendInfo;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;

class TrainingChartsTest {

    private static final BackendInfo CPU = new BackendInfo("cpu", "CPU · test");

    private final TrainingCharts charts = new TrainingCharts();

    private static TrainingEvent.Iteration iteration(int epoch, int i, int perEpoch, double loss) {
        return new TrainingEvent.Iteration(epoch, i, (long) (epoch - 1) * perEpoch + i, loss, (double) i / perEpoch, 500, 60);
    }

    @Test
    void theFirstIterationsAreDrawnAtOnceOnAnAxisSpanningThePlannedRun() {
        charts.apply(new TrainingEvent.Started(CPU, "run", 1, 5, 100, 6_400, 500));
        charts.apply(iteration(1, 1, 100, 2.31));
        charts.apply(iteration(1, 2, 100, 2.28));
        charts.apply(iteration(1, 3, 100, 2.20));
        charts.flush();

        assertThat(charts.rawLoss().points()).extracting(d -> d.getXValue().doubleValue())
                .containsExactly(0.01, 0.02, 0.03);
        assertThat(charts.smoothLoss().points()).hasSize(3);
        assertThat(charts.smoothLoss().points().get(0).getYValue().doubleValue()).as("bias-corrected")
                .isCloseTo(2.31, offset(1e-9));
        AxisRange epochs = charts.epochAxisProperty().get();
        assertThat(epochs.lower()).isZero();
        assertThat(epochs.upper()).as("the whole run from its first second").isGreaterThan(5).isLessThanOrEqualTo(5.5);
        assertThat(charts.lossAxisProperty().get()).isEqualTo(new AxisRange(0, 2.5, 0.5));
        assertThat(charts.accuracyAxis()).as("accuracy has its own axis").isEqualTo(new AxisRange(0, 1, 0.2));
    }

    @Test
    void epochsGiveAccuracyPointsAndAStepOfTheMeanLoss() {
        charts.apply(new TrainingEvent.Started(CPU, "run", 1, 2, 10, 640, 500));
        for (int i = 1; i <= 10; i++) {
            charts.apply(iteration(1, i, 10, 2.3 - i / 10.0));
        }
        charts.apply(new TrainingEvent.Epoch(1, 1.8, 0.4, 0.5, 3, 200));
        charts.flush();

        assertThat(points(charts.epochLoss())).containsExactly(List.of(0.0, 1.8), List.of(1.0, 1.8));
        assertThat(points(charts.trainAccuracy())).containsExactly(List.of(1.0, 0.4));
        assertThat(points(charts.testAccuracy())).containsExactly(List.of(1.0, 0.5));
        assertThat(charts.rawLoss().points().get(9).getXValue().doubleValue()).isEqualTo(1.0);
    }

    @Test
    void beforeAnyDataTheAxesAreNeutralAndClearForgetsTheLastRun() {
        assertThat(charts.lossAxisProperty().get()).isEqualTo(AxisRange.LOSS_BEFORE_DATA);
        charts.apply(iteration(1, 1, 10, 40));
        charts.flush();
        assertThat(charts.lossAxisProperty().get().upper()).isEqualTo(50);

        charts.clear();

        assertThat(charts.rawLoss().points()).isEmpty();
        assertThat(charts.lossAxisProperty().get()).isEqualTo(AxisRange.LOSS_BEFORE_DATA);
        charts.apply(iteration(1, 1, 10, 2.0));
        charts.flush();
        assertThat(charts.smoothLoss().points().get(0).getYValue().doubleValue())
                .as("smoothing starts afresh").isCloseTo(2.0, offset(1e-9));
    }

    @Test
    void aSavedRunReplaysToTheCurvesItDrewWhileTraining(@TempDir Path dir) throws Exception {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(2).withBatchSize(64);
        // 200 images in batches of 64: the last batch of each epoch is short, as in most real runs.
        new TrainingRun(new TrainingRequest(TinyNets.TINY_28, hp, TinyNets.sample(), "sample", dir.resolve("run"),
                200, 100), events::add).call();
        events.forEach(charts::apply);
        charts.flush();

        TrainingCharts replayed = new TrainingCharts();
        replayed.replay(dir.resolve("run").resolve(RunDirectory.METRICS_CSV));

        assertThat(replayed.rawLoss().points()).hasSize(8);
        assertThat(ys(replayed.rawLoss())).containsExactlyElementsOf(ys(charts.rawLoss()).stream()
                .map(y -> Math.round(y * 1e6) / 1e6).toList());
        assertThat(xs(replayed.rawLoss())).containsExactlyElementsOf(xs(charts.rawLoss()))
                .containsExactly(0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0);
        assertThat(xs(replayed.testAccuracy())).containsExactly(1.0, 2.0);
        for (int i = 0; i < 2; i++) {
            assertThat(ys(replayed.testAccuracy()).get(i)).isCloseTo(ys(charts.testAccuracy()).get(i), offset(1e-6));
            assertThat(ys(replayed.epochLoss()).get(2 * i)).isCloseTo(ys(charts.epochLoss()).get(2 * i), offset(1e-6));
        }
        assertThat(replayed.epochAxisProperty().get()).isEqualTo(AxisRange.epochs(2));
        assertThat(replayed.lossAxisProperty().get()).isEqualTo(charts.lossAxisProperty().get());
    }

    @Test
    void aFileThatIsNotARunsMetricsIsRefusedInWords(@TempDir Path dir) throws IOException {
        Path notMetrics = Files.writeString(dir.resolve("metrics.csv"), "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> charts.replay(notMetrics)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a run’s metrics file");
        Path broken = Files.writeString(dir.resolve("broken.csv"), RunDirectory.CSV_HEADER + "\niter,1,x,2.3,,,,\n");
        assertThatThrownBy(() -> charts.replay(broken)).isInstanceOf(IOException.class)
                .hasMessageContaining("malformed row");
    }

    private static List<List<Double>> points(SampledSeries series) {
        return series.points().stream().map(d -> List.of(d.getXValue().doubleValue(), d.getYValue().doubleValue()))
                .toList();
    }

    private static List<Double> ys(SampledSeries series) {
        return series.points().stream().map(XYChart.Data::getYValue).map(Number::doubleValue).toList();
    }

    private static List<Double> xs(SampledSeries series) {
        return series.points().stream().map(XYChart.Data::getXValue).map(Number::doubleValue).toList();
    }
}
