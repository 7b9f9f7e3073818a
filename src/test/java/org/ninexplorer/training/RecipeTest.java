package org.ninexplorer.training;

import org.junit.jupiter.api.Test;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Presets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Hyperparameters#recommendedFor}: the net picks the recipe, the amount of data how long it trains. */
class RecipeTest {

    private static final Hyperparameters FASHION_FULL = Hyperparameters.defaults()
            .withSchedule(LearningRateSchedule.WARMUP_COSINE).withWeightInit(Hyperparameters.WeightInitChoice.HE)
            .withBatchSize(64);
    private static final Hyperparameters D2L = Hyperparameters.defaults()
            .withWeightInit(Hyperparameters.WeightInitChoice.PYTORCH);

    @Test
    void fullDataKeepsTheMeasuredRecipes() {
        assertThat(Hyperparameters.recommendedFor(Presets.FASHION_28, 60_000)).isEqualTo(FASHION_FULL);
        assertThat(Hyperparameters.recommendedFor(Presets.FASHION_28, 0)).as("unknown size").isEqualTo(FASHION_FULL);
        assertThat(Hyperparameters.recommendedFor(Presets.D2L_224, 60_000)).as("the book's run").isEqualTo(D2L);
        assertThat(Hyperparameters.recommendedFor(TinyNets.TINY_28, 60_000)).as("a net of the user's own")
                .isEqualTo(Hyperparameters.defaults());
    }

    @Test
    void theBundledSampleGetsSmallBatchesAndEnoughEpochsForTheStepsANinNeeds() {
        int sample = Datasets.knownTrainImages(Datasets.SAMPLE, 0);
        Hyperparameters recipe = Hyperparameters.recommendedFor(Presets.FASHION_28, sample);

        assertThat(recipe.batchSize()).isEqualTo(Hyperparameters.SMALL_DATA_BATCH);
        assertThat(recipe.steps(sample)).isGreaterThanOrEqualTo(Hyperparameters.MIN_STEPS)
                .isLessThan(Hyperparameters.MIN_STEPS + sample / recipe.batchSize());
        assertThat(recipe).as("only the length of the run changes")
                .isEqualTo(FASHION_FULL.withBatchSize(recipe.batchSize()).withEpochs(recipe.epochs()));
        assertThat(FASHION_FULL.steps(sample)).as("what the full-data recipe would make of it")
                .isLessThan(Hyperparameters.MIN_STEPS / 2);
    }

    @Test
    void everyAmountOfDataGetsTheStepsOrTheMostEpochsAndNeverFewerEpochsThanTheBase() {
        for (String name : new String[] {"fashion-28", "d2l-224"}) {
            Architecture arch = Presets.byName(name).orElseThrow();
            Hyperparameters base = Hyperparameters.recommendedFor(arch, 0);
            for (int images = 1; images <= 70_000; images += images < 1_000 ? 7 : 331) {
                Hyperparameters recipe = Hyperparameters.recommendedFor(arch, images);
                assertThat(recipe.steps(images) >= Hyperparameters.MIN_STEPS
                        || recipe.epochs() == Hyperparameters.MAX_EPOCHS).as(name + ", " + images).isTrue();
                assertThat(recipe.epochs()).isBetween(base.epochs(), Hyperparameters.MAX_EPOCHS);
                assertThat(recipe.withBatchSize(base.batchSize()).withEpochs(base.epochs())).isEqualTo(base);
            }
        }
    }
}
