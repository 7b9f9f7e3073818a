package org.ninexplorer.training.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeBuildTest {

    /** Whichever test loads ND4J first, its JVM has already chosen a build its CPU runs (NativeBuildSession). */
    @Test
    void everyTestJvmHasChosenABuildItsCpuRuns() throws Exception {
        boolean avx512 = Files.readString(Path.of("/proc/cpuinfo")).contains(" avx512f ");
        assertThat(System.getProperty(NativeBuild.EXTENSION_PROPERTY))
                .isEqualTo(avx512 ? "-onednn-avx512" : "-onednn");
    }
}
