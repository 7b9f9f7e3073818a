package org.ninexplorer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/** A user's own class-per-folder images, written here as small PNG and JPEG files. */
class ImageFolderTest {

    @TempDir
    Path dir;

    @Test
    void splitsEachClassEightyTwentyReproducibly() throws Exception {
        writeClass(dir.resolve("circles"), 10, 6, 5, false);
        writeClass(dir.resolve("boxes"), 5, 6, 5, false);
        Dataset data = Datasets.open(dir.toString(), new DataDirectory(dir));
        assertThat(data.classNames()).containsExactly("boxes", "circles");
        assertThat(data.channels()).isEqualTo(1);
        assertThat(data.height()).isEqualTo(5);
        assertThat(data.width()).isEqualTo(6);
        assertThat(data.train().size()).isEqualTo(12);
        assertThat(data.test().size()).isEqualTo(3);
        assertThat(labels(data.test())).containsExactly(0, 1, 1);
        assertThat(data.name()).contains("image folder").contains("12 train / 3 test");

        Dataset again = Datasets.open(dir.toString(), new DataDirectory(dir));
        float[] a = new float[30];
        float[] b = new float[30];
        for (int i = 0; i < 3; i++) {
            data.test().pixels(i, a);
            again.test().pixels(i, b);
            assertThat(a).isEqualTo(b);
        }
    }

    @Test
    void grayPixelValuesSurviveThePngRoundTrip() throws Exception {
        writeClass(dir.resolve("only"), 1, 3, 2, false);
        Dataset data = Datasets.open(dir.toString(), new DataDirectory(dir));
        float[] pixels = new float[6];
        data.train().pixels(0, pixels);
        // writeClass paints pixel (x, y) of image n with (40n + 10x + 60y) % 256
        assertThat(pixels).containsExactly(0f, 10 / 255f, 20 / 255f, 60 / 255f, 70 / 255f, 80 / 255f);
    }

    @Test
    void usesTrainAndTestFoldersWhenPresent() throws Exception {
        writeClass(dir.resolve("train/a"), 4, 4, 4, false);
        writeClass(dir.resolve("train/b"), 3, 4, 4, false);
        writeClass(dir.resolve("test/b"), 2, 4, 4, false);
        Dataset data = Datasets.open(dir.toString(), new DataDirectory(dir));
        assertThat(data.classNames()).containsExactly("a", "b");
        assertThat(data.train().size()).isEqualTo(7);
        assertThat(data.test().size()).isEqualTo(2);
        assertThat(labels(data.test())).containsExactly(1, 1);
    }

    @Test
    void anyColourImageMakesTheDatasetRgb() throws Exception {
        writeClass(dir.resolve("gray"), 2, 4, 4, false);
        writeClass(dir.resolve("red"), 2, 4, 4, true);
        Dataset data = Datasets.open(dir.toString(), new DataDirectory(dir));
        assertThat(data.channels()).isEqualTo(3);
        float[] pixels = new float[48];
        int red = data.classNames().indexOf("red");
        for (int i = 0; i < data.train().size(); i++) {
            data.train().pixels(i, pixels);
            if (data.train().label(i) == red) {
                assertThat(pixels[0]).isEqualTo(1f);  // R plane
                assertThat(pixels[16]).isEqualTo(0f); // G plane
            } else {
                assertThat(pixels[16]).isEqualTo(pixels[0]);
                assertThat(pixels[32]).isEqualTo(pixels[0]);
            }
        }
    }

    @Test
    void readsJpegFiles() throws Exception {
        Path cls = Files.createDirectories(dir.resolve("photos"));
        for (int i = 0; i < 3; i++) {
            ImageIO.write(image(8, 8, i, true), "jpg", cls.resolve("p" + i + ".JPG").toFile());
        }
        Dataset data = Datasets.open(dir.toString(), new DataDirectory(dir));
        assertThat(data.train().size() + data.test().size()).isEqualTo(3);
        assertThat(data.channels()).isEqualTo(3);
    }

