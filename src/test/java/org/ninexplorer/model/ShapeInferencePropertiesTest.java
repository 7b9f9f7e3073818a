package org.ninexplorer.model;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class ShapeInferencePropertiesTest {

    @Property(tries = 1000)
    void neverThrowsAndInvalidMeansExplained(@ForAll("anything") Architecture arch) {
        Analysis analysis = ShapeInference.analyze(arch);

        assertThat(analysis.reports()).hasSize(arch.layers().size() + 1);
        if (!analysis.valid()) {
            assertThat(analysis.diagnostics()).isNotEmpty().allSatisfy(d -> assertThat(English.text(d)).isNotBlank());
        }
    }

    @Property(tries = 300)
    void jsonRoundTripKeepsEveryArchitecture(@ForAll("anything") Architecture arch) throws Exception {
        assertThat(ArchitectureJson.read(ArchitectureJson.write(arch))).isEqualTo(arch);
    }

    @Provide
    Arbitrary<Architecture> anything() {
        return RandomArchitectures.any();
    }
}
