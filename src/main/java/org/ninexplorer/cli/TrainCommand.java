package org.ninexplorer.cli;

import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.DatasetException;
import org.ninexplorer.data.DatasetKind;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.data.Downloader;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.training.Optimizer;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** Trains an architecture headless, printing one line per epoch in the reference's format. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a NiN on a dataset, printing one line per epoch.")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    ArchitectureOptions architecture;

    @Option(names = "--dataset", paramLabel = "NAME|DIR",
            description = "sample (bundled), fashion-mnist, mnist, or a folder (IDX files or one sub-folder per class). "
                    + "Default: fashion-mnist when it is in the data directory, else the bundled sample.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where datasets and runs live "
            + "(default: $NIN_EXPLORER_DATA, else the per-user data directory).")
    Path dataDir;

    // Unset options come from the recipe recommended for the chosen net (Hyperparameters.recommendedFor),
    // which `train` prints before it starts; the help names no numbers so that it cannot drift from it.
    @Option(names = "--epochs", description = "Default: the net's recipe.")
    Integer epochs;

    @Option(names = "--batch", description = "Default: the net's recipe.")
    Integer batch;

    @Option(names = "--lr", description = "Learning rate. Default: the net's recipe.")
    Double lr;

    @Option(names = "--schedule", paramLabel = "constant|cosine", description = "Learning rate over the run: "
            + "constant, or cosine decay to zero. Default: the net's recipe.")
    String schedule;

    @Option(names = "--optimizer", description = "adam or sgd (Nesterov momentum 0.9). Default: the net's recipe.")
    String optimizer;

    @Option(names = "--weight-init", paramLabel = "xavier|he|uniform",
            description = "Weight initialisation. Default: the net's recipe.")
    String weightInit;

    @Option(names = "--limit-train", paramLabel = "N", description = "Use only N training images.")
    int limitTrain;

    @Option(names = "--limit-test", paramLabel = "N", description = "Use only N test images.")
    int limitTest;

    @Option(names = "--seed", description = "Default: the net's recipe.")
    Long seed;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Where to keep this run (default: DATA/runs/<time>-<net>).")
    Path runDir;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue a run from its last checkpoint.")
    Path resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataDirectory data = DataDirectory.resolve(dataDir);
        EpochPrinter printer = new EpochPrinter(out, err, System.console() != null);
        TrainingRun run;
        try {
            run = resume != null ? resumed(data, err, printer) : fresh(data, err, printer);
            TrainingRun.validate(run.request());
            err.println("recipe: " + run.request().hyperparameters().summary());
        } catch (TrainingException | DatasetException e) {
            throw new UsageProblem(e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "stop-training"));
        TrainingEvent.Finished finished;
        try {
            finished = run.call(); // every event has reached the printer when call() returns
        } catch (TrainingException e) {
            throw new UsageProblem(e.getMessage());
        }
        out.println(finished.message());
        out.flush();
        return finished.outcome() == TrainingEvent.Outcome.COMPLETED
                || finished.outcome() == TrainingEvent.Outcome.STOPPED ? 0 : 1;
    }

    private TrainingRun fresh(DataDirectory data, PrintWriter err, EpochPrinter printer) throws DatasetException {
        Architecture arch = architecture.resolve();
        String spec = dataset != null ? dataset
                : Datasets.isPresent(DatasetKind.FASHION_MNIST, data) ? "fashion-mnist" : "sample";
        Dataset opened = open(spec, data, err);
        Hyperparameters hp = hyperparameters(Hyperparameters.recommendedFor(arch));
        Path dir = runDir != null ? runDir : data.root().resolve("runs").resolve(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + architecture.label());
        return new TrainingRun(new TrainingRequest(arch, hp, opened, spec, dir, limitTrain, limitTest), printer);
    }

    private Hyperparameters hyperparameters(Hyperparameters recipe) {
        try {
            return new Hyperparameters(
                    optimizer != null ? Optimizer.parse(optimizer) : recipe.optimizer(),
                    lr != null ? lr : recipe.learningRate(),
                    schedule != null ? LearningRateSchedule.parse(schedule) : recipe.schedule(),
                    batch != null ? batch : recipe.batchSize(),
                    epochs != null ? epochs : recipe.epochs(),
                    seed != null ? seed : recipe.seed(),
                    weightInit != null ? Hyperparameters.WeightInitChoice.parse(weightInit) : recipe.weightInit());
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(e.getMessage());
        }
    }

    private TrainingRun resumed(DataDirectory data, PrintWriter err, EpochPrinter printer)
            throws TrainingException, DatasetException {
        RunDirectory record = RunDirectory.open(resume);
        return TrainingRun.resume(record, open(record.datasetSpec(), data, err), printer);
    }

    private static Dataset open(String spec, DataDirectory data, PrintWriter err) throws DatasetException {
        Dataset opened = spec.equals("sample") ? Datasets.bundledSample()
                : Datasets.openOrDownload(spec, data, new Downloader(), new DownloadPrinter(err), () -> false);
        err.println("dataset: " + opened.name());
        return opened;
    }
}
