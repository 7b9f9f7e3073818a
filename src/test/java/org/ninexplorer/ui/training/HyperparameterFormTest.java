package org.ninexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.ui.editor.EditorViewModel;

class HyperparameterFormTest {

    private final EditorViewModel editor = new EditorViewModel();

    @Test
    void followsTheRecipeOfTheOpenedNetUntilTheUserChangesIt() {
        HyperparameterForm form = new HyperparameterForm(editor);
        // The editor opens on fashion-28, whose recipe decays the rate and starts from He weights.
        assertThat(form.scheduleProperty().get()).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(form.weightInitProperty().get()).isEqualTo(Hyperparameters.WeightInitChoice.HE);
        assertThat(form.learningRateProperty().get()).isEqualTo(0.002);

        editor.newFromPreset("d2l-224");
        assertThat(form.scheduleProperty().get()).as("untouched settings follow the net").isEqualTo(LearningRateSchedule.CONSTANT);
        editor.newFromPreset("fashion-28");
        assertThat(form.batchSizeProperty().get()).isEqualTo(64);

        form.learningRateProperty().set(0.05);
        editor.newFromPreset("d2l-224");
        assertThat(form.learningRateProperty().get()).as("a new net keeps the user's settings").isEqualTo(0.05);
        assertThat(form.scheduleProperty().get()).isEqualTo(LearningRateSchedule.COSINE);

        form.useRecommendedRecipe();
        assertThat(form.learningRateProperty().get()).isEqualTo(0.002);
        assertThat(form.scheduleProperty().get()).as("the reference recipe").isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(form.weightInitProperty().get()).isEqualTo(Hyperparameters.WeightInitChoice.XAVIER);
        assertThat(form.batchSizeProperty().get()).isEqualTo(128);
        assertThat(form.epochsProperty().get()).isEqualTo(5);
    }

    @Test
    void problemsNameTheBadValue() {
        HyperparameterForm form = new HyperparameterForm(editor);
        assertThat(form.problems()).isEmpty();
        form.learningRateProperty().set(0);
        assertThat(form.problems()).singleElement().asString().contains("learning rate");
    }
}
