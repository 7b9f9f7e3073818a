package org.ninexplorer.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.ninexplorer.data.ImageSource;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.Shape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's {@link Timeline} as it trains: at each epoch's end the pinned samples go once through the
 * epoch's snapshot (one small forward pass each, on the training thread, which waits for nothing else then),
 * and the frame joins those kept in memory, still compressed, so the file is rewritten whole without decoding
 * anything. A resumed run keeps the frames of the epochs its checkpoint has and drops the later ones, so the
 * timeline has each epoch once.
 */
final class TimelineRecorder {

    private static final Logger LOGGER = LoggerFactory.getLogger(TimelineRecorder.class);

    private final Path dir;
    private final SortedMap<Integer, byte[]> frames;
    private List<Integer> stored;

    private TimelineRecorder(Path dir, SortedMap<Integer, byte[]> frames, List<Integer> stored) {
        this.dir = dir;
        this.frames = frames;
        this.stored = stored;
    }

    static TimelineRecorder fresh(Path dir) {
        return new TimelineRecorder(dir, new TreeMap<>(), List.of());
    }

    /**
     * The timeline of a run resumed after {@code epochsCompleted} epochs: its intact frames up to then, written
     * back at once if any were dropped, so that no reader sees an epoch the resume will record again. A damaged
     * file becomes a notice and keeps what was intact.
     */
    static TimelineRecorder resumed(Path dir, int epochsCompleted, Consumer<RunMessage> notices) {
        Timeline read = Timeline.read(dir);
        read.problem().ifPresent(problem -> notices.accept(RunMessage.of(RunMessage.Code.TIMELINE_GOES_ON, problem)));
        SortedMap<Integer, byte[]> kept = new TreeMap<>(read.frames().headMap(epochsCompleted + 1));
        TimelineRecorder recorder = new TimelineRecorder(dir, kept, read.pinned());
        if (!kept.equals(read.frames()) || read.problem().isPresent()) {
            try {
                Timeline.write(dir, kept);
            } catch (RunStorageException e) {
                notices.accept(RunMessage.of(e));
            }
        }
        return recorder;
    }

    /**
     * Keeps the pins the run starts with, a resumed run's earlier ones added to {@code pins} (it goes on recording
     * them); returns what went wrong.
     */
    Optional<RunMessage> start(PinnedSamples pins) {
        pins.addAll(stored);
        try {
            writePins(pins.indices());
            return Optional.empty();
        } catch (RunStorageException e) {
            return Optional.of(RunMessage.of(RunMessage.Code.PINS_NOT_KEPT, RunMessage.of(e)));
        }
    }

    /**
     * Keeps every test image the run has pinned, also one unpinned since: its earlier epochs stay in the timeline,
     * and the run's pins are how a reader finds them without decoding every frame.
     */
    private void writePins(List<Integer> indices) throws RunStorageException {
        List<Integer> all = new PinnedSamples(stored).withAll(indices);
        if (!all.equals(stored)) {
            PinnedSamples.write(dir, all);
            stored = all;
        }
    }

    /**
     * Records epoch {@code epoch} through {@code mapper}; returns what went wrong: like the
     * confusion matrix, the timeline is not worth a run, so training goes on without it.
     */
    Optional<RunMessage> record(int epoch, FeatureMapper mapper, ImageSource test, PinnedSamples pins) {
        long start = System.nanoTime();
        try {
            List<Integer> indices = pins.indices();
            InputSpec in = mapper.architecture().input();
            Shape shape = in.shape();
            List<Timeline.Sample> samples = new ArrayList<>();
            for (int index : indices) {
                if (index < test.size()) {
                    float[] pixels = test.pixels(index, in.channels(), in.height(), in.width());
                    samples.add(new Timeline.Sample(index, test.label(index), shape, pixels, mapper.compute(pixels)));
                }
            }
            frames.put(epoch, TimelineCodec.encode(new Timeline.Epoch(epoch, samples, mapper.firstLayerFilters())));
            Timeline.write(dir, frames);
            writePins(indices);
            LOGGER.debug("Timeline of epoch {}: {} samples, {} bytes, {} ms", epoch, samples.size(),
                    frames.get(epoch).length, (System.nanoTime() - start) / 1_000_000);
            return Optional.empty();
        } catch (RunStorageException | RuntimeException e) {
            frames.remove(epoch);
            LOGGER.warn("Timeline of epoch {} not kept", epoch, e);
            return Optional.of(RunMessage.of(RunMessage.Code.TIMELINE_NOT_KEPT, String.valueOf(epoch), RunMessage.of(e)));
        }
    }
}
