package org.ninexplorer.ui.common;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;

/**
 * Paints a JavaFX node as it is drawn into a {@link Graphics2D}, so that a picture made of regions, shapes
 * and text becomes vector graphics (JFreeSVG's SVG). The scene graph already holds every rectangle, line and
 * string a chart or a card shows: walking it draws each picture once, where a drawing of its own per view
 * would double every view. Effects (the cards' soft shadow) are left out; pictures holding images or
 * canvases are not vector, and {@link #isVector} says so.
 */
final class VectorPainter {

    private VectorPainter() {
    }

    /** Whether everything shown under {@code node} is regions, shapes and text (no images, no canvas). */
    static boolean isVector(Node node) {
        if (!node.isVisible()) {
            return true;
        }
        if (node instanceof ImageView || node instanceof Canvas) {
            return false;
        }
        return !(node instanceof Parent parent) || parent.getChildrenUnmodifiable().stream().allMatch(VectorPainter::isVector);
    }

    /** Paints {@code node} with its own transform, as in its parent; {@code g} is in the parent's coordinates. */
    static void paint(Node node, Graphics2D g, double alpha) {
        double opacity = alpha * node.getOpacity();
        if (!node.isVisible() || opacity <= 0) {
            return;
        }
        Graphics2D local = (Graphics2D) g.create();
        try {
            local.transform(affine(node.getLocalToParentTransform()));
            local.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
            if (node.getClip() != null) {
                local.clip(affine(node.getClip().getLocalToParentTransform()).createTransformedShape(outline(node.getClip())));
            }
            if (node instanceof Region region) {
                paintRegion(region, local);
            } else if (node instanceof Text text) {
                TextPainter.paint(text, local);
            } else if (node instanceof Shape shape) {
                paintShape(shape, local);
            }
            if (node instanceof Parent parent) {
                for (Node child : parent.getChildrenUnmodifiable()) {
                    paint(child, local, opacity);
                }
            }
        } finally {
            local.dispose();
        }
    }

    private static void paintRegion(Region region, Graphics2D g) {
        double w = region.getWidth();
        double h = region.getHeight();
        if (region.getBackground() != null) {
            region.getBackground().getFills().forEach(fill -> {
                java.awt.Paint paint = paint(fill.getFill(), w, h);
                if (paint != null) {
                    g.setPaint(paint);
                    g.fill(box(fill.getInsets(), fill.getRadii(), w, h, 0));
                }
            });
        }
        if (region.getBorder() != null) {
            region.getBorder().getStrokes().forEach(stroke -> paintBorder(stroke, g, w, h));
        }
    }

    /** A border of one width and colour all round is one (rounded) rectangle; any other, a line per side. */
    private static void paintBorder(BorderStroke stroke, Graphics2D g, double w, double h) {
        BorderWidths widths = stroke.getWidths();
        double top = side(widths.getTop(), widths.isTopAsPercentage(), h);
        double right = side(widths.getRight(), widths.isRightAsPercentage(), w);
        double bottom = side(widths.getBottom(), widths.isBottomAsPercentage(), h);
        double left = side(widths.getLeft(), widths.isLeftAsPercentage(), w);
        Insets in = stroke.getInsets();
        List<Double> dashes = stroke.getTopStyle().getDashArray();
        boolean uniform = top == right && top == bottom && top == left && stroke.getTopStroke().equals(stroke.getRightStroke())
                && stroke.getTopStroke().equals(stroke.getBottomStroke()) && stroke.getTopStroke().equals(stroke.getLeftStroke());
        if (uniform) {
            if (draw(g, stroke.getTopStroke(), top, dashes, w, h)) {
                g.draw(box(in, stroke.getRadii(), w, h, top / 2));
            }
            return;
        }
        double x0 = in.getLeft();
        double y0 = in.getTop();
        double x1 = w - in.getRight();
        double y1 = h - in.getBottom();
        if (draw(g, stroke.getTopStroke(), top, dashes, w, h)) {
            g.draw(new Line2D.Double(x0, y0 + top / 2, x1, y0 + top / 2));
        }
        if (draw(g, stroke.getRightStroke(), right, dashes, w, h)) {
            g.draw(new Line2D.Double(x1 - right / 2, y0, x1 - right / 2, y1));
        }
        if (draw(g, stroke.getBottomStroke(), bottom, dashes, w, h)) {
            g.draw(new Line2D.Double(x0, y1 - bottom / 2, x1, y1 - bottom / 2));
        }
        if (draw(g, stroke.getLeftStroke(), left, dashes, w, h)) {
            g.draw(new Line2D.Double(x0 + left / 2, y0, x0 + left / 2, y1));
        }
    }

