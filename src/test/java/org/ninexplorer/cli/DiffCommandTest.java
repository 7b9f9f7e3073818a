package org.ninexplorer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.TinyNets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code nin-explorer diff A B} on files, a real run folder and presets, and what it says about bad input. */
class DiffCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void filesShowEachKindOfChangeAndTheTotals(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        ArchitectureJson.save(Presets.FASHION_28, a);
        // Block 2 and its pool removed, a dropout inserted after the first pool, the first block widened.
        ArchitectureJson.save(Presets.FASHION_28.withRemoved(2).withRemoved(2).withInserted(2, new Dropout(0.3))
                .withLayer(0, new NinBlock(48, 5, 1, 2)), b);

        assertThat(run("diff", a.toString(), b.toString())).as(err.toString()).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("A: " + a + "  (1×28×28, 9 layers, 148390 params, 10613024 MACs)");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("~ +0 +0 +nin +48 · 5×5 / 1 p2 +"
                + "\\[1, 32, 28, 28] → \\[1, 48, 28, 28] +\\+\\d+ +\\+\\d+"));
        assertThat(lines).contains("               channels 32 → 48 (+16)");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\+ +2 +dropout +p 0.3 +\\[1, 48, 13, 13]"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("- +2 +nin +64 · 3×3 / 1 p1 +\\[1, 64, 13, 13] +"
                + "-26816 +-\\d+"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("= +9 +8 +classes .*\\[1, 10]"));
        long paramsDelta = org.ninexplorer.model.ShapeInference.analyze(ArchitectureJson.load(b)).totalParams() - 148390;
        assertThat(lines).as("the totals row under the delta columns").anySatisfy(l -> assertThat(l)
                .matches(" +total +" + paramsDelta + " +[-+]\\d+"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("total params: 148390 → \\d+ \\([-+]\\d+, [-+]\\d+\\.\\d%\\)"));
        assertThat(lines).contains("layers: 2 removed, 1 added, 1 changed, 7 unchanged");
    }

    @Test
    void aRunFolderIsReadFromItsRunJson(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        assertThat(run("train", "--arch", save(dir, "tiny.json", TinyNets.TINY_28).toString(), "--dataset", "sample",
                "--epochs", "1", "--limit-train", "64", "--limit-test", "32", "--run-dir", runDir.toString()))
                .as(err.toString()).isZero();
        Path variant = save(dir, "variant.json", TinyNets.TINY_DROPOUT);
        out.getBuffer().setLength(0);

        assertThat(run("diff", runDir.toString(), variant.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("layers: 0 removed, 1 added, 0 changed, 5 unchanged");

        out.getBuffer().setLength(0);
        assertThat(run("diff", runDir.resolve("run.json").toString(), runDir.toString())).isZero();
        assertThat(out.toString()).contains("A and B are the same net: 4 layers");
    }

    @Test
    void presetsByName() {
        assertThat(run("diff", "d2l-224", "fashion-28")).isZero();
        assertThat(out.toString()).contains("input: 1×224×224 → 1×28×28", "channels 96 → 32 (-64)",
                "total params: 1992166 → 148390 (-1843776, -92.6%)", "layers: 0 removed, 0 added, 3 changed, 7 unchanged");
    }

    @Test
    void anImpossibleNetIsComparedWithANote(@TempDir Path dir) throws Exception {
        Path small = save(dir, "small.json", Presets.D2L_224.withInput(new org.ninexplorer.model.InputSpec(1, 28, 28)));

        assertThat(run("diff", "d2l-224", small.toString())).isZero();
        assertThat(out.toString()).contains("note: B is not a possible net (")
                .containsPattern("= +3 +3 +maxpool +3×3 / 2 +\\[1, 256, 12, 12] → \\?");
    }

    @Test
    void badInputGetsOneClearSentence(@TempDir Path dir) throws Exception {
        Path malformed = dir.resolve("bad.json");
        Files.writeString(malformed, "{\"schemaVersion\":1,\"input\":{\"channels\":1}}");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path damagedRun = Files.createDirectory(dir.resolve("damaged"));
        Files.writeString(damagedRun.resolve("run.json"), "{\"schemaVersion\":1,");

        assertThat(run("diff", "fashion-28", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(run("diff", malformed.toString(), "fashion-28")).isEqualTo(2);
        assertThat(run("diff", empty.toString(), "fashion-28")).isEqualTo(2);
        assertThat(run("diff", "fashion-28", damagedRun.toString())).isEqualTo(2);
        assertThat(run("diff", "fashion-28")).isEqualTo(2);

        assertThat(err.toString().lines().toList()).startsWith(
                "error: cannot read " + dir.resolve("missing.json")
                        + ": no such file or folder, and no preset of that name (presets: fashion-28, d2l-224)",
                "error: " + malformed + ": input.height: missing",
                "error: " + empty + " is a folder without a run.json, so not a run; give an architecture file, "
                        + "a run folder or a preset name");
        assertThat(err.toString()).contains("error: " + damagedRun.resolve("run.json") + " is not valid JSON (line 1)",
                "Missing required parameter: 'B'").doesNotContain("Exception", "\tat ");
        assertThat(out.toString()).isEmpty();
    }

    private static Path save(Path dir, String name, org.ninexplorer.model.Architecture arch) throws Exception {
        Path file = dir.resolve(name);
        ArchitectureJson.save(arch, file);
        return file;
    }
}
