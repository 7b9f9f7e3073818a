package org.ninexplorer.training.perf;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fast path changes speed, not results: the same fixed-seed training with it on (fused NiN blocks
 * included), with it on but three DL4J convolutions per block, and with it off.
 */
class FastPathCorrectnessTest {

    @Test
    void fastPathGivesTheSameLossesAndAccuracy() throws Exception {
        List<String> on = train("-Dnin.fastpath=true", "-D" + FastPath.BF16_PROPERTY + "=false"); // fp32: same sums
        List<String> unfused = train("-Dnin.fastpath.fused=false");
        List<String> off = train("-Dnin.fastpath=false");

        assertThat(on).anyMatch(l -> l.startsWith("status fast path on: oneDNN helpers on, fused NiN blocks on"));
        assertThat(unfused).anyMatch(l -> l.startsWith("status fast path on: oneDNN helpers on, fused NiN blocks off"));
        assertThat(off).anyMatch(l -> l.startsWith("status fast path off: oneDNN helpers off, fused NiN blocks off"));
        assertSameTraining(on, off);
        assertSameTraining(unfused, off);
    }

    private static void assertSameTraining(List<String> on, List<String> off) {
        List<Double> lossesOn = values(on, "loss=");
        List<Double> lossesOff = values(off, "loss=");
        assertThat(lossesOn).hasSize(FixedSeedTraining.ITERATIONS).hasSameSizeAs(lossesOff);
        for (int i = 0; i < lossesOn.size(); i++) {
            // float32 sums in a different order (oneDNN vs im2col+GEMM) drift apart slowly under Adam
            assertThat(lossesOn.get(i)).as("loss at iteration %d", i + 1)
                    .isCloseTo(lossesOff.get(i), within(1e-3 + 1e-3 * lossesOff.get(i)));
        }
        assertThat(lossesOn.get(lossesOn.size() - 1)).as("the net learns").isLessThan(lossesOn.get(0));
        // at most one sample may fall on the other side of a decision boundary
        assertThat(values(on, "accuracy=").get(0)).isCloseTo(values(off, "accuracy=").get(0), within(1.0 / FixedSeedTraining.BATCH + 1e-6));
    }

    /** Runs {@link FixedSeedTraining} in a fresh JVM with the test classpath and the given {@code -D} settings. */
    private static List<String> train(String... settings) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx1g"));
        command.addAll(List.of(settings));
        command.addAll(List.of("-Dorg.deeplearning4j.crash.reporting.enabled=false",
                "-cp", System.getProperty("java.class.path"), FixedSeedTraining.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("child JVM output:%n%s", out).isZero();
        return out.lines().toList();
    }

    private static List<Double> values(List<String> lines, String prefix) {
        List<Double> values = new ArrayList<>();
        lines.stream().filter(l -> l.startsWith(prefix))
                .forEach(l -> values.add(Double.parseDouble(l.substring(prefix.length()))));
        return values;
    }
}
