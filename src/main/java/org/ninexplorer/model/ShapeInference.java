package org.ninexplorer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes each layer's output shape, parameters and MACs with PyTorch's rules, and explains
 * every way an architecture can be impossible. Never throws for a bad architecture: problems
 * come back as {@link Diagnostic}s, and layers after the first broken one are marked
 * {@link LayerReport.Status#UNREACHABLE} so that a view can show where the error propagates.
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
                    : infer(i, arch.layers().get(i), shape, i == arch.layers().size() - 1);
            reports.add(report);
            shape = report.status() == LayerReport.Status.VALID ? report.output() : null;
        }
        reports = checkClassChannels(arch, reports);
        reports.add(classScores(arch, reports, shape, global));
        return new Analysis(arch, reports, global);
    }

    private static void checkInput(Architecture arch, List<Diagnostic> out) {
        InputSpec in = arch.input();
        String channels = Limits.inputChannelsProblem(in.channels());
        if (channels != null) {
            out.add(new Diagnostic(Diagnostic.ARCHITECTURE, "input", channels));
        }
        requireRange(in.height(), 1, Limits.MAX_SIDE, "input", "input height", out, Diagnostic.ARCHITECTURE);
        requireRange(in.width(), 1, Limits.MAX_SIDE, "input", "input width", out, Diagnostic.ARCHITECTURE);
        requireRange(arch.classes(), Limits.MIN_CLASSES, Limits.MAX_CLASSES, "classes", "the number of classes", out, Diagnostic.ARCHITECTURE);
    }

    private static void checkLayout(Architecture arch, List<Diagnostic> out) {
        List<Layer> layers = arch.layers();
        if (layers.size() > Limits.MAX_LAYERS) {
            out.add(new Diagnostic(Diagnostic.ARCHITECTURE, "layers", "the net has " + layers.size()
                    + " layers; at most " + Limits.MAX_LAYERS + " are supported"));
        }
        if (layers.stream().noneMatch(l -> l instanceof NinBlock)) {
            out.add(new Diagnostic(Diagnostic.ARCHITECTURE, "layers",
                    "the net needs at least one NiN block; its last block makes one channel per class"));
        }
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof GlobalAvgPool)) {
            out.add(new Diagnostic(Diagnostic.ARCHITECTURE, "layers",
                    "the last layer must be global average pooling (gap), which turns each class channel into a score"));
        }
    }

    private static LayerReport infer(int index, Layer layer, Shape in, boolean last) {
        if (layer instanceof NinBlock block) {
            return inferBlock(index, block, in);
        }
        if (layer instanceof MaxPool pool) {
            return inferPool(index, pool, in);
        }
        if (layer instanceof Dropout dropout) {
            List<Diagnostic> problems = new ArrayList<>();
            if (!(dropout.p() >= 0 && dropout.p() < 1)) {
                problems.add(new Diagnostic(index, "p", "drop probability must be in [0, 1), got " + dropout.p()));
            }
            return report(index, layer, in, in, 0, 0, "shape unchanged", List.of(), problems);
        }
        List<Diagnostic> problems = new ArrayList<>();
        if (!last) {
            problems.add(new Diagnostic(index, null,
                    "global average pooling must be the last layer: nothing spatial is left after it"));
        }
        return report(index, layer, in, new Shape(in.channels(), 1, 1), 0, 0,
                "average over " + in.height() + "×" + in.width() + " → 1×1", List.of(), problems);
    }

    private static LayerReport inferBlock(int index, NinBlock block, Shape in) {
        List<Diagnostic> problems = new ArrayList<>();
        requireRange(block.channels(), 1, Limits.MAX_CHANNELS, "channels", "channels", problems, index);
        requireRange(block.kernel(), 1, Limits.MAX_SIDE, "kernel", "kernel", problems, index);
        requireRange(block.stride(), 1, Limits.MAX_SIDE, "stride", "stride", problems, index);
        requireRange(block.padding(), 0, Limits.MAX_SIDE, "padding", "padding", problems, index);
        if (!problems.isEmpty()) {
            return report(index, block, in, null, 0, 0, "", List.of(), problems);
        }
        SpatialOp op = new SpatialOp(block.kernel(), block.stride(), block.padding());
        String formula = formula(op, in);
        checkWindowFits(index, "kernel", "the " + block.kernel() + "×" + block.kernel() + " kernel", op, in, problems);
        if (!problems.isEmpty()) {
            return report(index, block, in, null, 0, 0, formula, List.of(), problems);
        }
        Shape out = new Shape(block.channels(), op.apply(in.height()), op.apply(in.width()));
        List<ConvReport> convs = List.of(
                conv(block.kernel(), block.stride(), block.padding(), in.channels(), out, formula),
                conv(1, 1, 0, block.channels(), out, "1×1: size unchanged"),
                conv(1, 1, 0, block.channels(), out, "1×1: size unchanged"));
        return report(index, block, in, out, convs.stream().mapToLong(ConvReport::params).sum(),
                convs.stream().mapToLong(ConvReport::macs).sum(), formula, convs, problems);
    }

    private static ConvReport conv(int kernel, int stride, int padding, int inChannels, Shape out, String formula) {
        long weightsPerOutput = (long) inChannels * kernel * kernel;
        long params = weightsPerOutput * out.channels() + out.channels();
        long macs = weightsPerOutput * out.elements();
        return new ConvReport(kernel, stride, padding, out, params, macs, formula);
    }

    private static LayerReport inferPool(int index, MaxPool pool, Shape in) {
        List<Diagnostic> problems = new ArrayList<>();
        requireRange(pool.kernel(), 1, Limits.MAX_SIDE, "kernel", "kernel", problems, index);
        requireRange(pool.stride(), 1, Limits.MAX_SIDE, "stride", "stride", problems, index);
        if (!problems.isEmpty()) {
            return report(index, pool, in, null, 0, 0, "", List.of(), problems);
        }
        SpatialOp op = new SpatialOp(pool.kernel(), pool.stride(), 0);
        String formula = formula(op, in);
        checkWindowFits(index, "kernel", "pool " + pool.kernel() + "/" + pool.stride(), op, in, problems);
        Shape out = problems.isEmpty() ? new Shape(in.channels(), op.apply(in.height()), op.apply(in.width())) : null;
        return report(index, pool, in, out, 0, 0, formula, List.of(), problems);
    }

    /** A window (kernel plus padding) must fit the padded input on both sides, as PyTorch requires. */
    private static void checkWindowFits(int index, String field, String what, SpatialOp op, Shape in,
                                        List<Diagnostic> problems) {
        if (op.apply(in.height()) >= 1 && op.apply(in.width()) >= 1) {
            return;
        }
        String side = op.apply(in.height()) < 1 ? op.formula(in.height()) : op.formula(in.width());
        problems.add(new Diagnostic(index, field, what + " on " + in.height() + "×" + in.width()
                + " is impossible: the window is larger than the padded input (" + side + ")"));
    }

    private static String formula(SpatialOp op, Shape in) {
        return in.height() == in.width()
                ? op.formula(in.height())
                : "H: " + op.formula(in.height()) + "; W: " + op.formula(in.width());
    }

    /** The channels entering GAP become the class scores, so the last block must have one per class. */
    private static List<LayerReport> checkClassChannels(Architecture arch, List<LayerReport> reports) {
        List<Layer> layers = arch.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof NinBlock block) {
                if (block.channels() == arch.classes()) {
                    return reports;
                }
                LayerReport r = reports.get(i);
                List<Diagnostic> problems = new ArrayList<>(r.diagnostics());
                problems.add(new Diagnostic(i, "channels", "the last NiN block has " + block.channels()
                        + " channels but there are " + arch.classes()
                        + " classes: GAP turns each of its channels into one class score"));
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
                ok ? new Shape(arch.classes(), 1, 1) : null, 0, 0, "", List.of(), List.of());
    }

    private static LayerReport unreachable(int index, Layer layer) {
        return new LayerReport(index, layer.type(), layer.summary(), LayerReport.Status.UNREACHABLE, null, null,
                0, 0, "", List.of(), List.of());
    }

    private static LayerReport report(int index, Layer layer, Shape in, Shape out, long params, long macs,
                                      String formula, List<ConvReport> convs, List<Diagnostic> problems) {
        LayerReport.Status status = problems.isEmpty() ? LayerReport.Status.VALID : LayerReport.Status.INVALID;
        return new LayerReport(index, layer.type(), layer.summary(), status, in, status == LayerReport.Status.VALID ? out : null,
                params, macs, formula, convs, problems);
    }

    private static void requireRange(long value, long min, long max, String field, String what,
                                     List<Diagnostic> out, int index) {
        if (value < min || value > max) {
            String rule = value < min ? "at least " + min : "at most " + max;
            out.add(new Diagnostic(index, field, what + " must be " + rule + ", got " + value));
        }
    }
}
