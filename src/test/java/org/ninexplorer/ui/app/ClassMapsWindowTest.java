package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;
import org.ninexplorer.ui.training.TrainingState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** After a real short run, the feature-map view's Why? tab explains the prediction with its class maps. */
class ClassMapsWindowTest extends WindowTest {

    @Test
    void theWhyTabShowsTheClassMapsOfTheNetJustTrained(FxRobot robot) throws Exception {
        var training = window.training();
        robot.interact(() -> {
            training.form().epochsProperty().set(1);
            training.form().limitTrainProperty().set(256);
            training.form().limitTestProperty().set(100);
            training.form().batchSizeProperty().set(64);
        });
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> training.session().state() == TrainingState.IDLE
                && window.featureMaps().mapperProperty().get() != null);

        robot.clickOn("#featureMapsTab");
        robot.clickOn("#whyTab");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#poolLine").queryAs(Label.class)
                .getText().isEmpty());

        assertThat(robot.lookup("#classScores").queryAs(GridPane.class).getChildren()).hasSize(10 * 4);
        assertThat(robot.lookup("#classMapOverlay").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(robot.lookup("#classMapsSource").queryAs(Label.class).getText())
                .isEqualTo(window.featureMaps().sourceProperty().get()).isNotEmpty();
        int predicted = window.featureMaps().resultProperty().get().maps().predictedClass();
        assertThat(chosen(robot, predicted)).isTrue();
        awaitFx(60, () -> robot.lookup("#occlusionOverlay")
                .queryAs(ImageView.class).getImage() != null);

        int other = (predicted + 1) % 10;
        robot.clickOn("#class-" + other);
        assertThat(chosen(robot, other)).isTrue();
        assertThat(chosen(robot, predicted)).isFalse();

        robot.interact(() -> robot.lookup("#classMapsScroll").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("#meansButton");
        awaitFx(120, () -> robot.lookup("#mean-9").tryQuery().isPresent());
        assertThat(robot.lookup("#meanMaps").queryParent().getChildrenUnmodifiable()).hasSize(10);
    }

    /** Read on the FX thread: a late result rebuilds the rows, and a lookup from here could see them half built. */
    private static boolean chosen(FxRobot robot, int classIndex) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node link = robot.lookup("#class-" + classIndex).query();
            return link.getStyleClass().contains("chosen");
        }).get();
    }
}
