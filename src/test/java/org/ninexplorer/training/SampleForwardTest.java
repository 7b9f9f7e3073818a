package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Exercise;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Operation;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.fused.Precision;
import org.ninexplorer.training.fused.SampleForward;
import org.ninexplorer.training.perf.FastPath;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one-sample oneDNN pass computes what DL4J's layers compute: each block's own output and the class scores, in
 * fp32 to float rounding, in bf16 to bf16's; and the feature maps the window shows come from it.
 */
class SampleForwardTest {

    /** Blocks the fused layer does not cover (one 3×3 convolution after the first), channels not a multiple of 16. */
    private static final Architecture VARIANT = Presets.FASHION_28.withLayer(0, new NinBlock(24, 5, 1, 2, 1, 3));

    @Test
    void inFp32ItComputesWhatDl4jsLayersDo() {
        List<Architecture> nets = new ArrayList<>(List.of(Presets.FASHION_28, Presets.D2L_224, VARIANT));
        for (Exercise exercise : Exercise.values()) { // the variants a class trains beside the book's net
            if (exercise.trains() && exercise.problem(Presets.FASHION_28).isEmpty()
                    && SampleForward.covers(exercise.variantOf(Presets.FASHION_28))) {
                nets.add(exercise.variantOf(Presets.FASHION_28));
            }
        }
        assertThat(nets).hasSizeGreaterThan(4);
        for (Architecture arch : nets) {
            Compared c = compare(arch, Precision.FP32);
            assertThat(c.worstBlock).as("%s: blocks", arch).isLessThan(1e-5);
            assertThat(c.worstScore).as("%s: class scores", arch).isLessThan(1e-5);
        }
    }

    @Test
    void everyOperationsOutputIsDl4jsLayerByLayer() {
        Architecture arch = Presets.FASHION_28;
        MultiLayerNetwork net = NetworkBuilder.build(arch, ForwardSteps.untrainedRecipe(arch), 1);
        float[] pixels = image(arch);
        MultiLayerNetwork perOperation = NetworkBuilder.onePerOperation(arch, net.params());
        List<Operation> ops = Operation.of(ShapeInference.analyze(arch));
        // Layer by layer on copies, as ForwardSteps does: DL4J's ReLU layers work in place at inference.
        List<INDArray> dl4j = new ArrayList<>();
        INDArray x = Nd4j.create(pixels, new long[] {1, 1, 28, 28});
        dl4j.add(x);
        for (int i = 0; i < ops.size() - 1; i++) { // the softmax is the loss layer's
            x = perOperation.getLayer(i).activate(x.dup(), false, LayerWorkspaceMgr.noWorkspaces());
            dl4j.add(x);
        }
        try (SampleForward pass = new SampleForward(arch, net.params().data().asFloat(), Precision.FP32,
                SampleForward.Taps.EVERY_OPERATION)) {
            SampleForward.Result r = pass.run(pixels);
            assertThat(r.taps()).hasSize(ops.size() - 1); // all but the softmax
            for (int i = 0; i < r.taps().size(); i++) {
                assertThat(relativeDifference(r.taps().get(i), dl4j.get(i + 1).data().asFloat()))
                        .as("step %d: %s", i, ops.get(i).kind()).isLessThan(1e-5);
            }
            assertThat(r.probabilities()).containsExactly(perOperation.output(dl4j.get(0), false).data().asFloat(),
                    offset(1e-6f));
            // A convolution's output before its ReLU has negatives, which the ReLU's does not.
            assertThat(min(r.taps().get(0))).isNegative();
            assertThat(min(r.taps().get(1))).isZero();
        }
    }

    @Test
    void inBf16ItStaysWithinBf16sRounding() {
        assumeTrue(FastPath.fusedBlocks() && Precision.nativeBf16(), "no native bf16 on this CPU");
        for (Architecture arch : List.of(Presets.FASHION_28, Presets.D2L_224)) {
            Compared c = compare(arch, Precision.BF16);
            assertThat(c.worstBlock).as("%s: blocks", arch.input()).isGreaterThan(0).isLessThan(0.03);
            assertThat(c.worstScore).as("%s: class scores", arch.input()).isLessThan(0.03);
        }
    }

