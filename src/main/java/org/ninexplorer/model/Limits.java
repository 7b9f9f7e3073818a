package org.ninexplorer.model;

import java.util.List;

/**
 * Every size limit of the app, stated once: shape inference, the file readers, the CLI, the training
 * checks and the editor read them here, so that what one accepts the others accept too.
 */
public final class Limits {

    /** Images are fed as grayscale (1 channel) or RGB (3); nothing converts to or from 2 or 4. */
    public static final List<Integer> INPUT_CHANNELS = List.of(1, 3);
    /**
     * The largest input side, kernel, stride or padding, and the largest side an IDX header may claim. Keeps
     * every count far from overflow; whether a net this large fits in memory is {@link MemoryEstimate}'s call.
     */
    public static final int MAX_SIDE = 4_096;
    public static final int MAX_CHANNELS = 16_384;
    /** Size-keeping convolutions after a NiN block's first one (the book's block has two). */
    public static final int MAX_MLP = 4;
    /** Their kernel: 1×1, or 3×3 with padding 1; both keep the size. */
    public static final List<Integer> MLP_KERNELS = List.of(1, 3);
    /** Outputs of a dense layer. */
    public static final int MAX_UNITS = 65_536;
    public static final int MIN_CLASSES = 2;
    public static final int MAX_CLASSES = 10_000;
    /** Datasets store one label per byte. */
    public static final int MAX_DATASET_CLASSES = 256;
    /** Top-level layers (a NiN block counts once); the book's net has ten. */
    public static final int MAX_LAYERS = 1_000;
    public static final int MIN_BATCH = 1;
    /** An architecture file is a few kilobytes; a larger file is refused before it is read. */
    public static final long MAX_ARCHITECTURE_FILE_BYTES = 1L << 20;
    /** JSON nesting in architecture and run files (the format needs three levels). */
    public static final int MAX_JSON_DEPTH = 64;
    /** The longest string in an architecture or run file (names and types are a few characters). */
    public static final int MAX_JSON_STRING = 100_000;

    /**
     * What a lesson bundle may hold, checked before anything is unpacked and again while it is (a zip can
     * claim small sizes and inflate to gigabytes): enough for a few dozen runs with their trained d2l-224
     * models (about 8 MB each), far below what would fill a disk.
     */
    public static final int MAX_LESSON_ENTRIES = 2_000;
    public static final long MAX_LESSON_ENTRY_BYTES = 256L << 20;
    public static final long MAX_LESSON_BYTES = 2L << 30;
    /** The manifest and each run's small files (its record, its metrics) are read into memory. */
    public static final long MAX_LESSON_MANIFEST_BYTES = 1L << 20;
    /**
     * One epoch of a run's timeline, inflated: its pinned samples' block maps at one byte a value (a d2l-224
     * sample takes about 0.4 MB); a forged frame that inflates further is refused.
     */
    public static final int MAX_TIMELINE_FRAME_BYTES = 64 << 20;

    private Limits() {
    }

    public static boolean isInputChannels(int channels) {
        return INPUT_CHANNELS.contains(channels);
    }
}
