package org.ninexplorer.training;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.RandomArchitectures;
import org.ninexplorer.model.ShapeInference;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our pure-Java shape inference must agree with what a real DL4J forward pass produces. */
class NetworkBuilderShapesTest {

    @Test
    void d2lReferenceMatchesDl4jForwardPass() {
        assertInferenceMatchesForwardPass(Presets.D2L_224);
        assertThat(NetworkBuilder.build(Presets.D2L_224, Hyperparameters.defaults(), 1).numParams()).isEqualTo(1_992_166L);
    }

    @Test
    void fashion28MatchesDl4jForwardPass() {
        assertInferenceMatchesForwardPass(Presets.FASHION_28);
    }

    @Property(tries = 200)
    void randomValidArchitecturesMatchDl4j(@ForAll("validArchitectures") Architecture arch) {
        assertInferenceMatchesForwardPass(arch);
    }

    @Test
    void impossibleArchitectureIsRefusedWithDiagnostics() {
        Architecture tooSmall = Presets.D2L_224.withInput(new org.ninexplorer.model.InputSpec(1, 60, 60));

        assertThatThrownBy(() -> NetworkBuilder.configuration(tooSmall, Hyperparameters.defaults(), 1))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("is impossible");
    }

    @Provide
    Arbitrary<Architecture> validArchitectures() {
        return RandomArchitectures.valid();
    }

    private static void assertInferenceMatchesForwardPass(Architecture arch) {
        Analysis analysis = ShapeInference.analyze(arch);
        MultiLayerNetwork net = NetworkBuilder.build(arch, Hyperparameters.defaults(), 1);
        INDArray input = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, arch.input().channels(),
                arch.input().height(), arch.input().width());
        List<INDArray> activations = net.feedForward(input, false);
        int[] indices = NetworkBuilder.outputLayerIndices(arch, net);
        for (int i = 0; i < indices.length; i++) {
            LayerReport report = analysis.reports().get(i);
            long[] actual = activations.get(indices[i] + 1).shape(); // entry 0 is the input
            assertThat(Arrays.toString(actual)).as("layer %d (%s) of %s", i, report.kind(), arch)
                    .isEqualTo(report.batchShape());
        }
    }
}
