package org.ninexplorer.ui.main;

import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Where the window opens: the place it had when it was last closed, moved and shrunk into the usable
 * area (the screen minus panels and docks) of the screen it was on, or, the first time or when that
 * screen is gone, a size chosen from the primary screen's usable area.
 *
 * @param x         left edge, including the window frame
 * @param y         top edge, including the window frame
 * @param width     outer width
 * @param height    outer height
 * @param maximized whether the window was maximized
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    /**
     * Large enough for the graph, the inspector, the hyper-parameters and the charts; screens up to
     * 1200 lines (laptops, 1080-line projectors) give the window all their height.
     */
    static final double PREFERRED_WIDTH = 1680;
    static final double PREFERRED_HEIGHT = 1200;

    /**
     * The placement to open with.
     *
     * @param saved   the last placement, if any
     * @param screens the usable areas of the screens, the primary one first
     */
    static WindowPlacement choose(Optional<WindowPlacement> saved, List<Rectangle2D> screens) {
        Rectangle2D primary = screens.get(0);
        if (saved.isPresent()) {
            WindowPlacement last = saved.get();
            Rectangle2D bounds = new Rectangle2D(last.x, last.y, Math.max(1, last.width), Math.max(1, last.height));
            Optional<Rectangle2D> screen = screens.stream().filter(bounds::intersects)
                    .max((a, b) -> Double.compare(overlap(a, bounds), overlap(b, bounds)));
            if (screen.isPresent()) {
                return fitInto(last, screen.get());
            }
        }
        double width = Math.min(primary.getWidth(), PREFERRED_WIDTH);
        double height = Math.min(primary.getHeight(), PREFERRED_HEIGHT);
        return new WindowPlacement(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height, false);
    }

    /** Chooses the placement for {@code stage}, applies it, and saves the placement when the window closes. */
    public static WindowPlacement restore(Stage stage, Preferences node) {
        List<Rectangle2D> screens = new java.util.ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds());
        Screen.getScreens().stream().map(Screen::getVisualBounds).filter(b -> !b.equals(screens.get(0)))
                .forEach(screens::add);
        WindowPlacement placement = choose(load(node), screens);
        stage.setX(placement.x);
        stage.setY(placement.y);
        stage.setWidth(placement.width);
        stage.setHeight(placement.height);
        stage.setMaximized(placement.maximized);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> save(stage, node));
        return placement;
    }

    /**
     * A scene for {@code root} at this placement's size. A scene left to its root's preferred size first lays out
     * far wider than the screen, and the split panes keep the panel widths of that layout (at 1366×768 the
     * inspector kept 409 of its 2,045 pixels, or was squeezed to 67).
     */
    public Scene sceneFor(Parent root) {
        return new Scene(root, width, height);
    }

    static Optional<WindowPlacement> load(Preferences node) {
        double width = node.getDouble("width", 0);
        double height = node.getDouble("height", 0);
        if (width <= 0 || height <= 0) {
            return Optional.empty();
        }
        return Optional.of(new WindowPlacement(node.getDouble("x", 0), node.getDouble("y", 0), width, height,
                node.getBoolean("maximized", false)));
    }

    private static void save(Stage stage, Preferences node) {
        node.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            // A maximized window's bounds are the screen's; keep the ones it returns to.
            node.putDouble("x", stage.getX());
            node.putDouble("y", stage.getY());
            node.putDouble("width", stage.getWidth());
            node.putDouble("height", stage.getHeight());
        }
    }

    private static WindowPlacement fitInto(WindowPlacement p, Rectangle2D screen) {
        double width = Math.min(p.width, screen.getWidth());
        double height = Math.min(p.height, screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(p.x, screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(p.y, screen.getMaxY() - height));
        return new WindowPlacement(x, y, width, height, p.maximized);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return Math.max(0, w) * Math.max(0, h);
    }
}
