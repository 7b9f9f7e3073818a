package org.ninexplorer.ui.exercises;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableDoubleValue;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ArchitectureDiff;
import org.ninexplorer.model.Exercise;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.MemoryCheck;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.ui.common.Action;
import org.ninexplorer.ui.common.DiffWords;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.runs.ComparisonViewModel;
import org.ninexplorer.ui.training.DatasetChoice;
import org.ninexplorer.ui.training.DatasetSelection;
import org.ninexplorer.ui.training.RunPlan;
import org.ninexplorer.ui.training.TrainingSession;
import org.ninexplorer.ui.training.TrainingViewModel;

/**
 * The exercises panel: the chosen exercise and the net it starts from (a preset, or the net in the editor), the
 * variant it makes and its diff, the lesson's budget and the one recipe both nets train with, and Set up, which
 * trains (or reuses) the baseline and trains the variant, then compares the two. The resource exercise shows
 * what the net costs instead, and its set-up makes the run whose measured peak stands beside the count.
 */
public final class ExercisesViewModel {

    /** The base choice that stands for the net in the editor; the others are preset names. */
    public static final String CURRENT_NET = "current";
    /** Epochs of a lesson: enough for the curves to part, short enough to wait for in class. */
    static final int LESSON_EPOCHS = 3;
    /** The data a lesson can train on; a folder is for the dashboard. */
    public static final List<DatasetChoice> DATA = List.of(DatasetChoice.SAMPLE, DatasetChoice.FASHION_MNIST,
            DatasetChoice.MNIST);

    private final EditorViewModel editor;
    private final DatasetSelection data;
    private final TrainingSession session;
    private final Path runsRoot;
    private final TaskExecutor background;
    private final Consumer<Runnable> fxThread;
    private final ComparisonViewModel comparison;
    private final ExerciseSetUp setUp;
    private final Map<Exercise, List<RunSummary>> results = new EnumMap<>(Exercise.class);

    private final ObjectProperty<Exercise> selected = new SimpleObjectProperty<>(Exercise.ONE_CONVOLUTION);
    private final StringProperty base = new SimpleStringProperty("fashion-28");
    private final ObjectProperty<DatasetChoice> dataset = new SimpleObjectProperty<>(DatasetChoice.SAMPLE);
    private final IntegerProperty epochs = new SimpleIntegerProperty(LESSON_EPOCHS);
    private final IntegerProperty limitTrain = new SimpleIntegerProperty();
    private final IntegerProperty limitTest = new SimpleIntegerProperty();
    private final IntegerProperty batch = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recipe = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper blockedReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ResourceFigures.Figures> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<RunSummary>> compared = new ReadOnlyObjectWrapper<>(List.of());
    private Optional<ResourceFigures.Measured> measured = Optional.empty();

    public final Action setUpExercise;
    public final Action cancel;

    public ExercisesViewModel(EditorViewModel editor, TrainingViewModel training, Path runsRoot,
                              TaskExecutor background, Consumer<Runnable> fxThread, ComparisonViewModel comparison) {
        this.editor = editor;
        this.data = training.data();
        this.session = training.session();
        this.runsRoot = runsRoot;
        this.background = background;
        this.fxThread = fxThread;
        this.comparison = comparison;
        this.setUp = new ExerciseSetUp(session, runsRoot, background, fxThread, this::finished);
        batch.set(recipe().batchSize());
        Observable[] inputs = {selected, base, dataset, epochs, limitTrain, limitTest, batch,
                editor.architectureProperty(), editor.nameProperty()};
        for (Observable input : inputs) {
            input.addListener(o -> update());
        }
        selected.addListener((obs, old, exercise) -> show(results.getOrDefault(exercise, List.of())));
        for (Observable input : new Observable[] {selected, base, editor.architectureProperty()}) {
            input.addListener(o -> lookUpMeasured());
        }
        blockedReason.bind(Bindings.createStringBinding(() -> !problem.get().isEmpty() ? problem.get()
                : setUp.phaseProperty().get().running() ? Messages.get("exercises.blocked.setting-up")
                : session.state().busy() ? Messages.get("exercises.blocked.dashboard") : "", problem, setUp.phaseProperty(), session.stateProperty()));
        BooleanBinding running = Bindings.createBooleanBinding(() -> setUp.phaseProperty().get().running(),
                setUp.phaseProperty());
        setUpExercise = new Action(this::setUp, blockedReason.isEmpty());
        cancel = new Action(setUp::cancel, running);
        update();
        lookUpMeasured();
    }

    // --- Properties -------------------------------------------------------------------------------

    public List<Exercise> exercises() {
        return List.of(Exercise.values());
    }

    public ObjectProperty<Exercise> selectedProperty() {
        return selected;
    }

    /** The base nets offered: the presets, then {@link #CURRENT_NET}. */
    public List<String> bases() {
        return Stream.concat(Presets.names().stream(), Stream.of(CURRENT_NET)).toList();
    }

    /** A preset's name, or {@link #CURRENT_NET} for the net in the editor. */
    public StringProperty baseProperty() {
        return base;
    }

