package org.ninexplorer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShapesCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void d2lPrintsTheReferenceShapesAndTotals() {
        assertThat(run("shapes", "--preset", "d2l-224")).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).filteredOn(l -> l.contains("output shape:")).hasSize(10);
        assertThat(lines.get(1)).matches(" 0 +nin .*output shape: \\[1, 96, 54, 54] .*params: 30336 .*MACs: 87619968");
        assertThat(lines.get(10)).matches(" 9 +classes .*output shape: \\[1, 10] .*");
        assertThat(lines).contains("total params: 1992166", "total MACs: 762297352");
    }

    @Test
    void batchPrintsTheMemoryOfEachLayerAndTheTotalsWithTheirArithmetic() {
        assertThat(run("shapes", "--preset", "d2l-224", "--batch", "128")).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).contains("memory at batch 128, counted from the shapes (32-bit floats, adam):");
        // Block 0 at batch 128: 30,336 weights; three 96×54×54 outputs kept; a 96×54×54 input and output live.
        assertThat(lines).anyMatch(l -> l.matches(
                " 0  nin +weights: 119 KB +kept for backward: 410 MB +live when predicting: 273 MB"));
        assertThat(lines).anyMatch(l -> l.startsWith("prediction: weights 7.60 MB") && l.endsWith("= 281 MB"));
        assertThat(lines).anyMatch(l -> l.startsWith("training: weights 7.60 MB") && l.endsWith("= 859 MB"));
        assertThat(lines).anyMatch(l -> l.startsWith("training memory (adam, not counting the data set): about"));
    }

    @Test
    void archFileAndInputOverride(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("net.json");
        ArchitectureJson.save(Presets.FASHION_28, file);

        assertThat(run("shapes", "--arch", file.toString(), "--input", "1x32x32")).isZero();
        assertThat(out.toString()).contains("output shape: [1, 32, 32, 32]");
    }

    @Test
    void blockFormsAndDenseLayersArePrinted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("exercise.json");
        // The book's net with one 1×1 convolution in its first block and a dense layer instead of GAP.
        ArchitectureJson.save(Presets.D2L_224.withLayer(0, new NinBlock(96, 11, 4, 0, 1, 1)).withLayer(8, new Dense(10)),
                file);

        assertThat(run("shapes", "--arch", file.toString())).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(1)).matches(" 0 +nin +96 · 11×11 / 4 · 1× 1×1 +output shape: \\[1, 96, 54, 54] +params: 21024 .*");
        assertThat(lines.get(9)).matches(" 8 +dense +10 units +output shape: \\[1, 10] +params: 2510 +MACs: 2500");
        assertThat(lines.get(1).indexOf("output shape")).isEqualTo(lines.get(9).indexOf("output shape"));
        assertThat(lines).contains("total params: " + (1_992_166 - 9_312 + 2_510));
    }

    @Test
    void invalidArchitecturePrintsDiagnosticsAndExits2() {
        assertThat(run("shapes", "--preset", "d2l-224", "--input", "1x28x28")).isEqualTo(2);
        assertThat(err.toString()).contains("layer 3 (kernel): pool 3/2 on 2×2 is impossible");
        assertThat(out.toString()).doesNotContain("total params");
    }

    @Test
    void malformedFileIsOneClearLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"schemaVersion\":1,\"input\":{\"channels\":1}}");

        assertThat(run("shapes", "--arch", file.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: " + file + ": input.height: missing");
    }

    @Test
    void unknownPresetAndBadInput() {
        assertThat(run("shapes", "--preset", "vgg")).isEqualTo(2);
        assertThat(run("shapes", "--input", "28x28")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown preset 'vgg'", "--input: input must be CxHxW");
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--version")).isZero();
        assertThat(run("shapes", "--help")).isZero();
        assertThat(out.toString()).contains("NiN Explorer", "--preset", "--arch");
    }

    @Test
    void inputSpecParses() {
        assertThat(InputSpec.parse("3×64×48")).isEqualTo(new InputSpec(3, 64, 48));
    }
}
