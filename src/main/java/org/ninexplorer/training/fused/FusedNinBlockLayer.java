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
import org.nd4j.linalg.api.shape.Shape;

import java.util.function.IntFunction;

/** The DL4J layer of a {@link FusedNinBlock}: hands its arrays to a {@link NinBlockKernel}. */
public final class FusedNinBlockLayer extends BaseLayer<FusedNinBlock> {

    private transient NinBlockKernel kernel;

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
        INDArray x = dense(input);
        NinBlockKernel.Geometry g = layerConf().geometry();
        int n = (int) x.size(0);
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {n, g.channels(), g.outHeight(), g.outWidth()}, 'c');
        kernel().forward(n, address(x), addresses(FusedNinBlockParams::weightKey), addresses(FusedNinBlockParams::biasKey), address(y));
        return y;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray gy = dense(epsilon);
        int n = (int) input.size(0);
        INDArray gx = layerConf().inputGradient()
                ? workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c')
                : null;
        long[] gw = new long[3];
        long[] gb = new long[3];
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (int i = 0; i < 3; i++) {
            INDArray b = gradientViews.get(FusedNinBlockParams.biasKey(i));
            INDArray w = gradientViews.get(FusedNinBlockParams.weightKey(i));
            gb[i] = address(b);
            gw[i] = address(w);
            gradient.gradientForVariable().put(FusedNinBlockParams.biasKey(i), b);
            gradient.gradientForVariable().put(FusedNinBlockParams.weightKey(i), w);
        }
        kernel().backward(n, address(dense(input)), address(gy), addresses(FusedNinBlockParams::weightKey), gw, gb, gx == null ? 0 : address(gx));
        return new Pair<>(gradient, gx);
    }

    /** Frees the kernel's primitives and buffers; the next pass builds them again. */
    public void releaseNativeBuffers() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private NinBlockKernel kernel() {
        if (kernel == null) {
            kernel = new NinBlockKernel(layerConf().geometry());
        }
        return kernel;
    }

    private long[] addresses(IntFunction<String> key) {
        long[] out = new long[3];
        for (int i = 0; i < 3; i++) {
            out[i] = address(params.get(key.apply(i)));
        }
        return out;
    }

    /** The array itself when it is a dense row-major float buffer (as DL4J's arrays here are), else such a copy. */
    private static INDArray dense(INDArray a) {
        boolean dense = a.dataType() == DataType.FLOAT && a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a)
                && a.elementWiseStride() == 1;
        return dense ? a : a.castTo(DataType.FLOAT).dup('c');
    }

    /** The native address of the array's first element ({@code addressPointer} includes a view's offset). */
    private static long address(INDArray a) {
        return a.data().addressPointer().address();
    }
}
