package org.ninexplorer.training.fused;

import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;
import org.ninexplorer.training.fused.OneDnnSteps.Step;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.algorithm.convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.algorithm.eltwise_relu;
import static org.bytedeco.dnnl.global.dnnl.algorithm.eltwise_relu_use_dst_for_bwd;
import static org.bytedeco.dnnl.global.dnnl.algorithm.pooling_max;
import static org.bytedeco.dnnl.global.dnnl.prop_kind.forward_training;
import static org.ninexplorer.training.fused.OneDnnSteps.any;

/**
 * One NiN block (a k×k convolution, then two 1×1 convolutions, ReLU after each), and the max pooling after it when its
 * {@link BlockGeometry} has one, computed by oneDNN directly. The block's activations and gradients stay in the layouts
 * oneDNN's kernels want (e.g. {@code aBcd16b}); only the block's edges convert from and to the NCHW arrays of the rest
 * of the net (libnd4j's per-convolution calls convert everything each time, at more than the convolutions' cost).
 *
 * <p>Arrays are passed as native addresses of dense row-major float buffers: input [n, in, h, w],
 * weights [out, in, k, k] (DL4J's and PyTorch's order), biases [out], output [n, out, oh, ow] (after the pooling).
 * {@link #backward} uses the activations of the latest {@link #forward}, which must have had the same batch size. The
 * primitives and buffers are built for one batch size at a time (in milliseconds, a few times per epoch) and freed
 * when the size changes or on {@link #close()}. In {@link Precision#BF16} the block's inside is bfloat16 (where
 * {@link Precision} finds it pays) and the edge conversions also convert the number format. Not thread-safe: one
 * kernel per layer instance. The addresses are not checked here: {@link NativeCall} checks the arrays behind them.
 */
final class NinBlockKernel implements AutoCloseable {

    private static final long[] NO_PADDING = {0, 0};

    private final BlockGeometry geometry;
    private final Precision precision;
    private final engine cpu = new engine(engine.kind.cpu, 0);
    private final stream stream = new stream(cpu);
    private Plan plan;
    private boolean closed;

    public NinBlockKernel(BlockGeometry geometry, Precision precision) {
        this.geometry = geometry;
        this.precision = precision;
    }

    /**
     * y = the block applied to x; {@code w} and {@code b} hold the three convolutions' weights and biases. {@code previous},
     * if not null, is the block whose latest forward pass wrote x: its pooled output is read in its own layout instead of
     * converting x, if the layouts match. Returns whether it was.
     */
    public boolean forward(int n, long x, long[] w, long[] b, long y, NinBlockKernel previous) {
        if (closed) {
            throw new IllegalStateException("the kernel is closed");
        }
        if (plan == null || plan.n != n) {
            releasePlan();
            try (PointerScope scope = new PointerScope()) { // frees the temporaries; the plan keeps what it runs
                plan = new Plan(n);
            }
        }
        plan.x.bind(x);
        plan.y.bind(y);
        for (int i = 0; i < 3; i++) {
            plan.w[i].bind(w[i]);
            plan.b[i].bind(b[i]);
        }
        boolean handed = plan.input.take(previous == null || previous.plan == null ? null : previous.plan.pooled);
        run(plan.forward, handed ? plan.input.reorder : null);
        return handed;
    }

    /**
     * From the gradient {@code gy} of the block's output, the weight and bias gradients (written to {@code gw}, {@code gb})
     * and, unless {@code gx} is 0 (the net's input needs none), the input's. {@code x} is the forward pass's input again
     * (its address may have changed since). {@code next}, if not null, is the block whose latest backward pass wrote
     * gy: its input gradient is read likewise. Returns whether it was.
     */
    public boolean backward(int n, long x, long gy, long[] w, long[] gw, long[] gb, long gx, NinBlockKernel next) {
        if (plan == null || plan.n != n) {
            throw new IllegalStateException("backward pass without a forward pass for batch size " + n);
        }
        plan.x.bind(x);
        plan.gy.bind(gy);
        plan.gx.bind(gx);
        for (int i = 0; i < 3; i++) {
            plan.w[i].bind(w[i]);
            plan.gw[i].bind(gw[i]);
            plan.gb[i].bind(gb[i]);
        }
        boolean handed = plan.outputGradient.take(next == null || next.plan == null ? null : next.plan.inputGradientInside);
        run(plan.backward, handed ? plan.outputGradient.reorder : null);
        if (gx != 0) {
            run(plan.inputGradient, null);
        }
        return handed;
    }

