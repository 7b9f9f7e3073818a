package org.ninexplorer.ui.common;

import java.util.Locale;
import org.ninexplorer.model.MemoryByLayer;
import org.ninexplorer.model.MemoryEstimate;
import org.ninexplorer.model.ResourceUsage;

/**
 * How a count of memory or computation adds up, in the words of {@code messages} ({@code common.arithmetic.*}):
 * the window's tooltips in its language, the CLI's lines in English. The numbers are the same in both.
 */
public final class Arithmetic {

    private Arithmetic() {
    }

    /** E.g. "weights 7.60 MB (1,992,166 × 4 bytes) + largest live activations 273 MB (layer 0, nin: …) = 281 MB". */
    public static String prediction(Messages messages, MemoryByLayer m) {
        MemoryByLayer.Row peak = m.largestLive();
        return messages.format("common.arithmetic.prediction", MemoryEstimate.bytes(m.weightBytes()),
                grouped(m.parameters()), MemoryEstimate.bytes(peak.liveBytes()), String.valueOf(peak.index()),
                peak.kind(), grouped(m.batch()), MemoryEstimate.bytes(m.predictionBytes()));
    }

    /** E.g. "weights 7.60 MB + gradients 7.60 MB + optimizer state 15.2 MB (2 per weight) + input … = 859 MB". */
    public static String training(Messages messages, MemoryByLayer m) {
        return messages.format("common.arithmetic.training", MemoryEstimate.bytes(m.weightBytes()),
                MemoryEstimate.bytes(m.weightBytes()), MemoryEstimate.bytes(m.weightBytes() * m.optimizerCopies()),
                String.valueOf(m.optimizerCopies()), MemoryEstimate.bytes(m.inputBytes()), grouped(m.batch()),
                grouped(m.inputElements()), MemoryEstimate.bytes(m.keptBytes()), grouped(m.batch()),
                grouped(m.keptElements()), MemoryEstimate.bytes(m.trainingBytes()));
    }

    /** E.g. "3 × 762,297,352 MACs per image × 128 images: the forward pass, then …". */
    public static String trainingMacs(Messages messages, ResourceUsage usage) {
        return messages.format("common.arithmetic.training-macs", String.valueOf(ResourceUsage.TRAINING_PASSES),
                grouped(usage.macsPerImage()), grouped(usage.batch()));
    }

    public static String predictionMacs(Messages messages, ResourceUsage usage) {
        return messages.format("common.arithmetic.prediction-macs", grouped(usage.macsPerImage()),
                grouped(usage.batch()));
    }

    /** 1,992,166: digits grouped alike in both languages. */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
