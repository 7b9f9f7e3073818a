package org.ninexplorer.ui.confusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.ImageSource;
import org.ninexplorer.training.ConfusionMatrix;
import org.ninexplorer.training.RunConfusion;
import org.ninexplorer.training.RunStorageException;
import org.ninexplorer.training.TestEvaluation;
import org.ninexplorer.training.TestPredictions;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.featuremaps.SampleImage;
import org.ninexplorer.ui.common.Messages;

/**
 * The test-set confusion matrix of a run, epoch by epoch: live while a run trains (from its {@code Tested}
 * events), read from a run's folder when one is opened, and computed from a checkpoint when a run has no matrix
 * of an epoch, or not the answers per image that a cell's images need (only the newest epoch's are stored). File
 * reading and test passes run on the executor; state changes on the FX thread; a newer run makes older results stale.
 */
public final class ConfusionViewModel {

    /** The most frequent mistakes the grid marks. */
    public static final int WORST = 3;
    /** At most this many images of a cell are shown, the most confident first. */
    public static final int MOST_IMAGES = 120;

    /** One cell as the grid shows it; {@code worstRank} is 1 for the most frequent mistake, up to {@link #WORST}, else 0. */
    public record CellView(int truth, int predicted, int count, double rate, boolean diagonal, int worstRank) {
    }

    /** One test image behind the chosen cell. */
    public record Thumb(int index, String truth, String predicted, String confidence, SampleImage image) {
    }

    private final TaskExecutor executor;
    private final Consumer<Runnable> fxThread;
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObservableList<Integer> epochs = FXCollections.observableArrayList();
    // Kept: an unmodifiable view listens to its list weakly, so a view made per call would stop telling its listeners.
    private final ObservableList<Integer> epochsView = FXCollections.unmodifiableObservableList(epochs);
    private final IntegerProperty epoch = new SimpleIntegerProperty();
    private final ReadOnlyObjectWrapper<ConfusionMatrix> matrix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConfusionMatrix.Cell> selectedCell = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Thumb> images = FXCollections.observableArrayList();
    private final ObservableList<Thumb> imagesView = FXCollections.unmodifiableObservableList(images);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(
            Messages.get("confusion.empty"));
    private final ReadOnlyStringWrapper imagesMessage = new ReadOnlyStringWrapper(Messages.get("confusion.click-cell"));
    private final SortedMap<Integer, ConfusionMatrix> matrices = new TreeMap<>();
    private final Map<Integer, TestPredictions> answers = new HashMap<>();
    private final Set<Integer> computing = new HashSet<>();
    private final AtomicLong generation = new AtomicLong();
    private Path runDir;
    private IntConsumer openSample = index -> { };

    public ConfusionViewModel(TaskExecutor executor, Consumer<Runnable> fxThread) {
        this.executor = executor;
        this.fxThread = fxThread;
        epoch.addListener((obs, old, e) -> showEpoch());
        dataset.addListener((obs, old, d) -> showImages());
    }

    // --- Properties -------------------------------------------------------------------------------

    /** The test images the run was tested on, for class names and the cells' images. */
    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    /** The epochs that have a matrix, or a checkpoint it can be computed from, in order. */
    public ObservableList<Integer> epochs() {
        return epochsView;
    }

    /** The epoch shown. */
    public IntegerProperty epochProperty() {
        return epoch;
    }

    /** The shown epoch's matrix; null until it is known. */
    public ReadOnlyObjectProperty<ConfusionMatrix> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConfusionMatrix.Cell> selectedCellProperty() {
        return selectedCell.getReadOnlyProperty();
    }

    /** The chosen cell's test images in the shown epoch, the ones the net was surest of first. */
    public ObservableList<Thumb> images() {
        return imagesView;
    }

    /** What is going on, or wrong, in a sentence; empty when the matrix shows. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The line above the chosen cell's images. */
    public ReadOnlyStringProperty imagesMessageProperty() {
        return imagesMessage.getReadOnlyProperty();
    }

    /** What a click on an image does: the window shows that test image's feature maps. */
    public void setOpenSample(IntConsumer open) {
        this.openSample = open;
    }

