package org.ninexplorer.training.fused;

import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.LayerKind;
import org.ninexplorer.model.Operation;
import org.ninexplorer.model.Shape;
import org.ninexplorer.model.ShapeInference;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.algorithm.convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.algorithm.eltwise_relu;
import static org.bytedeco.dnnl.global.dnnl.algorithm.pooling_avg_exclude_padding;
import static org.bytedeco.dnnl.global.dnnl.algorithm.pooling_max;
import static org.bytedeco.dnnl.global.dnnl.prop_kind.forward_inference;
import static org.ninexplorer.training.fused.OneDnnSteps.any;

/**
 * One sample's forward pass through a net of NiN blocks, max pooling, dropout and global average pooling (the book's
 * kinds of layer), computed by oneDNN alone for a fixed copy of the net's parameters: what a feature-map snapshot or
 * a loaded model needs, many times over for the same weights. So the weights are converted into the convolutions'
 * layouts (and number format) once, when the pass is built, instead of on every call as a training layer must, and
 * the activations stay in oneDNN's layouts from the input to the class scores; only what the caller looks at, its
 * {@link Taps}, is converted to plain fp32 arrays.
 *
 * <p>In {@link Precision#BF16} the convolutions that {@link Precision#activations(int)} allows run in bfloat16, as
 * in training; everything else is fp32. Dropout is the identity, as in any prediction. The operations are the model's
 * ({@link Operation#of}). Not thread-safe; oneDNN fixes a primitive's thread count when it builds it, so the caller
 * builds and runs the pass under the same OpenMP thread count. Frees its native memory on {@link #close()}.
 */
public final class SampleForward implements AutoCloseable {

    /** What a pass hands back besides the class scores. */
    public enum Taps {
        /** Each NiN block's own output, after its last ReLU, in the order of the blocks (the feature maps). */
        BLOCK_OUTPUTS,
        /** Every operation's output but the softmax's, in the order of {@link Operation#of}: a convolution's before its ReLU. */
        EVERY_OPERATION
    }

    private static final long[] NO_PADDING = {0, 0};

    private final engine cpu = new engine(engine.kind.cpu, 0);
    private final stream stream = new stream(cpu);
    private final OneDnnSteps chain = new OneDnnSteps();
    private final List<OneDnnSteps.Step> steps = new ArrayList<>();
    private final FloatPointer input;
    private final int inputLength;
    private final List<FloatPointer> taps = new ArrayList<>();
    private final List<Integer> tapLengths = new ArrayList<>();
    private final FloatPointer scores;
    private final int classes;
    private boolean closed;

    /**
     * Whether the pass computes {@code arch}: a valid net of NiN blocks, max pooling and dropout whose class scores
     * come from a global average pooling at the end.
     */
    public static boolean covers(Architecture arch) {
        List<Layer> layers = arch.layers();
        if (layers.isEmpty() || !ShapeInference.analyze(arch).valid()) {
            return false;
        }
        int gaps = 0;
        for (Layer layer : layers) {
            switch (layer.kind()) {
                case NIN, MAXPOOL, DROPOUT -> { }
                case GAP -> gaps++;
                case DENSE -> {
                    return false;
                }
            }
        }
        return gaps == 1 && layers.get(layers.size() - 1).kind() == LayerKind.GAP;
    }

