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
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.FeatureMaps;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the network sees for one sample. The forward pass runs on the executor, on the mapper's own copy
 * of the network, so neither the FX thread nor training waits; a newer request makes older results stale.
 */
public final class FeatureMapsViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(FeatureMapsViewModel.class);
    public static final int STRIP_SIZE = 16;

    /** Everything one picture of the view needs. */
    public record Result(SampleImage input, String truth, FeatureMaps maps, Architecture architecture,
                         List<String> classNames) {

        /** Class names for the last block's channels, which GAP turns into class scores. */
        public List<String> labelsFor(FeatureMaps.BlockActivation block) {
            boolean last = block == maps.blocks().get(maps.blocks().size() - 1);
            return last && block.shape().channels() == classNames.size() ? classNames : null;
        }
    }

    /** A test image for the strip. */
    public record Sample(int index, String label, SampleImage image) {
    }

    private final TaskExecutor executor;
    private final Consumer<Runnable> fxThread;
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<FeatureMapper> mapper = new SimpleObjectProperty<>();
    private final IntegerProperty sampleIndex = new SimpleIntegerProperty();
    private final BooleanProperty sharedScale = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(
            "Train for one epoch, or load a trained run (File ▸ Load trained run…), to see what the network sees.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<String> source = new ReadOnlyObjectWrapper<>("no network yet");
    private final AtomicLong generation = new AtomicLong();
    private SampleImage customImage;
    private String customName;
    private Runnable freshRequest = () -> { };

    public FeatureMapsViewModel(TaskExecutor executor, Consumer<Runnable> fxThread) {
        this.executor = executor;
        this.fxThread = fxThread;
        sampleIndex.addListener((obs, old, index) -> {
            customImage = null;
            refresh();
        });
        mapper.addListener((obs, old, m) -> refresh());
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

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Which network the maps come from, in words. */
    public ReadOnlyObjectProperty<String> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public void setSource(String description) {
        source.set(description);
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
        refresh();
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
        busy.set(true);
        message.set("Loading " + runDirectory.getFileName() + "…");
        executor.execute(() -> {
            try {
                RunDirectory run = RunDirectory.open(runDirectory);
                Architecture arch = run.architecture();
                FeatureMapper loaded = FeatureMapper.load(arch, runDirectory.resolve(RunDirectory.MODEL_ZIP));
                fxThread.accept(() -> {
                    source.set("run " + runDirectory.getFileName());
                    mapper.set(loaded);
                });
            } catch (TrainingException | java.io.IOException | RuntimeException e) {
                LOGGER.warn("Cannot load run {}", runDirectory, e);
                fxThread.accept(() -> {
                    busy.set(false);
                    message.set("Cannot load " + runDirectory + ": " + e.getMessage());
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
                : "test image " + index + ": " + d.className(d.test().label(index));
        List<String> classNames = d != null ? d.classNames() : numbered(m.architecture().classes());
        long ticket = generation.incrementAndGet();
        busy.set(true);
        executor.execute(() -> {
            try {
                InputSpec in = m.architecture().input();
                // Dataset images go through the data layer's resize, exactly as in training.
                SampleImage input = custom != null ? custom.to(in.channels(), in.height(), in.width())
                        : new SampleImage(d.test().pixels(index, in.channels(), in.height(), in.width()),
                                in.channels(), in.height(), in.width());
                FeatureMaps maps = m.compute(input.pixels());
                Result computed = new Result(input, truth, maps, m.architecture(),
                        classNames.size() == m.architecture().classes() ? classNames : numbered(m.architecture().classes()));
                deliver(ticket, () -> {
                    result.set(computed);
                    message.set("");
                });
            } catch (RuntimeException e) {
                LOGGER.warn("Feature maps failed", e);
                deliver(ticket, () -> message.set("Cannot compute feature maps: " + e.getMessage()));
            }
        });
    }

    private void deliver(long ticket, Runnable update) {
        fxThread.accept(() -> {
            if (ticket == generation.get()) {
                busy.set(false);
                update.run();
            }
        });
    }

    private static SampleImage image(ImageSource split, int index) {
        float[] pixels = new float[split.channels() * split.height() * split.width()];
        split.pixels(index, pixels);
        return new SampleImage(pixels, split.channels(), split.height(), split.width());
    }

    private static List<String> numbered(int classes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add("class " + i);
        }
        return names;
    }
}