    /** Frees the native primitives and buffers, then the engine and stream they ran on; the kernel is unusable after. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            releasePlan();
            stream.close();
            cpu.close();
        }
    }

    /** Frees the primitives and buffers of the current batch size; the next forward pass builds them again. */
    private void releasePlan() {
        if (plan != null) {
            plan.release();
            plan = null;
        }
    }

    private void run(List<Step> steps, Step skipped) {
        for (Step step : steps) {
            if (step != skipped) {
                step.primitive().execute(stream, step.args());
            }
        }
        stream._wait();
    }

    /** A JavaCPP pointer whose address can be set, to hand ND4J's buffers to oneDNN without copying. */
    private static final class Address extends Pointer {
        Address at(long addr) {
            address = addr;
            return this;
        }
    }

    /**
     * Where a block converts what crosses its edge from NCHW (its input, or its output's gradient) into {@code converted}
     * (over its own buffer at {@code own}) by {@code reorder}, null if no conversion is needed. When the neighbouring
     * block holds the same numbers in that layout, {@code converted} points at its buffer and the reorder is skipped.
     */
    private record Edge(Step reorder, memory converted, long own, Address handle) {
        /** Points {@code converted} at {@code neighbour}'s buffer if its layout matches, else back at its own. */
        boolean take(memory neighbour) {
            if (reorder == null) {
                return false;
            }
            boolean same;
            try (PointerScope scope = new PointerScope()) { // frees the two descriptors
                same = neighbour != null && neighbour.get_desc().equals(converted.get_desc());
            }
            converted.set_data_handle(handle.at(same ? neighbour.get_data_handle().address() : own));
            return same;
        }
    }

    /** A user array: a memory object over a buffer owned by ND4J, re-pointed at each call. */
    private record UserMemory(memory mem, Address address) {
        void bind(long addr) {
            mem.set_data_handle(address.at(addr));
        }
    }

    /** Every primitive and buffer for one batch size, built inside a {@link PointerScope}. */
    private final class Plan extends OneDnnSteps {
        final int n;
        final UserMemory x;
        final UserMemory y;
        final UserMemory gy;
        final UserMemory gx;
        final UserMemory[] w = new UserMemory[3];
        final UserMemory[] b = new UserMemory[3];
        final UserMemory[] gw = new UserMemory[3];
        final UserMemory[] gb = new UserMemory[3];
        final List<Step> forward = new ArrayList<>();
        final List<Step> backward = new ArrayList<>();
        final Edge input;
        final Edge outputGradient;
        /** The pooled output (null without pooling) and the input's gradient in the block's layout, for its neighbours. */
        memory pooled;
        memory inputGradientInside;
        /** The first convolution's data gradient, skipped when the block's input is the data. */
        final List<Step> inputGradient = new ArrayList<>();

