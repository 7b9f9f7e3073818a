package org.ninexplorer.ui.common;

import java.awt.image.BufferedImage;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.ninexplorer.training.RunFiles;
import org.ninexplorer.training.RunStorageException;
import org.ninexplorer.ui.common.DialogService.FileKind;

/**
 * Pictures of the window for slides. A view marks a node as a picture with one call to {@link #install};
 * the node then has a context menu (save as PNG at 1× or 2×, as SVG when it is drawn of shapes and text only,
 * copy to the clipboard, and for a chart its data as CSV), and File ▸ Export lists it while it is on screen. Files are written whole or not at all
 * ({@link RunFiles#replace}), so a full disk or a folder without permission costs a sentence, never a file.
 */
public final class SnapshotExport {

    /** The sizes offered: 1× is the picture as on screen, 2× is sharp on a slide or a high-density projector. */
    public static final List<Integer> SCALES = List.of(1, 2);
    private static final String KEY = SnapshotExport.class.getName();

    /**
     * One picture of the window.
     *
     * @param name  the stem of its files ({@code graph}, {@code graph@2x.png}); also the start of its items' ids
     * @param title its words in menus ("Loss chart")
     */
    public record Picture(Node node, String name, String title) {
    }

    private SnapshotExport() {
    }

    /** Makes {@code node} a picture that can be saved and copied, from its context menu and from File ▸ Export. */
    public static void install(Node node, String name, String title) {
        Picture picture = new Picture(node, name, title);
        node.getProperties().put(KEY, picture);
        node.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            ContextMenu menu = new ContextMenu();
            menu.setId("picture-menu");
            menu.getItems().setAll(items(picture, new FxDialogs(() -> node.getScene().getWindow())));
            menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** The pictures under {@code root} that are on screen now (in the shown tab, not hidden), in layout order. */
    public static List<Picture> shown(Node root) {
        List<Picture> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Picture> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node.getProperties().get(KEY) instanceof Picture picture) {
            found.add(picture);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
    }

    /**
     * The commands for one picture; their ids are {@code export-png-1x}, {@code export-png-2x}, for a vector
     * picture {@code export-svg}, {@code export-copy-1x}, {@code export-copy-2x} and, for a chart, {@code export-csv}.
     */
    public static List<MenuItem> items(Picture picture, DialogService dialogs) {
        List<MenuItem> items = new ArrayList<>();
        for (int scale : SCALES) {
            items.add(item("export-png-" + scale + "x", scale == 1 ? Messages.get("common.export.png") : Messages.get("common.export.png.scaled", String.valueOf(scale)),
                    () -> dialogs.chooseFileToSave(Messages.get("common.export.png.title", picture.title()), null, fileName(picture, scale), FileKind.PNG)
                            .ifPresent(file -> report(dialogs, () -> savePng(picture.node(), scale, file)))));
        }
        if (VectorPainter.isVector(picture.node())) {
            items.add(item("export-svg", Messages.get("common.export.svg"),
                    () -> dialogs.chooseFileToSave(Messages.get("common.export.png.title", picture.title()), null, picture.name() + ".svg",
                            FileKind.SVG).ifPresent(file -> report(dialogs, () -> saveSvg(picture.node(), file)))));
        }
        for (int scale : SCALES) {
            items.add(item("export-copy-" + scale + "x", scale == 1 ? Messages.get("common.export.copy") : Messages.get("common.export.copy.scaled", String.valueOf(scale)),
                    () -> copy(picture.node(), scale)));
        }
        if (picture.node() instanceof XYChart<?, ?> chart) {
            items.add(item("export-csv", Messages.get("common.export.csv"),
                    () -> dialogs.chooseFileToSave(Messages.get("common.export.csv.title", picture.title()), null, picture.name() + ".csv",
                            FileKind.CSV).ifPresent(file -> report(dialogs, () -> ChartCsv.write(chart, file)))));
        }
        return items;
    }

    /** {@code graph.png} at 1×, {@code graph@2x.png} at 2× (the usual name of a double-density picture). */
    static String fileName(Picture picture, int scale) {
        return picture.name() + (scale == 1 ? "" : "@" + scale + "x") + ".png";
    }

    /** The node as it is drawn, {@code scale} times larger, over its window's background colour. */
    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        parameters.setFill(background(node));
        return node.snapshot(parameters, null);
    }

    /** Writes the node's picture at {@code scale} to {@code file} as PNG; the old file stays if that fails. */
    public static void savePng(Node node, double scale, Path file) throws RunStorageException {
        BufferedImage image = toBufferedImage(snapshot(node, scale));
        RunFiles.replace(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new java.io.IOException("this Java has no PNG writer");
            }
        });
    }

    /**
     * Writes the node's picture to {@code file} as SVG, its size that of the 1× PNG, over the same background;
     * the old file stays if that fails.
     */
    public static void saveSvg(Node node, Path file) throws RunStorageException {
        Bounds bounds = node.getBoundsInParent();
        SVGGraphics2D g = new SVGGraphics2D(Math.ceil(bounds.getWidth()), Math.ceil(bounds.getHeight()));
        g.setFontFunction(TextPainter::svgFamily);
        g.setPaint(VectorPainter.colour(background(node)));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, Math.ceil(bounds.getWidth()), Math.ceil(bounds.getHeight())));
        g.translate(-bounds.getMinX(), -bounds.getMinY());
        VectorPainter.paint(node, g, 1);
        // No DOCTYPE: its DTD is on the web, and XML tools would fetch it to read the file.
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
        RunFiles.replace(file, tmp -> Files.writeString(tmp, svg));
    }

    /** Puts the node's picture at {@code scale} on the clipboard. */
    public static void copy(Node node, double scale) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(snapshot(node, scale));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), width);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        return out;
    }

    /** The first solid background up the tree (the theme's), so a chart's transparent plot stays readable on a slide. */
    private static Color background(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region region && region.getBackground() != null) {
                for (var fill : region.getBackground().getFills()) {
                    if (fill.getFill() instanceof Color color && color.getOpacity() == 1) {
                        return color;
                    }
                }
            }
        }
        return node.getScene() != null && node.getScene().getFill() instanceof Color color ? color : Color.WHITE;
    }

    private interface Write {
        void run() throws RunStorageException;
    }

    private static void report(DialogService dialogs, Write write) {
        try {
            write.run();
        } catch (RunStorageException e) {
            dialogs.showError(Messages.get("common.export.failed"), Messages.current().error(e));
        }
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The id of a File ▸ Export item: the picture's name before the command's id, so that each is unique. */
    public static String exportId(Picture picture, MenuItem item) {
        return (picture.name() + "-" + item.getId()).toLowerCase(Locale.ROOT);
    }
}
