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
 * @param problem what could not be read, as a message; empty when the whole file (and the pins) read well
 */
public record Timeline(SortedMap<Integer, byte[]> frames, List<Integer> pinned, Optional<RunMessage> problem) {

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
            throw new RunStorageException(RunMessage.of(RunMessage.Code.TIMELINE_NO_EPOCH, String.valueOf(epoch)), null);
        }
        try {
            return TimelineCodec.decode(epoch, frame);
        } catch (IOException | RuntimeException e) {
            throw new RunStorageException(RunMessage.of(RunMessage.Code.TIMELINE_EPOCH_DAMAGED, String.valueOf(epoch),
                    RunMessage.of(e)), e);
        }
    }

    /**
     * What {@code runDir} holds: nothing when it has no timeline (a run from before timelines were kept); else
     * every intact frame, and for the rest a message in {@link #problem()}: never an exception.
     */
    public static Timeline read(Path runDir) {
        List<Integer> pinned;
        RunMessage pinProblem = null;
        try {
            pinned = PinnedSamples.read(runDir);
        } catch (RunStorageException e) {
            pinned = List.of();
            pinProblem = RunMessage.of(e);
        }
        Path file = runDir.resolve(FILE);
        SortedMap<Integer, byte[]> frames = new TreeMap<>();
        RunMessage problem = null;
        if (Files.exists(file)) {
            try {
                problem = frames(file, Files.size(file) > Limits.MAX_LESSON_ENTRY_BYTES ? null : Files.readAllBytes(file),
                        frames);
            } catch (IOException e) {
                problem = RunFiles.cannotRead(file, e);
            }
        }
        RunMessage both = problem == null ? pinProblem : pinProblem == null ? problem
                : RunMessage.of(RunMessage.Code.BOTH, problem, pinProblem);
        return new Timeline(frames, pinned, Optional.ofNullable(both));
    }

    /** Fills {@code frames} with the intact ones; returns what is wrong with the rest, or null. */
    private static RunMessage frames(Path file, byte[] bytes, SortedMap<Integer, byte[]> frames) {
        String folder = String.valueOf(file.getParent());
        if (bytes == null) {
            return RunMessage.of(RunMessage.Code.TIMELINE_TOO_LARGE, FILE, folder,
                    String.valueOf(Limits.MAX_LESSON_ENTRY_BYTES / (1 << 20)));
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return RunMessage.of(RunMessage.Code.TIMELINE_NOT_THIS_FORMAT, FILE, folder);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length);
        int last = 0;
        while (in.hasRemaining()) {
            if (in.remaining() < 8) {
                return cutShort(folder, last);
            }
            int epoch = in.getInt();
            int length = in.getInt();
            if (epoch <= last) {
                return RunMessage.of(RunMessage.Code.TIMELINE_OUT_OF_ORDER, FILE, folder, String.valueOf(epoch),
                        String.valueOf(last));
            }
            if (length < 0 || length > in.remaining()) {
                return cutShort(folder, last);
            }
            byte[] frame = new byte[length];
            in.get(frame);
            frames.put(epoch, frame);
            last = epoch;
        }
        return null;
    }

    private static RunMessage cutShort(String folder, int last) {
        return last == 0 ? RunMessage.of(RunMessage.Code.TIMELINE_CUT_SHORT_AT_START, FILE, folder)
                : RunMessage.of(RunMessage.Code.TIMELINE_CUT_SHORT, FILE, folder, String.valueOf(last));
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
