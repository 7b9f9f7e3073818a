package org.ninexplorer.training.fused;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fused block computes what DL4J's three convolutions with ReLU compute, forward and backward, and with a
 * pooling inside, what they and DL4J's max subsampling compute.
 */
class FusedNinBlockTest {

    @ParameterizedTest(name = "in {0}x{1}x{1}, {2} channels, k{3} s{4} p{5}, pool {6}/{7}")
    @CsvSource({
            "1, 28, 32, 5, 1, 2, 0, 0",  // fashion-28's first block
            "1, 28, 32, 5, 1, 2, 3, 2",  // and its pooling
            "3, 37, 16, 11, 4, 0, 0, 0", // d2l-224's first block, scaled down: the stride truncates
            "3, 37, 16, 11, 4, 0, 3, 2",
            "8, 6, 12, 3, 1, 1, 0, 0",
            "8, 8, 12, 3, 1, 1, 3, 2",   // the pooling truncates
            "8, 9, 12, 3, 1, 1, 2, 3",
            "16, 2, 10, 3, 1, 1, 0, 0"}) // the last block on 2x2
    void matchesDl4jConvolutions(int inChannels, int size, int channels, int kernel, int stride, int padding,
                                 int pool, int poolStride) {
        MultiLayerNetwork reference = net(inChannels, size, reference(channels, kernel, stride, padding, pool, poolStride));
        MultiLayerNetwork fused = net(inChannels, size, fused(channels, kernel, stride, padding, pool, poolStride, Precision.FP32));
        assertThat(fused.params().data().asFloat()).containsExactly(reference.params().data().asFloat());

        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, inChannels, size, size).subi(0.3);
        INDArray yRef = reference.output(x, true);
        INDArray yFused = fused.output(x, true);
        assertThat(yFused.shape()).isEqualTo(yRef.shape());
        assertClose(yFused, yRef);

