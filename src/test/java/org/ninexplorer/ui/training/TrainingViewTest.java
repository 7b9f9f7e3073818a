package org.ninexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Spinner;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.training.BackendInfo;
import org.ninexplorer.training.RunMessage;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The charts as drawn: JavaFX's LineChart has quirks that a view-model test cannot see. */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {

    private final List<Runnable> queued = new ArrayList<>();
    private TrainingViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        viewModel = new TrainingViewModel(new EditorViewModel(), queued::add,
                new DataDirectory(Files.createTempDirectory("nin-view-test")), Files.createTempDirectory("nin-runs"));
        // The app's theme, which defines the colours the charts' stylesheet looks up.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new TrainingView(viewModel), 1366, 420));
        stage.show();
    }

    @Test
    void theFirstIterationsAreDrawnAndANewRunStartsFromEmptyCharts(FxRobot robot) {
        LineChart<?, ?> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        LineChart<?, ?> accuracy = robot.lookup("#accuracyChart").queryAs(LineChart.class);
        TrainingSession session = viewModel.session();
        session.receive(new TrainingEvent.Started(new BackendInfo("cpu", "CPU"), "run", 1, 5, 10, 640, 100));
        for (int i = 1; i <= 3; i++) {
            session.receive(new TrainingEvent.Iteration(1, i, i, 2.3 - i * 0.1, i / 10.0, 100, 60));
            robot.interact(session::drain);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(line(loss, 0)).as("move-to plus one line per iteration after %d", i).isEqualTo(i + 1);
        }
        for (int epoch = 1; epoch <= 5; epoch++) {
            session.receive(new TrainingEvent.Epoch(epoch, 2.0, 0.5, 0.6, 1, 100));
        }
        session.receive(new TrainingEvent.Finished(TrainingEvent.Outcome.COMPLETED,
                RunMessage.of(RunMessage.Code.COMPLETED, 5, "model.zip"), 5));
        robot.interact(session::drain);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(line(accuracy, 1)).as("move-to plus one line per epoch").isEqualTo(6);
        NumberAxis epochs = (NumberAxis) accuracy.getXAxis();
        XYChart.Data<?, ?> last = accuracy.getData().get(1).getData().get(4);
        assertThat(last.getNode().getBoundsInParent().getMaxX()).as("the last epoch's symbol is not clipped")
                .isLessThanOrEqualTo(epochs.getWidth());

        robot.interact(session::start);
        WaitForAsyncUtils.waitForFxEvents();

        for (LineChart<?, ?> chart : List.of(loss, accuracy)) {
            for (int s = 0; s < chart.getData().size(); s++) {
                assertThat(line(chart, s)).as("%s series %d after Start", chart.getId(), s).isZero();
            }
        }
    }

    @Test
    void textThatIsNotAllowedIsRefusedVisiblyAndPutBack(FxRobot robot) {
        HyperparameterForm form = viewModel.form();
        int batch = form.batchSizeProperty().get();
        double rate = form.learningRateProperty().get();
        Spinner<?> batchSpinner = robot.lookup("#batchSpinner").queryAs(Spinner.class);
        Spinner<?> rateSpinner = robot.lookup("#learningRateSpinner").queryAs(Spinner.class);

        for (String typed : List.of("lots", "0", "5000")) {
            commit(robot, batchSpinner, typed);
            assertThat(batchSpinner.getEditor().getText()).as("after typing %s", typed).isEqualTo(String.valueOf(batch));
            assertThat(batchSpinner.getPseudoClassStates()).extracting(Object::toString).contains("refused");
            assertThat(batchSpinner.getTooltip().getText()).contains("from 1 to 4096");
        }
        commit(robot, rateSpinner, "fast");
        assertThat(rateSpinner.getEditor().getText()).isEqualTo("0.002");
        assertThat(rateSpinner.getPseudoClassStates()).extracting(Object::toString).contains("refused");
        assertThat(form.batchSizeProperty().get()).isEqualTo(batch);
        assertThat(form.learningRateProperty().get()).isEqualTo(rate);

        commit(robot, batchSpinner, "48");
        assertThat(form.batchSizeProperty().get()).isEqualTo(48);
    }

    /** What Enter does in the spinner's field. */
    private static void commit(FxRobot robot, Spinner<?> spinner, String text) {
        robot.interact(() -> {
            spinner.getEditor().setText(text);
            spinner.commitValue();
        });
    }

    private static int line(LineChart<?, ?> chart, int series) {
        return ((Path) chart.getData().get(series).getNode()).getElements().size();
    }
}
