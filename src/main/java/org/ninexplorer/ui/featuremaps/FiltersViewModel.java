package org.ninexplorer.ui.featuremaps;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.FirstLayerFilters;
import org.ninexplorer.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ninexplorer.ui.common.Messages;

/**
 * The first convolution's kernels of the feature-map view's network as pictures: each weight one cell,
 * its sign the hue and its size the strength of the colour, on one scale for all filters or one per filter.
 * The weights are copied on the executor (ND4J never runs on the FX thread); a newer net makes older copies stale.
 */
public final class FiltersViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(FiltersViewModel.class);

    private final TaskExecutor executor;
    private final Consumer<Runnable> fxThread;
    private final ObjectProperty<FeatureMapper> mapper = new SimpleObjectProperty<>();
    private final BooleanProperty sharedScale = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<FirstLayerFilters> filters = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(
            Messages.get("featuremaps.filters.empty"));
    private final AtomicLong generation = new AtomicLong();

    public FiltersViewModel(TaskExecutor executor, Consumer<Runnable> fxThread) {
        this.executor = executor;
        this.fxThread = fxThread;
        mapper.addListener((obs, old, m) -> refresh());
    }

    /** The network, bound to the feature-map view's. */
    public ObjectProperty<FeatureMapper> mapperProperty() {
        return mapper;
    }

    /** One scale for all filters (compare their strength) instead of one per filter (see each one's pattern). */
    public BooleanProperty sharedScaleProperty() {
        return sharedScale;
    }

    public ReadOnlyObjectProperty<FirstLayerFilters> filtersProperty() {
        return filters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Copies the current network's first-layer weights (again). */
    public void refresh() {
        FeatureMapper m = mapper.get();
        if (m == null) {
            return;
        }
        long ticket = generation.incrementAndGet();
        executor.execute(() -> {
            try {
                FirstLayerFilters read = m.firstLayerFilters().orElse(null);
                deliver(ticket, () -> {
                    filters.set(read);
                    message.set(read == null ? Messages.get("featuremaps.filters.none") : "");
                });
            } catch (RuntimeException e) {
                LOGGER.warn("Reading the first layer's filters failed", e);
                deliver(ticket, () -> message.set(Messages.get("featuremaps.filters.failed", e.getMessage())));
            }
        });
    }

    /** Shows {@code recorded} (an epoch of a timeline) instead of a network's; null shows {@code why} instead. */
    public void show(FirstLayerFilters recorded, String why) {
        generation.incrementAndGet(); // a copy still on its way is older than this
        filters.set(recorded);
        message.set(recorded == null ? why : "");
    }

    /** The half-range of the colour scale of {@code filter}: its weights run from −scale (blue) to +scale (red). */
    public float scale(int filter) {
        FirstLayerFilters f = filters.get();
        return sharedScale.get() ? f.maxAbs() : f.maxAbs(filter);
    }

    /** The k×k picture of {@code filter}'s weights for input {@code channel}, row by row, as opaque ARGB. */
    public int[] picture(int filter, int channel) {
        FirstLayerFilters f = filters.get();
        float scale = scale(filter);
        int k = f.kernel();
        int[] argb = new int[k * k];
        for (int row = 0; row < k; row++) {
            for (int column = 0; column < k; column++) {
                float w = f.weight(filter, channel, row, column);
                argb[row * k + column] = ColorMap.diverging(scale > 0 ? w / scale : 0);
            }
        }
        return argb;
    }

    /** What one filter's picture shows, for its tooltip. */
    public String describe(int filter) {
        FirstLayerFilters f = filters.get();
        return Messages.get("featuremaps.filter", String.valueOf(filter), f.channels() + "×" + f.kernel() + "×" + f.kernel(),
                String.format(Locale.ROOT, "%.3g", f.maxAbs(filter)));
    }

    /** The legend's half-range: the shared scale's number, or words for one scale per filter. */
    public String legendRange() {
        FirstLayerFilters f = filters.get();
        if (f == null) {
            return "";
        }
        return sharedScale.get() ? String.format(Locale.ROOT, "%.3g", f.maxAbs()) : Messages.get("featuremaps.filters.each-max");
    }

    private void deliver(long ticket, Runnable update) {
        fxThread.accept(() -> {
            if (ticket == generation.get()) {
                update.run();
            }
        });
    }
}