        Plan(int n) {
            this.n = n;
            BlockGeometry g = geometry;
            x = user(g.inDims(n, 0), memory.format_tag.nchw);
            y = user(g.outDims(n), memory.format_tag.nchw);
            gy = user(g.outDims(n), memory.format_tag.nchw);
            gx = user(g.inDims(n, 0), memory.format_tag.nchw);
            for (int i = 0; i < 3; i++) {
                w[i] = user(g.weightDims(i), memory.format_tag.oihw);
                b[i] = user(new long[] {g.channels()}, memory.format_tag.a);
                gw[i] = user(g.weightDims(i), memory.format_tag.oihw);
                gb[i] = user(new long[] {g.channels()}, memory.format_tag.a);
            }

            convolution_forward.primitive_desc[] fwd = new convolution_forward.primitive_desc[3];
            convolution_backward_data.primitive_desc[] bwdData = new convolution_backward_data.primitive_desc[3];
            convolution_backward_weights.primitive_desc[] bwdWeights = new convolution_backward_weights.primitive_desc[3];
            long gradientBytes = 0;
            // Activations, their gradients and the weights the convolutions read in the block's precision;
            // biases, weight and bias gradients stay fp32 (the updater's), as do the block's edges.
            memory.data_type type = precision.activations(g.channels());
            for (int i = 0; i < 3; i++) {
                memory.desc src = any(g.inDims(n, i), type);
                memory.desc weights = any(g.weightDims(i), type);
                memory.desc dst = any(g.blockDims(n), type);
                post_ops relu = new post_ops();
                relu.append_eltwise(1f, eltwise_relu, 0f, 0f);
                primitive_attr attr = new primitive_attr();
                attr.set_post_ops(relu);
                fwd[i] = new convolution_forward.primitive_desc(new convolution_forward.desc(forward_training,
                        convolution_direct, src, weights, b[i].mem.get_desc(), dst, g.strides(i), g.padding(i), g.padding(i)),
                        attr, cpu);
                bwdData[i] = new convolution_backward_data.primitive_desc(new convolution_backward_data.desc(
                        convolution_direct, src, weights, dst, g.strides(i), g.padding(i), g.padding(i)), cpu, fwd[i]);
                bwdWeights[i] = new convolution_backward_weights.primitive_desc(new convolution_backward_weights.desc(
                        convolution_direct, src, any(g.weightDims(i), memory.data_type.f32), gb[i].mem.get_desc(), dst,
                        g.strides(i), g.padding(i), g.padding(i)),
                        cpu, fwd[i]);
                gradientBytes = Math.max(gradientBytes, fwd[i].dst_desc().get_size());
                if (i > 0) {
                    gradientBytes = Math.max(gradientBytes, bwdData[i].diff_src_desc().get_size());
                }
            }

            memory[] src = new memory[3]; // each convolution's input, in its own layout
            memory[] act = new memory[3]; // each convolution's output after ReLU
            memory[] weights = new memory[3];
            memory previous = x.mem;
            input = edge(x.mem, fwd[0].src_desc(), forward);
            for (int i = 0; i < 3; i++) {
                src[i] = i == 0 ? input.converted : converted(previous, fwd[i].src_desc(), forward);
                weights[i] = converted(w[i].mem, fwd[i].weights_desc(), forward);
                act[i] = keep(new memory(fwd[i].dst_desc(), cpu));
                forward.add(step(new convolution_forward(fwd[i]), DNNL_ARG_SRC, src[i], DNNL_ARG_WEIGHTS, weights[i],
                        DNNL_ARG_BIAS, b[i].mem, DNNL_ARG_DST, act[i]));
                previous = act[i];
            }
            // Max pooling in the block's layout and precision: the block's output never goes to NCHW, only the pooled one.
            pooling_forward.primitive_desc pool = null;
            memory poolWorkspace = null;
            if (g.pooled()) {
                pool = new pooling_forward.primitive_desc(new pooling_forward.desc(forward_training, pooling_max,
                        act[2].get_desc(), any(g.outDims(n), type), g.poolStrides(), g.poolWindow(), NO_PADDING, NO_PADDING), cpu);
                pooled = keep(new memory(pool.dst_desc(), cpu));
                poolWorkspace = keep(new memory(pool.workspace_desc(), cpu));
                forward.add(step(new pooling_forward(pool), DNNL_ARG_SRC, act[2], DNNL_ARG_DST, pooled,
                        DNNL_ARG_WORKSPACE, poolWorkspace));
                forward.add(reorder(pooled, y.mem));
            } else {
                forward.add(reorder(act[2], y.mem));
            }

            // Two buffers take turns holding the gradient flowing down the block.
            memory[] turns = {keep(new memory(bytes(gradientBytes), cpu)), keep(new memory(bytes(gradientBytes), cpu))};
            int turn = 0;
            memory grad = on(turns[turn], act[2].get_desc());
            if (pool != null) {
                pooling_backward.primitive_desc poolBackward = new pooling_backward.primitive_desc(new pooling_backward.desc(
                        pooling_max, act[2].get_desc(), pool.dst_desc(), g.poolStrides(), g.poolWindow(), NO_PADDING, NO_PADDING),
                        cpu, pool);
                outputGradient = edge(gy.mem, poolBackward.diff_dst_desc(), backward);
                backward.add(step(new pooling_backward(poolBackward), DNNL_ARG_DIFF_DST, outputGradient.converted,
                        DNNL_ARG_WORKSPACE, poolWorkspace, DNNL_ARG_DIFF_SRC, grad));
            } else {
                outputGradient = new Edge(null, null, 0, null); // the copy below is needed anyway: the ReLU step works in place
                backward.add(reorder(gy.mem, grad));
            }
            for (int i = 2; i >= 0; i--) {
                // ReLU's gradient from its output (ReLU(z) > 0 exactly where z > 0), in place.
                memory.desc actDesc = act[i].get_desc();
                eltwise_forward.primitive_desc reluHint = new eltwise_forward.primitive_desc(
                        new eltwise_forward.desc(forward_training, eltwise_relu_use_dst_for_bwd, actDesc, 0f, 0f), cpu);
                eltwise_backward.primitive_desc reluBackward = new eltwise_backward.primitive_desc(
                        new eltwise_backward.desc(eltwise_relu_use_dst_for_bwd, actDesc, actDesc, 0f, 0f), cpu, reluHint);
                backward.add(step(new eltwise_backward(reluBackward), DNNL_ARG_DST, act[i], DNNL_ARG_DIFF_DST, grad,
                        DNNL_ARG_DIFF_SRC, grad));

                convolution_backward_weights.primitive_desc bw = bwdWeights[i];
                memory gradWeights = bw.diff_weights_desc().equals(gw[i].mem.get_desc())
                        ? gw[i].mem : keep(new memory(bw.diff_weights_desc(), cpu));
                backward.add(step(new convolution_backward_weights(bw), DNNL_ARG_SRC, converted(src[i], bw.src_desc(), backward),
                        DNNL_ARG_DIFF_DST, converted(grad, bw.diff_dst_desc(), backward),
                        DNNL_ARG_DIFF_WEIGHTS, gradWeights, DNNL_ARG_DIFF_BIAS, gb[i].mem));
                if (gradWeights != gw[i].mem) {
                    backward.add(reorder(gradWeights, gw[i].mem));
                }

                List<Step> steps = i > 0 ? backward : inputGradient;
                convolution_backward_data.primitive_desc bd = bwdData[i];
                memory bdWeights = bd.weights_desc().equals(weights[i].get_desc())
                        ? weights[i] : converted(w[i].mem, bd.weights_desc(), steps);
                turn = 1 - turn;
                memory inGrad = i > 0 ? on(turns[turn], bd.diff_src_desc()) : keep(new memory(bd.diff_src_desc(), cpu));
                steps.add(step(new convolution_backward_data(bd), DNNL_ARG_DIFF_DST, converted(grad, bd.diff_dst_desc(), steps),
                        DNNL_ARG_WEIGHTS, bdWeights, DNNL_ARG_DIFF_SRC, inGrad));
                if (i > 0) {
                    grad = converted(inGrad, act[i - 1].get_desc(), steps);
                } else {
                    inputGradientInside = inGrad;
                    steps.add(reorder(inGrad, gx.mem));
                }
            }
        }

