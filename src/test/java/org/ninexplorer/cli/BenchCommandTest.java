package org.ninexplorer.cli;

import org.junit.jupiter.api.Test;
import org.ninexplorer.training.perf.FastPath;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsTheFastPathThenOneLinePerIterationAndTheMedian() {
        assertThat(run("bench", "--batch", "4", "--iters", "2", "--warmup", "1")).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("fast path ");
        assertThat(lines.subList(1, 3)).allMatch(l -> l.matches("fashion-28 train iter=\\d batch=4 ms=[\\d.]+ images_per_s=[\\d.]+ loss=[\\d.]+"));
        assertThat(lines.get(3)).matches("fashion-28 train median images_per_s=[\\d.]+");
    }

    @Test
    void featureMapsUseOneSample() {
        assertThat(run("bench", "--mode", "featuremaps", "--iters", "1", "--warmup", "0")).isZero();

        assertThat(out.toString()).contains("fashion-28 featuremaps iter=1 batch=1 ms=");
    }

    @Test
    void refusesAnUnknownMode() {
        assertThat(run("bench", "--mode", "fly")).isEqualTo(2);
        assertThat(err.toString()).contains("--mode must be train, infer or featuremaps");
    }

    @Test
    void refusesAnUnknownPrecision() {
        assertThat(run("bench", "--precision", "fp16")).isEqualTo(2);
        assertThat(err.toString()).contains("--precision must be bf16 or fp32, got 'fp16'");
    }

    /** The option sets the property the fast path reads when ND4J starts (in a fresh process: the first time). */
    @Test
    void precisionSetsTheFastPathProperty() {
        try {
            assertThat(run("bench", "--precision", "FP32", "--batch", "2", "--iters", "1", "--warmup", "0")).isZero();
            assertThat(System.getProperty(FastPath.BF16_PROPERTY)).isEqualTo("false");
            assertThat(run("bench", "--precision", "bf16", "--batch", "2", "--iters", "1", "--warmup", "0")).isZero();
            assertThat(System.getProperty(FastPath.BF16_PROPERTY)).isEqualTo("true");
        } finally {
            System.clearProperty(FastPath.BF16_PROPERTY);
        }
    }
}