    public ObjectProperty<DatasetChoice> datasetProperty() {
        return dataset;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    /** Train on only this many images (0: all). */
    public IntegerProperty limitTrainProperty() {
        return limitTrain;
    }

    /** Test on only this many images (0: all). */
    public IntegerProperty limitTestProperty() {
        return limitTest;
    }

    /** The batch the resource exercise counts for; it starts at the recipe's. */
    public IntegerProperty batchProperty() {
        return batch;
    }

    /** Why the exercise cannot be done on the chosen net; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why Set up is disabled now; empty when it is enabled. */
    public ReadOnlyStringProperty blockedReasonProperty() {
        return blockedReason.getReadOnlyProperty();
    }

    /** The variant against its base, as {@code nin-explorer diff} prints it; empty when there is no variant. */
    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** The recipe both nets train with, in a sentence. */
    public ReadOnlyStringProperty recipeProperty() {
        return recipe.getReadOnlyProperty();
    }

    /** The resource exercise's figures for the chosen net; null for the other exercises or an impossible net. */
    public ReadOnlyObjectProperty<ResourceFigures.Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** The runs the selected exercise's last set-up compared (the baseline first); empty before one. */
    public ReadOnlyObjectProperty<List<RunSummary>> comparedProperty() {
        return compared.getReadOnlyProperty();
    }

    public ComparisonViewModel comparison() {
        return comparison;
    }

    /** What the set-up is doing or did, in a sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return setUp.messageProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return setUp.messageIsErrorProperty();
    }

    /** The training session's own line (epoch, loss, accuracy) while a set-up trains. */
    public ReadOnlyStringProperty sessionStatusProperty() {
        return session.statusProperty();
    }

    /** The whole set-up's progress, 0 to 1. */
    public ObservableDoubleValue progress() {
        return setUp.progress();
    }

    ReadOnlyObjectProperty<ExerciseSetUp.Phase> phaseProperty() {
        return setUp.phaseProperty();
    }

    /** The net the exercise starts from. */
    public Architecture baseArchitecture() {
        return CURRENT_NET.equals(base.get()) ? editor.architecture() : Presets.byName(base.get()).orElseThrow();
    }

    public String baseName() {
        return CURRENT_NET.equals(base.get()) ? editor.nameProperty().get() : base.get();
    }

    /**
     * The recipe of the base net for the lesson's data, with the lesson's epochs; the variant trains with the same,
     * so that only the net differs between the two runs.
     */
    public Hyperparameters recipe() {
        return Hyperparameters.recommendedFor(baseArchitecture(),
                Datasets.knownTrainImages(dataset.get().spec(), limitTrain.get())).withEpochs(epochs.get());
    }

    // --- Commands ---------------------------------------------------------------------------------

    private void setUp() {
        Exercise exercise = selected.get();
        Optional<DatasetSelection.Plan> plan = data.planFor(dataset.get().spec());
        if (plan.isEmpty()) {
            setUp.refuse(Messages.get("exercises.no-data", dataset.get().toString()));
            return;
        }
        Architecture net = baseArchitecture();
        String name = baseName();
        Hyperparameters hp = recipe();
        RunPlan baseline = new RunPlan(net, name, hp, plan.get(), limitTrain.get(), limitTest.get());
        RunPlan variant = exercise.trains() ? new RunPlan(exercise.variantOf(net), exercise.variantName(name), hp,
                plan.get(), limitTrain.get(), limitTest.get()) : null;
        setUp.start(new ExerciseSetUp.Job(exercise, baseline, Messages.get("exercises.run.baseline", name), variant,
                variantTitle(exercise, name)));
    }

    /** The variant run's display name: {@code fashion-28, exercise 1: one 1×1 convolution per block}. */
    static String variantTitle(Exercise exercise, String baseName) {
        String title = ExerciseWords.title(exercise);
        return Messages.get("exercises.run.variant", baseName, String.valueOf(exercise.number()),
                Character.toLowerCase(title.charAt(0)) + title.substring(1));
    }

    private void finished(Exercise exercise, List<RunSummary> runs) {
        results.put(exercise, runs);
        if (exercise == selected.get()) {
            show(runs);
        }
        lookUpMeasured();
    }

    private void show(List<RunSummary> runs) {
        compared.set(runs);
        comparison.compare(runs.size() >= 2 ? runs : List.of());
    }

    private void update() {
        Exercise exercise = selected.get();
        Architecture net = baseArchitecture();
        problem.set(exercise.problem(net).map(ExerciseWords::problem).orElse(""));
        Hyperparameters hp = recipe();
        recipe.set(Messages.get("exercises.recipe", baseName(), Messages.current().engine(hp.recipe())));
        if (exercise.trains() && problem.get().isEmpty()) {
            diff.set(String.join("\n", DiffWords.lines(Messages.current(), ArchitectureDiff.between(net, exercise.variantOf(net)),
                    baseName(), exercise.variantName(baseName()))));
        } else {
            diff.set("");
        }
        Analysis analysis = ShapeInference.analyze(net);
        figures.set(!exercise.trains() && analysis.valid() ? ResourceFigures.of(analysis, Math.max(1, batch.get()),
                MemoryCheck.optimizerCopies(hp.optimizer()), measured) : null);
    }

    /** For the resource exercise: finds the newest measured run of the base net off the FX thread, then shows it. */
    private void lookUpMeasured() {
        if (selected.get().trains()) {
            return;
        }
        Architecture net = baseArchitecture();
        background.execute(() -> {
            Optional<ResourceFigures.Measured> found = ResourceFigures.newestMeasured(runsRoot, net);
            fxThread.accept(() -> {
                if (net.equals(baseArchitecture())) {
                    measured = found;
                    update();
                }
            });
        });
    }
}
