package org.ninexplorer.cli;

import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.DatasetException;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.data.Downloader;
import org.ninexplorer.data.LoadingBenchmark;
import org.ninexplorer.model.Limits;
import org.ninexplorer.training.MemoryCheck;
import org.ninexplorer.training.TrainingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Measures how fast the training iterator delivers batches, at the dataset's size and resized. */
@Command(name = "bench-data", mixinStandardHelpOptions = true,
        description = "Measure data loading speed: one line per image size, with images_per_s=<number>.")
public final class DataBenchCommand implements Callable<Integer> {

    @Option(names = "--dataset", paramLabel = "NAME|DIR", defaultValue = "fashion-mnist",
            description = "sample, fashion-mnist, mnist, or a folder (default: ${DEFAULT-VALUE}); "
                    + "a missing fashion-mnist or mnist is downloaded.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $NIN_EXPLORER_DATA, else the per-user data folder).")
    Path dataDir;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--size", split = ",", paramLabel = "PIXELS", defaultValue = "28,224",
            description = "Square image side(s) to deliver, resized when different (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--channels", paramLabel = "C", description = "1 or 3 (default: the dataset's).")
    Integer channels;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "0",
            description = "Batches per measurement; 0 for one whole training epoch (default).")
    int batches;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        DataDirectory dir = DataDirectory.resolve(dataDir);
        long loadStart = System.nanoTime();
        Dataset data;
        try {
            data = Datasets.openOrDownload(dataset, dir, new Downloader(), new DownloadPrinter(spec.commandLine().getErr()), () -> false);
        } catch (DatasetException e) {
            throw new UsageProblem(DiagnosticLines.ENGLISH.error(e));
        }
        out.printf(Locale.ROOT, "loaded %s in %.2f s%n", data.name(), (System.nanoTime() - loadStart) / 1e9);
        int c = channels == null ? data.channels() : channels;
        for (int size : sizes) {
            try {
                MemoryCheck.checkLoading(batch, c, size, size);
            } catch (TrainingException e) {
                throw new UsageProblem(e.getMessage());
            }
        }
        for (int size : sizes) {
            LoadingBenchmark.Measurement m = LoadingBenchmark.measure(data, batch, c, size, batches);
            out.printf(Locale.ROOT, "size=%dx%dx%d batch=%d batches=%d images=%d seconds=%.3f images_per_s=%.0f%n",
                    c, size, size, batch, m.batches(), m.images(), m.seconds(), m.imagesPerSecond());
            out.flush();
        }
        return 0;
    }

    private void checkOptions() {
        if (batch < Limits.MIN_BATCH) {
            throw new UsageProblem("--batch must be at least " + Limits.MIN_BATCH + ", got " + batch);
        }
        if (batches < 0) {
            throw new UsageProblem("--batches must be 0 (a whole epoch) or more, got " + batches);
        }
        for (int size : sizes) {
            if (size < 1 || size > Limits.MAX_SIDE) {
                throw new UsageProblem("--size must be from 1 to " + Limits.MAX_SIDE + ", got " + size);
            }
        }
        if (channels != null && !Limits.isInputChannels(channels)) {
            throw new UsageProblem("--channels: input channels must be 1 (grayscale) or 3 (RGB), got " + channels);
        }
    }
}
