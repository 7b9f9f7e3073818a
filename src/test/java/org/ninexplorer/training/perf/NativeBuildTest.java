package org.ninexplorer.training.perf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeBuildTest {

    /** Whichever test loads ND4J first, its JVM has already been pointed at the shipped build (NativeBuildSession). */
    @Test
    void everyTestJvmLoadsTheShippedBuild() {
        assertThat(System.getProperty(NativeBuild.EXTENSION_PROPERTY)).isEqualTo(NativeBuild.SHIPPED);
        assertThat(NativeBuild.present(NativeBuild.SHIPPED)).isTrue();
    }

    @Test
    void aChosenBuildThatIsNotThereGivesWayToTheShippedOne() {
        try {
            System.setProperty(NativeBuild.EXTENSION_PROPERTY, "-onednn-avx512");
            assertThat(NativeBuild.present("-onednn-avx512")).isFalse();
            assertThat(NativeBuild.select()).isEqualTo(NativeBuild.SHIPPED);
        } finally {
            System.setProperty(NativeBuild.EXTENSION_PROPERTY, NativeBuild.SHIPPED);
        }
    }
}
