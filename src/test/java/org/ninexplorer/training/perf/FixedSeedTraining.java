package org.ninexplorer.training.perf;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.NetworkBuilder;

import java.util.Locale;

/**
 * Run in a child JVM by {@link FastPathCorrectnessTest}, once per fast-path setting (DL4J reads the
 * helper setting once per JVM): trains fashion-28 from fixed seeds on fixed data and prints the status
 * line, one {@code loss=} line per iteration and the final training-batch accuracy.
 */
public final class FixedSeedTraining {

    static final int ITERATIONS = 10;
    static final int BATCH = 32;

    public static void main(String[] args) {
        System.out.println("status " + FastPath.enable().description());
        MultiLayerNetwork net = NetworkBuilder.build(Presets.FASHION_28, Hyperparameters.defaults().withBatchSize(BATCH), 1);
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 1, 28, 28);
        INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int i = 0; i < BATCH; i++) {
            y.putScalar(i, i % 10, 1.0); // a learnable labelling: class c brightens rows 2c..2c+2
            x.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.interval(2 * (i % 10), 2 * (i % 10) + 3),
                    NDArrayIndex.all()).addi(2.0);
        }
        Nd4j.getRandom().setSeed(11); // dropout draws from here, identically in both runs
        for (int it = 1; it <= ITERATIONS; it++) {
            net.fit(x, y);
            System.out.printf(Locale.ROOT, "loss=%.8f%n", net.score());
        }
        INDArray predicted = net.output(x, false).argMax(1);
        System.out.printf(Locale.ROOT, "accuracy=%.6f%n",
                predicted.eq(y.argMax(1)).castTo(DataType.FLOAT).meanNumber().doubleValue());
    }
}
