package org.ninexplorer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsImagesPerSecondForEachSize() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new NinCli());
        cli.setOut(new PrintWriter(out));
        int status = cli.execute("bench-data", "--dataset", "sample", "--batch", "32", "--size", "28,64",
                "--batches", "3");
        assertThat(status).isZero();
        assertThat(out.toString()).contains("loaded Fashion-MNIST (bundled sample")
                .containsPattern("size=1x28x28 batch=32 batches=3 images=96 .*images_per_s=\\d+")
                .containsPattern("size=1x64x64 batch=32 batches=3 images=96 .*images_per_s=\\d+");
    }

    @Test
    void aMissingDatasetIsAUsageError() {
        StringWriter err = new StringWriter();
        Path none = dir.resolve("none");
        int status = NinCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "bench-data", "--dataset", none.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + none + ": no such dataset or folder");
    }
}