        private UserMemory user(long[] dims, memory.format_tag tag) {
            return new UserMemory(keep(new memory(new memory.desc(dims, memory.data_type.f32, tag), cpu, new Pointer())),
                    new Address());
        }

        /** A memory object with layout {@code desc} over {@code buffer}'s storage. */
        private memory on(memory buffer, memory.desc desc) {
            return keep(new memory(desc, cpu, buffer.get_data_handle()));
        }

        /**
         * A block edge: {@code from} itself when it already has layout {@code want}, otherwise a reorder step into
         * a memory object over a buffer of its own. That object never owns its storage: re-pointing a memory
         * object that oneDNN allocated frees its buffer.
         */
        private Edge edge(memory from, memory.desc want, List<Step> steps) {
            if (from.get_desc().equals(want)) {
                return new Edge(null, from, 0, null);
            }
            memory buffer = keep(new memory(want, cpu));
            memory to = on(buffer, want);
            steps.add(reorder(from, to));
            return new Edge(steps.get(steps.size() - 1), to, buffer.get_data_handle().address(), new Address());
        }

        /** {@code from} itself when it already has layout {@code want}; otherwise a new buffer filled by a reorder step. */
        private memory converted(memory from, memory.desc want, List<Step> steps) {
            return edge(from, want, steps).converted;
        }
    }

    /** A plain buffer of at least {@code bytes} bytes. */
    private static memory.desc bytes(long bytes) {
        return new memory.desc(new long[] {(bytes + 3) / 4}, memory.data_type.f32, memory.format_tag.a);
    }
}
