package org.ninexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ▸ Export ▸ the shown run's metrics: the run's own metrics.csv, whole, or a sentence. */
class MetricsExportTest {

    @TempDir
    Path dir;

    @Test
    void theExportIsTheRunsMetricsFileAndReadsBackTheSame() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve(RunDirectory.METRICS_CSV), RunDirectory.CSV_HEADER + "\n"
                + "iter,1,1,2.302585,,,,\n" + "epoch,1,,2.100000,0.400000,0.450000,3.000,100.0\n");
        Path target = dir.resolve("out/metrics.csv");
        Files.createDirectories(target.getParent());

        RunDirectory.exportMetrics(run, target);

        assertThat(Files.readString(target)).isEqualTo(Files.readString(run.resolve(RunDirectory.METRICS_CSV)));
        assertThat(RunMetrics.readFile(target)).isEqualTo(RunMetrics.read(run));
    }

    @Test
    void aRunWithoutMetricsIsASentenceAndWritesNothing() {
        Path target = dir.resolve("metrics.csv");
        assertThatThrownBy(() -> RunDirectory.exportMetrics(dir, target)).isInstanceOf(RunStorageException.class)
                .hasMessageContaining("has no metrics.csv");
        assertThat(target).doesNotExist();
    }
}
