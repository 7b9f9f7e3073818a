package org.ninexplorer.ui.classmaps;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.training.ClassMaps;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.Occlusion;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.featuremaps.SampleImage;
import org.ninexplorer.ui.common.Messages;

/**
 * Why the net decided, for the feature-map view's sample and network: the last block's map of a class
 * (the predicted one unless the user picks another) with the score it pools to and the softmax after it,
 * the occlusion map of that class, and the mean class map of every class over the test set.
 */
public final class ClassMapsViewModel {

    /**
     * The class maps of one sample.
     *
     * @param trueClass  the sample's label, or {@link FeatureMapsViewModel.Result#NO_LABEL} for an own image
     * @param layerIndex the block whose channels they are, among the top-level layers
     * @param min        the smallest cell of all maps, so that every class is drawn on one scale
     * @param max        the largest cell of all maps
     */
    public record Explanation(SampleImage input, List<ClassMaps.ClassMap> maps, List<String> classNames,
                              int predicted, int trueClass, int layerIndex, float min, float max) {
    }

    /** The means over the test set, on one scale, for the net they were computed with. */
    public record Means(List<ClassMaps.ClassMean> classes, List<String> classNames, InputSpec input, float min,
                        float max) {
    }

    private final FeatureMapsViewModel featureMaps;
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty chosenClass = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<ClassMaps.ClassMap> chosenMap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper poolLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final DoubleProperty opacity = new SimpleDoubleProperty(0.6);
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final IntegerProperty patch = new SimpleIntegerProperty(4);
    private final IntegerProperty stride = new SimpleIntegerProperty(2);
    private final ReadOnlyObjectWrapper<Occlusion.OcclusionMap> occlusion = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper occlusionLine = new ReadOnlyStringWrapper("");
    private final BackgroundJob occlusionJob;
    private final ReadOnlyObjectWrapper<Means> means = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper meansLine = new ReadOnlyStringWrapper("");
    private final BackgroundJob meansJob;
    /** The net the shown (or coming) means were averaged with, and over how many images. */
    private FeatureMapper meansMapper;
    private int meansImages;
    private FeatureMapsViewModel.Result shown;
    /** While a new sample is taken in: its class, patch and stride settle before anything recomputes. */
    private boolean updating;
    /** Until the user picks a class for the shown sample, the chosen class is the net's prediction. */
    private boolean followsPrediction = true;
    private InputSpec defaultsFor;

    public ClassMapsViewModel(FeatureMapsViewModel featureMaps, TaskExecutor executor, Consumer<Runnable> fxThread) {
        this.featureMaps = featureMaps;
        occlusionJob = new BackgroundJob(executor, fxThread);
        meansJob = new BackgroundJob(executor, fxThread);
        featureMaps.resultProperty().addListener((obs, old, r) -> explain(r));
        chosenClass.addListener((obs, old, c) -> {
            followsPrediction &= updating;
            showChosen();
        });
        patch.addListener((obs, old, v) -> occlusionStale());
        stride.addListener((obs, old, v) -> occlusionStale());
        active.addListener((obs, old, on) -> {
            if (on && occlusion.get() == null) {
                occlusionStale();
            }
        });
        featureMaps.mapperProperty().addListener((obs, old, m) -> meansOutdated());
        featureMaps.datasetProperty().addListener((obs, old, d) -> meansStale());
        explain(featureMaps.resultProperty().get());
    }

    // --- Properties -------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The class whose map is shown; set to the predicted class for each new sample. */
    public IntegerProperty chosenClassProperty() {
        return chosenClass;
    }

    public ReadOnlyObjectProperty<ClassMaps.ClassMap> chosenMapProperty() {
        return chosenMap.getReadOnlyProperty();
    }

    /** "mean of this map = 2.31 → 61.0 % after softmax" for the chosen class. */
    public ReadOnlyStringProperty poolLineProperty() {
        return poolLine.getReadOnlyProperty();
    }

    /** Why there is nothing to show, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Which network this explains, in the feature-map view's words. */
    public ReadOnlyStringProperty sourceProperty() {
        return featureMaps.sourceProperty();
    }

    /** How much of the heat map covers the input: 0 none, 1 all. */
    public DoubleProperty opacityProperty() {
        return opacity;
    }

    /** Whether someone looks: quick occlusion maps follow each sample only then. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The grey patch's side in input pixels. */
    public IntegerProperty patchProperty() {
        return patch;
    }

    public IntegerProperty strideProperty() {
        return stride;
    }

