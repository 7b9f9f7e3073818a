package org.ninexplorer.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone photos (4000x3000 JPEG) are read one at a time, scaled as they are decoded: a folder of them fits in a
 * 64 MB heap, where decoding them whole takes 36 MB of pixels each.
 */
class LargeImagesTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void writePhotos() throws Exception {
        // One photo, encoded once (that is the slow part) and copied: the decoder's work is the same each time.
        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 4000, 3000, Color.BLUE));
        g.fillRect(0, 0, 4000, 3000);
        g.dispose();
        Path first = Files.createDirectories(dir.resolve("cats")).resolve("IMG_0.jpg");
        ImageIO.write(photo, "jpg", first.toFile());
        Files.copy(first, dir.resolve("cats/IMG_1.jpg"));
        Files.createDirectories(dir.resolve("dogs"));
        Files.copy(first, dir.resolve("dogs/IMG_2.jpg"));
        Files.copy(first, dir.resolve("dogs/IMG_3.jpg"));
        // One of another size and kind: resized, not refused.
        BufferedImage small = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(small, "png", dir.resolve("dogs/scan.png").toFile());
    }

    @Test
    void aFolderOfPhotosIsReadInABoundedHeap() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), ImageFolderProbe.class.getName(),
                dir.toString(), "3", "224").redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("read 5 images").doesNotContain("OutOfMemoryError");
    }

    @Test
    void photosAreScaledToTheSizeTheyAreReadAt() throws Exception {
        Dataset data = Datasets.open(dir.toString(), new DataDirectory(dir));
        assertThat(data.channels()).isEqualTo(3);
        assertThat(data.width()).isEqualTo(ImageFolder.MAX_NATIVE_SIDE);
        assertThat(data.height()).isEqualTo(384);
        ImageSource sized = data.train().at(3, 28, 28);
        float[] pixels = new float[3 * 28 * 28];
        sized.pixels(0, pixels);
        // The top-left corner is orange (255, 200, 0), as painted.
        assertThat(pixels[0]).isGreaterThan(0.9f);
        assertThat(pixels[28 * 28]).isBetween(0.7f, 0.85f);
        assertThat(pixels[2 * 28 * 28]).isLessThan(0.1f);
        assertThat(sized.bytesHeld(3, 28, 28, sized.size())).isLessThan(100_000);
        assertThat(new File(dir.toFile(), "dogs").list()).hasSize(3);
    }
}
