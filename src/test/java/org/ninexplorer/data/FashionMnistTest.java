package org.ninexplorer.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Fashion-MNIST from the shared folder, and the bundled sample taken from it. */
class FashionMnistTest {

    static Path shared;
    static Dataset full;

    @BeforeAll
    static void load() throws Exception {
        shared = Path.of(System.getProperty("nin.shared.datasets", "../shared/datasets"));
        assertThat(shared.resolve("fashion-mnist")).isDirectory();
        full = Datasets.open("fashion-mnist", new DataDirectory(shared));
    }

    @Test
    void fullDatasetHasTheStandardSplitsAndBalancedClasses() {
        assertThat(full.name()).isEqualTo("Fashion-MNIST (60,000 train / 10,000 test)");
        assertThat(full.sample()).isFalse();
        assertThat(full.classes()).isEqualTo(10);
        assertThat(full.className(9)).isEqualTo("Ankle boot");
        assertThat(full.train().size()).isEqualTo(60_000);
        assertThat(full.test().size()).isEqualTo(10_000);
        assertThat(full.channels()).isEqualTo(1);
        assertThat(full.height()).isEqualTo(28);
        assertThat(full.width()).isEqualTo(28);
        assertThat(countPerClass(full.train())).containsOnly(6_000);
        assertThat(countPerClass(full.test())).containsOnly(1_000);
    }

    @Test
    void pixelsAreScaledToTheUnitRange() {
        float[] pixels = new float[784];
        float max = 0;
        for (int i = 0; i < 100; i++) {
            full.train().pixels(i, pixels);
            for (float p : pixels) {
                assertThat(p).isBetween(0f, 1f);
                max = Math.max(max, p);
            }
        }
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void bundledSampleIsBalancedAndLabelledAsASample() throws Exception {
        Dataset sample = Datasets.open("sample", new DataDirectory(shared));
        assertThat(sample.sample()).isTrue();
        assertThat(sample.name()).isEqualTo("Fashion-MNIST (bundled sample: 8,000 train / 1,000 test)");
        assertThat(sample.classNames()).isEqualTo(DatasetKind.FASHION_MNIST.classNames());
        assertThat(countPerClass(sample.train())).containsOnly(SampleGenerator.TRAIN_PER_CLASS);
        assertThat(countPerClass(sample.test())).containsOnly(SampleGenerator.TEST_PER_CLASS);
    }

    @Test
    void bundledSampleIsWhatTheGeneratorTakesFromTheRealData() throws Exception {
        Dataset sample = Datasets.bundledSample();
        check(sample.train(), full.train(), SampleGenerator.TRAIN_PER_CLASS);
        check(sample.test(), full.test(), SampleGenerator.TEST_PER_CLASS);
    }

    private static void check(ImageSource sample, ImageSource source, int perClass) {
        int[] chosen = SampleGenerator.choose(source, perClass, SampleGenerator.SEED);
        assertThat(sample.size()).isEqualTo(chosen.length);
        float[] a = new float[784];
        float[] b = new float[784];
        for (int i = 0; i < chosen.length; i += 97) {
            sample.pixels(i, a);
            source.pixels(chosen[i], b);
            assertThat(a).isEqualTo(b);
            assertThat(sample.label(i)).isEqualTo(source.label(chosen[i]));
        }
    }

    @Test
    void theSampleStaysSmall() throws Exception {
        long bytes = 0;
        for (Path file : Files.list(Path.of("src/main/resources/org/ninexplorer/data/sample")).toList()) {
            bytes += Files.size(file);
        }
        assertThat(bytes).as("a few MB in every installer").isLessThan(4_200_000);
    }

    static int[] countPerClass(ImageSource source) {
        int[] counts = new int[10];
        for (int i = 0; i < source.size(); i++) {
            counts[source.label(i)]++;
        }
        return counts;
    }
}
