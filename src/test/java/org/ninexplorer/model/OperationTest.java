package org.ninexplorer.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The forward pass one operation at a time, read from shape inference. */
class OperationTest {

    @Test
    void d2lHasTwoStepsPerConvolutionAndOneForEachOtherLayer() {
        List<Operation> ops = Operation.of(ShapeInference.analyze(Presets.D2L_224));

        // 4 blocks × 3 convolutions × (conv + ReLU), 3 pools, dropout, GAP, softmax.
        assertThat(ops).hasSize(4 * 3 * 2 + 3 + 1 + 1 + 1);
        assertThat(ops.subList(0, 7)).extracting(Operation::kind).containsExactly(Operation.Kind.CONVOLUTION,
                Operation.Kind.RELU, Operation.Kind.CONVOLUTION, Operation.Kind.RELU, Operation.Kind.CONVOLUTION,
                Operation.Kind.RELU, Operation.Kind.MAX_POOL);
        assertThat(ops.get(ops.size() - 1).kind()).isEqualTo(Operation.Kind.SOFTMAX);
        assertThat(ops.get(ops.size() - 2).kind()).isEqualTo(Operation.Kind.GLOBAL_AVERAGE_POOL);
        assertThat(English.formula(ops.get(0).formula())).isEqualTo("224 + 2·0 − 11 = 213 → ⌊213/4⌋ + 1 = 54");
        assertThat(ops.get(0).params()).isEqualTo(11L * 11 * 96 + 96);
        assertThat(English.formula(ops.get(2).formula())).as("a 1×1 convolution's arithmetic too").isEqualTo("54 + 2·0 − 1 = 53 → ⌊53/1⌋ + 1 = 54");
        assertThat(ops.get(2).perPixel()).isTrue();
        assertThat(ops.get(0).perPixel()).isFalse();
        assertThat(English.formula(ops.get(6).formula())).isEqualTo("54 + 2·0 − 3 = 51 → ⌊51/2⌋ + 1 = 26");
    }

    @Test
    void eachOperationReadsWhatThePreviousOneMadeAndTheyAddUpToTheLayers() {
        Architecture variant = Exercise.DENSE_HEAD.variantOf(Exercise.WIDER_KERNELS.variantOf(
                Exercise.ONE_CONVOLUTION.variantOf(Presets.FASHION_28)));
        variant = variant.withInserted(variant.layers().size() - 1, new Dense(32));
        for (Architecture arch : List.of(Presets.D2L_224, Presets.FASHION_28, variant)) {
            Analysis analysis = ShapeInference.analyze(arch);
            List<Operation> ops = Operation.of(analysis);

            Shape shape = arch.input().shape();
            for (Operation op : ops) {
                assertThat(op.input()).as("%s: input of %s", arch, op).isEqualTo(shape);
                shape = op.output();
            }
            assertThat(shape).isEqualTo(Shape.flat(arch.classes()));
            assertThat(ops.stream().mapToLong(Operation::params).sum()).isEqualTo(analysis.totalParams());
            assertThat(ops.stream().mapToLong(Operation::macs).sum()).isEqualTo(analysis.totalMacs());
            for (LayerReport report : analysis.reports()) {
                Operation last = ops.stream().filter(o -> o.layerIndex() == report.index()).reduce((a, b) -> b).orElseThrow();
                assertThat(last.output()).as("%s layer %d", arch, report.index()).isEqualTo(report.output());
            }
        }
    }

    @Test
    void aBlockOfOneConvolutionAndAHiddenDenseLayerWithItsRelu() {
        Architecture arch = new Architecture(new InputSpec(1, 8, 8), 3, List.of(
                new NinBlock(4, 3, 1, 1, 0, 1), new Dense(5), new Dense(3)));

        List<Operation> ops = Operation.of(ShapeInference.analyze(arch));

        assertThat(ops).extracting(Operation::kind).containsExactly(Operation.Kind.CONVOLUTION, Operation.Kind.RELU,
                Operation.Kind.DENSE, Operation.Kind.RELU, Operation.Kind.DENSE, Operation.Kind.SOFTMAX);
        assertThat(English.formula(ops.get(2).formula())).isEqualTo("flatten 4×8×8 = 256 → 5");
        assertThat(ops.get(2).params()).isEqualTo(256L * 5 + 5);
    }

    @Test
    void anImpossibleNetHasNoOperations() {
        Architecture broken = Presets.FASHION_28.withLayer(0, new NinBlock(32, 40, 1, 0));

        assertThatThrownBy(() -> Operation.of(ShapeInference.analyze(broken))).isInstanceOf(IllegalArgumentException.class);
    }
}
