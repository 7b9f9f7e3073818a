package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.data.ImageSource;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Exercise;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.Operation;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.Shape;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * A real test image through real nets (fused blocks where the fast path has them) one operation at a time:
 * every step has the shape the model inferred, and the last one is what the net itself outputs.
 */
class ForwardStepsTest {

    /** mlp 1, mlpKernel 3 (DL4J's convolutions, not fused), a hidden dense layer with its ReLU and a dense head. */
    static final Architecture VARIANT;

    static {
        Architecture headed = Exercise.DENSE_HEAD.variantOf(Exercise.WIDER_KERNELS.variantOf(
                Exercise.ONE_CONVOLUTION.variantOf(Presets.FASHION_28)));
        VARIANT = headed.withInserted(headed.layers().size() - 1, new Dense(32));
    }

    @Test
    void everyStepHasTheModelsShapeAndTheLastIsTheNetsOutput() {
        for (Architecture arch : List.of(Presets.FASHION_28, Presets.D2L_224, VARIANT)) {
            MultiLayerNetwork net = NetworkBuilder.build(arch, ForwardSteps.untrainedRecipe(arch), 1);
            ForwardSteps steps = ForwardSteps.of(FeatureMapper.snapshot(arch, net));
            float[] pixels = image(arch, 3);

            List<FeatureMaps.BlockActivation> outputs = steps.run(pixels);

            List<Operation> ops = steps.operations();
            assertThat(outputs).hasSameSizeAs(ops);
            for (int i = 0; i < ops.size(); i++) {
                assertThat(outputs.get(i).shape()).as("%s, step %d: %s", arch.input(), i, ops.get(i))
                        .isEqualTo(ops.get(i).output());
                assertThat(outputs.get(i).values()).hasSize((int) ops.get(i).output().elements());
            }
            // Each block's last ReLU is what the feature-map view shows for that block.
            for (FeatureMaps.BlockActivation block : FeatureMapper.snapshot(arch, net).compute(pixels).blocks()) {
                int end = lastStepOf(ops, block.layerIndex());
                assertThat(ops.get(end).kind()).isEqualTo(Operation.Kind.RELU);
                float[] step = outputs.get(end).values();
                for (int k = 0; k < step.length; k++) {
                    assertThat(step[k]).isCloseTo(block.values()[k], offset(1e-4f));
                }
            }
            float[] expected = net.output(Nd4j.create(pixels, new long[] {1, arch.input().channels(),
                    arch.input().height(), arch.input().width()}, DataType.FLOAT), false).data().asFloat();
            float[] last = outputs.get(outputs.size() - 1).values();
            assertThat(last).hasSize(10);
            TinyNets.assertCloseInSessionPrecision(last, expected, 1e-5f, arch.input() + ": the probabilities");
        }
    }

    @Test
    void aConvolutionsOutputBeforeItsReluHasNegativesAndTheReluZeroesExactlyThose() {
        ForwardSteps steps = ForwardSteps.untrained(Presets.FASHION_28);
        List<Operation> ops = steps.operations();
        List<FeatureMaps.BlockActivation> outputs = steps.run(image(Presets.FASHION_28, 0));

        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).kind() != Operation.Kind.CONVOLUTION) {
                continue;
            }
            float[] conv = outputs.get(i).values();
            float[] relu = outputs.get(i + 1).values();
            assertThat(ops.get(i + 1).kind()).isEqualTo(Operation.Kind.RELU);
            assertThat(min(conv)).as("step %d has negatives before its ReLU", i).isLessThan(0);
            for (int k = 0; k < conv.length; k++) {
                assertThat(relu[k]).isEqualTo(Math.max(0, conv[k]));
            }
        }
    }

    @Test
    void aOneByOneConvolutionKeepsTheSizeAndGapIsTheMeanOfEachMap() {
        ForwardSteps steps = ForwardSteps.untrained(Presets.FASHION_28);
        List<Operation> ops = steps.operations();
        List<FeatureMaps.BlockActivation> outputs = steps.run(image(Presets.FASHION_28, 1));

        int perPixel = 0;
        for (int i = 1; i < ops.size(); i++) {
            if (ops.get(i).perPixel()) {
                Shape in = outputs.get(i - 1).shape();
                Shape out = outputs.get(i).shape();
                assertThat(out.height()).isEqualTo(in.height());
                assertThat(out.width()).isEqualTo(in.width());
                perPixel++;
            }
        }
        assertThat(perPixel).isEqualTo(8); // two per block

        int gap = ops.size() - 2;
        assertThat(ops.get(gap).kind()).isEqualTo(Operation.Kind.GLOBAL_AVERAGE_POOL);
        FeatureMaps.BlockActivation maps = outputs.get(gap - 1);
        float[] scores = outputs.get(gap).values();
        assertThat(scores).hasSize(10);
        for (int c = 0; c < 10; c++) {
            double mean = 0;
            for (float v : maps.channel(c)) {
                mean += v;
            }
            mean /= maps.shape().height() * maps.shape().width();
            assertThat((double) scores[c]).as("score of class %d", c).isCloseTo(mean, offset(1e-5));
        }
        assertThat(max(scores)).as("an untrained net's scores are not all zero").isGreaterThan(0);
    }

    @Test
    void theUntrainedNetIsTheSameEachTime() {
        float[] pixels = image(Presets.FASHION_28, 2);
        List<FeatureMaps.BlockActivation> a = ForwardSteps.untrained(Presets.FASHION_28).run(pixels);
        List<FeatureMaps.BlockActivation> b = ForwardSteps.untrained(Presets.FASHION_28).run(pixels);

        assertThat(b.get(b.size() - 1).values()).containsExactly(a.get(a.size() - 1).values());
    }

    private static float[] image(Architecture arch, int index) {
        ImageSource test = TinyNets.sample().test();
        InputSpec in = arch.input();
        return test.pixels(index, in.channels(), in.height(), in.width());
    }

    private static int lastStepOf(List<Operation> ops, int layerIndex) {
        int last = -1;
        for (int i = 0; i < ops.size(); i++) {
            last = ops.get(i).layerIndex() == layerIndex ? i : last;
        }
        return last;
    }

    private static float min(float[] values) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
