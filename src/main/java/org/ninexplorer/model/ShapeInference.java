package org.ninexplorer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ninexplorer.model.Diagnostic.Code;
import org.ninexplorer.model.Diagnostic.Quantity;

/**
 * Computes each layer's output shape, parameters and MACs with PyTorch's rules, and explains
 * every way an architecture can be impossible. Never throws for a bad architecture: problems
 * come back as {@link Diagnostic}s, and layers after the first broken one are marked
 * {@link LayerReport.Status#UNREACHABLE} so that a view can show where the error propagates.
 *
 * <p>A net ends either with global average pooling, whose input channels (the last NiN block's) become the
 * class scores, or with a dense layer of one unit per class. After a dense layer the activation is a flat
 * vector: only dense layers and dropout can follow it.
 */
public final class ShapeInference {

    private ShapeInference() {
    }

    public static Analysis analyze(Architecture arch) {
        List<Diagnostic> global = new ArrayList<>();
        checkInput(arch, global);
        checkLayout(arch, global);

        List<LayerReport> reports = new ArrayList<>();
        Shape shape = global.stream().anyMatch(d -> "input".equals(d.field())) ? null : arch.input().shape();
        for (int i = 0; i < arch.layers().size(); i++) {
            LayerReport report = shape == null
                    ? unreachable(i, arch.layers().get(i))
                    : infer(arch, i, shape);
            reports.add(report);
            shape = report.status() == LayerReport.Status.VALID ? report.output() : null;
        }
        reports = checkClassChannels(arch, reports);
        reports.add(classScores(arch, reports, shape, global));
        return new Analysis(arch, reports, global);
    }

    private static void checkInput(Architecture arch, List<Diagnostic> out) {
        InputSpec in = arch.input();
        if (!Limits.isInputChannels(in.channels())) {
            out.add(new Diagnostic(Diagnostic.ARCHITECTURE, "input", Code.INPUT_CHANNELS, in.channels()));
        }
        requireRange(in.height(), 1, Limits.MAX_SIDE, "input", Quantity.INPUT_HEIGHT, out, Diagnostic.ARCHITECTURE);
        requireRange(in.width(), 1, Limits.MAX_SIDE, "input", Quantity.INPUT_WIDTH, out, Diagnostic.ARCHITECTURE);
        requireRange(arch.classes(), Limits.MIN_CLASSES, Limits.MAX_CLASSES, "classes", Quantity.CLASSES, out,
                Diagnostic.ARCHITECTURE);
    }

    private static void checkLayout(Architecture arch, List<Diagnostic> out) {
        List<Layer> layers = arch.layers();
        if (layers.size() > Limits.MAX_LAYERS) {
            out.add(new Diagnostic(Diagnostic.ARCHITECTURE, "layers", Code.TOO_MANY_LAYERS, layers.size(),
                    Limits.MAX_LAYERS));
        }
        if (layers.stream().noneMatch(l -> l instanceof NinBlock)) {
            out.add(new Diagnostic(Diagnostic.ARCHITECTURE, "layers", Code.NO_NIN_BLOCK));
        }
        Layer last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
        if (!(last instanceof GlobalAvgPool) && !(last instanceof Dense)) {
            out.add(new Diagnostic(Diagnostic.ARCHITECTURE, "layers", Code.LAST_LAYER));
        }
    }

    private static LayerReport infer(Architecture arch, int index, Shape in) {
        Layer layer = arch.layers().get(index);
        List<Diagnostic> problems = new ArrayList<>();
        if (in.flat() && needsMap(layer.kind())) {
            problems.add(new Diagnostic(index, null, Code.NEEDS_MAP, in.channels()));
            return report(index, layer, in, null, 0, 0, Formula.NONE, List.of(), problems);
        }
        return switch (layer.kind()) {
            case NIN -> inferBlock(index, (NinBlock) layer, in);
            case MAXPOOL -> inferPool(index, (MaxPool) layer, in);
            case DROPOUT -> {
                Dropout dropout = (Dropout) layer;
                if (!(dropout.p() >= 0 && dropout.p() < 1)) {
                    problems.add(new Diagnostic(index, "p", Code.DROP_PROBABILITY, dropout.p()));
                }
                yield report(index, layer, in, in, 0, 0, Formula.SHAPE_UNCHANGED, List.of(), problems);
            }
            case GAP -> {
                if (!onlyDenseAfter(arch, index)) {
                    problems.add(new Diagnostic(index, null, Code.GAP_NOT_LAST));
                }
                yield report(index, layer, in, new Shape(in.channels(), 1, 1), 0, 0,
                        Formula.of(Formula.Code.AVERAGE, String.valueOf(in.height()), String.valueOf(in.width())),
                        List.of(), problems);
            }
            case DENSE -> inferDense(arch, index, (Dense) layer, in);
        };
    }

