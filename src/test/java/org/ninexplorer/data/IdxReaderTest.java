package org.ninexplorer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/** Generated IDX folders, and every way an IDX file can be broken. */
class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsAGeneratedPlainFolderWithGenericClassNames() throws Exception {
        IdxWriter.writeFolder(dir, 12, 5, 7, 4, false);
        Dataset data = Datasets.open(dir.toString(), new DataDirectory(dir));
        assertThat(data.train().size()).isEqualTo(12);
        assertThat(data.test().size()).isEqualTo(12);
        assertThat(data.height()).isEqualTo(5);
        assertThat(data.width()).isEqualTo(7);
        assertThat(data.channels()).isEqualTo(1);
        assertThat(data.classNames()).containsExactly("class 0", "class 1", "class 2", "class 3");
        assertThat(data.sample()).isFalse();
        assertThat(data.name()).contains(dir.getFileName().toString()).contains("IDX folder");
        assertThat(data.train().label(5)).isEqualTo(1);
        float[] pixels = new float[35];
        data.train().pixels(3, pixels);
        assertThat(pixels[0]).isEqualTo(3 / 255f);
        assertThat(pixels[34]).isEqualTo(37 / 255f);
    }

    @Test
    void loadsGzippedFilesAndClassNamesFromClassesTxt() throws Exception {
        IdxWriter.writeFolder(dir, 6, 3, 3, 3, true);
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\nbird\n");
        Dataset data = Datasets.open(dir.toString(), new DataDirectory(dir));
        assertThat(data.classNames()).containsExactly("cat", "dog", "bird");
        assertThat(data.className(data.test().label(2))).isEqualTo("bird");
    }

    @Test
    void acceptsTheDottedFileNames() throws Exception {
        IdxWriter.writeFolder(dir, 4, 2, 2, 2, false);
        for (String name : IdxFolder.FILES) {
            Files.move(dir.resolve(name), dir.resolve(name.replace("-idx", ".idx")));
        }
        assertThat(Datasets.open(dir.toString(), new DataDirectory(dir)).train().size()).isEqualTo(4);
    }

    @Test
    void missingFilesAreListed() throws Exception {
        IdxWriter.writeFolder(dir, 4, 2, 2, 2, false);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        assertThatThrownBy(() -> Datasets.open(dir.toString(), new DataDirectory(dir)))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).contains("missing IDX file(s) t10k-labels-idx1-ubyte");
    }

    @Test
    void wrongImageMagic() throws Exception {
        Path file = write("images", IdxWriter.images(0x00000801, 1, 2, 2, new byte[4]));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(file.toString())
                .contains("wrong magic number 0x00000801").contains("0x00000803");
    }

    @Test
    void wrongLabelMagicInAGzippedFile() throws Exception {
        Path file = write("labels.gz", IdxWriter.gzip(IdxWriter.labels(0x00000803, 2, new byte[2])));
        assertThatThrownBy(() -> IdxReader.readLabels(file)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(file.toString()).contains("wrong magic number 0x00000803");
    }

    @Test
    void notAnIdxFileAtAll() throws Exception {
        Path file = write("images", "<html>Not found</html>".getBytes());
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(file.toString()).contains("wrong magic number");
    }

    @Test
    void truncatedHeader() throws Exception {
        Path file = write("images", Arrays.copyOf(IdxWriter.images(IdxReader.IMAGES_MAGIC, 1, 2, 2, new byte[4]), 9));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(file.toString()).contains("truncated");
    }

    @Test
    void headerCountLargerThanTheFile() throws Exception {
        Path file = write("images", IdxWriter.images(IdxReader.IMAGES_MAGIC, 3, 2, 2, new byte[8]));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(file.toString())
                .contains("truncated: the header says 3 images of 2x2 (12 bytes of data)")
                .contains("only 8");
    }

    @Test
    void headerCountSmallerThanTheFile() throws Exception {
        Path file = write("labels", IdxWriter.labels(IdxReader.LABELS_MAGIC, 2, new byte[5]));
        assertThatThrownBy(() -> IdxReader.readLabels(file)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(file.toString())
                .contains("header count disagrees with the file length");
    }

    @Test
    void absurdHeaderCountFailsFastInsteadOfAllocating() throws Exception {
        Path file = write("images", IdxWriter.images(IdxReader.IMAGES_MAGIC, Integer.MAX_VALUE, 4096, 4096,
                new byte[16]));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(file.toString()).contains("header is corrupt");
        Path negative = write("labels", IdxWriter.labels(IdxReader.LABELS_MAGIC, -5, new byte[0]));
        assertThatThrownBy(() -> IdxReader.readLabels(negative)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).contains("implausible header (-5 labels)");
    }

    @Test
    void aGzippedHeaderClaimingGigabytesFailsAsTruncated() throws Exception {
        Path file = write("images.gz", IdxWriter.gzip(IdxWriter.images(IdxReader.IMAGES_MAGIC, 100_000, 100, 200,
                new byte[1000])));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(file.toString())
                .contains("truncated: the header says 100000 images of 100x200 (2000000000 bytes of data)")
                .contains("only 1000");
    }

    @Test
    void truncatedGzipData() throws Exception {
        byte[] gz = IdxWriter.gzip(IdxWriter.images(IdxReader.IMAGES_MAGIC, 50, 10, 10, randomBytes(5000)));
        Path file = write("images.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(file.toString()).contains("truncated");
    }

    @Test
    void corruptGzipData() throws Exception {
        byte[] gz = IdxWriter.gzip(IdxWriter.images(IdxReader.IMAGES_MAGIC, 50, 10, 10, randomBytes(5000)));
        for (int i = 20; i < 60; i++) {
            gz[i] ^= 0x5A;
        }
        Path file = write("images.gz", gz);
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(file.toString());
    }

    @Test
    void imageAndLabelCountsDiffer() throws Exception {
        IdxWriter.writeFolder(dir, 4, 2, 2, 2, false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxWriter.labels(IdxReader.LABELS_MAGIC, 3, new byte[3]));
        assertThatThrownBy(() -> Datasets.open(dir.toString(), new DataDirectory(dir)))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).contains(dir.resolve("train-labels-idx1-ubyte").toString())
                .contains("holds 3 labels but").contains("holds 4 images");
    }

    @Test
    void labelOutOfRangeForAKnownDataset() throws Exception {
        Path folder = dir.resolve("fashion-mnist");
        IdxWriter.writeFolder(folder, 4, 28, 28, 2, true);
        Files.write(folder.resolve("t10k-labels-idx1-ubyte.gz"),
                IdxWriter.gzip(IdxWriter.labels(IdxReader.LABELS_MAGIC, 4, new byte[] {0, 1, 12, 3})));
        assertThatThrownBy(() -> Datasets.open("fashion-mnist", new DataDirectory(dir)))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith(folder.resolve("t10k-labels-idx1-ubyte.gz").toString())
                .contains("label 12 at index 2 is out of range; this dataset has 10 classes");
    }

    @Test
    void labelOutOfRangeOfClassesTxt() throws Exception {
        IdxWriter.writeFolder(dir, 6, 2, 2, 3, false);
        Files.writeString(dir.resolve("classes.txt"), "a\nb\n");
        assertThatThrownBy(() -> Datasets.open(dir.toString(), new DataDirectory(dir)))
                .isInstanceOf(DatasetException.class)
                .extracting(DatasetWords::english, STRING).contains("label 2 at index 2 is out of range");
    }

    @Test
    void trainAndTestSizesDiffer() throws Exception {
        IdxWriter.writeFolder(dir, 4, 2, 2, 2, false);
        Files.write(dir.resolve("t10k-images-idx3-ubyte"),
                IdxWriter.images(IdxReader.IMAGES_MAGIC, 4, 3, 3, new byte[36]));
        assertThatThrownBy(() -> Datasets.open(dir.toString(), new DataDirectory(dir)))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).contains("training images are 2x2 but test images are 3x3");
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.util.Random(1).nextBytes(bytes);
        return bytes;
    }
}
