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
import org.ninexplorer.training.RunResumption;
import org.ninexplorer.training.RunRecord;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Trains an architecture headless, printing one line per epoch in the reference's format. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a NiN on a dataset, printing one line per epoch.",
        footer = "Ctrl+C (or SIGTERM, SIGHUP) stops after the current iteration and keeps the model; a second one "
                + "quits at once. Exit status: 0 when all epochs ran, 1 when the run diverged or failed, 2 for a "
                + "usage error, 128 + the signal when one stopped it (130 for Ctrl+C).")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    ArchitectureOptions architecture;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--dataset", paramLabel = "NAME|DIR",
            description = "sample (bundled), fashion-mnist, mnist, or a folder (IDX files or one sub-folder per class). "
                    + "Default: fashion-mnist when it is in the data directory, else the bundled sample.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where datasets and runs live "
            + "(default: $NIN_EXPLORER_DATA, else the per-user data directory).")
    Path dataDir;

    // Unset options come from the recipe recommended for the chosen net and the number of training images
    // (Hyperparameters.recommendedFor), which `train` prints before it starts; the help names no numbers so that
    // it cannot drift from it.
    @Option(names = "--epochs", description = "Default: the net's recipe.")
    Integer epochs;

    @Option(names = "--batch", description = "Default: the net's recipe.")
    Integer batch;

    @Option(names = "--lr", description = "Learning rate. Default: the net's recipe.")
    Double lr;

    @Option(names = "--schedule", paramLabel = "constant|cosine|warmup-cosine", description = "Learning rate over the "
            + "run: constant, cosine decay to zero, or that decay after a linear rise over the first 500 steps. "
            + "Default: the net's recipe.")
    String schedule;

    @Option(names = "--optimizer", description = "adam or sgd (Nesterov momentum 0.9). Default: the net's recipe.")
    String optimizer;

    @Option(names = "--weight-init", paramLabel = "xavier|he|uniform|pytorch",
            description = "Weight initialisation (pytorch: weights and biases as PyTorch's Conv2d). "
                    + "Default: the net's recipe.")
    String weightInit;

    @Option(names = "--limit-train", paramLabel = "N", description = "Use only N training images.")
    int limitTrain;

    @Option(names = "--limit-test", paramLabel = "N", description = "Use only N test images.")
    int limitTest;

    @Option(names = "--seed", description = "Default: the net's recipe.")
    Long seed;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Where to keep this run (default: DATA/runs/<time>-<net>).")
    Path runDir;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue a run from its last checkpoint, with the settings in its run.json; "
            + "only --epochs (to train it further) and --data-dir may be given with it.")
    Path resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        precision.apply(); // before anything starts ND4J
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataDirectory data = DataDirectory.resolve(dataDir);
        EpochPrinter printer = new EpochPrinter(out, err, System.console() != null);
        TrainingRun run;
        try {
            Optional<TrainingRun> chosen = resume != null ? resumed(data, out, err, printer)
                    : Optional.of(fresh(data, err, printer));
            if (chosen.isEmpty()) {
                return 0;
            }
            run = chosen.get();
            err.println("recipe: " + run.request().hyperparameters().summary());
        } catch (TrainingException e) {
            throw new UsageProblem(e.getMessage());
        } catch (DatasetException e) {
            throw new UsageProblem(DiagnosticLines.ENGLISH.error(e));
        }
        try (StopSignals signals = StopSignals.install(run::stop, printer::kept, err)) {
            TrainingEvent.Finished finished;
            try {
                finished = run.call(); // every event has reached the printer when call() returns
            } catch (TrainingException e) {
                throw new UsageProblem(e.getMessage());
            }
            out.println(DiagnosticLines.ENGLISH.engine(finished.message()));
            printer.memory().ifPresent(m -> out.println(m.line()));
            out.flush();
            return exitStatus(finished.outcome(), signals);
        }
    }

    /** 0 when all epochs ran or the user stopped the run; 128 + the signal when a signal stopped it; else 1. */
    private static int exitStatus(TrainingEvent.Outcome outcome, StopSignals signals) {
        return switch (outcome) {
            case COMPLETED -> 0;
            case STOPPED -> signals.exitStatus().orElse(0);
            case DIVERGED, FAILED -> 1;
        };
    }

    private TrainingRun fresh(DataDirectory data, PrintWriter err, EpochPrinter printer)
            throws DatasetException, TrainingException {
        Architecture arch = architecture.resolveValid();
        String spec = dataset != null ? dataset
                : Datasets.isPresent(DatasetKind.FASHION_MNIST, data) ? "fashion-mnist" : "sample";
        Dataset opened = open(spec, data, err);
        int trainImages = limitTrain > 0 ? Math.min(limitTrain, opened.train().size()) : opened.train().size();
        Hyperparameters hp = hyperparameters(Hyperparameters.recommendedFor(arch, trainImages));
        TrainingRequest request = new TrainingRequest(arch, hp, opened, spec, runDir, limitTrain, limitTest);
        TrainingRun.validate(request); // before a run folder is made for it
        return new TrainingRun(runDir != null ? request
                : request.withRunDirectory(RunDirectory.newRunPath(data.root().resolve("runs"), architecture.label())),
                printer);
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

    /**
     * The run to continue (locked, so no other process can write it meanwhile), or empty, having said
     * so, when it is complete and no larger --epochs asks for more.
     */
    private Optional<TrainingRun> resumed(DataDirectory data, PrintWriter out, PrintWriter err, EpochPrinter printer)
            throws TrainingException, DatasetException {
        RunResumption resumption = RunResumption.open(resume, epochs);
        try {
            refuseChangedSettings(resumption.record());
            if (resumption.complete()) {
                out.println(resumption.completeMessage());
                resumption.close();
                return Optional.empty();
            }
            err.println(DiagnosticLines.ENGLISH.engine(resumption.description()));
            return Optional.of(resumption.start(open(resumption.record().datasetSpec(), data, err), printer));
        } catch (RuntimeException | DatasetException e) {
            resumption.close();
            throw e;
        }
    }

    /** A resumed run keeps its record's settings: a different one given with --resume is refused, not ignored. */
    private void refuseChangedSettings(RunRecord record) {
        Hyperparameters was = record.hyperparameters();
        Hyperparameters asked = hyperparameters(was);
        List<String> changed = new ArrayList<>();
        differs(changed, "--optimizer", asked.optimizer().label(), was.optimizer().label());
        differs(changed, "--lr", asked.learningRate(), was.learningRate());
        differs(changed, "--schedule", asked.schedule().label(), was.schedule().label());
        differs(changed, "--batch", asked.batchSize(), was.batchSize());
        differs(changed, "--seed", asked.seed(), was.seed());
        differs(changed, "--weight-init", asked.weightInit().label(), was.weightInit().label());
        differs(changed, "--dataset", dataset != null ? dataset : record.datasetSpec(), record.datasetSpec());
        differs(changed, "--limit-train", given("--limit-train") ? limitTrain : record.limitTrain(), record.limitTrain());
        differs(changed, "--limit-test", given("--limit-test") ? limitTest : record.limitTest(), record.limitTest());
        for (String option : List.of("--preset", "--arch", "--input", "--run-dir")) {
            if (given(option)) {
                changed.add(option + " (a resumed run keeps its folder and the architecture in its "
                        + RunDirectory.RUN_JSON + ")");
            }
        }
        if (!changed.isEmpty()) {
            throw new UsageProblem("--resume continues a run with the settings in its " + RunDirectory.RUN_JSON
                    + ", which these would change: " + String.join("; ", changed) + ". Only --epochs (to train it "
                    + "further) and --data-dir apply to a resumed run; start a new run to change the others.");
        }
    }

    private static void differs(List<String> changed, String option, Object asked, Object was) {
        if (!asked.equals(was)) {
            changed.add(option + " " + asked + " (the run has " + was + ")");
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static Dataset open(String spec, DataDirectory data, PrintWriter err) throws DatasetException {
        Dataset opened = spec.equals("sample") ? Datasets.bundledSample()
                : Datasets.openOrDownload(spec, data, new Downloader(), new DownloadPrinter(err), () -> false);
        err.println("dataset: " + opened.name());
        return opened;
    }
}
