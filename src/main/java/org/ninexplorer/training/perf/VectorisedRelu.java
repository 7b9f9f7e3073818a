package org.ninexplorer.training.perf;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ReLU whose backward pass is two vectorised element-wise ops (a 0/1 step mask, then a multiply,
 * both in place) instead of libnd4j 1.0.0-M2.1's {@code relu_bp}, which calls a lambda per element.
 * Same results as {@code Activation.RELU}: the gradient is epsilon where the input is positive, else 0.
 */
public final class VectorisedRelu extends BaseActivationFunction {

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        Nd4j.getExecutioner().exec(new RectifiedLinear(in, in));
        return in;
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        Nd4j.getExecutioner().exec(new Step(in, in, 0.0));
        return new Pair<>(in.muli(epsilon), null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VectorisedRelu;
    }

    @Override
    public int hashCode() {
        return VectorisedRelu.class.hashCode();
    }

    @Override
    public String toString() {
        return "relu";
    }
}