    /** A name per class: the dataset's when it has the matrix's classes, else numbers. */
    public List<String> classNames() {
        ConfusionMatrix m = matrix.get();
        Dataset d = dataset.get();
        int classes = m != null ? m.classes() : d != null ? d.classes() : 0;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(d != null && d.classes() == classes ? d.className(c)
                    : Messages.get("featuremaps.class", String.valueOf(c)));
        }
        return names;
    }

    /** Every cell of the shown matrix, row by row, the worst mistakes ranked. */
    public List<CellView> cells() {
        ConfusionMatrix m = matrix.get();
        List<CellView> cells = new ArrayList<>();
        if (m == null) {
            return cells;
        }
        List<ConfusionMatrix.Cell> worst = m.worst(WORST);
        for (int t = 0; t < m.classes(); t++) {
            for (int p = 0; p < m.classes(); p++) {
                cells.add(new CellView(t, p, m.count(t, p), m.rate(t, p), t == p, worst.indexOf(m.cell(t, p)) + 1));
            }
        }
        return cells;
    }

    /** E.g. "Epoch 2: 812 of 1,000 test images right (81.2 %). Most confused: Shirt taken for T-shirt/top (14.0 %)". */
    public String summary() {
        ConfusionMatrix m = matrix.get();
        if (m == null) {
            return "";
        }
        List<String> names = classNames();
        StringBuilder text = new StringBuilder(Messages.get("confusion.summary", String.valueOf(m.epoch()),
                String.format(Locale.ROOT, "%,d", m.correct()), String.format(Locale.ROOT, "%,d", m.total()),
                FeatureMapsViewModel.percent(m.accuracy())));
        List<ConfusionMatrix.Cell> worst = m.worst(WORST);
        for (int i = 0; i < worst.size(); i++) {
            ConfusionMatrix.Cell c = worst.get(i);
            text.append(Messages.get(i == 0 ? "confusion.summary.first" : "confusion.summary.next", names.get(c.truth()),
                    names.get(c.predicted()), FeatureMapsViewModel.percent(c.rate())));
        }
        return text.toString();
    }

    // --- Commands ---------------------------------------------------------------------------------

    /** Follows a run in this window: a start (or resume) shows its folder, each epoch's test adds its matrix. */
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started started) {
            open(Path.of(started.runDirectory()), true);
        } else if (event instanceof TrainingEvent.Tested tested) {
            add(tested.predictions());
        }
    }

    /** Shows the run in {@code folder}: its stored matrices, or what its checkpoints give when asked. */
    public void loadRun(Path folder) {
        open(folder, false);
    }

    /** Chooses the cell of images of class {@code truth} predicted as {@code predicted}. */
    public void selectCell(int truth, int predicted) {
        ConfusionMatrix m = matrix.get();
        selectedCell.set(m == null ? null : m.cell(truth, predicted));
        showImages();
    }

    /** Shows test image {@code index} in the feature-map view. */
    public void openImage(int index) {
        openSample.accept(index);
    }

    // --- Inside -----------------------------------------------------------------------------------

    private void open(Path folder, boolean live) {
        long ticket = generation.incrementAndGet();
        runDir = folder;
        matrices.clear();
        answers.clear();
        computing.clear();
        epochs.clear();
        matrix.set(null);
        selectedCell.set(null);
        showImages();
        message.set(live ? Messages.get("confusion.live") : Messages.get("confusion.reading", folder.getFileName().toString()));
        executor.execute(() -> {
            try {
                RunConfusion stored = RunConfusion.read(folder);
                SortedSet<Integer> recomputable = stored.epochs().isEmpty() && !live
                        ? TestEvaluation.checkpointEpochs(folder) : new TreeSet<>();
                deliver(ticket, () -> {
                    stored.epochs().forEach(matrices::putIfAbsent); // live epochs may have come in meanwhile
                    stored.newest().ifPresent(p -> answers.putIfAbsent(p.epoch(), p));
                    listEpochs(recomputable);
                    if (epochs.isEmpty() && !live) {
                        message.set(Messages.get("confusion.no-epoch", folder.getFileName().toString()));
                    }
                });
            } catch (RunStorageException | TrainingException e) {
                deliver(ticket, () -> {
                    message.set(Messages.current().error(e));
                    listEpochs(new TreeSet<>());
                });
            }
        });
    }

    private void add(TestPredictions tested) {
        boolean atNewest = epochs.isEmpty() || epoch.get() == epochs.get(epochs.size() - 1);
        matrices.put(tested.epoch(), tested.matrix());
        answers.put(tested.epoch(), tested);
        listEpochs(new TreeSet<>());
        if (atNewest) {
            epoch.set(tested.epoch());
        }
    }

    /** Lists the known epochs and those {@code recomputable}; shows the newest when the shown one is not among them. */
    private void listEpochs(SortedSet<Integer> recomputable) {
        SortedSet<Integer> all = new TreeSet<>(recomputable);
        all.addAll(matrices.keySet());
        epochs.setAll(all);
        if (!all.isEmpty() && !all.contains(epoch.get())) {
            epoch.set(all.last());
        }
        showEpoch();
    }

    private void showEpoch() {
        ConfusionMatrix m = matrices.get(epoch.get());
        matrix.set(m);
        if (m == null && epochs.contains(epoch.get())) {
            compute(epoch.get());
        } else if (m != null) {
            message.set("");
        }
        ConfusionMatrix.Cell cell = selectedCell.get();
        selectedCell.set(cell == null || m == null ? cell : m.cell(cell.truth(), cell.predicted()));
        showImages();
    }

    private void showImages() {
        images.clear();
        ConfusionMatrix.Cell cell = selectedCell.get();
        if (cell == null) {
            imagesMessage.set(Messages.get("confusion.click-cell"));
            return;
        }
        TestPredictions tested = answers.get(epoch.get());
        if (tested == null) {
            imagesMessage.set(Messages.get("confusion.retesting-images", String.valueOf(epoch.get())));
            compute(epoch.get());
            return;
        }
        List<String> names = classNames();
        String what = cell.truth() == cell.predicted() ? Messages.get("confusion.images.right", names.get(cell.truth()))
                : Messages.get("confusion.images.wrong", names.get(cell.truth()), names.get(cell.predicted()));
        List<TestPredictions.Prediction> inCell = tested.cell(cell.truth(), cell.predicted());
        Dataset d = dataset.get();
        if (d == null || !sameImages(d.test(), tested)) {
            imagesMessage.set(d == null ? Messages.get("confusion.images.no-data", what, inCell.size())
                    : Messages.get("confusion.images.other-data", what, inCell.size(), d.name()));
            return;
        }
        for (TestPredictions.Prediction p : inCell.subList(0, Math.min(MOST_IMAGES, inCell.size()))) {
            float[] pixels = d.test().pixels(p.index());
            images.add(new Thumb(p.index(), names.get(p.truth()), names.get(p.predicted()),
                    FeatureMapsViewModel.percent(p.confidence()),
                    new SampleImage(pixels, d.test().channels(), d.test().height(), d.test().width())));
        }
        imagesMessage.set(Messages.get(inCell.size() > MOST_IMAGES ? "confusion.images.first" : "confusion.images",
                what, String.valueOf(epoch.get()), inCell.size(), String.valueOf(MOST_IMAGES)));
    }

    /** Whether the answers name images of {@code test} by their labels, as a run on other data would not. */
    private static boolean sameImages(ImageSource test, TestPredictions tested) {
        return tested.predictions().stream().allMatch(p -> p.index() < test.size() && test.label(p.index()) == p.truth());
    }

    /** Tests the run's checkpoint of {@code e} again, once at a time, for its matrix and its images. */
    private void compute(int e) {
        Path folder = runDir;
        Dataset d = dataset.get();
        if (folder == null || d == null || !computing.add(e)) {
            return;
        }
        long ticket = generation.get();
        message.set(matrices.containsKey(e) ? "" : Messages.get("confusion.retesting", String.valueOf(e)));
        executor.execute(() -> {
            try {
                TestPredictions tested = TestEvaluation.ofRun(folder, d, e);
                deliver(ticket, () -> {
                    computing.remove(e);
                    answers.put(e, tested);
                    matrices.putIfAbsent(e, tested.matrix());
                    showEpoch();
                });
            } catch (TrainingException | RuntimeException failure) {
                deliver(ticket, () -> {
                    (matrices.containsKey(e) ? imagesMessage : message).set(Messages.current().error(failure));
                });
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
}
