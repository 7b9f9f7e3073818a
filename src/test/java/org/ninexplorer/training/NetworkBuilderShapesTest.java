package org.ninexplorer.training;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.RandomArchitectures;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.fused.FusedNinBlockLayer;

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

    /**
     * Every block form and head, built each way: fused where the kernel covers a block (with or without the pooling
     * after it inside), and all DL4J layers.
     */
    @ParameterizedTest(name = "mlp {0}, kernel {1}, {2}")
    @CsvSource({"0, 1, FUSED_POOLS", "1, 1, FUSED_POOLS", "3, 1, FUSED_BLOCKS", "4, 1, FUSED_POOLS", "2, 3, FUSED_POOLS",
            "0, 1, FUSED_BLOCKS", "1, 3, LAYERS", "0, 1, LAYERS", "4, 3, LAYERS", "2, 1, LAYERS"})
    void everyBlockFormAndHeadMatchesDl4j(int mlp, int mlpKernel, NetworkBuilder.Form form) {
        Backends.initialise();
        List<Architecture> nets = List.of(
                new Architecture(new InputSpec(1, 20, 20), 10, List.of(new NinBlock(6, 5, 1, 2, mlp, mlpKernel),
                        new MaxPool(3, 2), new NinBlock(6, 3, 1, 1), new NinBlock(10, 3, 1, 1, mlp, mlpKernel),
                        new GlobalAvgPool())),
                new Architecture(new InputSpec(3, 16, 16), 5, List.of(new NinBlock(8, 3, 2, 1, mlp, mlpKernel),
                        new Dropout(0.5), new Dense(12), new Dropout(0.5), new Dense(5))),
                new Architecture(new InputSpec(1, 12, 12), 4, List.of(new NinBlock(7, 3, 1, 0, mlp, mlpKernel),
                        new GlobalAvgPool(), new Dense(9), new Dense(4))));
        for (Architecture arch : nets) {
            MultiLayerNetwork net = new MultiLayerNetwork(NetworkBuilder.configuration(arch, Hyperparameters.defaults(), 1, form));
            net.init();
            assertForwardPassMatches(arch, net);
            assertThat(net.numParams()).as("parameters of %s", arch).isEqualTo(ShapeInference.analyze(arch).totalParams());
            long fusedBlocks = arch.layers().stream().filter(l -> l instanceof NinBlock b && b.isDefaultForm()).count();
            assertThat(Arrays.stream(net.getLayers()).filter(l -> l instanceof FusedNinBlockLayer).count())
                    .as("fused layers").isEqualTo(form.fusesBlocks() ? fusedBlocks : 0);
        }
    }

    @Test
    void theBackendLineNamesTheBlocksTheFusedKernelDoesNotCover() {
        BackendInfo cpu = new BackendInfo("cpu", "CPU · 2 threads");
        Architecture oneVariant = Presets.FASHION_28.withLayer(2, new NinBlock(64, 3, 1, 1, 1, 1));
        Architecture twoVariants = oneVariant.withLayer(4, new NinBlock(128, 3, 1, 1, 2, 3));

        assertThat(NetworkBuilder.backendFor(cpu, Presets.FASHION_28, true)).isEqualTo(cpu);
        assertThat(NetworkBuilder.backendFor(cpu, oneVariant, true).description())
                .isEqualTo("CPU · 2 threads · block 2 as DL4J convolutions (fused only with two 1×1 after the first)");
        assertThat(NetworkBuilder.backendFor(cpu, twoVariants, true).description()).contains("· blocks 2, 4 as DL4J");
        assertThat(NetworkBuilder.backendFor(cpu, twoVariants, false)).isEqualTo(cpu);
    }

    @Test
    void impossibleArchitectureIsRefusedWithDiagnostics() {
        Architecture tooSmall = Presets.D2L_224.withInput(new InputSpec(1, 60, 60));

        assertThatThrownBy(() -> NetworkBuilder.configuration(tooSmall, Hyperparameters.defaults(), 1))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("POOL_TOO_LARGE").hasMessageContaining("2 + 2·0 − 3 = -1")
                .satisfies(e -> assertThat(((InvalidArchitectureException) e).analysis().diagnostics())
                        .extracting(org.ninexplorer.model.Diagnostic::layerIndex).containsExactly(5));
    }

    @Provide
    Arbitrary<Architecture> validArchitectures() {
        return RandomArchitectures.valid();
    }

    private static void assertInferenceMatchesForwardPass(Architecture arch) {
        MultiLayerNetwork net = NetworkBuilder.build(arch, Hyperparameters.defaults(), 1);
        assertForwardPassMatches(arch, net);
        assertThat(net.numParams()).as("parameters of %s", arch).isEqualTo(ShapeInference.analyze(arch).totalParams());
    }

    /** Each layer's output has the model's shape: through the net's maps form when its blocks pool inside. */
    private static void assertForwardPassMatches(Architecture arch, MultiLayerNetwork net) {
        Analysis analysis = ShapeInference.analyze(arch);
        INDArray input = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, arch.input().channels(),
                arch.input().height(), arch.input().width());
        MultiLayerNetwork shown = NetworkBuilder.showingBlockOutputs(arch, net);
        assertThat(net.output(input, false).sub(shown.output(input, false)).amaxNumber().doubleValue())
                .as("the maps form predicts what the net does").isLessThan(1e-5);
        List<INDArray> activations = shown.feedForward(input, false);
        int[] indices = NetworkBuilder.outputLayerIndices(arch, shown);
        for (int i = 0; i < indices.length; i++) {
            LayerReport report = analysis.reports().get(i);
            long[] actual = activations.get(indices[i] + 1).shape(); // entry 0 is the input
            assertThat(Arrays.toString(actual)).as("layer %d (%s) of %s", i, report.kind(), arch)
                    .isEqualTo(report.batchShape());
        }
    }
}
