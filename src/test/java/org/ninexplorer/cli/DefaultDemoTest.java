package org.ninexplorer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.data.ImageSource;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.FeatureMaps;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first demo a teacher shows: {@code train --preset fashion-28 --dataset sample} with nothing else set, which
 * is also what the window's Start does on its defaults. The whole run, as the user gets it (about 50 s on two
 * quiet cores); the recipe is seeded, so the numbers are the same on every run on one machine.
 */
class DefaultDemoTest {

    @Test
    void theDefaultRunOnTheBundledSampleLearnsAndTheLossFallsFromTheStart(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path run = dir.resolve("run");

        int status = NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "train", "--preset",
                "fashion-28", "--dataset", "sample", "--run-dir", run.toString(), "--data-dir", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> epochs = out.toString().lines().filter(l -> l.startsWith("epoch ")).toList();
        String last = epochs.get(epochs.size() - 1);
        double testAccuracy = Double.parseDouble(last.replaceAll(".*test acc (\\d\\.\\d+).*", "$1"));
        assertThat(testAccuracy).as(out.toString()).isGreaterThanOrEqualTo(0.75); // chance is 0.10

        // Per-iteration losses: the first 100 steps (a few seconds) already bring the loss down from ln 10.
        List<Double> losses = Files.readAllLines(run.resolve("metrics.csv")).stream()
                .filter(l -> l.startsWith("iter,")).map(l -> Double.parseDouble(l.split(",")[3])).toList();
        assertThat(mean(losses.subList(80, 100))).as("loss over steps 81-100")
                .isLessThan(mean(losses.subList(0, 20)) - 0.15);

        // No dead class: each class channel of the last block passes its ReLU on some test image (a channel at or
        // below zero everywhere gets no gradient again), and each class is predicted. On MNIST digits the recipe
        // without its warm-up never predicted 1 or 6.
        FeatureMapper mapper = FeatureMapper.load(Presets.FASHION_28, run.resolve("model.zip"));
        ImageSource test = Datasets.bundledSample().test();
        int[] predicted = new int[10];
        float[] highest = new float[10];
        for (int i = 0; i < test.size(); i++) {
            FeatureMaps maps = mapper.compute(test.pixels(i));
            predicted[maps.predictedClass()]++;
            FeatureMaps.BlockActivation classes = maps.blocks().get(maps.blocks().size() - 1);
            for (int c = 0; c < 10; c++) {
                for (float v : classes.channel(c)) {
                    highest[c] = Math.max(highest[c], v);
                }
            }
        }
        for (int c = 0; c < 10; c++) {
            assertThat(highest[c]).as("class %d's channel, highest value", c).isPositive();
            assertThat(predicted[c]).as("test images predicted as class %d", c).isPositive();
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
