package org.ninexplorer.ui.featuremaps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.ImageSource;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.training.ClassMaps;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.FeatureMaps;
import org.ninexplorer.training.RunCatalog;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ninexplorer.ui.common.Messages;

/**
 * What the network sees for one sample. The forward pass runs on the executor, on the mapper's own copy
 * of the network, so neither the FX thread nor training waits; a newer request makes older results stale.
 */
public final class FeatureMapsViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(FeatureMapsViewModel.class);
    public static final int STRIP_SIZE = 16;

    /**
     * Everything one picture of the view needs.
     *
     * @param trueClass the test image's label, or {@link #NO_LABEL} for the user's own image
     */
    public record Result(SampleImage input, String truth, int trueClass, FeatureMaps maps, Architecture architecture,
                         List<String> classNames) {

        public static final int NO_LABEL = -1;

        /** Whether the prediction is right, wrong, or cannot be judged (an own image has no label). */
        public Boolean predictionRight() {
            return trueClass == NO_LABEL ? null : trueClass == maps.predictedClass();
        }

        /** Class names for the last block's channels when GAP ends the net and turns them into class scores. */
        public List<String> labelsFor(FeatureMaps.BlockActivation block) {
            boolean classMaps = ClassMaps.classMapLayer(architecture).orElse(-1) == block.layerIndex();
            return classMaps && block.shape().channels() == classNames.size() ? classNames : null;
        }
    }

    /** A test image for the strip. */
    public record Sample(int index, String label, SampleImage image) {
    }

    /** Which network the maps come from. */
    public enum Source {
        NONE, TRAINING, LAST_TRAINED, LOADED_RUN
    }

    private final TaskExecutor executor;
    private final Consumer<Runnable> fxThread;
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<FeatureMapper> mapper = new SimpleObjectProperty<>();
    private final IntegerProperty sampleIndex = new SimpleIntegerProperty();
    private final BooleanProperty sharedScale = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(
            Messages.get("featuremaps.empty"));
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(describe(Source.NONE, null));
    private final ObjectProperty<Architecture> graphArchitecture = new SimpleObjectProperty<>();
    private String sourceText = describe(Source.NONE, null);
    private final ReadOnlyBooleanWrapper ownImage = new ReadOnlyBooleanWrapper();
    private final AtomicLong generation = new AtomicLong();
    private SampleImage customImage;
    private String customName;
    private Runnable freshRequest = () -> { };

    public FeatureMapsViewModel(TaskExecutor executor, Consumer<Runnable> fxThread) {
        this.executor = executor;
        this.fxThread = fxThread;
        sampleIndex.addListener((obs, old, index) -> showSample(index.intValue()));
        mapper.addListener((obs, old, m) -> refresh());
        mapper.addListener((obs, old, m) -> showSource());
        graphArchitecture.addListener((obs, old, a) -> showSource());
        dataset.addListener((obs, old, d) -> refresh());
    }

    // --- Properties -------------------------------------------------------------------------------

    /** The images to choose from (their test split). */
    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    /** The network: a training snapshot or a loaded run. */
    public ObjectProperty<FeatureMapper> mapperProperty() {
        return mapper;
    }

    public IntegerProperty sampleIndexProperty() {
        return sampleIndex;
    }

    /** One colour scale for all maps of a block (compare channels) instead of one per map (see each map's pattern). */
    public BooleanProperty sharedScaleProperty() {
        return sharedScale;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Which network the maps come from, in words. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** True while the user's own image is shown: no test image of the strip is selected then. */
    public ReadOnlyBooleanProperty ownImageProperty() {
        return ownImage.getReadOnlyProperty();
    }

    /** The network the graph shows, so that maps of another one say so. */
    public ObjectProperty<Architecture> graphArchitectureProperty() {
        return graphArchitecture;
    }

    /** Says where the current network comes from; {@code run} names a loaded run's folder. */
    public void setSource(Source kind, String run) {
        sourceText = describe(kind, run);
        showSource();
    }

    private void showSource() {
        FeatureMapper m = mapper.get();
        boolean other = m != null && graphArchitecture.get() != null && !m.architecture().equals(graphArchitecture.get());
        source.set(other ? Messages.get("featuremaps.source.other", sourceText) : sourceText);
    }

    static String describe(Source kind, String run) {
        return switch (kind) {
            case NONE -> Messages.get("featuremaps.source.none");
            case TRAINING -> Messages.get("featuremaps.source.training");
            case LAST_TRAINED -> Messages.get("featuremaps.source.last");
            case LOADED_RUN -> Messages.get("featuremaps.source.run", run);
        };
    }

    /** A probability as every part of the view shows it, so that the headline and the bars agree. */
    public static String percent(double probability) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * probability);
    }

    /** The first test images, for the strip. */
    public List<Sample> strip() {
        Dataset d = dataset.get();
        List<Sample> samples = new ArrayList<>();
        if (d == null) {
            return samples;
        }
        for (int i = 0; i < Math.min(STRIP_SIZE, d.test().size()); i++) {
            samples.add(new Sample(i, d.className(d.test().label(i)), image(d.test(), i)));
        }
        return samples;
    }

    // --- Commands ---------------------------------------------------------------------------------

    /** Shows the user's own image instead of a test image. */
    public void useImage(SampleImage image, String name) {
        customImage = image;
        customName = name;
        ownImage.set(true);
        refresh();
    }

    /** Shows test image {@code index}, also when it was already chosen before an own image. */
    public void showSample(int index) {
        customImage = null;
        ownImage.set(false);
        if (sampleIndex.get() == index) {
            refresh();
        } else {
            sampleIndex.set(index); // its listener comes back here
        }
    }

    /** Asks whoever provides the network for a fresh copy (training takes it after its next batch), then recomputes. */
    public void requestFresh() {
        freshRequest.run();
        refresh();
    }

    public void setFreshRequest(Runnable request) {
        this.freshRequest = request;
    }

    /** Loads a trained run's model from disk (off the FX thread) and shows its maps. */
    public void loadRun(Path runDirectory) {
        message.set(Messages.get("training.loading", runDirectory.getFileName().toString()));
        executor.execute(() -> {
            try {
                RunDirectory run = RunDirectory.open(runDirectory);
                Architecture arch = run.architecture();
                // A stopped, diverged or failed run may have only its checkpoints.
                FeatureMapper loaded = FeatureMapper.load(arch, RunCatalog.modelFile(runDirectory)
                        .orElse(runDirectory.resolve(RunDirectory.MODEL_ZIP)));
                fxThread.accept(() -> {
                    setSource(Source.LOADED_RUN, runDirectory.getFileName().toString());
                    mapper.set(loaded);
                });
            } catch (TrainingException | java.io.IOException | RuntimeException e) {
                LOGGER.warn("Cannot load run {}", runDirectory, e);
                fxThread.accept(() -> {
                    message.set(Messages.get("featuremaps.load.failed", runDirectory.toString(), Messages.current().error(e)));
                });
            }
        });
    }

    /** Recomputes the maps for the current sample and network. */
    public void refresh() {
        FeatureMapper m = mapper.get();
        Dataset d = dataset.get();
        if (m == null || (d == null && customImage == null)) {
            return;
        }
        SampleImage custom = customImage;
        int index = d == null ? 0 : Math.max(0, Math.min(sampleIndex.get(), d.test().size() - 1));
        String truth = custom != null ? customName
                : Messages.get("featuremaps.test-image", String.valueOf(index), d.className(d.test().label(index)));
        int trueClass = custom != null ? Result.NO_LABEL : d.test().label(index);
        List<String> classNames = d != null ? d.classNames() : numbered(m.architecture().classes());
        long ticket = generation.incrementAndGet();
        executor.execute(() -> {
            try {
                InputSpec in = m.architecture().input();
                // Dataset images go through the data layer's resize, exactly as in training.
                SampleImage input = custom != null ? custom.to(in.channels(), in.height(), in.width())
                        : new SampleImage(d.test().pixels(index, in.channels(), in.height(), in.width()),
                                in.channels(), in.height(), in.width());
                FeatureMaps maps = m.compute(input.pixels());
                Result computed = new Result(input, truth, trueClass, maps, m.architecture(),
                        classNames.size() == m.architecture().classes() ? classNames : numbered(m.architecture().classes()));
                deliver(ticket, () -> {
                    result.set(computed);
                    message.set("");
                });
            } catch (RuntimeException e) {
                LOGGER.warn("Feature maps failed", e);
                deliver(ticket, () -> message.set(Messages.get("featuremaps.failed", Messages.current().error(e))));
            }
        });
    }

    private void deliver(long ticket, Runnable update) {
        fxThread.accept(() -> {
            if (ticket == generation.get()) {
                update.run();
            }
        });
    }

    private static SampleImage image(ImageSource split, int index) {
        float[] pixels = new float[split.channels() * split.height() * split.width()];
        split.pixels(index, pixels);
        return new SampleImage(pixels, split.channels(), split.height(), split.width());
    }

    static List<String> numbered(int classes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(Messages.get("featuremaps.class", String.valueOf(i)));
        }
        return names;
    }
}
