package org.ninexplorer.training.perf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeBuildTest {

    /** Whichever test loads ND4J first, its JVM has already been pointed at the shipped build (NativeBuildSession). */
    @Test
    void everyTestJvmLoadsTheShippedBuild() {
        assertThat(System.getProperty(NativeBuild.EXTENSION_PROPERTY)).isEqualTo(NativeBuild.SHIPPED);
    }
}
