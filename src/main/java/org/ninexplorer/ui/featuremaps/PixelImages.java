package org.ninexplorer.ui.featuremaps;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** ARGB pixels on screen, each a crisp square at any zoom (on the software renderer too). */
public final class PixelImages {

    private PixelImages() {
    }

    /** Nearest-neighbour scaling keeps each value a flat square, which is what students should see. */
    public static ImageView view(int[] argb, int width, int height, double size) {
        ImageView view = new ImageView(image(argb, width, height));
        crisp(view, size);
        return view;
    }

    /** Shows each pixel of {@code view}'s images as a flat square, the whole image fitted in {@code size}. */
    public static void crisp(ImageView view, double size) {
        view.setSmooth(false);
        view.setPreserveRatio(true);
        view.setFitWidth(size);
        view.setFitHeight(size);
    }

    /**
     * ARGB pixels as rectangles of {@code cellWidth × cellHeight} on a canvas: exact on every renderer,
     * where a scaled image may still be smoothed.
     */
    public static Canvas canvas(int[] argb, int width, int height, double cellWidth, double cellHeight) {
        Canvas canvas = new Canvas(width * cellWidth, height * cellHeight);
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = argb[y * width + x];
                g.setFill(Color.rgb(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF));
                g.fillRect(x * cellWidth, y * cellHeight, cellWidth, cellHeight);
            }
        }
        return canvas;
    }

    public static WritableImage image(int[] argb, int width, int height) {
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}
