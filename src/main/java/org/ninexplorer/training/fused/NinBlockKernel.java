package org.ninexplorer.training.fused;

import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.algorithm.convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.algorithm.eltwise_relu;
import static org.bytedeco.dnnl.global.dnnl.algorithm.eltwise_relu_use_dst_for_bwd;
import static org.bytedeco.dnnl.global.dnnl.prop_kind.forward_training;

/**
 * One NiN block (a k×k convolution, then two 1×1 convolutions, ReLU after each) computed by oneDNN
 * directly. The block's activations and gradients stay in the layouts oneDNN's kernels want
 * (e.g. {@code aBcd16b}); only the block's edges convert from and to the NCHW arrays of the rest of
 * the net. libnd4j's per-convolution calls convert every input, output and gradient each time, which
 * cost more than the convolutions themselves (docs/performance.md).
 *
 * <p>Arrays are passed as native addresses of dense row-major float buffers: input [n, in, h, w],
 * weights [out, in, k, k] (DL4J's and PyTorch's order), biases [out], output [n, out, oh, ow].
 * {@link #backward} uses the activations of the latest {@link #forward} with the same batch size.
 * Not thread-safe: one kernel per layer instance.
 */
public final class NinBlockKernel {

    /** Plans kept per batch size: the training batch, the last partial one, a test batch. */
    private static final int PLANS_KEPT = 3;

    private final Geometry geometry;
    private final engine cpu = new engine(engine.kind.cpu, 0);
    private final stream stream = new stream(cpu);
    private final Map<Integer, Plan> plans = new LinkedHashMap<>(4, 0.75f, true);

    /** The block's shape: input channels and size, output channels, the first convolution's kernel, stride and padding. */
    public record Geometry(int inChannels, int height, int width, int channels, int kernel, int stride, int padding) {
        public int outHeight() {
            return (height + 2 * padding - kernel) / stride + 1;
        }

        public int outWidth() {
            return (width + 2 * padding - kernel) / stride + 1;
        }

        int inChannels(int conv) {
            return conv == 0 ? inChannels : channels;
        }

        int kernel(int conv) {
            return conv == 0 ? kernel : 1;
        }
    }

    public NinBlockKernel(Geometry geometry) {
        this.geometry = geometry;
    }

    /** y = the block applied to x; {@code w} and {@code b} hold the three convolutions' weights and biases. */
    public void forward(int n, long x, long[] w, long[] b, long y) {
        Plan plan = plan(n);
        plan.x.bind(x);
        plan.y.bind(y);
        for (int i = 0; i < 3; i++) {
            plan.w[i].bind(w[i]);
            plan.b[i].bind(b[i]);
        }
        plan.forward.forEach(step -> step.run(stream));
        stream._wait();
    }

