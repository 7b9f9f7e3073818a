package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.ninexplorer.data.BatchIterator;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.InputSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The test pass: one forward pass over the test images gives each image's predicted class and its probability,
 * from which come both the test accuracy and the confusion matrix. Used at the end of each epoch on the
 * training thread, and for a run on disk from one of its checkpoints.
 */
public final class TestEvaluation {

    private TestEvaluation() {
    }

    /**
     * The answers of {@code net} for the images {@code test} visits (it must not shuffle); stops early, with what
     * it has, when {@code stop} says so. {@code silent} watches the same pass.
     */
    static TestPredictions evaluate(MultiLayerNetwork net, BatchIterator test, int epoch, int classes,
                                    BooleanSupplier stop, SilentClasses silent) {
        test.reset();
        silent.startPass();
        int[] indices = test.subset(); // the unshuffled visiting order
        List<TestPredictions.Prediction> predictions = new ArrayList<>(indices.length);
        while (test.hasNext() && !stop.getAsBoolean()) {
            DataSet batch = test.next();
            INDArray output = net.output(batch.getFeatures(), false);
            float[] probabilities = output.dup('c').data().asFloat();
            float[] labels = batch.getLabels().dup('c').data().asFloat();
            if (output.closeable()) { // a view or a workspace's array is not ND4J's to free
                output.close();
            }
            BatchRelease.forget(net);
            test.recycle(batch);
            int n = labels.length / classes;
            silent.observe(probabilities, n);
            for (int i = 0; i < n; i++) {
                int predicted = argMax(probabilities, i * classes, classes);
                predictions.add(new TestPredictions.Prediction(indices[predictions.size()],
                        argMax(labels, i * classes, classes), predicted, probabilities[i * classes + predicted]));
            }
        }
        return new TestPredictions(epoch, classes, predictions);
    }

    private static int argMax(float[] values, int from, int length) {
        int best = 0;
        for (int c = 1; c < length; c++) {
            if (values[from + c] > values[from + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The epochs of the run in {@code runDir} that have a checkpoint, so that their test can be run again. */
    public static SortedSet<Integer> checkpointEpochs(Path runDir) throws TrainingException {
        SortedSet<Integer> epochs = new TreeSet<>();
        for (Path file : Checkpoints.newestFirst(runDir)) {
            String name = file.getFileName().toString();
            epochs.add(Integer.parseInt(name.substring("epoch-".length(), name.length() - ".zip".length())));
        }
        return epochs;
    }

    /**
     * Tests the run in {@code runDir} as it was after {@code epoch} (its checkpoint; the final model for its last
     * epoch when that checkpoint is gone) on the test images it was tested on: {@code data}'s test split, with the
     * run's limit and seed. Slow (a whole test pass): call it off the FX thread.
     */
    public static TestPredictions ofRun(Path runDir, Dataset data, int epoch) throws TrainingException {
        RunRecord record = RunRecord.read(runDir);
        Architecture arch = record.architecture();
        if (data.classes() != arch.classes()) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.RUN_DATA_DIFFERS, data.name(),
                    String.valueOf(data.classes()), String.valueOf(arch.classes()), record.datasetName()));
        }
        Path model = Checkpoints.file(runDir, epoch);
        if (!Files.exists(model) && epoch == record.epochsCompleted()) {
            model = runDir.resolve(RunDirectory.MODEL_ZIP);
        }
        if (!Files.exists(model)) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.NO_CHECKPOINT_OF, runDir.toString(),
                    String.valueOf(epoch)));
        }
        MultiLayerNetwork net;
        try {
            net = NetworkBuilder.loadTrained(arch, model);
        } catch (IOException e) {
            throw new TrainingException(RunFiles.cannotRead(model, e), e);
        } catch (RuntimeException e) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.CANNOT_READ, model.toString(), RunMessage.of(e)), e);
        }
        InputSpec in = arch.input();
        Hyperparameters hp = record.hyperparameters();
        try (BatchIterator test = new BatchIterator(data.test(), data.classes(), hp.batchSize(), in.channels(),
                in.height(), in.width(), hp.seed(), false, record.limitTest())) {
            return evaluate(net, test, epoch, data.classes(), () -> false, new SilentClasses(arch));
        } finally {
            NetworkBuilder.releaseNativeBuffers(net);
        }
    }
}