    public ReadOnlyObjectProperty<Occlusion.OcclusionMap> occlusionProperty() {
        return occlusion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty occlusionLineProperty() {
        return occlusionLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty occlusionRunningProperty() {
        return occlusionJob.runningProperty();
    }

    public ReadOnlyDoubleProperty occlusionProgressProperty() {
        return occlusionJob.progressProperty();
    }

    public ReadOnlyObjectProperty<Means> meansProperty() {
        return means.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty meansLineProperty() {
        return meansLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty meansRunningProperty() {
        return meansJob.runningProperty();
    }

    public ReadOnlyDoubleProperty meansProgressProperty() {
        return meansJob.progressProperty();
    }

    // --- Commands ---------------------------------------------------------------------------------

    /** Computes the occlusion map of the chosen class for the shown sample. */
    public void runOcclusion() {
        Explanation e = explanation.get();
        FeatureMapper mapper = featureMaps.mapperProperty().get();
        int c = chosenClass.get();
        if (e == null || mapper == null || c < 0 || !mapper.architecture().equals(shown.architecture())) {
            return;
        }
        int p = patch.get();
        int s = stride.get();
        String name = e.classNames().get(c);
        occlusionLine.set("");
        occlusionJob.start((progress, cancelled) -> Occlusion.compute(mapper, e.input().pixels(), c, p, s, progress,
                cancelled), map -> {
                    occlusion.set(map);
                    occlusionLine.set(Messages.get("classmaps.occlusion.line", map.patch() + "×" + map.patch(),
                            String.valueOf(map.patches()), String.valueOf(map.stride()), name,
                            FeatureMapsViewModel.percent(map.probability()),
                            String.format(Locale.ROOT, "%.1f", 100 * Math.max(0, map.maxDrop()))));
                }, error -> occlusionLine.set(Messages.get("classmaps.occlusion.failed", error)));
    }

    public void cancelOcclusion() {
        occlusionJob.cancel();
        occlusionLine.set(Messages.get("classmaps.occlusion.cancelled"));
    }

    /** Averages each class's map over the test images of that class (the whole test split). */
    public void computeMeans() {
        FeatureMapper mapper = featureMaps.mapperProperty().get();
        Dataset d = featureMaps.datasetProperty().get();
        if (mapper == null || d == null) {
            meansLine.set(Messages.get("classmaps.means.no-net"));
            return;
        }
        Architecture arch = mapper.architecture();
        if (ClassMaps.classMapLayer(arch).isEmpty() || d.classes() != arch.classes()) {
            meansLine.set(ClassMaps.classMapLayer(arch).isEmpty() ? noClassMaps()
                    : Messages.get("classmaps.means.mismatch", String.valueOf(arch.classes()), String.valueOf(d.classes())));
            return;
        }
        int images = d.test().size();
        meansMapper = mapper;
        meansImages = images;
        meansLine.set(Messages.get("classmaps.means.running", String.valueOf(images)));
        meansJob.start((progress, cancelled) -> ClassMaps.meanOverTestSet(mapper, d.test(), images, progress,
                cancelled), classes -> {
                    float min = Float.POSITIVE_INFINITY;
                    float max = Float.NEGATIVE_INFINITY;
                    for (ClassMaps.ClassMean mean : classes) {
                        for (float v : mean.cells()) {
                            min = Math.min(min, v);
                            max = Math.max(max, v);
                        }
                    }
                    means.set(new Means(classes, d.classNames(), arch.input(), min, max));
                    meansLine.set(meansDoneLine());
                }, error -> meansLine.set(Messages.get("classmaps.means.failed", error)));
    }

    public void cancelMeans() {
        meansJob.cancel();
        meansLine.set(Messages.get("classmaps.means.cancelled"));
    }

    // --- Internals --------------------------------------------------------------------------------

    private void explain(FeatureMapsViewModel.Result result) {
        // A new net (each epoch's, during training) for the same sample keeps the class the user chose.
        followsPrediction |= result == null || shown == null || !result.input().samePixels(shown.input());
        shown = result;
        if (result == null) {
            explanation.set(null);
            message.set(Messages.get("classmaps.empty"));
            showChosen();
            return;
        }
        List<ClassMaps.ClassMap> maps = ClassMaps.of(result.architecture(), result.maps());
        if (maps.isEmpty()) {
            explanation.set(null);
            message.set(noClassMaps());
            showChosen();
            return;
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (ClassMaps.ClassMap map : maps) {
            for (float v : map.cells()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        InputSpec in = result.architecture().input();
        updating = true;
        try {
            if (!in.equals(defaultsFor)) {
                // About a seventh of the side, half-overlapping: 4×4 every 2 pixels at 28×28.
                defaultsFor = in;
                patch.set(Math.max(1, Math.round(in.height() / 7f)));
                stride.set(Math.max(1, patch.get() / 2));
            }
            explanation.set(new Explanation(result.input(), maps, result.classNames(), result.maps().predictedClass(),
                    result.trueClass(), ClassMaps.classMapLayer(result.architecture()).getAsInt(), min, max));
            message.set("");
            if (followsPrediction || chosenClass.get() >= maps.size()) {
                chosenClass.set(result.maps().predictedClass());
            }
        } finally {
            updating = false;
        }
        showChosen();
    }

    private void showChosen() {
        if (updating) {
            return;
        }
        Explanation e = explanation.get();
        int c = chosenClass.get();
        ClassMaps.ClassMap map = e != null && c >= 0 && c < e.maps().size() ? e.maps().get(c) : null;
        chosenMap.set(map);
        poolLine.set(map == null ? "" : Messages.get("classmaps.pool-line",
                String.format(Locale.ROOT, "%.2f", map.score()), FeatureMapsViewModel.percent(map.probability())));
        occlusionStale();
    }

    /** The occlusion map no longer matches; a quick one is recomputed at once while someone looks. */
    private void occlusionStale() {
        if (updating) {
            return;
        }
        occlusionJob.cancel();
        occlusion.set(null);
        occlusionLine.set("");
        Explanation e = explanation.get();
        if (e != null && active.get()
                && Occlusion.quick(shown.architecture().input(), patch.get(), stride.get())) {
            runOcclusion();
        }
    }

    /**
     * While a run trains, each epoch's snapshot is a new net: cancelling the average then would let it finish
     * only for epochs longer than itself. It goes on with the net it started with and says so once that is older.
     */
    private void meansOutdated() {
        if (means.get() != null) {
            meansLine.set(meansDoneLine());
        }
    }

    private String meansDoneLine() {
        String done = Messages.get("classmaps.means.done", String.valueOf(meansImages));
        return featureMaps.mapperProperty().get() == meansMapper ? done
                : done + " " + Messages.get("classmaps.means.older");
    }

    private void meansStale() {
        meansJob.cancel();
        means.set(null);
        meansLine.set("");
    }

    private static String noClassMaps() {
        return Messages.get("classmaps.none");
    }
}