    /**
     * Builds the pass for {@code arch} (which it must {@link #covers cover}) with {@code params}, the net's parameters
     * in DL4J's order (for each convolution of each block its biases, then its weights [out, in, k, k]), copied here.
     */
    public SampleForward(Architecture arch, float[] params, Precision precision, Taps wanted) {
        if (!covers(arch)) {
            throw new IllegalArgumentException("the one-sample pass computes only NiN blocks, max pooling, dropout and a "
                    + "closing global average pooling");
        }
        List<Operation> ops = Operation.of(ShapeInference.analyze(arch));
        boolean every = wanted == Taps.EVERY_OPERATION;
        Shape in = arch.input().shape();
        inputLength = (int) in.elements();
        classes = arch.classes();
        try (PointerScope scope = new PointerScope()) { // frees the temporaries; what the steps use is kept
            input = chain.keep(new FloatPointer(inputLength));
            memory current = user(input, dims(in));
            Parameters values = new Parameters(params);
            FloatPointer classScores = null;
            for (int i = 0; i < ops.size(); i++) {
                Operation op = ops.get(i);
                switch (op.kind()) {
                    case CONVOLUTION -> current = convolution(current, op, values, precision, !every);
                    case RELU -> current = every ? relu(current) : current; // else inside the convolution
                    case MAX_POOL -> current = pooling(current, pooling_max, op.output(), op.stride(), op.kernel(),
                            op.kernel());
                    case DROPOUT, SOFTMAX -> { } // the identity; the softmax is the caller's, from the scores
                    case GLOBAL_AVERAGE_POOL -> {
                        Shape s = op.input();
                        current = pooling(current, pooling_avg_exclude_padding, op.output(), 1, s.height(), s.width());
                        classScores = tap(current, op.output(), every);
                    }
                    case DENSE -> throw new IllegalStateException("covers() refuses dense layers");
                }
                boolean endsBlock = op.kind() == Operation.Kind.RELU
                        && (i + 1 == ops.size() || ops.get(i + 1).layerIndex() != op.layerIndex());
                if (every ? op.kind() != Operation.Kind.SOFTMAX && op.kind() != Operation.Kind.GLOBAL_AVERAGE_POOL
                        : endsBlock) {
                    tap(current, op.output(), true);
                }
            }
            values.checkAllTaken();
            scores = classScores;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** What one pass gives: its {@link Taps} (NCHW without the batch dimension) and the class scores. */
    public record Result(List<float[]> taps, float[] scores) {

        /** The loss layer's softmax of the scores: e^(s - max), normalised. */
        public float[] probabilities() {
            float max = Float.NEGATIVE_INFINITY;
            for (float s : scores) {
                max = Math.max(max, s);
            }
            double[] e = new double[scores.length];
            double sum = 0;
            for (int i = 0; i < scores.length; i++) {
                e[i] = Math.exp(scores[i] - max);
                sum += e[i];
            }
            float[] out = new float[scores.length];
            for (int i = 0; i < scores.length; i++) {
                out[i] = (float) (e[i] / sum);
            }
            return out;
        }
    }

    /** @param pixels one sample in the architecture's input size, CHW order */
    public Result run(float[] pixels) {
        if (closed) {
            throw new IllegalStateException("the pass is closed");
        }
        if (pixels.length != inputLength) {
            throw new IllegalArgumentException("expected " + inputLength + " pixels, got " + pixels.length);
        }
        input.put(pixels);
        for (OneDnnSteps.Step step : steps) {
            step.primitive().execute(stream, step.args());
        }
        stream._wait();
        List<float[]> out = new ArrayList<>();
        for (int t = 0; t < taps.size(); t++) {
            float[] values = new float[tapLengths.get(t)];
            taps.get(t).get(values);
            out.add(values);
        }
        float[] s = new float[classes];
        scores.get(s);
        return new Result(out, s);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            chain.release();
            stream.close();
            cpu.close();
        }
    }

    /**
     * Adds a convolution reading {@code src}, its parameters the next ones of {@code params}, with the ReLU after it
     * inside if {@code withRelu}; returns its output.
     */
    private memory convolution(memory src, Operation conv, Parameters params, Precision precision, boolean withRelu) {
        int out = conv.output().channels();
        memory.data_type type = precision.activations(out);
        long[] weightDims = {out, conv.input().channels(), conv.kernel(), conv.kernel()};
        long[] strides = {conv.stride(), conv.stride()};
        long[] padding = {conv.padding(), conv.padding()};
        memory bias = fp32(params, out, new long[] {out}, memory.format_tag.a, true);
        // Only the convolution's own copy of the weights stays: this one goes with the building scope.
        memory weights = fp32(params, conv.params() - out, weightDims, memory.format_tag.oihw, false);

        primitive_attr attr = new primitive_attr();
        if (withRelu) {
            post_ops relu = new post_ops();
            relu.append_eltwise(1f, eltwise_relu, 0f, 0f);
            attr.set_post_ops(relu);
        }
        convolution_forward.primitive_desc pd = new convolution_forward.primitive_desc(new convolution_forward.desc(
                forward_inference, convolution_direct, any(dims(conv.input()), type), any(weightDims, type),
                bias.get_desc(), any(dims(conv.output()), type), strides, padding, padding), attr, cpu);
        memory laidOut = chain.keep(new memory(pd.weights_desc(), cpu));
        new reorder(weights, laidOut).execute(stream, weights, laidOut); // once: the weights never change
        stream._wait();
        memory dst = chain.keep(new memory(pd.dst_desc(), cpu));
        steps.add(chain.step(new convolution_forward(pd), DNNL_ARG_SRC, converted(src, pd.src_desc()), DNNL_ARG_WEIGHTS,
                laidOut, DNNL_ARG_BIAS, bias, DNNL_ARG_DST, dst));
        return dst;
    }

    /** Adds a ReLU of {@code src} into a buffer of its own (the convolution's output stays for its tap). */
    private memory relu(memory src) {
        eltwise_forward.primitive_desc pd = new eltwise_forward.primitive_desc(new eltwise_forward.desc(forward_inference,
                eltwise_relu, src.get_desc(), 0f, 0f), cpu);
        memory dst = chain.keep(new memory(pd.dst_desc(), cpu));
        steps.add(chain.step(new eltwise_forward(pd), DNNL_ARG_SRC, src, DNNL_ARG_DST, dst));
        return dst;
    }

    /** Adds a conversion of {@code from} into a plain fp32 array of {@code shape}, a tap if {@code listed}; returns it. */
    private FloatPointer tap(memory from, Shape shape, boolean listed) {
        FloatPointer values = chain.keep(new FloatPointer(shape.elements()));
        steps.add(chain.reorder(from, user(values, dims(shape))));
        if (listed) {
            taps.add(values);
            tapLengths.add((int) shape.elements());
        }
        return values;
    }

    /** Adds a pooling of {@code src} in its own layout and number format; returns its output. */
    private memory pooling(memory src, algorithm kind, Shape out, int stride,
                           int windowHeight, int windowWidth) {
        pooling_forward.primitive_desc pd = new pooling_forward.primitive_desc(new pooling_forward.desc(forward_inference,
                kind, src.get_desc(), any(dims(out), src.get_desc().data_type()), new long[] {stride, stride},
                new long[] {windowHeight, windowWidth}, NO_PADDING, NO_PADDING), cpu);
        memory dst = chain.keep(new memory(pd.dst_desc(), cpu));
        steps.add(chain.step(new pooling_forward(pd), DNNL_ARG_SRC, src, DNNL_ARG_DST, dst));
        return dst;
    }

    /**
     * The next {@code count} values of {@code params} as an fp32 {@code tag} array in a buffer of its own, which the
     * pass keeps if {@code kept}, else the building scope frees.
     */
    private memory fp32(Parameters params, long count, long[] dims, memory.format_tag tag, boolean kept) {
        FloatPointer values = new FloatPointer(count);
        params.take(values, Math.toIntExact(count));
        memory array = new memory(new memory.desc(dims, memory.data_type.f32, tag), cpu, values);
        if (kept) {
            chain.keep(values);
            chain.keep(array);
        }
        return array;
    }

    /** A plain fp32 NCHW memory object over {@code buffer}. */
    private memory user(FloatPointer buffer, long[] dims) {
        return chain.keep(new memory(new memory.desc(dims, memory.data_type.f32, memory.format_tag.nchw), cpu, buffer));
    }

    /** {@code from} itself when it already has layout {@code want}; otherwise a new buffer filled by a reorder step. */
    private memory converted(memory from, memory.desc want) {
        if (from.get_desc().equals(want)) {
            return from;
        }
        memory to = chain.keep(new memory(want, cpu));
        steps.add(chain.reorder(from, to));
        return to;
    }

    private static long[] dims(Shape s) {
        return new long[] {1, s.channels(), s.height(), s.width()};
    }


    /** The net's parameters, taken in order. */
    private static final class Parameters {
        private final float[] values;
        private int next;

        Parameters(float[] values) {
            this.values = values;
        }

        void take(FloatPointer into, int count) {
            if (next + count > values.length) {
                throw new IllegalArgumentException("the net has " + values.length + " parameters, fewer than its "
                        + "architecture needs");
            }
            into.put(values, next, count);
            next += count;
        }

        void checkAllTaken() {
            if (next != values.length) {
                throw new IllegalArgumentException("the net has " + values.length + " parameters, its architecture "
                        + next);
            }
        }
    }
}
