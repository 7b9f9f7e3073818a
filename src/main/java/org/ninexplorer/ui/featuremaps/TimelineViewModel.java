package org.ninexplorer.ui.featuremaps;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.training.PinnedSamples;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.RunStorageException;
import org.ninexplorer.training.Timeline;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.common.TaskExecutor;

/**
 * The pinned test images, and how the net saw them epoch by epoch: the maps, the prediction and the first
 * layer's filters of the epoch the slider picks, for the run this window trains (growing at each epoch's end;
 * the slider follows the newest epoch unless an older one is chosen) or the run it shows. The pins are what the
 * next run records; a run shown from disk brings its own. Files are read and epochs decoded on the executor;
 * state changes on the FX thread; a newer request makes older results stale.
 */
public final class TimelineViewModel {

    private final TaskExecutor executor;
    private final Consumer<Runnable> fxThread;
    private final PinnedSamples engine;
    private final ObservableList<Integer> pinned = FXCollections.observableArrayList();
    // Kept: an unmodifiable view listens to its list weakly, so a view made per call would stop telling its listeners.
    private final ObservableList<Integer> pinnedView = FXCollections.unmodifiableObservableList(pinned);
    private final ObservableList<Integer> epochs = FXCollections.observableArrayList();
    private final ObservableList<Integer> epochsView = FXCollections.unmodifiableObservableList(epochs);
    private final ObservableList<Integer> samples = FXCollections.observableArrayList();
    private final ObservableList<Integer> samplesView = FXCollections.unmodifiableObservableList(samples);
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final IntegerProperty epoch = new SimpleIntegerProperty();
    private final IntegerProperty sample = new SimpleIntegerProperty(-1);
    private final BooleanProperty sharedScale = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<FeatureMapsViewModel.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final FiltersViewModel filters;
    /** Separate tickets: moving the slider while a run's file is read must not drop the reading. */
    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong decodes = new AtomicLong();
    private Path runDir;
    private boolean live;
    private Timeline timeline;
    private Architecture architecture;

    /** @param engine the pins the window's training session hands to each run it starts */
    public TimelineViewModel(TaskExecutor executor, Consumer<Runnable> fxThread, PinnedSamples engine) {
        this.executor = executor;
        this.fxThread = fxThread;
        this.engine = engine;
        this.filters = new FiltersViewModel(executor, fxThread);
        pinned.setAll(engine.indices());
        epoch.addListener((obs, old, e) -> showEpoch());
        sample.addListener((obs, old, s) -> showEpoch());
        dataset.addListener((obs, old, d) -> showEpoch());
        explain();
    }

    // --- Properties -------------------------------------------------------------------------------

    /** The pinned test images, in order: what the next run (and the running one, from its next epoch) records. */
    public ObservableList<Integer> pinned() {
        return pinnedView;
    }

    /** The test images for class names and labels (the feature-map view's). */
    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    /** The epochs the shown run's timeline holds, in order. */
    public ObservableList<Integer> epochs() {
        return epochsView;
    }

    /** The epoch shown: the slider. */
    public IntegerProperty epochProperty() {
        return epoch;
    }

    /** The test images the timeline can show: the run's pinned ones. */
    public ObservableList<Integer> samples() {
        return samplesView;
    }

    /** The test image shown, or −1 for none. */
    public IntegerProperty sampleProperty() {
        return sample;
    }

    /** One colour scale for all maps of a block instead of one per map, as in the block maps. */
    public BooleanProperty sharedScaleProperty() {
        return sharedScale;
    }

    /** The shown sample's maps and prediction at the shown epoch; null while there are none. */
    public ReadOnlyObjectProperty<FeatureMapsViewModel.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What is going on, in a sentence, when there is nothing (or nothing yet) to show; else empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What could not be read of the shown run's timeline, in a sentence; empty when it all read well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The first layer's filters at the shown epoch. */
    public FiltersViewModel filters() {
        return filters;
    }

    // --- Commands ---------------------------------------------------------------------------------

    public boolean isPinned(int index) {
        return pinned.contains(index);
    }

    /** Pins test image {@code index}, or unpins it if it is pinned. */
    public void togglePin(int index) {
        TreeSet<Integer> next = new TreeSet<>(pinned);
        if (!next.remove(index)) {
            next.add(index);
        }
        setPinned(next);
        if (next.contains(index) && (timeline == null || live)) {
            sample.set(index);
        }
    }

    public void setPinned(Collection<Integer> indices) {
        engine.set(indices);
        pinned.setAll(engine.indices());
        if (timeline == null || live) {
            showSamples();
        }
    }