    /** Sets up {@code g} to stroke with {@code fxPaint} at {@code width}; false when there is nothing to draw. */
    private static boolean draw(Graphics2D g, Paint fxPaint, double width, List<Double> dashes, double w, double h) {
        java.awt.Paint paint = paint(fxPaint, w, h);
        if (paint == null || width <= 0) {
            return false;
        }
        g.setPaint(paint);
        g.setStroke(stroke(width, StrokeLineCap.BUTT, StrokeLineJoin.MITER, 10, dashes));
        return true;
    }

    private static double side(double width, boolean percentage, double length) {
        return percentage ? width * length : width;
    }

    /** The box inside {@code insets}, moved in by {@code inset} more (half a stroke), with its corners rounded. */
    private static java.awt.Shape box(Insets insets, CornerRadii radii, double w, double h, double inset) {
        double x = insets.getLeft() + inset;
        double y = insets.getTop() + inset;
        double bw = w - insets.getLeft() - insets.getRight() - 2 * inset;
        double bh = h - insets.getTop() - insets.getBottom() - 2 * inset;
        double r = radii == null ? 0 : radii.isTopLeftHorizontalRadiusAsPercentage()
                ? radii.getTopLeftHorizontalRadius() * bw : radii.getTopLeftHorizontalRadius();
        return r > 0 ? new RoundRectangle2D.Double(x, y, bw, bh, 2 * r, 2 * r) : new Rectangle2D.Double(x, y, bw, bh);
    }

    private static void paintShape(Shape shape, Graphics2D g) {
        java.awt.Shape outline = outline(shape);
        Bounds bounds = shape.getLayoutBounds();
        java.awt.Paint fill = paint(shape.getFill(), bounds.getWidth(), bounds.getHeight());
        if (fill != null && !(shape instanceof Line) && !(shape instanceof Polyline)) {
            g.setPaint(fill);
            g.fill(outline);
        }
        java.awt.Paint stroke = paint(shape.getStroke(), bounds.getWidth(), bounds.getHeight());
        if (stroke != null && shape.getStrokeWidth() > 0) {
            g.setPaint(stroke);
            g.setStroke(stroke(shape.getStrokeWidth(), shape.getStrokeLineCap(), shape.getStrokeLineJoin(),
                    shape.getStrokeMiterLimit(), shape.getStrokeDashArray()));
            g.draw(outline);
        }
    }

