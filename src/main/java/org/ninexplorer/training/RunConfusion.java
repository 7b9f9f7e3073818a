package org.ninexplorer.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run's test-set confusion, the one reader and writer of its two files: {@code confusion.csv} holds every
 * cell of every epoch's matrix ({@code epoch,true,pred,count}, classes² rows an epoch), small enough to keep
 * them all; {@code predictions.csv} holds the answer for each test image of the newest epoch only
 * ({@code epoch,index,true,pred,confidence}), for the images behind a cell. An older epoch's images are
 * recomputed from its checkpoint when asked for ({@link TestEvaluation#ofRun}). Both files are replaced whole.
 */
public record RunConfusion(SortedMap<Integer, ConfusionMatrix> epochs, Optional<TestPredictions> newest) {

    static final String FILE = "confusion.csv";
    static final String PREDICTIONS = "predictions.csv";
    static final String HEADER = "epoch,true,pred,count";
    static final String PREDICTIONS_HEADER = "epoch,index,true,pred,confidence";

    public RunConfusion {
        epochs = Collections.unmodifiableSortedMap(new TreeMap<>(epochs));
    }

    static RunConfusion empty() {
        return new RunConfusion(new TreeMap<>(), Optional.empty());
    }

    /** What {@code runDir} holds; nothing when it has no {@code confusion.csv} (a run from before it was kept). */
    public static RunConfusion read(Path runDir) throws RunStorageException {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) {
            return empty();
        }
        SortedMap<Integer, int[][]> cells = new TreeMap<>();
        List<int[]> rows = rows(file, HEADER, 4);
        if (rows.isEmpty()) {
            return empty();
        }
        int classes = (int) Math.round(Math.sqrt(rows.stream().filter(r -> r[0] == rows.get(0)[0]).count()));
        for (int[] r : rows) {
            if (r[1] >= classes || r[2] >= classes) {
                throw damaged(file, RunMessage.of(RunMessage.Code.CONFUSION_CLASS_OUT_OF_RANGE, String.valueOf(r[0]),
                        String.valueOf(Math.max(r[1], r[2])), String.valueOf(classes)));
            }
            cells.computeIfAbsent(r[0], e -> new int[classes][classes])[r[1]][r[2]] = r[3];
        }
        SortedMap<Integer, ConfusionMatrix> epochs = new TreeMap<>();
        cells.forEach((epoch, counts) -> epochs.put(epoch, new ConfusionMatrix(epoch, counts)));
        if (rows.size() != epochs.size() * classes * classes) {
            throw damaged(file, RunMessage.of(RunMessage.Code.CONFUSION_INCOMPLETE, String.valueOf(classes * classes)));
        }
        return new RunConfusion(epochs, newest(runDir, epochs));
    }

    private static Optional<TestPredictions> newest(Path runDir, SortedMap<Integer, ConfusionMatrix> epochs)
            throws RunStorageException {
        Path file = runDir.resolve(PREDICTIONS);
        if (!Files.exists(file) || epochs.isEmpty()) {
            return Optional.empty();
        }
        List<int[]> rows = rows(file, PREDICTIONS_HEADER, 5);
        int epoch = rows.isEmpty() ? 0 : rows.get(0)[0];
        ConfusionMatrix matrix = epochs.get(epoch);
        if (matrix == null || rows.stream().anyMatch(r -> r[0] != epoch)) {
            return Optional.empty(); // from an epoch a resume has dropped: recomputed when asked for
        }
        List<TestPredictions.Prediction> predictions = new ArrayList<>();
        for (int[] r : rows) {
            predictions.add(new TestPredictions.Prediction(r[1], r[2], r[3], Float.intBitsToFloat(r[4])));
        }
        try {
            TestPredictions read = new TestPredictions(epoch, matrix.classes(), predictions);
            return read.matrix().equals(matrix) ? Optional.of(read) : Optional.empty();
        } catch (IllegalArgumentException e) {
            throw damaged(file, RunMessage.of(e));
        }
    }

    /** The rows as numbers; a confidence (the fifth cell of a prediction) comes back as its float's bits. */
    private static List<int[]> rows(Path file, String header, int width) throws RunStorageException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunStorageException(RunFiles.cannotRead(file, e), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw damaged(file, RunMessage.of(RunMessage.Code.CONFUSION_HEADER, header));
        }
        List<int[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            try {
                if (cells.length != width) {
                    throw new NumberFormatException(width + " cells expected");
                }
                int[] row = new int[width];
                for (int c = 0; c < width; c++) {
                    row[c] = c == 4 ? Float.floatToIntBits(Float.parseFloat(cells[c])) : Integer.parseInt(cells[c]);
                    if (row[c] < 0) {
                        throw new NumberFormatException("negative");
                    }
                }
                rows.add(row);
            } catch (NumberFormatException e) {
                throw damaged(file, RunMessage.of(RunMessage.Code.CONFUSION_NOT_NUMBERS, String.valueOf(i + 1), lines.get(i)));
            }
        }
        return rows;
    }

    private static RunStorageException damaged(Path file, RunMessage why) {
        return new RunStorageException(RunMessage.of(RunMessage.Code.CONFUSION_DAMAGED, file.getFileName().toString(),
                String.valueOf(file.getParent()), why), null);
    }

    /** This with the epochs after {@code epoch} left out, for a resume from that epoch's checkpoint. */
    RunConfusion upTo(int epoch) {
        Optional<TestPredictions> kept = newest.filter(p -> p.epoch() <= epoch);
        return new RunConfusion(epochs.headMap(epoch + 1), kept);
    }

    /** This and {@code tested}, the newest epoch's answers. */
    RunConfusion with(TestPredictions tested) {
        SortedMap<Integer, ConfusionMatrix> more = new TreeMap<>(epochs);
        more.put(tested.epoch(), tested.matrix());
        return new RunConfusion(more, Optional.of(tested));
    }

    /** Replaces both files with what this holds. */
    void write(Path runDir) throws RunStorageException {
        RunFiles.replace(runDir.resolve(FILE), tmp -> Files.write(tmp, cellLines(epochs.values()), StandardCharsets.UTF_8));
        if (newest.isPresent()) {
            TestPredictions p = newest.get();
            List<String> lines = new ArrayList<>(List.of(PREDICTIONS_HEADER));
            p.predictions().forEach(r -> lines.add(String.format(Locale.ROOT, "%d,%d,%d,%d,%s", p.epoch(), r.index(),
                    r.truth(), r.predicted(), Float.toString(r.confidence()))));
            RunFiles.replace(runDir.resolve(PREDICTIONS), tmp -> Files.write(tmp, lines, StandardCharsets.UTF_8));
        } else {
            RunFiles.deleteQuietly(runDir.resolve(PREDICTIONS));
        }
    }

    private static List<String> cellLines(Collection<ConfusionMatrix> matrices) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (ConfusionMatrix m : matrices) {
            for (int t = 0; t < m.classes(); t++) {
                for (int p = 0; p < m.classes(); p++) {
                    lines.add(m.epoch() + "," + t + "," + p + "," + m.count(t, p));
                }
            }
        }
        return lines;
    }
}
