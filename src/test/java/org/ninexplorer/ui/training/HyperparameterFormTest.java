package org.ninexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.ui.editor.EditorViewModel;

class HyperparameterFormTest {

    private final EditorViewModel editor = new EditorViewModel();
    private final ObjectProperty<DatasetChoice> dataset = new SimpleObjectProperty<>(DatasetChoice.FASHION_MNIST);

    @Test
    void followsTheRecipeOfTheOpenedNetUntilTheUserChangesIt() {
        HyperparameterForm form = new HyperparameterForm(editor, dataset);
        // The editor opens on fashion-28, whose recipe warms up, decays the rate and starts from He weights.
        assertThat(form.scheduleProperty().get()).isEqualTo(LearningRateSchedule.WARMUP_COSINE);
        assertThat(form.weightInitProperty().get()).isEqualTo(Hyperparameters.WeightInitChoice.HE);
        assertThat(form.learningRateProperty().get()).isEqualTo(0.002);

        editor.newFromPreset("d2l-224");
        assertThat(form.scheduleProperty().get()).as("untouched settings follow the net").isEqualTo(LearningRateSchedule.CONSTANT);
        editor.newFromPreset("fashion-28");
        assertThat(form.batchSizeProperty().get()).isEqualTo(64);

        form.learningRateProperty().set(0.05);
        editor.newFromPreset("d2l-224");
        assertThat(form.learningRateProperty().get()).as("a new net keeps the user's settings").isEqualTo(0.05);
        assertThat(form.scheduleProperty().get()).isEqualTo(LearningRateSchedule.WARMUP_COSINE);

        form.useRecommendedRecipe();
        assertThat(form.learningRateProperty().get()).isEqualTo(0.002);
        assertThat(form.scheduleProperty().get()).as("the reference recipe").isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(form.weightInitProperty().get()).as("as the book's PyTorch run")
                .isEqualTo(Hyperparameters.WeightInitChoice.PYTORCH);
        assertThat(form.batchSizeProperty().get()).isEqualTo(128);
        assertThat(form.epochsProperty().get()).isEqualTo(5);
    }

    @Test
    void followsHowManyTrainingImagesTheChosenDataHas() {
        dataset.set(DatasetChoice.SAMPLE);
        HyperparameterForm form = new HyperparameterForm(editor, dataset);
        Hyperparameters sample = Hyperparameters.recommendedFor(editor.architecture(),
                Datasets.knownTrainImages(Datasets.SAMPLE, 0));
        assertThat(form.batchSizeProperty().get()).as("the bundled sample is small data").isEqualTo(32);
        assertThat(form.epochsProperty().get()).isEqualTo(sample.epochs()).isGreaterThan(5);

        dataset.set(DatasetChoice.MNIST);
        assertThat(form.batchSizeProperty().get()).isEqualTo(64);
        assertThat(form.epochsProperty().get()).isEqualTo(5);
        form.limitTrainProperty().set(2_000);
        assertThat(form.batchSizeProperty().get()).as("a limit makes small data too").isEqualTo(32);
        assertThat(form.epochsProperty().get())
                .isEqualTo(Hyperparameters.recommendedFor(editor.architecture(), 2_000).epochs());

        form.epochsProperty().set(3);
        form.limitTrainProperty().set(0);
        dataset.set(DatasetChoice.SAMPLE);
        assertThat(form.epochsProperty().get()).as("the user's settings stay").isEqualTo(3);
        assertThat(form.batchSizeProperty().get()).isEqualTo(32);
    }

    @Test
    void problemsNameTheBadValue() {
        HyperparameterForm form = new HyperparameterForm(editor, dataset);
        assertThat(form.problems()).isEmpty();
        form.learningRateProperty().set(0);
        assertThat(form.problems()).singleElement().asString().contains("learning rate");
    }
}