        INDArray epsilon = Nd4j.rand(DataType.FLOAT, yRef.shape()).subi(0.5);
        Pair<Gradient, INDArray> gRef = backprop(reference, x, epsilon);
        Pair<Gradient, INDArray> gFused = backprop(fused, x, epsilon);
        assertClose(gFused.getSecond(), gRef.getSecond());
        assertClose(fused.getGradientsViewArray(), reference.getGradientsViewArray());
    }

    /**
     * bf16 mixed precision: the convolutions round activations, gradients and weights to bf16 (8 significant
     * bits, a relative error of up to 2^-9 per rounding). The output differs from fp32's (so bf16 did run) by
     * under 2% in norm (measured 0.5%). Gradients differ more (measured 5–9% in norm, under 15% asserted) and
     * not element by element: a pre-activation near 0 can change sign, and each ReLU then passes all of that
     * element's gradient or none; {@code MixedPrecisionTest} checks that training tracks fp32 all the same.
     * Blocks bf16 does not suit (10 channels) compute in fp32.
     */
    @ParameterizedTest(name = "in {0}x{1}x{1}, {2} channels, k{3} s{4} p{5}, pool {6}")
    @CsvSource({
            "1, 28, 32, 5, 1, 2, 0, true",    // fashion-28's first block
            "1, 28, 32, 5, 1, 2, 3, true",    // and its pooling, in bf16 too
            "16, 10, 32, 3, 1, 1, 0, true",
            "16, 2, 10, 3, 1, 1, 0, false"})  // the last block on 2x2: stays fp32
    void bf16StaysCloseToDl4jConvolutions(int inChannels, int size, int channels, int kernel, int stride, int padding,
                                          int pool, boolean bf16Runs) {
        assumeTrue(Precision.nativeBf16(), "this CPU has no native bf16");
        MultiLayerNetwork reference = net(inChannels, size, reference(channels, kernel, stride, padding, pool, 2));
        MultiLayerNetwork fused = net(inChannels, size, fused(channels, kernel, stride, padding, pool, 2, Precision.BF16));
        double tolerance = bf16Runs ? 2e-2 : 1e-5;
        double gradientTolerance = bf16Runs ? 0.15 : 1e-5;

        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, inChannels, size, size).subi(0.3);
        INDArray yRef = reference.output(x, true);
        INDArray yFused = fused.output(x, true);
        assertNormClose(yFused, yRef, tolerance);
        assertThat(normDifference(yFused, yRef) > 1e-4).as("bf16 rounding shows").isEqualTo(bf16Runs);

        INDArray epsilon = Nd4j.rand(DataType.FLOAT, yRef.shape()).subi(0.5);
        Pair<Gradient, INDArray> gRef = backprop(reference, x, epsilon);
        Pair<Gradient, INDArray> gFused = backprop(fused, x, epsilon);
        assertNormClose(gFused.getSecond(), gRef.getSecond(), gradientTolerance);
        assertNormClose(fused.getGradientsViewArray(), reference.getGradientsViewArray(), gradientTolerance);
    }

    /** A bf16 block trains in bf16 but predicts in fp32: its prediction is fp32's, whatever it was trained in. */
    @Test
    void aBf16BlockPredictsInFp32() {
        assumeTrue(Precision.nativeBf16(), "this CPU has no native bf16");
        MultiLayerNetwork reference = net(1, 28, reference(32, 5, 1, 2, 0, 0));
        MultiLayerNetwork fused = net(1, 28, fused(32, 5, 1, 2, 0, 0, Precision.BF16));
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28).subi(0.3);
        assertThat(normDifference(fused.output(x, true), reference.output(x, true))).as("training: bf16").isGreaterThan(1e-4);
        assertNormClose(fused.output(x, false), reference.output(x, false), 1e-5);
        assertThat(normDifference(fused.output(x, true), reference.output(x, true))).as("and bf16 again after").isGreaterThan(1e-4);
    }

    /**
     * A new batch size rebuilds the kernel's primitives, and a released kernel is replaced; results do not depend
     * on how samples are batched.
     */
    @Test
    void changingTheBatchSizeGivesTheSameResults() {
        MultiLayerNetwork fused = net(3, 9, fused(12, 3, 1, 1, 3, 2, Precision.FP32));
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3, 9, 9);
        INDArray whole = fused.output(x, false);
        INDArray first = fused.output(x.get(NDArrayIndex.interval(0, 2)), false);
        INDArray rest = fused.output(x.get(NDArrayIndex.interval(2, 5)), false);
        assertClose(Nd4j.concat(0, first, rest), whole);
        assertClose(fused.output(x, false), whole);

        ((FusedNinBlockLayer) fused.getLayer(0)).releaseNativeBuffers(); // engine and stream too: a new kernel next
        assertClose(fused.output(x, false), whole);
    }

    /**
     * Inside a whole net, with DL4J's workspaces on (as in training): DL4J moves a layer's input between
     * its forward and backward passes, and the block's input gradient feeds a pooling layer (or the block before it,
     * when that computes its pooling too).
     */
    @ParameterizedTest(name = "pooling inside the first block: {0}")
    @ValueSource(booleans = {false, true})
    void trainsLikeDl4jConvolutionsInsideANetWithWorkspaces(boolean poolInside) {
        MultiLayerNetwork reference = pooledNet(false, false);
        MultiLayerNetwork fused = pooledNet(true, poolInside);
        assertThat(fused.getLayers()).hasSize(poolInside ? 4 : 5);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 1, 12, 12);
        INDArray y = Nd4j.eye(6).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 6));
        INDArray labels = Nd4j.concat(1, y, Nd4j.zeros(6, 4)).castTo(DataType.FLOAT);
        for (int iteration = 0; iteration < 3; iteration++) {
            reference.fit(x, labels);
            fused.fit(x, labels);
            assertThat(fused.score()).as("score after iteration %d", iteration).isCloseTo(reference.score(), within(1e-5));
            assertClose(fused.getGradientsViewArray(), reference.getGradientsViewArray());
        }
    }

    /** oneDNN would read or write past the arrays; the layer refuses them first, naming what is wrong. */
    @Test
    void arraysThatDoNotFitTheBlockAreAnExceptionNotACrash() {
        MultiLayerNetwork fused = net(1, 12, fused(8, 3, 1, 1, 0, 0, Precision.FP32));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 12, 12);
        assertThatThrownBy(() -> fused.output(Nd4j.rand(DataType.FLOAT, 2, 1, 10, 12), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fused NiN block (layer 0): the input has shape [2, 1, 10, 12], but the block's geometry "
                        + "needs [2, 1, 12, 12]");
        assertThatThrownBy(() -> fused.output(Nd4j.rand(DataType.FLOAT, 2, 3, 12, 12), false))
                .hasMessageContaining("the input has shape [2, 3, 12, 12]");
        assertThatThrownBy(() -> fused.output(Nd4j.rand(DataType.FLOAT, 2, 144), false))
                .hasMessageContaining("the input has shape [2, 144]");

        assertThatThrownBy(() -> backprop(fused, x, Nd4j.rand(DataType.FLOAT, 2, 8, 11, 12)))
                .hasMessageContaining("the output's gradient has shape [2, 8, 11, 12], but the block's geometry needs "
                        + "[2, 8, 12, 12]");

        org.deeplearning4j.nn.api.Layer layer = fused.getLayer(0);
        java.util.Map<String, INDArray> params = new java.util.LinkedHashMap<>(layer.paramTable());
        params.put("W1", Nd4j.rand(DataType.FLOAT, 8, 4, 1, 1));
        layer.setParamTable(params);
        assertThatThrownBy(() -> fused.output(x, false))
                .hasMessage("fused NiN block (layer 0): W1 has 32 values, but the block's geometry needs 64 "
                        + "([8, 8, 1, 1])");
    }

    private static MultiLayerNetwork pooledNet(boolean fused, boolean poolInside) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.FLOAT)
                .updater(new Adam(0.002)).weightInit(WeightInit.XAVIER_UNIFORM).convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).list();
        if (poolInside) {
            list.layer(new FusedNinBlock(new NinBlock(8, 5, 1, 2), new MaxPool(3, 2), false, Precision.FP32));
        } else {
            block(list, fused, new FusedNinBlock(new NinBlock(8, 5, 1, 2), null, false, Precision.FP32));
            list.layer(pool(3, 2));
        }
        block(list, fused, new FusedNinBlock(new NinBlock(10, 3, 1, 1), null, true, Precision.FP32));
        list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).collapseDimensions(false).build());
        list.layer(new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.setInputType(InputType.convolutional(12, 12, 1)).build());
        net.init();
        return net;
    }

    private static void block(NeuralNetConfiguration.ListBuilder list, boolean fused, FusedNinBlock block) {
        if (fused) {
            list.layer(block);
        } else {
            for (int i = 0; i < 3; i++) {
                ConvolutionLayer c = block.convolution(i);
                list.layer(conv((int) c.getNOut(), c.getKernelSize()[0], c.getStride()[0], c.getPadding()[0]));
            }
        }
    }

    /** A fused block, with the max pooling {@code pool}/{@code poolStride} inside it unless {@code pool} is 0. */
    private static FusedNinBlock fused(int channels, int kernel, int stride, int padding, int pool, int poolStride,
                                       Precision precision) {
        return new FusedNinBlock(new NinBlock(channels, kernel, stride, padding),
                pool == 0 ? null : new MaxPool(pool, poolStride), true, precision);
    }

    /** What {@link #fused} stands for in DL4J's layers: three convolutions with ReLU and the max subsampling. */
    private static org.deeplearning4j.nn.conf.layers.Layer[] reference(int channels, int kernel, int stride, int padding,
                                                                      int pool, int poolStride) {
        List<org.deeplearning4j.nn.conf.layers.Layer> layers = new ArrayList<>(List.of(
                conv(channels, kernel, stride, padding), conv(channels, 1, 1, 0), conv(channels, 1, 1, 0)));
        if (pool > 0) {
            layers.add(pool(pool, poolStride));
        }
        return layers.toArray(org.deeplearning4j.nn.conf.layers.Layer[]::new);
    }

    private static SubsamplingLayer pool(int kernel, int stride) {
        return new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(kernel, kernel).stride(stride, stride).build();
    }

    private static Pair<Gradient, INDArray> backprop(MultiLayerNetwork net, INDArray x, INDArray epsilon) {
        net.setInput(x);
        net.feedForward(true, false);
        return net.backpropGradient(epsilon.dup(), LayerWorkspaceMgr.noWorkspaces());
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double worst = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(worst / scale).as("largest difference relative to the largest value").isLessThan(1e-4);
    }

    private static void assertNormClose(INDArray actual, INDArray expected, double tolerance) {
        assertThat(normDifference(actual, expected)).as("norm of the difference relative to the expected norm")
                .isLessThan(tolerance);
    }

    private static double normDifference(INDArray actual, INDArray expected) {
        return actual.sub(expected).norm2Number().doubleValue() / Math.max(1e-6, expected.norm2Number().doubleValue());
    }

    private static MultiLayerNetwork net(int inChannels, int size, org.deeplearning4j.nn.conf.layers.Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM).convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.NONE).inferenceWorkspaceMode(WorkspaceMode.NONE).list();
        for (org.deeplearning4j.nn.conf.layers.Layer layer : layers) {
            list.layer(layer);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(list.setInputType(InputType.convolutional(size, size, inChannels)).build());
        net.init();
        return net;
    }

    private static ConvolutionLayer conv(int channels, int kernel, int stride, int padding) {
        return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).padding(padding, padding)
                .nOut(channels).activation(Activation.RELU).build();
    }
}
