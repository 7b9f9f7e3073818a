package org.ninexplorer.ui.common;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;

/**
 * Table columns that grow with the text. A column's width is a number of pixels, which the theme's text fits;
 * in presentation mode the text is larger and such a column cuts its title and values ("Pa…", "148…").
 */
public final class TableColumns {

    /** The theme's text size, in pixels: the one the columns' widths are chosen for. */
    private static final double THEME_TEXT = 14;

    private TableColumns() {
    }

    /**
     * Scales {@code table}'s columns, as they are now, with the text size of {@code probe} (any label in the same
     * view, styled as the table is) whenever it changes; the user may still drag a column wider or narrower.
     */
    public static void scaleWithText(TableView<?> table, Labeled probe) {
        Map<TableColumn<?, ?>, Double> chosen = new IdentityHashMap<>();
        table.getColumns().forEach(c -> chosen.put(c, c.getPrefWidth()));
        Runnable scale = () -> {
            double factor = Math.max(1, size(probe.getFont()) / THEME_TEXT);
            chosen.forEach((column, width) -> column.setPrefWidth(Math.round(width * factor)));
        };
        probe.fontProperty().addListener((obs, old, font) -> {
            if (old == null || size(old) != size(font)) {
                scale.run();
            }
        });
        scale.run();
    }

    /** A column of text that does not sort (its rows have an order of their own), {@code width} pixels wide. */
    public static <S> TableColumn<S, String> text(String title, Function<S, String> text, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    private static double size(Font font) {
        return font == null ? THEME_TEXT : font.getSize();
    }
}
