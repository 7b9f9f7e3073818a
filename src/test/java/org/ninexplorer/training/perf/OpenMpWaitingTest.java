package org.ninexplorer.training.perf;

import com.sun.jna.NativeLibrary;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How OpenMP's idle workers wait: briefly spinning, then sleeping, unless the user chose. */
class OpenMpWaitingTest {

    @Test
    void spinsBrieflyThenSleepsByDefault() {
        assertThat(FastPath.openMpWaiting(Map.of("HOME", "/home/teacher")))
                .containsOnly(Map.entry("OMP_WAIT_POLICY", "PASSIVE"), Map.entry("GOMP_SPINCOUNT", "1000"));
    }

    @Test
    void theUsersSettingsWin() {
        assertThat(FastPath.openMpWaiting(Map.of("OMP_WAIT_POLICY", "ACTIVE"))).isEmpty();
        assertThat(FastPath.openMpWaiting(Map.of("GOMP_SPINCOUNT", "0")))
                .containsOnly(Map.entry("OMP_WAIT_POLICY", "PASSIVE"));
    }

    @Test
    void theProcessGetsThem() {
        FastPath.enable();
        if (System.getenv("OMP_WAIT_POLICY") == null && System.getenv("GOMP_SPINCOUNT") == null) {
            assertThat(processEnv("GOMP_SPINCOUNT")).isEqualTo(FastPath.SPINS_BEFORE_SLEEP);
            assertThat(processEnv("OMP_WAIT_POLICY")).isEqualTo("PASSIVE");
        }
    }

    /** The live process environment (Java's System.getenv is a copy taken at start-up). */
    private static String processEnv(String name) {
        return NativeLibrary.getProcess().getFunction("getenv").invokeString(new Object[] {name}, false);
    }
}