    private static boolean needsMap(LayerKind kind) {
        return switch (kind) {
            case NIN, MAXPOOL, GAP -> true;
            case DROPOUT, DENSE -> false;
        };
    }

    private static boolean onlyDenseAfter(Architecture arch, int index) {
        List<Layer> after = arch.layers().subList(index + 1, arch.layers().size());
        return after.stream().allMatch(l -> l instanceof Dense || l instanceof Dropout)
                && (after.isEmpty() || after.stream().anyMatch(l -> l instanceof Dense));
    }

    private static LayerReport inferBlock(int index, NinBlock block, Shape in) {
        List<Diagnostic> problems = new ArrayList<>();
        requireRange(block.channels(), 1, Limits.MAX_CHANNELS, "channels", Quantity.CHANNELS, problems, index);
        requireRange(block.kernel(), 1, Limits.MAX_SIDE, "kernel", Quantity.KERNEL, problems, index);
        requireRange(block.stride(), 1, Limits.MAX_SIDE, "stride", Quantity.STRIDE, problems, index);
        requireRange(block.padding(), 0, Limits.MAX_SIDE, "padding", Quantity.PADDING, problems, index);
        requireRange(block.mlp(), 0, Limits.MAX_MLP, "mlp", Quantity.MLP, problems, index);
        if (!Limits.MLP_KERNELS.contains(block.mlpKernel())) {
            problems.add(new Diagnostic(index, "mlpKernel", Code.MLP_KERNEL, block.mlpKernel()));
        }
        if (!problems.isEmpty()) {
            return report(index, block, in, null, 0, 0, Formula.NONE, List.of(), problems);
        }
        List<ConvReport> convs = new ArrayList<>();
        Shape shape = in;
        Formula blockFormula = Formula.NONE;
        for (ConvSpec spec : block.convolutions()) {
            SpatialOp op = new SpatialOp(spec.kernel(), spec.stride(), spec.padding());
            Formula formula = formula(op, shape);
            blockFormula = convs.isEmpty() ? formula : blockFormula;
            checkWindowFits(index, Code.KERNEL_TOO_LARGE, List.of(spec.kernel()), op, shape, problems);
            if (!problems.isEmpty()) {
                return report(index, block, in, null, 0, 0, blockFormula, List.of(), problems);
            }
            Shape out = new Shape(spec.channels(), op.apply(shape.height()), op.apply(shape.width()));
            boolean kept = out.height() == shape.height() && out.width() == shape.width() && !convs.isEmpty();
            convs.add(conv(spec, shape.channels(), out, kept ? sizeKept(spec) : formula));
            shape = out;
        }
        return report(index, block, in, shape, convs.stream().mapToLong(ConvReport::params).sum(),
                convs.stream().mapToLong(ConvReport::macs).sum(), blockFormula, convs, problems);
    }

    /** E.g. "1×1: size unchanged", "3×3 p1: size unchanged". */
    private static Formula sizeKept(ConvSpec spec) {
        return Formula.of(Formula.Code.SIZE_KEPT,
                spec.kernel() + "×" + spec.kernel() + (spec.padding() > 0 ? " p" + spec.padding() : ""));
    }

    private static ConvReport conv(ConvSpec spec, int inChannels, Shape out, Formula formula) {
        long weightsPerOutput = (long) inChannels * spec.kernel() * spec.kernel();
        long params = weightsPerOutput * out.channels() + out.channels();
        long macs = weightsPerOutput * out.elements();
        return new ConvReport(spec.kernel(), spec.stride(), spec.padding(), out, params, macs, formula);
    }

    private static LayerReport inferPool(int index, MaxPool pool, Shape in) {
        List<Diagnostic> problems = new ArrayList<>();
        requireRange(pool.kernel(), 1, Limits.MAX_SIDE, "kernel", Quantity.KERNEL, problems, index);
        requireRange(pool.stride(), 1, Limits.MAX_SIDE, "stride", Quantity.STRIDE, problems, index);
        if (!problems.isEmpty()) {
            return report(index, pool, in, null, 0, 0, Formula.NONE, List.of(), problems);
        }
        SpatialOp op = new SpatialOp(pool.kernel(), pool.stride(), 0);
        Formula formula = formula(op, in);
        checkWindowFits(index, Code.POOL_TOO_LARGE, List.of(pool.kernel(), pool.stride()), op, in, problems);
        Shape out = problems.isEmpty() ? new Shape(in.channels(), op.apply(in.height()), op.apply(in.width())) : null;
        return report(index, pool, in, out, 0, 0, formula, List.of(), problems);
    }

