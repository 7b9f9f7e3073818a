package org.ninexplorer.ui.graph;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * How large the graph is drawn. By default it fits its area: in presentation mode it grows or shrinks to
 * fill it, otherwise it is drawn at 100 % unless that would need scrolling, then smaller. Zooming in or
 * out leaves fitting for a zoom of the user's own, until {@link #fit()}.
 */
public final class GraphZoom {

    public static final double MIN = 0.4;
    public static final double MAX = 3.0;
    static final double STEP = 1.2;

    private final BooleanProperty presentation = new SimpleBooleanProperty();
    private final DoubleProperty fitScale = new SimpleDoubleProperty(1);
    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyDoubleWrapper userZoom = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();

    public GraphZoom() {
        scale.bind(Bindings.createDoubleBinding(() -> fitting.get()
                        ? clamp(presentation.get() ? fitScale.get() : Math.min(1, fitScale.get())) : userZoom.get(),
                fitting, presentation, fitScale, userZoom));
        text.bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%d %%",
                Math.round(scale.get() * 100)), scale));
    }

    /** Presentation mode: fitting fills the area rather than stopping at 100 %. */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** The largest scale at which the whole graph shows in its area, as the view measures it. */
    public DoubleProperty fitScaleProperty() {
        return fitScale;
    }

    /** The scale to draw at: 1 is the cards' natural size. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public double scale() {
        return scale.get();
    }

    public ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    /** The scale for its label: "85 %". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public void zoomIn() {
        zoomTo(scale.get() * STEP);
    }

    public void zoomOut() {
        zoomTo(scale.get() / STEP);
    }

    /** Back to fitting the area (Ctrl+0). */
    public void fit() {
        fitting.set(true);
    }

    private void zoomTo(double value) {
        userZoom.set(clamp(value));
        fitting.set(false);
    }

    private static double clamp(double value) {
        return Math.max(MIN, Math.min(MAX, value));
    }

    /**
     * The largest scale in [{@link #MIN}, {@link #MAX}] at which content that is {@code heightAtWidth(w)} tall
     * when laid out {@code w} wide fits {@code width} × {@code height}: laid out {@code width / scale} wide
     * and drawn {@code scale} times as large. The scaled height only grows with the scale (narrower rows
     * wrap into more of them), so a bisection finds it; {@link #MIN} when nothing fits.
     */
    public static double largestFitting(DoubleUnaryOperator heightAtWidth, double width, double height) {
        if (width <= 0 || height <= 0) {
            return 1;
        }
        double low = MIN;
        double high = MAX;
        if (heightAtWidth.applyAsDouble(width / high) * high <= height) {
            return high;
        }
        for (int i = 0; i < 30 && high - low > 0.002; i++) {
            double mid = (low + high) / 2;
            if (heightAtWidth.applyAsDouble(width / mid) * mid <= height) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
