package org.ninexplorer.training.perf;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.data.BatchIterator;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.training.NetworkBuilder;
import org.ninexplorer.training.TinyNets;

import java.util.Locale;

/**
 * Run in a child JVM by {@link MixedPrecisionTest}, once per precision (the fast path is chosen once per
 * JVM): trains fashion-28 (He, Adam 0.002 along a cosine, batch 64) from one seed on the first batches of the bundled Fashion-MNIST
 * sample ({@value #ITERATIONS}, or as many as the argument says), printing the status line and one
 * {@code loss=} line per iteration.
 */
public final class MixedPrecisionTraining {

    static final int ITERATIONS = 40;

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : ITERATIONS;
        System.out.println("status " + FastPath.enable().description());
        Dataset data = TinyNets.sample();
        // fashion-28's recipe before its warm-up (which would keep these first steps near a zero rate)
        Hyperparameters hp = Hyperparameters.defaults().withSchedule(LearningRateSchedule.COSINE)
                .withWeightInit(Hyperparameters.WeightInitChoice.HE).withBatchSize(64);
        MultiLayerNetwork net = NetworkBuilder.build(Presets.FASHION_28, hp, iterations);
        Nd4j.getRandom().setSeed(11); // dropout draws from here, identically in both runs
        try (BatchIterator batches = new BatchIterator(data.train(), data.classes(), hp.batchSize(), 1, 28, 28,
                hp.seed(), true, iterations * hp.batchSize())) {
            while (batches.hasNext()) {
                net.fit(batches.next());
                System.out.printf(Locale.ROOT, "loss=%.8f%n", net.score());
            }
        }
    }
}
