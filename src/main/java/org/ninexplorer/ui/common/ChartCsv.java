package org.ninexplorer.ui.common;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.ninexplorer.training.RunFiles;
import org.ninexplorer.training.RunStorageException;

/**
 * A chart's data as CSV, one row per point: {@code series,x,y}, the series by its legend name, the
 * points as the chart holds them (a live chart's points are already thinned to what it draws).
 */
public final class ChartCsv {

    public static final String HEADER = "series,x,y";

    private ChartCsv() {
    }

    public static void write(XYChart<?, ?> chart, Path file) throws RunStorageException {
        List<String> lines = lines(chart);
        RunFiles.replace(file, tmp -> Files.write(tmp, lines, StandardCharsets.UTF_8));
    }

    /** The file's lines, header first. */
    public static List<String> lines(XYChart<?, ?> chart) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (XYChart.Series<?, ?> series : chart.getData()) {
            for (XYChart.Data<?, ?> point : series.getData()) {
                lines.add(cell(series.getName()) + "," + cell(point.getXValue()) + "," + cell(point.getYValue()));
            }
        }
        return lines;
    }

    /** A value as CSV: numbers as Java writes them (a dot, whatever the locale), text quoted when it must be. */
    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        boolean quote = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