    /**
     * From the gradient {@code gy} of the block's output, the weight and bias gradients (written to
     * {@code gw}, {@code gb}) and, unless {@code gx} is 0 (the net's input needs none), the input's.
     * {@code x} is the forward pass's input again (its address may have changed since).
     */
    public void backward(int n, long x, long gy, long[] w, long[] gw, long[] gb, long gx) {
        Plan plan = plans.get(n);
        if (plan == null) {
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
        List<Step> steps = gx == 0 ? plan.backwardWithoutInput : plan.backward;
        steps.forEach(step -> step.run(stream));
        stream._wait();
    }

    private Plan plan(int n) {
        Plan plan = plans.computeIfAbsent(n, this::newPlan);
        if (plans.size() > PLANS_KEPT) {
            plans.remove(plans.keySet().iterator().next());
        }
        return plan;
    }

    private Plan newPlan(int n) {
        return new Plan(n);
    }

    /** A user array: a memory object over a buffer owned by ND4J, re-pointed at each call. */
    private final class UserMemory {
        final memory mem;
        private final Address address = new Address();

        UserMemory(long[] dims, memory.format_tag tag) {
            mem = new memory(new memory.desc(dims, memory.data_type.f32, tag), cpu, new Pointer());
        }

        void bind(long addr) {
            mem.set_data_handle(address.at(addr));
        }
    }

    /** A JavaCPP pointer whose address can be set, to hand ND4J's buffers to oneDNN without copying. */
    private static final class Address extends Pointer {
        Address at(long addr) {
            address = addr;
            return this;
        }
    }

    /** A primitive and its arguments, run in order. */
    private record Step(primitive primitive, IntMemoryMap args) {
        void run(stream s) {
            primitive.execute(s, args);
        }
    }

    /** Every primitive and buffer for one batch size, built once. */
    private final class Plan {
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
        final List<Step> backwardWithoutInput = new ArrayList<>();

        Plan(int n) {
            Geometry g = geometry;
            long[] outDims = outDims(n);
            x = new UserMemory(inDims(n, 0), memory.format_tag.nchw);
            y = new UserMemory(outDims, memory.format_tag.nchw);
            gy = new UserMemory(outDims, memory.format_tag.nchw);
            gx = new UserMemory(inDims(n, 0), memory.format_tag.nchw);

            convolution_forward.primitive_desc[] fwd = new convolution_forward.primitive_desc[3];
            memory[] src = new memory[3]; // each convolution's input, in its own layout
            memory[] act = new memory[3]; // each convolution's output after ReLU
            memory[] wFwd = new memory[3];
            memory previous = x.mem;
            for (int i = 0; i < 3; i++) {
                long[] wDims = {g.channels(), g.inChannels(i), g.kernel(i), g.kernel(i)};
                w[i] = new UserMemory(wDims, memory.format_tag.oihw);
                b[i] = new UserMemory(new long[] {g.channels()}, memory.format_tag.a);
                gw[i] = new UserMemory(wDims, memory.format_tag.oihw);
                gb[i] = new UserMemory(new long[] {g.channels()}, memory.format_tag.a);

                long[] inDims = inDims(n, i);
                post_ops relu = new post_ops();
                relu.append_eltwise(1f, eltwise_relu, 0f, 0f);
                primitive_attr attr = new primitive_attr();
                attr.set_post_ops(relu);
                fwd[i] = new convolution_forward.primitive_desc(new convolution_forward.desc(forward_training,
                        convolution_direct, any(inDims), any(wDims), b[i].mem.get_desc(), any(outDims),
                        strides(i), padding(i), padding(i)), attr, cpu);
                src[i] = converted(previous, fwd[i].src_desc(), forward);
                wFwd[i] = converted(w[i].mem, fwd[i].weights_desc(), forward);
                act[i] = new memory(fwd[i].dst_desc(), cpu);
                forward.add(step(new convolution_forward(fwd[i]), DNNL_ARG_SRC, src[i], DNNL_ARG_WEIGHTS, wFwd[i],
                        DNNL_ARG_BIAS, b[i].mem, DNNL_ARG_DST, act[i]));
                previous = act[i];
            }
            forward.add(reorder(act[2], y.mem));

            buildBackward(n, fwd, src, act, wFwd, true, backward);
            buildBackward(n, fwd, src, act, wFwd, false, backwardWithoutInput);
        }

        private void buildBackward(int n, convolution_forward.primitive_desc[] fwd, memory[] src, memory[] act,
                memory[] wFwd, boolean inputGradient, List<Step> steps) {
            Geometry g = geometry;
            // A copy even when the layouts match: the ReLU step below works in place, and the
            // incoming gradient belongs to the layer above.
            memory grad = new memory(act[2].get_desc(), cpu);
            steps.add(reorder(gy.mem, grad));
            for (int i = 2; i >= 0; i--) {
                // ReLU's gradient from its output (ReLU(z) > 0 exactly where z > 0), in place.
                memory.desc actDesc = act[i].get_desc();
                eltwise_forward.primitive_desc reluHint = new eltwise_forward.primitive_desc(
                        new eltwise_forward.desc(forward_training, eltwise_relu_use_dst_for_bwd, actDesc, 0f, 0f), cpu);
                eltwise_backward.primitive_desc reluBwd = new eltwise_backward.primitive_desc(
                        new eltwise_backward.desc(eltwise_relu_use_dst_for_bwd, actDesc, actDesc, 0f, 0f), cpu, reluHint);
                steps.add(step(new eltwise_backward(reluBwd), DNNL_ARG_DST, act[i], DNNL_ARG_DIFF_DST, grad,
                        DNNL_ARG_DIFF_SRC, grad));

                long[] wDims = {g.channels(), g.inChannels(i), g.kernel(i), g.kernel(i)};
                memory.desc srcAny = any(inDims(n, i));
                convolution_backward_weights.primitive_desc bw = new convolution_backward_weights.primitive_desc(
                        new convolution_backward_weights.desc(convolution_direct, srcAny, any(wDims),
                                gb[i].mem.get_desc(), any(outDims(n)), strides(i), padding(i), padding(i)),
                        cpu, fwd[i]);
                memory bwSrc = converted(src[i], bw.src_desc(), steps);
                memory bwGrad = converted(grad, bw.diff_dst_desc(), steps);
                memory gwOwn = bw.diff_weights_desc().equals(gw[i].mem.get_desc())
                        ? gw[i].mem : new memory(bw.diff_weights_desc(), cpu);
                steps.add(step(new convolution_backward_weights(bw), DNNL_ARG_SRC, bwSrc, DNNL_ARG_DIFF_DST, bwGrad,
                        DNNL_ARG_DIFF_WEIGHTS, gwOwn, DNNL_ARG_DIFF_BIAS, gb[i].mem));
                if (gwOwn != gw[i].mem) {
                    steps.add(reorder(gwOwn, gw[i].mem));
                }
                if (i == 0 && !inputGradient) {
                    break;
                }

                convolution_backward_data.primitive_desc bd = new convolution_backward_data.primitive_desc(
                        new convolution_backward_data.desc(convolution_direct, srcAny, any(wDims), any(outDims(n)),
                                strides(i), padding(i), padding(i)), cpu, fwd[i]);
                memory bdGrad = converted(grad, bd.diff_dst_desc(), steps);
                memory bdWeights = bd.weights_desc().equals(wFwd[i].get_desc()) ? wFwd[i]
                        : converted(w[i].mem, bd.weights_desc(), steps);
                memory inGrad = new memory(bd.diff_src_desc(), cpu);
                steps.add(step(new convolution_backward_data(bd), DNNL_ARG_DIFF_DST, bdGrad, DNNL_ARG_WEIGHTS, bdWeights,
                        DNNL_ARG_DIFF_SRC, inGrad));
                if (i > 0) {
                    grad = converted(inGrad, act[i - 1].get_desc(), steps);
                } else {
                    steps.add(reorder(inGrad, gx.mem));
                }
            }
        }

        private long[] inDims(int n, int conv) {
            Geometry g = geometry;
            return conv == 0 ? new long[] {n, g.inChannels(), g.height(), g.width()} : outDims(n);
        }

        private long[] outDims(int n) {
            return new long[] {n, geometry.channels(), geometry.outHeight(), geometry.outWidth()};
        }

        private long[] strides(int conv) {
            int s = conv == 0 ? geometry.stride() : 1;
            return new long[] {s, s};
        }

        private long[] padding(int conv) {
            int p = conv == 0 ? geometry.padding() : 0;
            return new long[] {p, p};
        }
    }

    private static memory.desc any(long[] dims) {
        return new memory.desc(dims, memory.data_type.f32, memory.format_tag.any);
    }

    /** {@code from} itself when it already has layout {@code want}; otherwise a new buffer filled by a reorder step. */
    private memory converted(memory from, memory.desc want, List<Step> steps) {
        if (from.get_desc().equals(want)) {
            return from;
        }
        memory to = new memory(want, cpu);
        steps.add(reorder(from, to));
        return to;
    }

    private static Step reorder(memory from, memory to) {
        return step(new reorder(from, to), DNNL_ARG_FROM, from, DNNL_ARG_TO, to);
    }

    private static Step step(primitive p, Object... args) {
        IntMemoryMap map = new IntMemoryMap();
        for (int i = 0; i < args.length; i += 2) {
            map.put((Integer) args[i], (memory) args[i + 1]);
        }
        return new Step(p, map);
    }
}