    /** Flattens its input (in PyTorch's C, H, W order) and maps it to {@code units}: in·N weights, N biases. */
    private static LayerReport inferDense(Architecture arch, int index, Dense dense, Shape in) {
        List<Diagnostic> problems = new ArrayList<>();
        requireRange(dense.units(), 1, Limits.MAX_UNITS, "units", Quantity.UNITS, problems, index);
        boolean last = index == arch.layers().size() - 1;
        if (problems.isEmpty() && last && dense.units() != arch.classes()) {
            problems.add(new Diagnostic(index, "units", Code.LAST_DENSE_UNITS, dense.units(), arch.classes()));
        }
        long inputs = in.elements();
        Formula formula = in.flat() ? Formula.arithmetic(String.format(Locale.ROOT, "%,d → %,d", inputs, dense.units()))
                : Formula.of(Formula.Code.FLATTEN, in.toString(), String.format(Locale.ROOT, "%,d", inputs),
                        String.format(Locale.ROOT, "%,d", dense.units()));
        if (!problems.isEmpty()) {
            return report(index, dense, in, null, 0, 0, formula, List.of(), problems);
        }
        long macs = inputs * dense.units();
        return report(index, dense, in, Shape.flat(dense.units()), macs + dense.units(), macs, formula, List.of(),
                problems);
    }

    /**
     * A window (kernel plus padding) must fit the padded input on both sides, as PyTorch requires. {@code window}
     * is the code's first arguments (the kernel, and a pool's stride); the input's sides and the arithmetic follow.
     */
    private static void checkWindowFits(int index, Code code, List<Object> window, SpatialOp op, Shape in,
                                        List<Diagnostic> problems) {
        if (op.apply(in.height()) >= 1 && op.apply(in.width()) >= 1) {
            return;
        }
        String side = op.apply(in.height()) < 1 ? op.formula(in.height()) : op.formula(in.width());
        List<Object> args = new ArrayList<>(window);
        args.addAll(List.of(in.height(), in.width(), side));
        problems.add(new Diagnostic(index, "kernel", code, args));
    }

    /** The formula on both sides, or on each when they differ. */
    static Formula formula(SpatialOp op, Shape in) {
        return Formula.arithmetic(in.height() == in.width()
                ? op.formula(in.height())
                : "H: " + op.formula(in.height()) + "; W: " + op.formula(in.width()));
    }

    /**
     * When GAP ends the net, the channels entering it become the class scores, so the last block must have one
     * per class.
     */
    private static List<LayerReport> checkClassChannels(Architecture arch, List<LayerReport> reports) {
        List<Layer> layers = arch.layers();
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof GlobalAvgPool)) {
            return reports;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof NinBlock block) {
                if (block.channels() == arch.classes()) {
                    return reports;
                }
                LayerReport r = reports.get(i);
                List<Diagnostic> problems = new ArrayList<>(r.diagnostics());
                problems.add(new Diagnostic(i, "channels", Code.LAST_BLOCK_CHANNELS, block.channels(), arch.classes()));
                List<LayerReport> copy = new ArrayList<>(reports);
                copy.set(i, new LayerReport(r.index(), r.kind(), r.summary(), LayerReport.Status.INVALID, r.input(),
                        r.output(), r.params(), r.macs(), r.formula(), r.convs(), problems));
                return copy;
            }
        }
        return reports;
    }

    private static LayerReport classScores(Architecture arch, List<LayerReport> reports, Shape last,
                                           List<Diagnostic> global) {
        int index = arch.layers().size();
        boolean ok = last != null && global.isEmpty()
                && reports.stream().allMatch(r -> r.status() == LayerReport.Status.VALID);
        return new LayerReport(index, "classes", arch.classes() + " scores, softmax",
                ok ? LayerReport.Status.VALID : LayerReport.Status.UNREACHABLE, last,
                ok ? Shape.flat(arch.classes()) : null, 0, 0, Formula.NONE, List.of(), List.of());
    }

    private static LayerReport unreachable(int index, Layer layer) {
        return new LayerReport(index, layer.type(), layer.summary(), LayerReport.Status.UNREACHABLE, null, null,
                0, 0, Formula.NONE, List.of(), List.of());
    }

    private static LayerReport report(int index, Layer layer, Shape in, Shape out, long params, long macs,
                                      Formula formula, List<ConvReport> convs, List<Diagnostic> problems) {
        LayerReport.Status status = problems.isEmpty() ? LayerReport.Status.VALID : LayerReport.Status.INVALID;
        return new LayerReport(index, layer.type(), layer.summary(), status, in, status == LayerReport.Status.VALID ? out : null,
                params, macs, formula, convs, problems);
    }

    private static void requireRange(long value, long min, long max, String field, Quantity quantity,
                                     List<Diagnostic> out, int index) {
        if (value < min) {
            out.add(new Diagnostic(index, field, Code.TOO_SMALL, quantity, min, value));
        } else if (value > max) {
            out.add(new Diagnostic(index, field, Code.TOO_LARGE, quantity, max, value));
        }
    }
}
