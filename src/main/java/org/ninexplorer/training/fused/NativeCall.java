package org.ninexplorer.training.fused;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arrays of one call into {@link NinBlockKernel}, which gets bare addresses: oneDNN reads and writes
 * as many floats as the block's geometry says, so an array of another size would be a native crash or
 * silent corruption rather than an exception. Each array is checked here first, and kept reachable until
 * {@link #done()}, so that no garbage collection frees a buffer (a copy made for the call) oneDNN still uses.
 */
final class NativeCall {

    private final String block;
    private final List<INDArray> held = new ArrayList<>();

    NativeCall(String block) {
        this.block = block;
    }

    /** An input activation or gradient of exactly {@code shape}, copied when it is not a dense float array. */
    long input(INDArray a, long[] shape, String what) {
        checkShape(a, shape, what);
        return hold(dense(a) ? a : a.castTo(DataType.FLOAT).dup('c'));
    }

    /** An array the kernel writes into (or a parameter it reads): must be the array itself, so no copy. */
    long inPlace(INDArray a, long[] shape, String what) {
        checkShape(a, shape, what);
        if (!dense(a)) {
            throw new IllegalArgumentException(block + ": " + what + " is not a dense row-major float array");
        }
        return hold(a);
    }

    /** A parameter or its gradient: a view of the net's flat parameters, of the length the geometry gives it. */
    long parameter(INDArray a, long[] shape, String what) {
        long length = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (a == null || a.length() != length) {
            throw new IllegalArgumentException(block + ": " + what + " has " + (a == null ? "no values" : a.length()
                    + " values") + ", but the block's geometry needs " + length + " (" + Arrays.toString(shape) + ")");
        }
        if (!dense(a)) {
            throw new IllegalArgumentException(block + ": " + what + " is not a dense row-major float array");
        }
        return hold(a);
    }

    /** The call is over: until here, every array given to it stays reachable. */
    void done() {
        Reference.reachabilityFence(held);
    }

    private void checkShape(INDArray a, long[] shape, String what) {
        if (a == null || !Arrays.equals(a.shape(), shape)) {
            throw new IllegalArgumentException(block + ": " + what + " has shape "
                    + (a == null ? "none" : Arrays.toString(a.shape())) + ", but the block's geometry needs "
                    + Arrays.toString(shape));
        }
    }

    private long hold(INDArray a) {
        held.add(a);
        return a.data().addressPointer().address(); // includes a view's offset
    }

    /**
     * Float values laid out row-major without gaps, which is what oneDNN is told. Dimensions of size 1 do not
     * count: a bias is a [1, n] view of the net's flat parameters, whose first stride is the whole row.
     */
    private static boolean dense(INDArray a) {
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return a.dataType() == DataType.FLOAT;
    }
}
