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

import java.util.List;

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
}
