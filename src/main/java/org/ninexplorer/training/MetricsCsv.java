package org.ninexplorer.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's {@code metrics.csv}: one row per iteration and per epoch, appended as training goes. A row past
 * the last checkpoint (or half a row, from a killed app or a full disk) is dropped when the run resumes,
 * so the file always describes the model the checkpoints hold.
 */
final class MetricsCsv implements AutoCloseable {

    static final String FILE = "metrics.csv";
    static final String HEADER = "kind,epoch,iteration,loss,train_acc,test_acc,seconds,images_per_s";

    private final Path file;
    private final BufferedWriter out;

    private MetricsCsv(Path file) throws RunStorageException {
        this.file = file;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw RunFiles.cannotWrite(file, e);
        }
    }

    static MetricsCsv create(Path dir) throws RunStorageException {
        Path file = dir.resolve(FILE);
        RunFiles.replace(file, tmp -> Files.writeString(tmp, HEADER + "\n", StandardCharsets.UTF_8));
        return new MetricsCsv(file);
    }

    /** Keeps the rows of the first {@code epochsCompleted} epochs and appends after them. */
    static MetricsCsv resume(Path dir, int epochsCompleted) throws RunStorageException {
        Path file = dir.resolve(FILE);
        List<String> kept;
        try {
            kept = Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .filter(line -> keep(line, epochsCompleted)).toList()
                    : List.of(HEADER);
        } catch (IOException e) {
            throw new RunStorageException(RunFiles.cannotRead(file, e), e);
        }
        RunFiles.replace(file, tmp -> Files.write(tmp, kept, StandardCharsets.UTF_8));
        return new MetricsCsv(file);
    }

    private static boolean keep(String line, int epochsCompleted) {
        if (line.equals(HEADER)) {
            return true;
        }
        String[] cells = line.split(",", -1);
        return whole(cells) && Integer.parseInt(cells[1]) <= epochsCompleted;
    }

    private static boolean whole(String[] cells) {
        return cells.length == 8 && cells[1].matches("\\d+")
                && (cells[0].equals("iter") || cells[0].equals("epoch") && !cells[7].isEmpty());
    }

    /** Reads the whole file; only its last row may be cut short (a killed app), and is then left out. */
    static RunMetrics read(Path file) throws RunStorageException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RunStorageException(RunMessage.of(RunMessage.Code.METRICS_MISSING, file.getFileName().toString()), e);
        } catch (IOException e) {
            throw new RunStorageException(RunFiles.cannotRead(file, e), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new RunStorageException(RunMessage.of(RunMessage.Code.METRICS_NOT_THIS_FORMAT, file.getFileName().toString(),
                    HEADER), null);
        }
        List<RunMetrics.IterationRow> iterations = new ArrayList<>();
        List<TrainingEvent.Epoch> epochs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",", -1);
            if (!whole(c)) {
                if (i == lines.size() - 1) {
                    break; // cut short by a killed app or a full disk; a resume drops it too
                }
                throw new RunStorageException(RunMessage.of(RunMessage.Code.METRICS_MALFORMED_ROW,
                        file.getFileName().toString(), String.valueOf(i + 1), line), null);
            }
            try {
                int epoch = Integer.parseInt(c[1]);
                if (c[0].equals("iter")) {
                    iterations.add(new RunMetrics.IterationRow(epoch, Integer.parseInt(c[2]), Double.parseDouble(c[3])));
                } else {
                    epochs.add(new TrainingEvent.Epoch(epoch, Double.parseDouble(c[3]), Double.parseDouble(c[4]),
                            Double.parseDouble(c[5]), Double.parseDouble(c[6]), Double.parseDouble(c[7])));
                }
            } catch (NumberFormatException e) {
                throw new RunStorageException(RunMessage.of(RunMessage.Code.METRICS_MALFORMED_NUMBER,
                        file.getFileName().toString(), String.valueOf(i + 1), String.valueOf(e.getMessage()), line), e);
            }
        }
        return new RunMetrics(iterations, epochs);
    }

    void iteration(int epoch, int iteration, double loss) throws RunStorageException {
        write(String.format(Locale.ROOT, "iter,%d,%d,%.6f,,,,%n", epoch, iteration, loss), false);
    }

    void epoch(TrainingEvent.Epoch e) throws RunStorageException {
        write(String.format(Locale.ROOT, "epoch,%d,,%.6f,%.6f,%.6f,%.3f,%.1f%n", e.epoch(), e.trainLoss(),
                e.trainAccuracy(), e.testAccuracy(), e.seconds(), e.imagesPerSecond()), true);
    }

    private void write(String row, boolean flush) throws RunStorageException {
        try {
            out.write(row);
            if (flush) {
                out.flush();
            }
        } catch (IOException e) {
            throw RunFiles.cannotWrite(file, e);
        }
    }

    @Override
    public void close() throws RunStorageException {
        try {
            out.close();
        } catch (IOException e) {
            throw RunFiles.cannotWrite(file, e);
        }
    }
}
