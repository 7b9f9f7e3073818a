package org.ninexplorer.ui.common;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A text node as strings at their baselines (SVG {@code <text>}, so a slide can still edit and search it):
 * each line where JavaFX laid it out, wrapped lines found from JavaFX's own caret positions.
 */
final class TextPainter {

    private TextPainter() {
    }

    /** One laid-out line: its characters and where its first one starts. */
    record Line(String text, double x, double top) {
    }

    static void paint(Text text, Graphics2D g) {
        String content = text.getText();
        java.awt.Paint paint = VectorPainter.paint(text.getFill(), text.getLayoutBounds().getWidth(), text.getLayoutBounds().getHeight());
        if (content == null || content.isBlank() || paint == null) {
            return;
        }
        g.setPaint(paint);
        g.setFont(font(text.getFont()));
        Bounds bounds = text.getLayoutBounds();
        double firstTop = bounds.getMinY();
        double ascent = text.getBaselineOffset();
        List<Line> lines = lines(text);
        if (!lines.isEmpty()) {
            firstTop = lines.get(0).top();
        }
        for (Line line : lines) {
            if (!line.text().isBlank()) {
                g.drawString(line.text(), (float) line.x(), (float) (line.top() - firstTop + bounds.getMinY() + ascent));
            }
        }
    }

    /** The lines as laid out: one per hard break or wrap, told apart by where the caret of each character sits. */
    static List<Line> lines(Text text) {
        String content = text.getText();
        List<Line> lines = new ArrayList<>();
        if (content.indexOf('\n') < 0 && text.getWrappingWidth() <= 0) {
            double[] at = caret(text, 0);
            lines.add(new Line(content, at == null ? text.getLayoutBounds().getMinX() : at[0],
                    at == null ? text.getLayoutBounds().getMinY() : at[1]));
            return lines;
        }
        int start = 0;
        double[] startAt = caret(text, 0);
        for (int i = 1; i <= content.length(); i++) {
            double[] at = i < content.length() ? caret(text, i) : null;
            boolean newLine = i == content.length() || content.charAt(i - 1) == '\n'
                    || (at != null && startAt != null && at[1] > startAt[1] + 0.5);
            if (newLine) {
                String part = content.substring(start, i).replace("\n", "").stripTrailing();
                lines.add(new Line(part, startAt == null ? 0 : startAt[0], startAt == null ? 0 : startAt[1]));
                start = i;
                startAt = at;
            }
        }
        return lines;
    }

    /** The top left of character {@code index}'s caret in the text's coordinates, or null when JavaFX gives none. */
    private static double[] caret(Text text, int index) {
        PathElement[] caret = text.caretShape(index, true);
        if (caret.length > 0 && caret[0] instanceof MoveTo m) {
            double top = m.getY();
            if (caret.length > 1 && caret[1] instanceof LineTo l) {
                top = Math.min(top, l.getY());
            }
            return new double[] {m.getX(), top};
        }
        return null;
    }

    /** JavaFX's font as AWT's: the same family (JavaFX's "System" is AWT's sans serif), size in pixels, bold or not. */
    static java.awt.Font font(Font font) {
        String family = "System".equals(font.getFamily()) ? java.awt.Font.SANS_SERIF : font.getFamily();
        String style = font.getStyle().toLowerCase(Locale.ROOT);
        int awtStyle = (style.contains("bold") ? java.awt.Font.BOLD : 0) | (style.contains("italic") ? java.awt.Font.ITALIC : 0);
        return new java.awt.Font(family, awtStyle, 1).deriveFont((float) font.getSize());
    }

    /** SVG's font-family for an AWT family: the family, then the generic one a viewer without it falls back on. */
    static String svgFamily(String family) {
        return switch (family) {
            case java.awt.Font.SANS_SERIF, java.awt.Font.DIALOG -> "sans-serif";
            case java.awt.Font.MONOSPACED, java.awt.Font.DIALOG_INPUT -> "monospace";
            case java.awt.Font.SERIF -> "serif";
            default -> "'" + family + "', " + (family.toLowerCase(Locale.ROOT).contains("mono") ? "monospace" : "sans-serif");
        };
    }
}
