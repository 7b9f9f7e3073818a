package org.ninexplorer.training;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ninexplorer.model.Limits;
import org.ninexplorer.model.Shape;

/**
 * How a run learned, epoch by epoch: for each pinned test image every NiN block's activations and the class
 * probabilities, and the first layer's filters, as of each epoch's end. On disk it is {@code timeline.bin}: the
 * six bytes {@code NINTL} + version 1, then one frame an epoch in order ({@code int epoch, int length}, then
 * {@code length} bytes of {@link TimelineCodec}'s gzip). The file is replaced whole at every epoch end
 * ({@link RunFiles}), so a killed app leaves the old or the new one; a damaged file keeps its intact frames and
 * says in {@link #problem()} what is wrong. Frames stay compressed until {@link #epoch(int)} decodes one.
 *
 * @param frames  each epoch's frame as stored, by epoch
 * @param pinned  the run's pinned test images ({@link PinnedSamples#FILE})
 * @param problem what could not be read, in a sentence; empty when the whole file (and the pins) read well
 */
public record Timeline(SortedMap<Integer, byte[]> frames, List<Integer> pinned, Optional<String> problem) {

    public static final String FILE = "timeline.bin";
    private static final byte[] MAGIC = {'N', 'I', 'N', 'T', 'L', 1};

    /** One pinned test image at one epoch's end; {@code truth} is its label, {@code input} what the net was fed. */
    public record Sample(int index, int truth, Shape inputShape, float[] input, FeatureMaps maps) {
    }

    /** What one epoch's end recorded; {@code filters} is empty for a net that starts without a convolution. */
    public record Epoch(int epoch, List<Sample> samples, Optional<FirstLayerFilters> filters) {

        public Epoch {
            samples = List.copyOf(samples);
        }

        public Optional<Sample> sample(int index) {
            return samples.stream().filter(s -> s.index() == index).findFirst();
        }
    }

    public Timeline {
        frames = Collections.unmodifiableSortedMap(new TreeMap<>(frames));
        pinned = List.copyOf(pinned);
    }

    static Timeline empty() {
        return new Timeline(new TreeMap<>(), List.of(), Optional.empty());
    }

    /** The epochs recorded, in order. */
    public List<Integer> epochs() {
        return List.copyOf(frames.keySet());
    }

    /** Decodes epoch {@code epoch}; a frame that does not decode is refused in a sentence. */
    public Epoch epoch(int epoch) throws RunStorageException {
        byte[] frame = frames.get(epoch);
        if (frame == null) {
            throw new RunStorageException("The timeline has no epoch " + epoch + ".", null);
        }
        try {
            return TimelineCodec.decode(epoch, frame);
        } catch (IOException | RuntimeException e) {
            throw new RunStorageException("The timeline's epoch " + epoch + " is damaged (" + e.getMessage()
                    + "); the other epochs can still be shown.", e);
        }
    }

    /**
     * What {@code runDir} holds: nothing when it has no timeline (a run from before timelines were kept); else
     * every intact frame, and for the rest a sentence in {@link #problem()}: never an exception.
     */
    public static Timeline read(Path runDir) {
        List<Integer> pinned;
        String pinProblem = null;
        try {
            pinned = PinnedSamples.read(runDir);
        } catch (RunStorageException e) {
            pinned = List.of();
            pinProblem = e.getMessage();
        }
        Path file = runDir.resolve(FILE);
        SortedMap<Integer, byte[]> frames = new TreeMap<>();
        String problem = null;
        if (Files.exists(file)) {
            try {
                problem = frames(file, Files.size(file) > Limits.MAX_LESSON_ENTRY_BYTES ? null : Files.readAllBytes(file),
                        frames);
            } catch (IOException e) {
                problem = "Cannot read " + file + ": " + RunFiles.reason(e) + ".";
            }
        }
        String both = problem == null ? pinProblem : pinProblem == null ? problem : problem + " " + pinProblem;
        return new Timeline(frames, pinned, Optional.ofNullable(both));
    }

    /** Fills {@code frames} with the intact ones; returns what is wrong with the rest, or null. */
    private static String frames(Path file, byte[] bytes, SortedMap<Integer, byte[]> frames) {
        String name = FILE + " in " + file.getParent();
        if (bytes == null) {
            return name + " is larger than a timeline can be (" + Limits.MAX_LESSON_ENTRY_BYTES / (1 << 20)
                    + " MB), so it was not read.";
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return name + " is not a timeline of this app's format (version 1): its first bytes differ.";
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length);
        int last = 0;
        while (in.hasRemaining()) {
            if (in.remaining() < 8) {
                return cutShort(name, last);
            }
            int epoch = in.getInt();
            int length = in.getInt();
            if (epoch <= last) {
                return name + " is damaged: epoch " + epoch + " follows epoch " + last
                        + "; the epochs before it are shown.";
            }
            if (length < 0 || length > in.remaining()) {
                return cutShort(name, last);
            }
            byte[] frame = new byte[length];
            in.get(frame);
            frames.put(epoch, frame);
            last = epoch;
        }
        return null;
    }

    private static String cutShort(String name, int last) {
        return name + " is cut short " + (last == 0 ? "before its first epoch ends; nothing of it can be shown."
                : "after epoch " + last + "; the epochs up to " + last + " are shown.");
    }

    /** Replaces the run's timeline with {@code frames}. */
    static void write(Path runDir, SortedMap<Integer, byte[]> frames) throws RunStorageException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            for (var frame : frames.entrySet()) {
                out.writeInt(frame.getKey());
                out.writeInt(frame.getValue().length);
                out.write(frame.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream", e);
        }
        RunFiles.replace(runDir.resolve(FILE), tmp -> Files.write(tmp, bytes.toByteArray()));
    }
}
