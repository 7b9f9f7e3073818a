package org.ninexplorer.model;

import java.util.List;
import java.util.function.UnaryOperator;

/** How the {@link Exercise}s change a net. Each function is pure and returns its input when it does not apply. */
final class ExerciseVariants {

    /** The intermediate block's channels are rounded to a multiple of this (and are at least this). */
    static final int CHANNEL_STEP = 16;

    private ExerciseVariants() {
    }

    static Architecture everyBlock(Architecture arch, UnaryOperator<NinBlock> change) {
        return new Architecture(arch.input(), arch.classes(), arch.layers().stream()
                .map(layer -> layer instanceof NinBlock block ? change.apply(block) : layer).toList());
    }

    /**
     * Global average pooling at the end becomes a dense layer of one unit per class; the last block takes the
     * channels of the block before it, as it no longer makes the class channels. A net that does not end with
     * global average pooling is returned as it is.
     */
    static Architecture denseHead(Architecture arch) {
        List<Layer> layers = arch.layers();
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof GlobalAvgPool)) {
            return arch;
        }
        Architecture headed = arch.withLayer(layers.size() - 1, new Dense(arch.classes()));
        int last = lastBlock(layers, layers.size());
        int before = last < 0 ? -1 : lastBlock(layers, last);
        if (before < 0) {
            return headed;
        }
        NinBlock lastBlock = (NinBlock) layers.get(last);
        return headed.withLayer(last, lastBlock.withChannels(((NinBlock) layers.get(before)).channels()));
    }

    /**
     * A 3×3 block of the same form as the last block is inserted before it, with channels halfway (geometrically)
     * between what enters the last block and the classes. A net without a block is returned as it is.
     */
    static Architecture intermediateBlock(Architecture arch) {
        List<Layer> layers = arch.layers();
        int last = lastBlock(layers, layers.size());
        if (last < 0) {
            return arch;
        }
        int before = lastBlock(layers, last);
        int wide = before < 0 ? arch.input().channels() : ((NinBlock) layers.get(before)).channels();
        int channels = Math.max(CHANNEL_STEP,
                (int) Math.round(Math.sqrt((double) wide * arch.classes()) / CHANNEL_STEP) * CHANNEL_STEP);
        NinBlock lastBlock = (NinBlock) layers.get(last);
        return arch.withInserted(last, new NinBlock(channels, 3, 1, 1, lastBlock.mlp(), lastBlock.mlpKernel()));
    }

    /** The index of the last NiN block before {@code end}, or -1. */
    private static int lastBlock(List<Layer> layers, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (layers.get(i) instanceof NinBlock) {
                return i;
            }
        }
        return -1;
    }
}