    @Test
    void ignoresFilesThatAreNotImages() throws Exception {
        writeClass(dir.resolve("a"), 2, 4, 4, false);
        Files.writeString(dir.resolve("a/notes.txt"), "hello");
        Files.writeString(dir.resolve("README"), "hello");
        assertThat(Datasets.open(dir.toString(), new DataDirectory(dir)).train().size()).isEqualTo(2);
    }

    @Test
    void unreadableImage() throws Exception {
        writeClass(dir.resolve("a"), 2, 4, 4, false);
        Path broken = dir.resolve("a/broken.png");
        Files.writeString(broken, "this is not a PNG");
        assertThatThrownBy(() -> Datasets.open(dir.toString(), new DataDirectory(dir)))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(broken.toString()).contains("unreadable image");
    }

    @Test
    void mixedSizesAreResizedToTheFirstImagesSize() throws Exception {
        writeClass(dir.resolve("a"), 2, 4, 4, false);
        Path odd = dir.resolve("b/odd.png");
        Files.createDirectories(odd.getParent());
        ImageIO.write(image(8, 2, 0, false), "png", odd.toFile());
        Dataset data = Datasets.open(dir.toString(), new DataDirectory(dir));
        assertThat(data.height()).isEqualTo(4);
        assertThat(data.width()).isEqualTo(4);
        int oddIndex = data.train().label(0) == 1 ? 0 : data.train().size() - 1;
        assertThat(data.train().label(oddIndex)).isEqualTo(1);
        float[] pixels = new float[16];
        data.train().pixels(oddIndex, pixels);
        // odd.png holds 10x + 60y; corner pixels sample x 0.5 and 6.5, y clamped to rows 0 and 1.
        assertThat(pixels[0]).isCloseTo(5 / 255f, org.assertj.core.data.Offset.offset(1 / 255f));
        assertThat(pixels[15]).isCloseTo(125 / 255f, org.assertj.core.data.Offset.offset(1 / 255f));
    }

    @Test
    void emptyClassFolder() throws Exception {
        writeClass(dir.resolve("a"), 2, 4, 4, false);
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> Datasets.open(dir.toString(), new DataDirectory(dir)))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).isEqualTo(dir.resolve("empty") + ": empty class folder; it holds no PNG or JPEG images");
    }

    @Test
    void noClassFolders() throws Exception {
        Files.writeString(dir.resolve("picture.png"), "x");
        assertThatThrownBy(() -> Datasets.open(dir.toString(), new DataDirectory(dir)))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(dir + ": no class folders");
    }

    @Test
    void testClassWithoutTrainingCounterpart() throws Exception {
        writeClass(dir.resolve("train/a"), 2, 4, 4, false);
        writeClass(dir.resolve("test/z"), 2, 4, 4, false);
        assertThatThrownBy(() -> Datasets.open(dir.toString(), new DataDirectory(dir)))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).contains("[z] have no counterpart in " + dir.resolve("train"));
    }

    @Test
    void noSuchFolder() {
        Path missing = dir.resolve("nothing-here");
        assertThatThrownBy(() -> Datasets.open(missing.toString(), new DataDirectory(dir)))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(missing + ": no such dataset or folder");
    }

    static void writeClass(Path folder, int count, int width, int height, boolean color) throws IOException {
        Files.createDirectories(folder);
        for (int n = 0; n < count; n++) {
            ImageIO.write(image(width, height, n, color), "png", folder.resolve("img" + n + ".png").toFile());
        }
    }

    private static BufferedImage image(int width, int height, int n, boolean color) {
        BufferedImage image = new BufferedImage(width, height,
                color ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (color) {
                    image.setRGB(x, y, 0xFF0000);
                } else {
                    image.getRaster().setSample(x, y, 0, (40 * n + 10 * x + 60 * y) % 256);
                }
            }
        }
        return image;
    }

    private static int[] labels(ImageSource source) {
        int[] labels = new int[source.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = source.label(i);
        }
        return labels;
    }
}
