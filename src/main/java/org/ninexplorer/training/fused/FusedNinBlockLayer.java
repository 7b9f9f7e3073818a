package org.ninexplorer.training.fused;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * The DL4J layer of a {@link FusedNinBlock}: hands its arrays to a {@link NinBlockKernel}. Training passes run
 * in the block's precision; predictions (the test accuracy, confusion matrices, a reopened model's) always in
 * fp32, so that what a trained net says of an image does not depend on how it was trained. (The views that look
 * inside one sample run {@link SampleForward} instead, in the session's precision.)
 *
 * <p>Two fused blocks {@link #link linked} as neighbours hand each other what crosses between them in
 * training, in the blocks' own layout: the next block reads this one's pooled output, and this one reads the
 * next one's input gradient, instead of each converting the NCHW array DL4J passes (which is still written,
 * so the net's arrays stay true). A block takes the hand-over only when DL4J passes it the very array its
 * neighbour wrote in the same pass, and only once.
 */
public final class FusedNinBlockLayer extends BaseLayer<FusedNinBlock> {

    private transient NinBlockKernel kernel;
    /** Predictions of a bf16 block; a fp32 block predicts with {@link #kernel}. */
    private transient NinBlockKernel fp32Kernel;
    private transient FusedNinBlockLayer previous;
    private transient FusedNinBlockLayer next;
    /** The address of the output of this block's latest training pass, until the next block has read it; else 0. */
    private transient long handedOutput;
    /** The address of the input gradient of this block's latest backward pass, until the previous block has read it; else 0. */
    private transient long handedGradient;
    private transient boolean tookInput;
    private transient boolean tookGradient;

    public FusedNinBlockLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        BlockGeometry g = layerConf().geometry();
        int n = (int) input.size(0);
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, g.outDims(n), 'c');
        NativeCall call = new NativeCall(name());
        try {
            long x = call.input(input, g.inDims(n, 0), "the input");
            long[] w = weights(call, params, "");
            long[] b = biases(call, params, "");
            long out = call.inPlace(y, g.outDims(n), "the output");
            boolean handed = training && previous != null && previous.handedOutput == x;
            if (previous != null) {
                previous.handedOutput = 0;
            }
            tookInput = kernel(training).forward(n, x, w, b, out, handed ? previous.kernel : null);
            handedOutput = training ? out : 0;
        } finally {
            call.done();
        }
        return y;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        BlockGeometry g = layerConf().geometry();
        int n = (int) input.size(0);
        INDArray gx = layerConf().inputGradient()
                ? workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, g.inDims(n, 0), 'c')
                : null;
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (int i = 0; i < 3; i++) {
            for (String key : List.of(FusedNinBlockParams.biasKey(i), FusedNinBlockParams.weightKey(i))) {
                gradient.gradientForVariable().put(key, gradientViews.get(key));
            }
        }
        NativeCall call = new NativeCall(name());
        try {
            long x = call.input(input, g.inDims(n, 0), "the input");
            long gy = call.input(epsilon, g.outDims(n), "the output's gradient");
            long[] w = weights(call, params, "");
            long[] gw = weights(call, gradientViews, "the gradient of ");
            long[] gb = biases(call, gradientViews, "the gradient of ");
            long in = gx == null ? 0 : call.inPlace(gx, g.inDims(n, 0), "the input's gradient");
            boolean handed = next != null && next.handedGradient != 0 && next.handedGradient == gy;
            if (next != null) {
                next.handedGradient = 0;
            }
            tookGradient = kernel(true).backward(n, x, gy, w, gw, gb, in, handed ? next.kernel : null);
            handedGradient = in;
            handedOutput = 0;
        } finally {
            call.done();
        }
        return new Pair<>(gradient, gx);
    }

    /**
     * Links each fused block in {@code layers} (a net's, in order) with the fused block right after it, if any, so
     * that they hand over in training what crosses between them (see the class comment).
     */
    public static void link(org.deeplearning4j.nn.api.Layer[] layers) {
        for (int i = 0; i + 1 < layers.length; i++) {
            if (layers[i] instanceof FusedNinBlockLayer a && layers[i + 1] instanceof FusedNinBlockLayer b) {
                a.next = b;
                b.previous = a;
            }
        }
    }

    /** Whether the latest forward pass read the previous block's output in its layout, and the latest backward pass the next one's gradient. */
    boolean[] tookHandOvers() {
        return new boolean[] {tookInput, tookGradient};
    }

    /** The weights [out, in, k, k] of the block's convolution {@code conv} (0 is its k×k one), a view. */
    public INDArray convolutionWeights(int conv) {
        return getParam(FusedNinBlockParams.weightKey(conv));
    }

    /** Frees the kernels' primitives, buffers, engines and streams; the next pass builds a new one. */
    public void releaseNativeBuffers() {
        handedOutput = 0;
        handedGradient = 0;
        if (kernel != null) {
            kernel.close();
            kernel = null;
        }
        if (fp32Kernel != null) {
            fp32Kernel.close();
            fp32Kernel = null;
        }
    }

    private String name() {
        return "fused NiN block (layer " + getIndex() + ")";
    }

    private long[] weights(NativeCall call, Map<String, INDArray> arrays, String prefix) {
        long[] out = new long[3];
        for (int i = 0; i < 3; i++) {
            String key = FusedNinBlockParams.weightKey(i);
            out[i] = call.parameter(arrays.get(key), layerConf().geometry().weightDims(i), prefix + key);
        }
        return out;
    }

    private long[] biases(NativeCall call, Map<String, INDArray> arrays, String prefix) {
        long[] out = new long[3];
        for (int i = 0; i < 3; i++) {
            String key = FusedNinBlockParams.biasKey(i);
            out[i] = call.parameter(arrays.get(key), new long[] {layerConf().geometry().channels()}, prefix + key);
        }
        return out;
    }

    private NinBlockKernel kernel(boolean training) {
        if (!training && layerConf().precision() != Precision.FP32) {
            if (fp32Kernel == null) {
                fp32Kernel = new NinBlockKernel(layerConf().geometry(), Precision.FP32);
            }
            return fp32Kernel;
        }
        if (kernel == null) {
            kernel = new NinBlockKernel(layerConf().geometry(), layerConf().precision());
        }
        return kernel;
    }
}
