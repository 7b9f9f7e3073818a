package org.ninexplorer.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * A chart series that never holds more than {@code capacity} points however long the run: it keeps every
 * {@code stride}-th value, and when full drops every other point and doubles the stride. A long run thus
 * costs the chart the same as a short one, and the whole run stays visible.
 */
public final class SampledSeries {

    private final int capacity;
    private final ObservableList<XYChart.Data<Number, Number>> points = FXCollections.observableArrayList();
    private final List<XYChart.Data<Number, Number>> pending = new ArrayList<>();
    private long seen;
    private long stride = 1;

    public SampledSeries(int capacity) {
        this.capacity = capacity;
    }

    public ObservableList<XYChart.Data<Number, Number>> points() {
        return points;
    }

    public long stride() {
        return stride;
    }

    /** Buffers a value; {@link #flush()} shows it, so that one drain causes one chart update. */
    public void add(double x, double y) {
        if (seen++ % stride == 0) {
            pending.add(new XYChart.Data<>(x, y));
        }
    }

    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        if (points.size() + pending.size() <= capacity) {
            points.addAll(pending);
        } else {
            List<XYChart.Data<Number, Number>> all = new ArrayList<>(points);
            all.addAll(pending);
            while (all.size() > capacity) {
                List<XYChart.Data<Number, Number>> halved = new ArrayList<>(all.size() / 2 + 1);
                for (int i = 0; i < all.size(); i += 2) {
                    halved.add(new XYChart.Data<>(all.get(i).getXValue(), all.get(i).getYValue()));
                }
                all = halved;
                stride *= 2;
            }
            points.setAll(all);
        }
        pending.clear();
    }

    public void clear() {
        points.clear();
        pending.clear();
        seen = 0;
        stride = 1;
    }
}
