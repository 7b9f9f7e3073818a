package org.ninexplorer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every user error on every subcommand is one sentence on stderr and a non-zero status, never a stack trace. */
class UserErrorsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Runs and checks the refusal: status 2, no stack trace; returns the error from "error: " on. */
    private String refused(String... args) {
        assertThat(run(args)).as(err.toString()).isEqualTo(2);
        String text = err.toString();
        assertThat(text).contains("error: ").doesNotContain("\tat ").doesNotContainPattern("[a-z]\\.[A-Z]\\w+Exception");
        return text.substring(text.indexOf("error: "));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aMissingArchFileSaysNoSuchFile() {
        assertThat(refused("shapes", "--arch", dir.resolve("nope.json").toString())).contains("no such file");
    }

    @Test
    void aDeeplyNestedArchFileIsRefusedByBench() throws Exception {
        Path deep = file("deep.json", "[".repeat(100_000) + "]".repeat(100_000));
        assertThat(refused("bench", "--arch", deep.toString())).contains("nests deeper than 64 levels");
    }

    @Test
    void anImpossibleNetIsRefusedByBenchWithItsDiagnostics() throws Exception {
        Path net = dir.resolve("net.json");
        ArchitectureJson.save(Presets.FASHION_28.withInput(new InputSpec(1, 8, 8)), net);
        assertThat(refused("bench", "--arch", net.toString())).startsWith("error: invalid architecture:")
                .contains("pool 3/2 on 1×1 is impossible");
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws Exception {
        Path latin = Files.write(dir.resolve("latin.json"), ArchitectureJson.write(Presets.FASHION_28)
                .replace("\"gap\"", "\"gap\", \"note\": \"café\"").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(refused("shapes", "--arch", latin.toString())).contains("not UTF-8 text");
    }

    @Test
    void aFileWithAByteOrderMarkOpens() throws Exception {
        Path bom = file("bom.json", "\uFEFF" + ArchitectureJson.write(Presets.FASHION_28));
        assertThat(run("shapes", "--arch", bom.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("total params: 148390");
    }

    @Test
    void benchDataRefusesABatchOfZeroAndTwoChannels() {
        assertThat(refused("bench-data", "--dataset", "sample", "--batch", "0"))
                .isEqualTo("error: --batch must be at least 1, got 0\n");
        err.getBuffer().setLength(0);
        assertThat(refused("bench-data", "--dataset", "sample", "--channels", "2"))
                .contains("input channels must be 1 (grayscale) or 3 (RGB), got 2");
    }

    @Test
    void twoInputChannelsAreRefusedAlikeByShapesAndTrain() throws Exception {
        Path net = dir.resolve("two.json");
        ArchitectureJson.save(Presets.FASHION_28.withInput(new InputSpec(2, 28, 28)), net);
        assertThat(run("shapes", "--arch", net.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("input channels must be 1 (grayscale) or 3 (RGB), got 2");
        err.getBuffer().setLength(0);
        assertThat(refused("train", "--arch", net.toString(), "--dataset", "sample", "--data-dir", dir.toString()))
                .contains("input channels must be 1 (grayscale) or 3 (RGB), got 2");
    }

    @Test
    void tenThousandLayersAreRefused() throws Exception {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < 9_998; i++) {
            layers.add(new Dropout(0.1));
        }
        layers.add(new NinBlock(10, 1, 1, 0));
        layers.add(new GlobalAvgPool());
        Path net = dir.resolve("deep-net.json");
        ArchitectureJson.save(new Architecture(new InputSpec(1, 28, 28), 10, layers), net);
        assertThat(refused("train", "--arch", net.toString(), "--dataset", "sample", "--data-dir", dir.toString()))
                .contains("the net has 10000 layers; at most 1000 are supported");
    }

    @Test
    void anInputOf4096SquaredIsRefusedBeforeAnythingIsWritten() {
        Path runDir = dir.resolve("run");
        assertThat(refused("train", "--preset", "fashion-28", "--input", "1x4096x4096", "--dataset", "sample",
                "--data-dir", dir.toString(), "--run-dir", runDir.toString()))
                .contains("Not enough memory for this run: it needs about ")
                .contains("this machine can give it ")
                .contains("Not even a batch of one image fits");
        assertThat(runDir).doesNotExist();
    }

    @Test
    void aBatchOfAHundredThousandOnFullSizeDataIsRefusedWithABatchThatFits() throws Exception {
        Path data = writeIdxFolder(dir.resolve("full"), 60_000, 10_000, null);
        String message = refused("train", "--preset", "fashion-28", "--dataset", data.toString(), "--batch", "100000",
                "--data-dir", dir.toString(), "--run-dir", dir.resolve("run").toString());
        assertThat(message).containsPattern("it needs about [\\d.]+ GB at batch 60,000: activations ")
                .containsPattern("A batch of [\\d,]+ would fit\\.");
    }

    @Test
    void benchRefusesABatchThatCannotFit() {
        assertThat(refused("bench", "--preset", "d2l-224", "--batch", "100000"))
                .contains("Not enough memory for this run").containsPattern("A batch of [\\d,]+ would fit\\.");
    }

    @Test
    void aStrayLabelInAnIdxFolderIsNamed() throws Exception {
        Path data = writeIdxFolder(dir.resolve("stray"), 100, 50, 42);
        assertThat(refused("train", "--preset", "fashion-28", "--dataset", data.toString(),
                "--data-dir", dir.toString())).contains("stray label 42 (1 image) among labels 0 to 9")
                .doesNotContain("43 classes");
    }

    @Test
    void shapesEstimatesTrainingMemoryForABatch() {
        assertThat(run("shapes", "--preset", "d2l-224", "--batch", "128")).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("training memory \\(adam, not counting the data set\\): about [\\d.]+ GB at batch 128: "
                        + "activations [\\d.]+ GB \\([\\d.]+ MB per image\\)")
                .containsPattern("available: [\\d.]+ [GT]B \\(");
    }

    /** Four IDX files of 28x28 zero images, labels 0-9 in turn; {@code stray}, when set, replaces one test label. */
    private static Path writeIdxFolder(Path folder, int train, int test, Integer stray) throws IOException {
        Files.createDirectories(folder);
        for (String prefix : new String[] {"train", "t10k"}) {
            int count = prefix.equals("train") ? train : test;
            try (DataOutputStream images = open(folder.resolve(prefix + "-images-idx3-ubyte"))) {
                images.writeInt(0x803);
                images.writeInt(count);
                images.writeInt(28);
                images.writeInt(28);
                images.write(new byte[count * 28 * 28]);
            }
            try (DataOutputStream labels = open(folder.resolve(prefix + "-labels-idx1-ubyte"))) {
                labels.writeInt(0x801);
                labels.writeInt(count);
                for (int i = 0; i < count; i++) {
                    labels.writeByte(stray != null && prefix.equals("t10k") && i == 7 ? stray : i % 10);
                }
            }
        }
        return folder;
    }

    private static DataOutputStream open(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(new java.io.BufferedOutputStream(raw));
    }
}