    @Test
    void theWindowsMapsComeFromThePassInThisSessionsPrecision() {
        assumeTrue(FastPath.samplePass(), "no one-sample pass on this backend");
        Architecture arch = Presets.FASHION_28;
        FeatureMapper mapper = FeatureMapper.snapshot(arch, NetworkBuilder.build(arch, ForwardSteps.untrainedRecipe(arch), 1));
        float[] pixels = image(arch);
        FeatureMaps maps = mapper.compute(pixels);
        try (SampleForward pass = new SampleForward(arch, mapper.params().data().asFloat(), FastPath.precision(),
                SampleForward.Taps.BLOCK_OUTPUTS)) {
            SampleForward.Result r = pass.run(pixels);
            for (int b = 0; b < maps.blocks().size(); b++) {
                assertThat(maps.blocks().get(b).values()).containsExactly(r.taps().get(b));
            }
        }
        float sum = 0;
        for (float p : maps.probabilities()) {
            sum += p;
        }
        assertThat(sum).isBetween(0.9999f, 1.0001f);
    }

    @Test
    void coversTheBooksLayersEndingInGlobalAveragePoolingOnly() {
        assertThat(SampleForward.covers(Presets.FASHION_28)).isTrue();
        assertThat(SampleForward.covers(Presets.D2L_224)).isTrue();
        assertThat(SampleForward.covers(VARIANT)).isTrue();
        Architecture dense = Presets.FASHION_28.withInserted(Presets.FASHION_28.layers().size() - 1, new Dense(32));
        assertThat(SampleForward.covers(dense)).isFalse();
        Architecture invalid = Presets.FASHION_28.withInput(new InputSpec(1, 4, 4));
        assertThat(SampleForward.covers(invalid)).isFalse();
    }

    @Test
    void refusesParametersOfAnotherNet() {
        assumeTrue(FastPath.fusedBlocks(), "no fused blocks on this backend");
        assertThatThrownBy(() -> new SampleForward(Presets.FASHION_28, new float[1000], Precision.FP32,
                SampleForward.Taps.BLOCK_OUTPUTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000 parameters");
    }

    /** The largest difference between the pass's and DL4J's block outputs and scores, relative to DL4J's largest value. */
    private record Compared(double worstBlock, double worstScore) {
    }

    private static Compared compare(Architecture arch, Precision precision) {
        MultiLayerNetwork net = NetworkBuilder.build(arch, ForwardSteps.untrainedRecipe(arch), 1);
        FeatureMapper mapper = FeatureMapper.snapshot(arch, net);
        float[] pixels = image(arch);
        List<INDArray> dl4j = mapper.feedForward(pixels, 1);
        int[] outputs = mapper.outputLayerIndices();
        try (SampleForward pass = new SampleForward(arch, mapper.params().data().asFloat(), precision, SampleForward.Taps.BLOCK_OUTPUTS)) {
            SampleForward.Result r = pass.run(pixels);
            double worstBlock = 0;
            int b = 0;
            for (int i = 0; i < arch.layers().size(); i++) {
                if (arch.layers().get(i) instanceof NinBlock) {
                    worstBlock = Math.max(worstBlock, relativeDifference(r.taps().get(b++),
                            dl4j.get(outputs[i] + 1).data().asFloat()));
                }
            }
            float[] scores = dl4j.get(outputs[arch.layers().size() - 1] + 1).data().asFloat();
            return new Compared(worstBlock, relativeDifference(r.scores(), scores));
        }
    }

    private static double relativeDifference(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        double worst = 0;
        for (int k = 0; k < expected.length; k++) {
            scale = Math.max(scale, Math.abs(expected[k]));
            worst = Math.max(worst, Math.abs(actual[k] - expected[k]));
        }
        return worst / Math.max(scale, 1e-6);
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static float[] image(Architecture arch) {
        InputSpec in = arch.input();
        return TinyNets.sample().test().pixels(5, in.channels(), in.height(), in.width());
    }
}
