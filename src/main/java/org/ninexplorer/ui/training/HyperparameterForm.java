package org.ninexplorer.ui.training;

import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.MemoryEstimate;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.training.MemoryCheck;
import org.ninexplorer.training.Optimizer;
import org.ninexplorer.ui.editor.EditorViewModel;

/**
 * The hyper-parameter form: set from the recipe recommended for the editor's net and the chosen data's size, and
 * following them to their recipe when another net, data set or limit is chosen, until the user changes a value.
 */
public final class HyperparameterForm {

    private final EditorViewModel editor;
    private final ObservableValue<DatasetChoice> dataset;
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>();
    private final ObjectProperty<LearningRateSchedule> schedule = new SimpleObjectProperty<>();
    private final ObjectProperty<Hyperparameters.WeightInitChoice> weightInit = new SimpleObjectProperty<>();
    private final DoubleProperty learningRate = new SimpleDoubleProperty();
    private final IntegerProperty batchSize = new SimpleIntegerProperty();
    private final IntegerProperty epochs = new SimpleIntegerProperty();
    private final IntegerProperty seed = new SimpleIntegerProperty();
    private final IntegerProperty limitTrain = new SimpleIntegerProperty();
    private final IntegerProperty limitTest = new SimpleIntegerProperty();
    private Hyperparameters appliedRecipe;

    public HyperparameterForm(EditorViewModel editor, ObservableValue<DatasetChoice> dataset) {
        this.editor = editor;
        this.dataset = dataset;
        useRecommendedRecipe();
        ChangeListener<Object> followRecipe = (obs, old, now) -> {
            if (hyperparameters().equals(appliedRecipe)) {
                useRecommendedRecipe();
            }
        };
        editor.documentProperty().addListener(followRecipe);
        dataset.addListener(followRecipe);
        limitTrain.addListener(followRecipe);
    }

    public ObjectProperty<Optimizer> optimizerProperty() {
        return optimizer;
    }

    public ObjectProperty<LearningRateSchedule> scheduleProperty() {
        return schedule;
    }

    public ObjectProperty<Hyperparameters.WeightInitChoice> weightInitProperty() {
        return weightInit;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    /** Train on only this many images (0: all), for a quick run in class. */
    public IntegerProperty limitTrainProperty() {
        return limitTrain;
    }

    public IntegerProperty limitTestProperty() {
        return limitTest;
    }

    /** Sets every hyper-parameter to the recipe recommended for the editor's current net and the chosen data. */
    public void useRecommendedRecipe() {
        Hyperparameters recipe = Hyperparameters.recommendedFor(editor.architecture(), knownTrainImages());
        appliedRecipe = recipe;
        optimizer.set(recipe.optimizer());
        learningRate.set(recipe.learningRate());
        schedule.set(recipe.schedule());
        batchSize.set(recipe.batchSize());
        epochs.set(recipe.epochs());
        weightInit.set(recipe.weightInit());
        seed.set((int) recipe.seed());
    }

    /** Shows a recorded run's recipe and limits, as values the user set (they no longer follow the recipe). */
    public void show(Hyperparameters hp, int trainLimit, int testLimit) {
        limitTrain.set(trainLimit); // first: a new limit may move the form to its recipe, which hp then replaces
        limitTest.set(testLimit);
        optimizer.set(hp.optimizer());
        learningRate.set(hp.learningRate());
        schedule.set(hp.schedule());
        batchSize.set(hp.batchSize());
        epochs.set(hp.epochs());
        weightInit.set(hp.weightInit());
        seed.set((int) hp.seed());
    }

    public Hyperparameters hyperparameters() {
        return new Hyperparameters(optimizer.get(), learningRate.get(), schedule.get(), batchSize.get(), epochs.get(),
                seed.get(), weightInit.get());
    }

    /** What is wrong with the values, in words; empty when they can train. */
    public List<String> problems() {
        return hyperparameters().problems();
    }

    /**
     * The memory a run of the current net with these values needs (the data set itself not counted, as it
     * is not opened yet); empty while the net is impossible.
     */
    public Optional<MemoryEstimate> memoryEstimate() {
        // The net itself is analysed: during an edit the editor's analysis may not have caught up with it yet.
        Architecture arch = editor.architecture();
        if (!ShapeInference.analyze(arch).valid()) {
            return Optional.empty();
        }
        int images = knownTrainImages();
        return Optional.of(MemoryCheck.estimate(arch, hyperparameters(),
                images > 0 ? images : batchSize.get(), 0));
    }

    private int knownTrainImages() {
        return Datasets.knownTrainImages(dataset.getValue().spec(), limitTrain.get());
    }

    /** What {@link #problems()} and {@link #memoryEstimate()} depend on, for bindings. */
    Observable[] dependencies() {
        return new Observable[] {optimizer, learningRate, schedule, batchSize, epochs, seed, weightInit, dataset,
                limitTrain};
    }
}