    /** The geometry of a shape; kinds without their own case are outlined by JavaFX ({@link Shape#union}). */
    static java.awt.Shape outline(Node node) {
        if (node instanceof Rectangle r) {
            return r.getArcWidth() > 0 || r.getArcHeight() > 0
                    ? new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), r.getArcWidth(), r.getArcHeight())
                    : new Rectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight());
        }
        if (node instanceof Line l) {
            return new Line2D.Double(l.getStartX(), l.getStartY(), l.getEndX(), l.getEndY());
        }
        if (node instanceof Circle c) {
            return new Ellipse2D.Double(c.getCenterX() - c.getRadius(), c.getCenterY() - c.getRadius(), 2 * c.getRadius(), 2 * c.getRadius());
        }
        if (node instanceof Polyline p) {
            return polygon(p.getPoints(), false);
        }
        if (node instanceof Polygon p) {
            return polygon(p.getPoints(), true);
        }
        if (node instanceof javafx.scene.shape.Path path) {
            return PathOutline.of(path.getElements(), path.getFillRule());
        }
        if (node instanceof Shape shape) {
            javafx.scene.shape.Path path = (javafx.scene.shape.Path) Shape.union(shape, new Rectangle());
            return PathOutline.of(path.getElements(), path.getFillRule());
        }
        Bounds b = node.getLayoutBounds();
        return new Rectangle2D.Double(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    private static java.awt.Shape polygon(List<Double> points, boolean closed) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i + 1 < points.size(); i += 2) {
            if (i == 0) {
                path.moveTo(points.get(i), points.get(i + 1));
            } else {
                path.lineTo(points.get(i), points.get(i + 1));
            }
        }
        if (closed) {
            path.closePath();
        }
        return path;
    }

    private static BasicStroke stroke(double width, StrokeLineCap cap, StrokeLineJoin join, double miter, List<Double> dashes) {
        int awtCap = switch (cap) {
            case BUTT -> BasicStroke.CAP_BUTT;
            case ROUND -> BasicStroke.CAP_ROUND;
            case SQUARE -> BasicStroke.CAP_SQUARE;
        };
        int awtJoin = switch (join) {
            case MITER -> BasicStroke.JOIN_MITER;
            case ROUND -> BasicStroke.JOIN_ROUND;
            case BEVEL -> BasicStroke.JOIN_BEVEL;
        };
        float[] dash = null;
        if (dashes != null && !dashes.isEmpty() && dashes.stream().anyMatch(d -> d > 0)) {
            dash = new float[dashes.size()];
            for (int i = 0; i < dash.length; i++) {
                dash[i] = dashes.get(i).floatValue();
            }
        }
        return new BasicStroke((float) width, awtCap, awtJoin, (float) Math.max(1, miter), dash, 0);
    }

    /** A JavaFX paint in AWT's terms over a box of {@code w}×{@code h}; null for none (or a kind SVG gets no use of). */
    static java.awt.Paint paint(Paint paint, double w, double h) {
        if (paint instanceof Color c) {
            return c.getOpacity() == 0 ? null : colour(c);
        }
        if (paint instanceof LinearGradient lg && lg.getStops().size() > 1) {
            double sx = lg.isProportional() ? w : 1;
            double sy = lg.isProportional() ? h : 1;
            List<Stop> stops = lg.getStops();
            float[] at = new float[stops.size()];
            java.awt.Color[] colours = new java.awt.Color[stops.size()];
            boolean increasing = true;
            for (int i = 0; i < at.length; i++) {
                at[i] = (float) stops.get(i).getOffset();
                colours[i] = colour(stops.get(i).getColor());
                increasing &= i == 0 || at[i] > at[i - 1];
            }
            // AWT takes strictly increasing stops and a gradient of some length; JavaFX also others.
            if (!increasing || (lg.getStartX() == lg.getEndX() && lg.getStartY() == lg.getEndY())) {
                return colours[0];
            }
            return new LinearGradientPaint((float) (lg.getStartX() * sx), (float) (lg.getStartY() * sy),
                    (float) (lg.getEndX() * sx), (float) (lg.getEndY() * sy), at, colours);
        }
        if (paint instanceof javafx.scene.paint.RadialGradient rg && !rg.getStops().isEmpty()) {
            return colour(rg.getStops().get(rg.getStops().size() - 1).getColor());
        }
        return null;
    }

    static java.awt.Color colour(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    static AffineTransform affine(Transform t) {
        return new AffineTransform(t.getMxx(), t.getMyx(), t.getMxy(), t.getMyy(), t.getTx(), t.getTy());
    }
}
