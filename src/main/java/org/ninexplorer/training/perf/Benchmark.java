package org.ninexplorer.training.perf;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.training.FeatureMapper;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.NetworkBuilder;

import java.util.function.Consumer;

/**
 * Times training steps, batch inference or single-sample feature maps of an architecture on random
 * data that is created once, so only the network is measured.
 */
public final class Benchmark {

    public enum Mode { TRAIN, INFER, FEATUREMAPS }

    /** One timed call; {@code images} is the batch it processed. */
    public record Measurement(Mode mode, int iteration, int images, double millis) {
        public double imagesPerSecond() {
            return images * 1000.0 / millis;
        }
    }

    private final Mode mode;
    private final MultiLayerNetwork net;
    private final INDArray features;
    private final INDArray labels;
    private final FeatureMapper featureMapper;
    private final float[] sample;

    /**
     * Builds the network; featuremaps mode times what the app's feature-map view calls
     * ({@link FeatureMapper#compute}) on one sample.
     */
    public Benchmark(Architecture arch, Hyperparameters hp, Mode mode, int batch) {
        this.mode = mode;
        this.net = NetworkBuilder.build(arch, hp, 1); // random data, no run length: a constant rate
        int n = mode == Mode.FEATUREMAPS ? 1 : batch;
        Nd4j.getRandom().setSeed(hp.seed());
        this.features = Nd4j.randn(DataType.FLOAT, n, arch.input().channels(), arch.input().height(), arch.input().width());
        int classes = arch.classes();
        this.labels = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, Nd4j.getRandom().nextInt(classes), 1.0);
        }
        this.featureMapper = FeatureMapper.snapshot(arch, net);
        this.sample = features.slice(0).dup().data().asFloat();
    }

    /** Runs {@code warmup} untimed and {@code iterations} timed calls, reporting each timed one. */
    public void run(int warmup, int iterations, Consumer<Measurement> sink) {
        for (int i = 0; i < warmup; i++) {
            step();
        }
        for (int i = 1; i <= iterations; i++) {
            long start = System.nanoTime();
            step();
            sink.accept(new Measurement(mode, i, (int) features.size(0), (System.nanoTime() - start) / 1e6));
        }
    }

    private void step() {
        switch (mode) {
            case TRAIN -> net.fit(features, labels);
            case INFER -> net.output(features, false);
            case FEATUREMAPS -> featureMapper.compute(sample);
        }
    }

    /** The training score (loss) after the last step. */
    public double score() {
        return net.score();
    }
}
