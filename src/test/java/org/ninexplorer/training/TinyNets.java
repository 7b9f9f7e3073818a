package org.ninexplorer.training;

import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.DatasetException;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.training.fused.Precision;
import org.ninexplorer.training.perf.FastPath;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ninexplorer.data.BatchIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** A NiN small enough to train for a few epochs inside a unit test on two cores. */
public final class TinyNets {

    public static final Architecture TINY_28 = new Architecture(new InputSpec(1, 28, 28), 10, List.of(
            new NinBlock(16, 5, 2, 2),
            new MaxPool(3, 2),
            new NinBlock(10, 3, 1, 1),
            new GlobalAvgPool()));

    /** {@link #TINY_28} with dropout, whose masks come from ND4J's random numbers. */
    public static final Architecture TINY_DROPOUT = new Architecture(new InputSpec(1, 28, 28), 10, List.of(
            new NinBlock(16, 5, 2, 2),
            new MaxPool(3, 2),
            new Dropout(0.3),
            new NinBlock(10, 3, 1, 1),
            new GlobalAvgPool()));

    private TinyNets() {
    }

    public static Dataset sample() {
        try {
            return Datasets.bundledSample();
        } catch (DatasetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trains a 28×28 {@code net} for {@code steps} batches of 32 of {@code data}, in a fixed order; each step's loss. */
    public static List<Double> fit(MultiLayerNetwork net, Dataset data, int steps) {
        List<Double> losses = new ArrayList<>();
        try (BatchIterator it = new BatchIterator(data.train(), data.classes(), 32, 1, 28, 28, 3, true, 0)) {
            for (int i = 0; i < steps; i++) {
                net.fit(it.next());
                losses.add(net.score());
            }
        }
        return losses;
    }

    /** What {@code build} returns with the system property {@code key} set to {@code value} meanwhile. */
    public static <T> T withProperty(String key, String value, Supplier<T> build) {
        System.setProperty(key, value);
        try {
            return build.get();
        } finally {
            System.clearProperty(key);
        }
    }

    /**
     * Asserts that {@code actual}, from a view that looks inside one sample (which computes in the session's
     * precision), is DL4J's fp32 {@code expected}: to {@code fp32} in fp32, to 3 % of the values' scale in bf16
     * (its rounding through the blocks, as SampleForwardTest measures it).
     */
    public static void assertCloseInSessionPrecision(float[] actual, float[] expected, float fp32, String what) {
        float scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        float tolerance = FastPath.precision() == Precision.FP32 ? fp32 : 0.03f * scale;
        assertThat(actual).as(what).containsExactly(expected, offset(tolerance));
    }
}
