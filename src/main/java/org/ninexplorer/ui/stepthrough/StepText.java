package org.ninexplorer.ui.stepthrough;

import java.util.List;
import java.util.Locale;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Operation;
import org.ninexplorer.model.Shape;
import org.ninexplorer.ui.common.Format;
import org.ninexplorer.ui.common.Messages;

/**
 * What one step of the forward pass says: its name, its shapes, the shape formula and parameters with the
 * numbers in, and one sentence that teaches what this kind of operation does. The numbers and formulas come
 * from the model's {@link Operation}; only the words are here, from the {@code steps.} messages.
 *
 * @param title      e.g. "NiN block 1 · convolution 2 of 3: 32 filters of 1×1"
 * @param shapes     e.g. "32×28×28 → 32×28×28"
 * @param formula    the output size with the numbers in, or "" when the size does not change
 * @param parameters e.g. "weights 32·32·1·1 = 1,024 + biases 32 = 1,056 parameters · 802,816 multiply-adds"
 * @param lesson     e.g. "A 1×1 convolution keeps the size and mixes channels: …"
 */
public record StepText(String title, String shapes, String formula, String parameters, String lesson) {

    /** The input before any operation. */
    static StepText input(Shape shape, String truth) {
        return new StepText(Messages.get("steps.input.title", truth), String.valueOf(shape), "", none(),
                Messages.get("steps.input.lesson", shape.channels(), text(shape.height()), text(shape.width())));
    }

    /**
     * @param in        the values the operation reads (the previous step's output)
     * @param out       the values it makes
     * @param classMaps whether {@code in} holds one map per class that GAP turns into the scores
     */
    static StepText of(Operation op, Architecture arch, float[] in, float[] out, boolean classMaps,
                       List<String> classNames) {
        String shapes = op.input() + " → " + op.output();
        Shape from = op.input();
        return switch (op.kind()) {
            case CONVOLUTION -> convolution(op, arch, shapes);
            case RELU -> new StepText(arch.layers().get(op.layerIndex()) instanceof NinBlock
                    ? Messages.get("steps.relu.title.block", block(op, arch), op.position() + 1)
                    : Messages.get("steps.relu.title.dense"), shapes, "", none(),
                    Messages.get("steps.relu.lesson", percent(negatives(in), in.length), Format.count(in.length)));
            case MAX_POOL -> new StepText(Messages.get("steps.pool.title", op.kernel(), op.stride()), shapes,
                    Messages.current().formula(op.formula()), none(), Messages.get("steps.pool.lesson", op.kernel(), op.stride(), from.channels()));
            case DROPOUT -> dropout(op, arch, shapes);
            case GLOBAL_AVERAGE_POOL -> new StepText(Messages.get("steps.gap.title"), shapes, Messages.current().formula(op.formula()), none(),
                    classMaps ? Messages.get("steps.gap.lesson.classes", text(from.height()), text(from.width()))
                            : Messages.get("steps.gap.lesson", text(from.channels()), text(from.height()),
                            text(from.width()), text(op.output().channels())));
            case DENSE -> dense(op, arch, shapes);
            case SOFTMAX -> softmax(op, in, out, classNames, shapes);
        };
    }

    private static StepText convolution(Operation op, Architecture arch, String shapes) {
        NinBlock block = (NinBlock) arch.layers().get(op.layerIndex());
        int k = op.kernel();
        int inChannels = op.input().channels();
        int outChannels = op.output().channels();
        String title = Messages.get("steps.conv.title", block(op, arch), op.position() + 1, block.convolutions().size(),
                text(outChannels), text(k))
                + (op.stride() > 1 ? Messages.get("steps.conv.stride", text(op.stride())) : "")
                + (op.padding() > 0 ? Messages.get("steps.conv.padding", text(op.padding())) : "");
        long weights = (long) inChannels * k * k * outChannels;
        String parameters = Messages.get("steps.conv.parameters", text(inChannels), text(k), text(outChannels),
                grouped(weights), grouped(op.params()), grouped(op.macs()));
        boolean keepsSize = op.input().height() == op.output().height() && op.input().width() == op.output().width();
        String lesson;
        if (op.perPixel()) {
            lesson = Messages.get("steps.conv.lesson.per-pixel", text(inChannels));
        } else if (op.position() > 0 && keepsSize) {
            lesson = Messages.get("steps.conv.lesson.same", text(k), text(op.padding()), text(inChannels));
        } else {
            lesson = Messages.get("steps.conv.lesson.window", text(k), text(outChannels), inChannels)
                    + (op.stride() > 1 ? Messages.get("steps.conv.lesson.stride", text(op.stride())) : "")
                    + (keepsSize ? Messages.get("steps.conv.lesson.padding-keeps") : "");
        }
        return new StepText(title, shapes, Messages.current().formula(op.formula()), parameters, lesson);
    }

    private static StepText dropout(Operation op, Architecture arch, String shapes) {
        double p = ((Dropout) arch.layers().get(op.layerIndex())).p();
        String scale = p > 0 ? Messages.get("steps.dropout.scale", number(p), number(1 / (1 - p))) : "";
        return new StepText(Messages.get("steps.dropout.title", number(p)), shapes, "", none(),
                Messages.get("steps.dropout.lesson", number(p), scale));
    }

    private static StepText dense(Operation op, Architecture arch, String shapes) {
        int units = op.output().channels();
        long inputs = op.input().elements();
        boolean scores = op.layerIndex() == arch.layers().size() - 1;
        String parameters = Messages.get("steps.dense.parameters", grouped(inputs), text(units), grouped(inputs * units),
                grouped(op.params()), grouped(op.macs()));
        return new StepText(Messages.get("steps.dense.title", units), shapes, Messages.current().formula(op.formula()), parameters,
                Messages.get(scores ? "steps.dense.lesson.scores" : "steps.dense.lesson.hidden", Format.count(inputs),
                        text(units)));
    }

    private static StepText softmax(Operation op, float[] scores, float[] p, List<String> classNames, String shapes) {
        int best = 0;
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
            sum += Math.exp(scores[c]);
        }
        String name = best < classNames.size() ? classNames.get(best) : Messages.get("steps.class", text(best));
        String formula = Messages.get("steps.softmax.formula", name, String.format(Locale.ROOT, "%.2f", scores[best]),
                String.format(Locale.ROOT, "%.3g", Math.exp(scores[best])), String.format(Locale.ROOT, "%.3g", sum),
                String.format(Locale.ROOT, "%.3f", p[best]));
        return new StepText(Messages.get("steps.softmax.title", text(op.output().channels())), shapes, formula, none(),
                Messages.get("steps.softmax.lesson", text(scores.length), name,
                        String.format(Locale.ROOT, "%.1f %%", 100.0 * p[best])));
    }

    /** The block's number among the net's NiN blocks, from 1. */
    private static String block(Operation op, Architecture arch) {
        return text(arch.layers().subList(0, op.layerIndex()).stream().filter(l -> l instanceof NinBlock).count() + 1);
    }

    private static String none() {
        return Messages.get("steps.no-parameters");
    }

    private static int negatives(float[] values) {
        int n = 0;
        for (float v : values) {
            n += v < 0 ? 1 : 0;
        }
        return n;
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.0f %%", whole == 0 ? 0 : 100.0 * part / whole);
    }

    /** A number as it is, without the grouping MessageFormat would give it (a side of 1024 is no amount). */
    private static String text(long value) {
        return String.valueOf(value);
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** 0.5, 2, 1.25: no trailing zeros. */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
