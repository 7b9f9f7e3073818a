package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.data.BatchIterator;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Coded;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.perf.PredictionThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One training run. {@link #call()} trains on the calling thread (a JavaFX {@code Task} in the
 * window, the main thread in the CLI) until the epochs are done, the user stops it, or the loss
 * diverges; {@link #pause()}, {@link #resume()} and {@link #stop()} may be called from any
 * thread and act between two iterations. Events reach the consumer on a separate thread.
 *
 * <p>Terminal states: {@code COMPLETED} (model.zip written), {@code STOPPED} (model.zip holds
 * the model trained so far), {@code DIVERGED} (the last good checkpoint is kept, nothing newer is
 * written), {@code FAILED} (an error; checkpoints so far are kept).
 */
public final class TrainingRun {

    private static final Logger LOGGER = LoggerFactory.getLogger(TrainingRun.class);

    private final TrainingRequest request;
    private final Consumer<TrainingEvent> consumer;
    private final RunDirectory resumeFrom;
    private final RunControl control = new RunControl();
    private volatile boolean snapshotRequested;
    private volatile FeatureMapper snapshot;
    private volatile PinnedSamples pinned = new PinnedSamples();

    public TrainingRun(TrainingRequest request, Consumer<TrainingEvent> consumer) {
        this(request, consumer, null);
    }

    private TrainingRun(TrainingRequest request, Consumer<TrainingEvent> consumer, RunDirectory resumeFrom) {
        this.request = request;
        this.consumer = consumer;
        this.resumeFrom = resumeFrom;
    }

    /**
     * Continues a run from its newest intact checkpoint towards {@code epochs} epochs (its record's, or more),
     * with the recipe its record names and the dataset its record names, opened by the caller. The run
     * stays locked until {@link #call()} returns.
     */
    public static TrainingRun resume(RunDirectory run, Dataset dataset, int epochs, Consumer<TrainingEvent> consumer) {
        RunRecord record = run.record();
        TrainingRequest request = new TrainingRequest(record.architecture(), record.hyperparameters().withEpochs(epochs),
                dataset, record.datasetSpec(), run.path(), record.limitTrain(), record.limitTest());
        return new TrainingRun(request, consumer, run);
    }

    /** The test images whose maps each epoch's end keeps in the run's timeline; read once an epoch, so they may change. */
    public TrainingRun pinning(PinnedSamples samples) {
        this.pinned = samples;
        return this;
    }

    public TrainingRequest request() {
        return request;
    }

    /** Refuses what cannot train, with every reason, before anything is written. */
    public static void validate(TrainingRequest request) throws TrainingException {
        Analysis analysis = ShapeInference.analyze(request.architecture());
        if (!analysis.valid()) {
            throw new TrainingException(new InvalidArchitectureException(analysis).getMessage());
        }
        List<String> problems = request.hyperparameters().problems();
        if (!problems.isEmpty()) {
            throw new TrainingException(String.join("; ", problems));
        }
        Architecture arch = request.architecture();
        Dataset data = request.dataset();
        if (data.classes() != arch.classes()) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.CLASSES_DIFFER, data.name(),
                    String.valueOf(data.classes()), String.valueOf(arch.classes())));
        }
        MemoryCheck.check(request);
    }

    /**
     * Trains until done, stopped, diverged or failed; returns the final event (also sent to the consumer).
     * Throws only when the run cannot start; once it has, every error, {@link Error}s included, ends it
     * as {@code FAILED}.
     */
    public TrainingEvent.Finished call() throws TrainingException {
        RunDirectory run = resumeFrom;
        try {
            validate(request);
            BackendInfo backend = NetworkBuilder.backendFor(request.architecture());
            if (run == null) {
                run = RunDirectory.create(request.runDirectory(), request, backend);
            }
            Prepared prepared = prepare(run);
            MultiLayerNetwork net = prepared.net();
            AccuracyListener accuracy = new AccuracyListener();
            net.setListeners(accuracy);
            snapshot = FeatureMapper.snapshot(request.architecture(), net);
            try (EventDispatcher events = new EventDispatcher(consumer); CrashDumps dumps = CrashDumps.into(run.path())) {
                run.notices().forEach(notice -> events.publish(new TrainingEvent.Notice(notice)));
                run.startTimeline(pinned).ifPresent(problem -> events.publish(new TrainingEvent.Notice(problem)));
                RunDirectory dir = run;
                TrainingEvent.Finished finished = PredictionThreads.whileTraining(
                        () -> train(net, dir, accuracy, events, dumps, backend, prepared.epochsDone()));
                events.publish(finished);
                return finished;
            } finally {
                NetworkBuilder.releaseNativeBuffers(net);
            }
        } catch (RuntimeException | Error e) {
            // train() ends every error in a FAILED outcome; this went wrong before it could begin.
            LOGGER.error("Training could not start", e);
            RunMessage reason = RunMessage.of(RunMessage.Code.COULD_NOT_START, e.toString());
            if (run != null && resumeFrom == null) {
                recordFailure(run, reason);
            }
            throw new TrainingException(reason, e);
        } finally {
            if (run != null) {
                run.close();
            }
        }
    }

    private record Prepared(MultiLayerNetwork net, int epochsDone) {
    }

    /** The network to train and the epochs it has done: new, or from the run's newest intact checkpoint. */
    private Prepared prepare(RunDirectory run) throws TrainingException {
        Hyperparameters hp = request.hyperparameters();
        if (resumeFrom == null) {
            return new Prepared(NetworkBuilder.build(request.architecture(), hp, iterationsPerEpoch()), 0);
        }
        Optional<Checkpoints.Loaded> checkpoint = run.newestCheckpoint();
        int done = checkpoint.map(Checkpoints.Loaded::epoch).orElse(0);
        if (done > hp.epochs()) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.TRAINED_FURTHER, run.path().toString(),
                    String.valueOf(done), String.valueOf(hp.epochs())));
        }
        MultiLayerNetwork net = checkpoint.isPresent()
                ? NetworkBuilder.resumed(request.architecture(), hp, iterationsPerEpoch(), checkpoint.get().net())
                : NetworkBuilder.build(request.architecture(), hp, iterationsPerEpoch());
        run.prepareResume(done, hp.epochs());
        return new Prepared(net, done);
    }

    private TrainingEvent.Finished train(MultiLayerNetwork net, RunDirectory run, AccuracyListener accuracy,
                                         EventDispatcher events, CrashDumps dumps, BackendInfo backend, int done) {
        Architecture arch = request.architecture();
        Hyperparameters hp = request.hyperparameters();
        Dataset data = request.dataset();
        var in = arch.input();
        int trainImages = count(data.train().size(), request.limitTrain());
        int testImages = count(data.test().size(), request.limitTest());
        int iterationsPerEpoch = iterationsPerEpoch();
        events.publish(new TrainingEvent.Started(backend, run.path().toString(), done + 1, hp.epochs(),
                iterationsPerEpoch, trainImages, testImages));
        Throughput throughput = new Throughput(trainImages, testImages, hp.epochs() - done);
        SilentClasses silent = new SilentClasses(arch);
        long global = (long) done * iterationsPerEpoch;
        int epoch = done;
        try (BatchIterator train = new BatchIterator(data.train(), data.classes(), hp.batchSize(), in.channels(),
                in.height(), in.width(), hp.seed(), true, request.limitTrain());
             BatchIterator test = new BatchIterator(data.test(), data.classes(), hp.batchSize(), in.channels(),
                     in.height(), in.width(), hp.seed(), false, request.limitTest())) {
            for (epoch = done + 1; epoch <= hp.epochs(); epoch++) {
                startEpoch(train, epoch);
                accuracy.resetCounts();
                throughput.epochStarted();
                double lossSum = 0;
                int images = 0;
                int iteration = 0;
                while (train.hasNext()) {
                    if (!awaitIfPaused(events, throughput, epoch, iteration)) {
                        return stopped(net, run, epoch, iteration, global > (long) done * iterationsPerEpoch,
                                RunMessage.Code.STOPPED_DURING_EPOCH);
                    }
                    if (events.failure() != null) {
                        return failed(run, epoch, events.failure(), dumps);
                    }
                    DataSet batch = train.next();
                    INDArray labels = batch.getLabels();
                    accuracy.expect(labels);
                    net.fit(batch);
                    double loss = net.score();
                    iteration++;
                    global++;
                    int n = (int) labels.size(0);
                    BatchRelease.forget(net);
                    train.recycle(batch);
                    if (!Double.isFinite(loss)) {
                        return diverged(run, epoch, iteration,
                                RunMessage.of(RunMessage.Code.LOSS_NOT_FINITE, String.valueOf(loss)));
                    }
                    if (!Finiteness.all(net.params())) {
                        return diverged(run, epoch, iteration, RunMessage.of(RunMessage.Code.WEIGHTS_NOT_FINITE,
                                String.format(Locale.ROOT, "%.4f", loss)));
                    }
                    lossSum += loss * n;
                    images += n;
                    throughput.trained(n);
                    run.appendIteration(epoch, iteration, loss);
                    events.publish(new TrainingEvent.Iteration(epoch, iteration, global, loss,
                            (double) images / trainImages, throughput.imagesPerSecond(), throughput.etaSeconds()));
                    if (snapshotRequested) {
                        refreshSnapshot(net);
                    }
                }
                events.publish(new TrainingEvent.Evaluating(epoch));
                double trainSeconds = throughput.epochSeconds();
                TestPredictions tested = TestEvaluation.evaluate(net, test, epoch, data.classes(),
                        control::stopRequested, silent);
                double testAccuracy = tested.matrix().accuracy();
                if (control.stopRequested()) {
                    return stopped(net, run, epoch, iteration, true, RunMessage.Code.STOPPED_WHILE_TESTING);
                }
                silent.confirm(net, test);
                throughput.epochDone(testImages);
                double seconds = throughput.epochSeconds();
                TrainingEvent.Epoch summary = new TrainingEvent.Epoch(epoch, lossSum / images, accuracy.accuracy(),
                        testAccuracy, seconds, images / trainSeconds);
                if (!Finiteness.network(net)) {
                    return diverged(run, epoch, iteration, RunMessage.of(RunMessage.Code.OPTIMIZER_NOT_FINITE));
                }
                // Metrics first: a run killed in between resumes from the previous checkpoint and drops this row.
                run.appendEpoch(summary);
                run.recordMemory(RunMemory.measure(request));
                run.writeCheckpoint(net, epoch);
                run.recordConfusion(tested).ifPresent(problem -> events.publish(new TrainingEvent.Notice(problem)));
                refreshSnapshot(net);
                run.recordTimeline(epoch, snapshot, data.test(), pinned).ifPresent(p -> events.publish(new TrainingEvent.Notice(p)));
                events.publish(new TrainingEvent.Tested(tested));
                events.publish(summary);
                silent.notice(epoch, data.classNames(), hp.learningRate())
                        .ifPresent(alert -> events.publish(new TrainingEvent.Alert(alert)));
            }
            run.writeFinalModel(net);
            run.finish(RunStatus.COMPLETED, null);
            return new TrainingEvent.Finished(TrainingEvent.Outcome.COMPLETED, RunMessage.of(RunMessage.Code.COMPLETED,
                    hp.epochs(), run.path().resolve(RunDirectory.MODEL_ZIP).toString()), hp.epochs());
        } catch (IOException | RuntimeException | Error e) {
            // Errors too: an OutOfMemoryError or StackOverflowError has unwound by now and leaves the JVM usable.
            return failed(run, epoch, e, dumps);
        }
    }

    /**
     * Epoch {@code epoch}'s batches and random numbers (dropout) depend on the seed and the epoch alone, so a
     * run resumed from a checkpoint trains exactly as it would have without the interruption.
     */
    private void startEpoch(BatchIterator train, int epoch) {
        train.startEpoch(epoch - 1);
        Nd4j.getRandom().setSeed(request.hyperparameters().seed() + epoch);
    }

    private int iterationsPerEpoch() {
        int images = count(request.dataset().train().size(), request.limitTrain());
        return (images + request.hyperparameters().batchSize() - 1) / request.hyperparameters().batchSize();
    }

    private static int count(int size, int limit) {
        return limit > 0 ? Math.min(limit, size) : size;
    }

    /**
     * Keeps what was trained: model.zip, unless nothing was (a stop while the run was preparing), or the
     * network is no longer finite (possible only for a checkpoint written before this was checked).
     */
    private TrainingEvent.Finished stopped(MultiLayerNetwork net, RunDirectory run, int epoch, int iteration,
                                           boolean trained, RunMessage.Code when) throws IOException {
        int epochsCompleted = epoch - 1;
        if (!trained) {
            RunMessage reason = epochsCompleted > 0
                    ? RunMessage.of(RunMessage.Code.STOPPED_BEFORE_GOING_ON, String.valueOf(epochsCompleted))
                    : RunMessage.of(RunMessage.Code.STOPPED_BEFORE_BEGINNING);
            run.finish(RunStatus.STOPPED, reason);
            return new TrainingEvent.Finished(TrainingEvent.Outcome.STOPPED, reason, epochsCompleted);
        }
        if (!Finiteness.network(net)) {
            return diverged(run, epoch, iteration, RunMessage.of(RunMessage.Code.NETWORK_NOT_FINITE));
        }
        run.writeFinalModel(net);
        RunMessage reason = RunMessage.of(when, String.valueOf(epoch), run.path().resolve(RunDirectory.MODEL_ZIP).toString());
        run.finish(RunStatus.STOPPED, reason);
        refreshSnapshot(net);
        return new TrainingEvent.Finished(TrainingEvent.Outcome.STOPPED, reason, epochsCompleted);
    }

    /** Nothing is written after divergence: the checkpoints on disk all passed the check before they were written. */
    private TrainingEvent.Finished diverged(RunDirectory run, int epoch, int iteration, RunMessage what)
            throws IOException {
        RunMessage kept = epoch > 1 ? RunMessage.of(RunMessage.Code.CHECKPOINT_KEPT, String.valueOf(epoch - 1),
                run.path().resolve(Checkpoints.FOLDER).toString()) : RunMessage.of(RunMessage.Code.NO_CHECKPOINT);
        RunMessage reason = RunMessage.of(RunMessage.Code.DIVERGED, String.valueOf(epoch), String.valueOf(iteration),
                what, String.valueOf(request.hyperparameters().learningRate()), kept);
        run.finish(RunStatus.DIVERGED, reason);
        return new TrainingEvent.Finished(TrainingEvent.Outcome.DIVERGED, reason, epoch - 1);
    }

    private static TrainingEvent.Finished failed(RunDirectory run, int epoch, Throwable error, CrashDumps dumps) {
        // A file that could not be written says which, in a sentence of its own: no stack trace for a full disk.
        boolean storage = error instanceof RunStorageException;
        if (storage) {
            LOGGER.warn("Training failed in epoch {}: {}", epoch, error.getMessage());
        } else {
            LOGGER.error("Training failed in epoch {}", epoch, error);
        }
        // A coded error from below (an unreadable image) is kept in English: the record holds engine messages only.
        RunMessage what = storage ? RunMessage.of(error) : RunMessage.text(error instanceof Coded coded
                ? error.getClass().getName() + ": " + RunMessage.inEnglish(coded) : error.toString());
        RunMessage reason = dumps.latest().map(f -> RunMessage.of(RunMessage.Code.FAILED_WITH_REPORT,
                String.valueOf(epoch), what, f.toString()))
                .orElse(RunMessage.of(RunMessage.Code.FAILED, String.valueOf(epoch), what));
        recordFailure(run, reason);
        return new TrainingEvent.Finished(TrainingEvent.Outcome.FAILED, reason, Math.max(0, epoch - 1));
    }

    private static void recordFailure(RunDirectory run, RunMessage reason) {
        try {
            run.finish(RunStatus.FAILED, reason);
        } catch (RunStorageException e) {
            LOGGER.warn("Cannot record the failure: {}", e.getMessage()); // the original failure is what the user needs
        } catch (IOException | RuntimeException e) {
            LOGGER.error("Cannot record the failure in {}", run.path(), e);
        }
    }

    /** Blocks while paused; returns false when the run should stop. */
    private boolean awaitIfPaused(EventDispatcher events, Throughput throughput, int epoch, int iteration) {
        return control.awaitIfPaused(() -> {
            throughput.paused();
            events.publish(new TrainingEvent.Paused(epoch, iteration));
        }, () -> {
            throughput.resumed();
            events.publish(new TrainingEvent.Resumed(epoch, iteration));
        });
    }

    private void refreshSnapshot(MultiLayerNetwork net) {
        snapshotRequested = false;
        snapshot = FeatureMapper.snapshot(request.architecture(), net);
    }

    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    /** Stops within one iteration, keeping the model trained so far; also ends a pause. */
    public void stop() {
        control.stop();
    }

    /**
     * A copy of the network as of the last epoch end (or the last {@link #requestSnapshot()}),
     * for feature maps while training goes on; {@code null} before training starts.
     */
    public FeatureMapper featureMapper() {
        return snapshot;
    }

    /** Asks for a fresh {@link #featureMapper()} after the next iteration. */
    public void requestSnapshot() {
        snapshotRequested = true;
    }
}
