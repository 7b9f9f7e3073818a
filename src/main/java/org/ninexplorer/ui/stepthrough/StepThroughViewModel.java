package org.ninexplorer.ui.stepthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.Operation;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.ClassMaps;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.FeatureMaps;
import org.ninexplorer.training.ForwardSteps;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature-map view's sample through its network one operation at a time, stepped forward and back by a
 * teacher at a projector. Before any network is trained or loaded it steps through the graph's network as
 * training would start it (fixed seed), and says so. The pass runs on the executor; a newer sample or network
 * makes an older pass stale. The step shown stays where it is when the sample or network changes.
 */
public final class StepThroughViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(StepThroughViewModel.class);

    /**
     * One step of the pass.
     *
     * @param operation what it does; {@code null} for the input, step 0
     * @param input     what it reads, the step before's output ({@code null} for the input)
     * @param output    its output (the image for the input), CHW
     * @param labels    a name per channel or value (class names where they are the classes), or {@code null}
     */
    public record Step(Operation operation, StepText text, FeatureMaps.BlockActivation input,
                       FeatureMaps.BlockActivation output, List<String> labels) {

        /** Whether the output is drawn as maps, one tile per channel, rather than as a list of numbers. */
        public boolean drawnAsMaps() {
            return !output.shape().flat() && output.shape().height() * output.shape().width() > 1;
        }
    }

    private final FeatureMapsViewModel featureMaps;
    private final TaskExecutor executor;
    private final Consumer<Runnable> fxThread;
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<List<Step>> steps = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Step> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper atStart = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper atEnd = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(Messages.get("steps.loading"));
    private final AtomicLong generation = new AtomicLong();
    private boolean stale = true;
    private Object cachedFor;
    private ForwardSteps cached;

    public StepThroughViewModel(FeatureMapsViewModel featureMaps, TaskExecutor executor, Consumer<Runnable> fxThread) {
        this.featureMaps = featureMaps;
        this.executor = executor;
        this.fxThread = fxThread;
        for (Observable input : List.<Observable>of(featureMaps.resultProperty(), featureMaps.mapperProperty(),
                featureMaps.datasetProperty(), featureMaps.sampleIndexProperty(), featureMaps.graphArchitectureProperty(),
                featureMaps.sourceProperty(), featureMaps.ownImageProperty())) {
            input.addListener(o -> changed());
        }
        active.addListener((obs, old, on) -> {
            if (on && stale) {
                changed();
            }
        });
        index.addListener((obs, old, i) -> show());
        steps.addListener((obs, old, s) -> show());
    }

    // --- Properties -------------------------------------------------------------------------------

    /** Whether someone looks: the pass is computed only then (and again when it was missed meanwhile). */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Every step of the pass: the input, then one per operation. */
    public ReadOnlyObjectProperty<List<Step>> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The step shown, 0 for the input. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The step shown, or {@code null} while there is none. */
    public ReadOnlyObjectProperty<Step> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** "Step 3 of 31", or empty. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atStartProperty() {
        return atStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atEndProperty() {
        return atEnd.getReadOnlyProperty();
    }

    /** Which network the pass went through, in words. */
    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** Why there is nothing to show, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // --- Commands ---------------------------------------------------------------------------------

    public void forward() {
        go(index.get() + 1);
    }

    public void back() {
        go(index.get() - 1);
    }

    public void first() {
        go(0);
    }

    public void last() {
        go(steps.get().size() - 1);
    }

    /** Shows step {@code i}, kept within the pass. */
    public void go(int i) {
        index.set(Math.max(0, Math.min(i, steps.get().size() - 1)));
    }

    // --- The pass ---------------------------------------------------------------------------------

    private void changed() {
        stale = !active.get();
        if (!stale) {
            compute();
        }
    }

    private void compute() {
        FeatureMapper mapper = featureMaps.mapperProperty().get();
        FeatureMapsViewModel.Result result = featureMaps.resultProperty().get();
        Pass pass;
        if (mapper != null) {
            if (result == null || !result.architecture().equals(mapper.architecture())) {
                return; // the feature-map view's own pass for this network is on its way
            }
            pass = new Pass(mapper.architecture(), result.input().pixels(), result.truth(), result.classNames(),
                    featureMaps.sourceProperty().get(), mapper, () -> ForwardSteps.of(mapper));
        } else {
            pass = untrainedPass();
            if (pass == null) {
                return;
            }
        }
        long ticket = generation.incrementAndGet();
        executor.execute(() -> {
            try {
                List<Step> built = pass.run(forwardSteps(pass.key(), pass.make()));
                deliver(ticket, () -> {
                    network.set(pass.network());
                    message.set("");
                    steps.set(built);
                });
            } catch (RuntimeException e) {
                LOGGER.warn("Step-through failed", e);
                deliver(ticket, () -> message.set(Messages.get("steps.failed", Messages.current().error(e))));
            }
        });
    }

    /** The graph's network as training would start it, on the strip's test image; null when neither is there yet. */
    private Pass untrainedPass() {
        Dataset dataset = featureMaps.datasetProperty().get();
        Architecture arch = featureMaps.graphArchitectureProperty().get();
        if (dataset == null || arch == null) {
            return null;
        }
        if (!ShapeInference.analyze(arch).valid()) {
            generation.incrementAndGet();
            steps.set(List.of());
            message.set(Messages.get("steps.impossible"));
            return null;
        }
        if (featureMaps.ownImageProperty().get()) {
            generation.incrementAndGet();
            steps.set(List.of());
            message.set(Messages.get("steps.own-image-untrained"));
            return null;
        }
        int i = Math.max(0, Math.min(featureMaps.sampleIndexProperty().get(), dataset.test().size() - 1));
        InputSpec in = arch.input();
        float[] pixels = dataset.test().pixels(i, in.channels(), in.height(), in.width());
        Hyperparameters recipe = ForwardSteps.untrainedRecipe(arch);
        String network = Messages.get("steps.untrained", recipe.weightInit().label(), String.valueOf(recipe.seed()));
        List<String> names = dataset.classNames().size() == arch.classes() ? dataset.classNames() : numbered(arch.classes());
        return new Pass(arch, pixels, Messages.get("steps.sample", String.valueOf(i),
                dataset.className(dataset.test().label(i))), names,
                network, arch, () -> ForwardSteps.untrained(arch));
    }

    /** The copy of the network in the form of one layer per operation, made once per network. */
    private synchronized ForwardSteps forwardSteps(Object key, Supplier<ForwardSteps> make) {
        if (!Objects.equals(key, cachedFor)) {
            cached = make.get();
            cachedFor = key;
        }
        return cached;
    }

    private void show() {
        List<Step> all = steps.get();
        int i = Math.min(index.get(), all.size() - 1);
        if (i != index.get() && i >= 0) {
            index.set(i); // its listener comes back here
            return;
        }
        current.set(i < 0 ? null : all.get(i));
        position.set(i < 0 ? "" : Messages.get("steps.position", i, all.size() - 1));
        atStart.set(i <= 0);
        atEnd.set(i >= all.size() - 1);
    }

    private void deliver(long ticket, Runnable update) {
        fxThread.accept(() -> {
            if (ticket == generation.get()) {
                update.run();
            }
        });
    }

    private static List<String> numbered(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Messages.get("steps.class", String.valueOf(c)));
        }
        return names;
    }

    /**
     * One sample through one network.
     *
     * @param key  what identifies the network, for reusing its copy
     * @param make makes the copy
     */
    private record Pass(Architecture architecture, float[] pixels, String truth, List<String> classNames, String network,
                        Object key, Supplier<ForwardSteps> make) {

        List<Step> run(ForwardSteps forward) {
            List<FeatureMaps.BlockActivation> outputs = forward.run(pixels);
            List<Operation> ops = forward.operations();
            int classMaps = ClassMaps.classMapLayer(architecture).orElse(-2);
            List<Step> built = new ArrayList<>();
            FeatureMaps.BlockActivation in = new FeatureMaps.BlockActivation(-1, architecture.input().shape(), pixels);
            built.add(new Step(null, StepText.input(in.shape(), truth), null, in, null));
            for (int i = 0; i < ops.size(); i++) {
                Operation op = ops.get(i);
                FeatureMaps.BlockActivation out = outputs.get(i);
                // A net with class maps ends with its only GAP.
                boolean gapOfClassMaps = op.kind() == Operation.Kind.GLOBAL_AVERAGE_POOL && classMaps >= 0;
                boolean classes = op.layerIndex() == classMaps || gapOfClassMaps
                        || op.kind() == Operation.Kind.SOFTMAX
                        || op.kind() == Operation.Kind.DENSE && op.layerIndex() == architecture.layers().size() - 1;
                StepText text = StepText.of(op, architecture, in.values(), out.values(), gapOfClassMaps, classNames);
                built.add(new Step(op, text, in, out, classes && out.shape().channels() == classNames.size() ? classNames : null));
                in = out;
            }
            return List.copyOf(built);
        }
    }
}
