package org.ninexplorer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One operation of the forward pass, in the order a sample meets them: each convolution of a NiN block and
 * the ReLU after it, each pool, dropout, global average pooling, each dense layer (and its ReLU unless its
 * outputs are the class scores), and the softmax. Read from shape inference, whose block reports follow
 * {@link NinBlock#convolutions()}, so a block's structure is described only there.
 *
 * @param kind       what it does
 * @param layerIndex the top-level layer it belongs to; the layer count for the softmax
 * @param position   which convolution of its block (0 for the first) for a convolution and its ReLU, else 0
 * @param input      the shape it reads
 * @param output     the shape it makes
 * @param kernel     the window's side of a convolution or pool, else 0
 * @param stride     the window's stride, else 0
 * @param padding    the padding of a convolution, else 0
 * @param params     trainable parameters: weights plus biases
 * @param macs       forward multiply-accumulates per image
 * @param formula    how the output size follows from the input, numbers plugged in ({@link Formula#NONE} when it does not change)
 */
public record Operation(Kind kind, int layerIndex, int position, Shape input, Shape output, int kernel, int stride,
                        int padding, long params, long macs, Formula formula) {

    public enum Kind { CONVOLUTION, RELU, MAX_POOL, DROPOUT, GLOBAL_AVERAGE_POOL, DENSE, SOFTMAX }

    /** Whether it is a convolution that looks at one pixel at a time (a 1×1 kernel at stride 1, no padding). */
    public boolean perPixel() {
        return kind == Kind.CONVOLUTION && new ConvSpec(output.channels(), kernel, stride, padding).perPixel();
    }

    /**
     * Every operation of a possible architecture, in order.
     *
     * @throws IllegalArgumentException for an impossible one, whose shapes are not all known
     */
    public static List<Operation> of(Analysis analysis) {
        if (!analysis.valid()) {
            throw new IllegalArgumentException("the architecture is not possible: " + analysis.diagnostics());
        }
        Architecture arch = analysis.architecture();
        List<Operation> ops = new ArrayList<>();
        for (LayerReport r : analysis.reports()) {
            int i = r.index();
            if (i == arch.layers().size()) {
                ops.add(plain(Kind.SOFTMAX, i, r.input(), r.output(), Formula.NONE));
                continue;
            }
            Layer layer = arch.layers().get(i);
            switch (layer.kind()) {
                case NIN -> {
                    Shape in = r.input();
                    for (int k = 0; k < r.convs().size(); k++) {
                        ConvReport c = r.convs().get(k);
                        Formula formula = ShapeInference.formula(new SpatialOp(c.kernel(), c.stride(), c.padding()), in);
                        ops.add(new Operation(Kind.CONVOLUTION, i, k, in, c.output(), c.kernel(), c.stride(),
                                c.padding(), c.params(), c.macs(), formula));
                        ops.add(new Operation(Kind.RELU, i, k, c.output(), c.output(), 0, 0, 0, 0, 0, Formula.NONE));
                        in = c.output();
                    }
                }
                case MAXPOOL -> {
                    MaxPool p = (MaxPool) layer;
                    ops.add(new Operation(Kind.MAX_POOL, i, 0, r.input(), r.output(), p.kernel(), p.stride(), 0, 0, 0,
                            r.formula()));
                }
                case DROPOUT -> ops.add(plain(Kind.DROPOUT, i, r.input(), r.output(), Formula.NONE));
                case GAP -> ops.add(plain(Kind.GLOBAL_AVERAGE_POOL, i, r.input(), r.output(), r.formula()));
                case DENSE -> {
                    ops.add(new Operation(Kind.DENSE, i, 0, r.input(), r.output(), 0, 0, 0, r.params(), r.macs(),
                            r.formula()));
                    // The last dense layer's outputs are the class scores: the softmax follows, no ReLU.
                    if (i < arch.layers().size() - 1) {
                        ops.add(plain(Kind.RELU, i, r.output(), r.output(), Formula.NONE));
                    }
                }
            }
        }
        return List.copyOf(ops);
    }

    private static Operation plain(Kind kind, int layerIndex, Shape in, Shape out, Formula formula) {
        return new Operation(kind, layerIndex, 0, in, out, 0, 0, 0, 0, 0, formula);
    }
}
