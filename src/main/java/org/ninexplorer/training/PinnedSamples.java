package org.ninexplorer.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The test images whose feature maps a run keeps at the end of every epoch (its timeline): shared between the
 * window, which pins and unpins them at any time, and the training thread, which reads them once an epoch.
 * A run keeps them in {@code pinned.txt}, one test-set index a line, so a loaded run knows its pins: every image
 * it has pinned, also one unpinned during the run (its earlier epochs are still in the timeline).
 */
public final class PinnedSamples {

    public static final String FILE = "pinned.txt";
    /** More would make the epoch end slow and the timeline large; a lesson needs a handful. */
    public static final int MAX = 32;
    private static final String HEADER = "# test-set indices of the pinned samples, one a line";

    private final TreeSet<Integer> indices = new TreeSet<>();

    public PinnedSamples() {
    }

    public PinnedSamples(Collection<Integer> pinned) {
        set(pinned);
    }

    /** The pinned indices, in order. */
    public synchronized List<Integer> indices() {
        return List.copyOf(indices);
    }

    /** Replaces the pins (at most {@link #MAX}, the lowest kept). */
    public synchronized void set(Collection<Integer> pinned) {
        indices.clear();
        pinned.stream().filter(i -> i >= 0).distinct().sorted().limit(MAX).forEach(indices::add);
    }

    /** Adds {@code more} to the pins, up to {@link #MAX}. */
    public synchronized void addAll(Collection<Integer> more) {
        set(withAll(more));
    }

    /** These pins and {@code more}, in order, up to {@link #MAX}; this is left as it is. */
    synchronized List<Integer> withAll(Collection<Integer> more) {
        List<Integer> all = new ArrayList<>(indices);
        all.addAll(more);
        return all.stream().distinct().sorted().limit(MAX).toList();
    }

    /** The pins stored in {@code runDir}; none when it has no {@value #FILE} (a run from before pins were kept). */
    public static List<Integer> read(Path runDir) throws RunStorageException {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunStorageException(RunFiles.cannotRead(file, e), e);
        }
        TreeSet<Integer> read = new TreeSet<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                int index = Integer.parseInt(line.strip());
                if (index < 0) {
                    throw new NumberFormatException();
                }
                read.add(index);
            } catch (NumberFormatException e) {
                throw new RunStorageException(RunMessage.of(RunMessage.Code.PINS_DAMAGED, FILE, runDir.toString(), line), null);
            }
        }
        return List.copyOf(read);
    }

    static void write(Path runDir, List<Integer> pinned) throws RunStorageException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        pinned.forEach(i -> lines.add(Integer.toString(i)));
        RunFiles.replace(runDir.resolve(FILE), tmp -> Files.write(tmp, lines, StandardCharsets.UTF_8));
    }
}
