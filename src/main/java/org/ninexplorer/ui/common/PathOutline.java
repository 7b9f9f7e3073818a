package org.ninexplorer.ui.common;

import java.awt.geom.Path2D;
import java.util.List;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.VLineTo;

/** A JavaFX path (a chart's line, a grid, an outlined shape) as an AWT path, relative steps made absolute. */
final class PathOutline {

    private PathOutline() {
    }

    static Path2D.Double of(List<PathElement> elements, FillRule rule) {
        Path2D.Double path = new Path2D.Double(rule == FillRule.EVEN_ODD ? Path2D.WIND_EVEN_ODD : Path2D.WIND_NON_ZERO);
        double x = 0;
        double y = 0;
        double startX = 0;
        double startY = 0;
        for (PathElement e : elements) {
            double ox = e.isAbsolute() ? 0 : x;
            double oy = e.isAbsolute() ? 0 : y;
            if (e instanceof MoveTo m) {
                x = ox + m.getX();
                y = oy + m.getY();
                startX = x;
                startY = y;
                path.moveTo(x, y);
                continue;
            }
            if (path.getCurrentPoint() == null) {
                path.moveTo(x, y);
            }
            if (e instanceof LineTo l) {
                x = ox + l.getX();
                y = oy + l.getY();
                path.lineTo(x, y);
            } else if (e instanceof HLineTo h) {
                x = ox + h.getX();
                path.lineTo(x, y);
            } else if (e instanceof VLineTo v) {
                y = oy + v.getY();
                path.lineTo(x, y);
            } else if (e instanceof QuadCurveTo q) {
                path.quadTo(ox + q.getControlX(), oy + q.getControlY(), ox + q.getX(), oy + q.getY());
                x = ox + q.getX();
                y = oy + q.getY();
            } else if (e instanceof CubicCurveTo c) {
                path.curveTo(ox + c.getControlX1(), oy + c.getControlY1(), ox + c.getControlX2(), oy + c.getControlY2(),
                        ox + c.getX(), oy + c.getY());
                x = ox + c.getX();
                y = oy + c.getY();
            } else if (e instanceof ArcTo a) {
                // No picture of ours draws arcs in paths; their end point keeps the rest of the path in place.
                x = ox + a.getX();
                y = oy + a.getY();
                path.lineTo(x, y);
            } else if (e instanceof ClosePath) {
                path.closePath();
                x = startX;
                y = startY;
            }
        }
        return path;
    }
}