    /** Follows a run in this window: a start (or resume) shows its folder, each epoch's end adds its frame. */
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started started) {
            open(Path.of(started.runDirectory()), true);
        } else if (event instanceof TrainingEvent.Epoch && live) {
            reload();
        }
    }

    /** Shows the timeline of the run in {@code folder}, and pins its samples. */
    public void loadRun(Path folder) {
        open(folder, false);
    }

    private void open(Path folder, boolean following) {
        runDir = folder;
        live = following;
        timeline = null;
        epochs.clear();
        reload();
    }

    private void reload() {
        Path dir = runDir;
        long ticket = loads.incrementAndGet();
        executor.execute(() -> {
            Timeline read = Timeline.read(dir);
            Architecture arch;
            try {
                arch = RunDirectory.open(dir).architecture();
            } catch (TrainingException e) {
                deliver(loads, ticket, () -> {
                    message.set(Messages.get("featuremaps.timeline.unreadable", Messages.current().error(e)));
                    result.set(null);
                });
                return;
            }
            deliver(loads, ticket, () -> opened(read, arch));
        });
    }

    private void opened(Timeline read, Architecture arch) {
        timeline = read;
        architecture = arch;
        problem.set(read.problem().map(Messages.current()::engine).orElse(""));
        setPinned(live ? union(pinned, read.pinned()) : read.pinned());
        boolean newest = epochs.isEmpty() || epoch.get() == epochs.get(epochs.size() - 1);
        epochs.setAll(read.epochs());
        showSamples();
        if (!epochs.isEmpty() && (newest || !epochs.contains(epoch.get()))) {
            epoch.set(epochs.get(epochs.size() - 1));
        }
        showEpoch();
    }

    private void showSamples() {
        List<Integer> shown = timeline == null ? List.copyOf(pinned)
                : live ? union(pinned, timeline.pinned()) : timeline.pinned();
        if (!samples.equals(shown)) {
            samples.setAll(shown);
        }
        if (!samples.contains(sample.get())) {
            sample.set(samples.isEmpty() ? -1 : samples.get(0));
        }
        if (epochs.isEmpty()) {
            explain();
        }
    }

    /** Decodes the shown epoch on the executor and shows the chosen sample of it. */
    private void showEpoch() {
        Timeline t = timeline;
        int e = epoch.get();
        if (t == null || !t.frames().containsKey(e)) {
            explain();
            return;
        }
        int index = sample.get();
        Dataset d = dataset.get();
        Architecture arch = architecture;
        long ticket = decodes.incrementAndGet();
        executor.execute(() -> {
            try {
                Timeline.Epoch decoded = t.epoch(e);
                Optional<Timeline.Sample> s = decoded.sample(index);
                FeatureMapsViewModel.Result shown = s.map(found -> toResult(found, arch, d)).orElse(null);
                deliver(decodes, ticket, () -> {
                    result.set(shown);
                    filters.show(decoded.filters().orElse(null), Messages.get("featuremaps.timeline.no-filters"));
                    message.set(shown != null ? "" : index < 0 ? Messages.get("featuremaps.timeline.none-pinned")
                            : Messages.get("featuremaps.timeline.not-pinned-then", String.valueOf(index),
                                    String.valueOf(e)));
                });
            } catch (RunStorageException ex) {
                deliver(decodes, ticket, () -> {
                    result.set(null);
                    String why = Messages.current().error(ex);
                    filters.show(null, why);
                    message.set(why);
                });
            }
        });
    }

    private static FeatureMapsViewModel.Result toResult(Timeline.Sample s, Architecture arch, Dataset d) {
        int classes = s.maps().probabilities().length;
        List<String> names = d != null && d.classes() == classes ? d.classNames() : FeatureMapsViewModel.numbered(classes);
        String truth = s.truth() >= 0 && s.truth() < classes
                ? Messages.get("featuremaps.test-image", String.valueOf(s.index()), names.get(s.truth()))
                : Messages.get("featuremaps.test-image.unlabelled", String.valueOf(s.index()));
        SampleImage input = new SampleImage(s.input(), s.inputShape().channels(), s.inputShape().height(),
                s.inputShape().width());
        return new FeatureMapsViewModel.Result(input, truth, s.truth() < classes ? s.truth()
                : FeatureMapsViewModel.Result.NO_LABEL, s.maps(), arch, names);
    }

    /** The sentence for a timeline with no epoch to show (yet). */
    private void explain() {
        decodes.incrementAndGet(); // an epoch still decoding is no longer wanted
        result.set(null);
        if (timeline != null && !timeline.problem().isEmpty() && timeline.epochs().isEmpty()) {
            message.set(Messages.current().engine(timeline.problem().get()));
        } else if (timeline != null && !live) {
            message.set(Messages.get("featuremaps.timeline.none"));
        } else if (pinned.isEmpty()) {
            message.set(Messages.get("featuremaps.timeline.pin-first"));
        } else {
            message.set(Messages.get(live ? "featuremaps.timeline.pinned.live" : "featuremaps.timeline.pinned.next",
                    pinned.size(), pinned.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
    }

    private static List<Integer> union(Collection<Integer> a, Collection<Integer> b) {
        TreeSet<Integer> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private void deliver(AtomicLong tickets, long ticket, Runnable update) {
        fxThread.accept(() -> {
            if (ticket == tickets.get()) {
                update.run();
            }
        });
    }
}
