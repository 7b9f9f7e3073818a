package org.ninexplorer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Makes the bundled sample (src/main/resources/org/ninexplorer/data/sample/) from the full Fashion-MNIST:
 * 800 training and 100 test images per class (enough for the small-data recipe to pass 0.8 test accuracy in under a
 * minute; see the README), the first of each class after a shuffle seeded with {@link #SEED},
 * kept in their original order, written as gzipped IDX. Rerun it after changing the counts:
 * <pre>
 * mvn -o -q test-compile
 * java -cp "target/classes:target/test-classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *     org.ninexplorer.data.SampleGenerator ../shared/datasets/fashion-mnist src/main/resources/org/ninexplorer/data/sample
 * </pre>
 */
public final class SampleGenerator {

    static final long SEED = 28L;
    static final int TRAIN_PER_CLASS = 800;
    static final int TEST_PER_CLASS = 100;
    static final int CLASSES = 10;

    private SampleGenerator() {
    }

    public static void main(String[] args) throws IOException, DatasetException {
        if (args.length != 2) {
            System.err.println("usage: SampleGenerator FASHION_MNIST_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Files.createDirectories(output);
        Dataset full = IdxFolder.load(source, "Fashion-MNIST", DatasetKind.FASHION_MNIST.classNames());
        write(output, "train", (ByteImageSource) full.train(), TRAIN_PER_CLASS);
        write(output, "t10k", (ByteImageSource) full.test(), TEST_PER_CLASS);
    }

    static int[] choose(ImageSource source, int perClass, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] taken = new int[CLASSES];
        List<Integer> chosen = new ArrayList<>();
        for (int index : order) {
            int label = source.label(index);
            if (taken[label] < perClass) {
                taken[label]++;
                chosen.add(index);
            }
        }
        int[] sorted = chosen.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static void write(Path output, String prefix, ByteImageSource source, int perClass) throws IOException {
        int[] chosen = choose(source, perClass, SEED);
        int length = source.imageLength();
        byte[] pixels = new byte[chosen.length * length];
        byte[] labels = new byte[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            System.arraycopy(source.rawPixels(chosen[i]), 0, pixels, i * length, length);
            labels[i] = (byte) source.label(chosen[i]);
        }
        Files.write(output.resolve(prefix + "-images-idx3-ubyte.gz"), IdxWriter.gzip(
                IdxWriter.images(IdxReader.IMAGES_MAGIC, chosen.length, source.height(), source.width(), pixels)));
        Files.write(output.resolve(prefix + "-labels-idx1-ubyte.gz"), IdxWriter.gzip(
                IdxWriter.labels(IdxReader.LABELS_MAGIC, chosen.length, labels)));
        System.out.println("wrote " + chosen.length + " " + prefix + " images to " + output);
    }
}
