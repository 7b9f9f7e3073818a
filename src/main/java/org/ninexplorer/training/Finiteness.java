package org.ninexplorer.training;

import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Whether a network's numbers are all finite. The loss alone cannot tell: oneDNN's ReLU (in the fused
 * NiN blocks) maps NaN to 0, so a net whose weights are NaN can report a finite loss (ln 10).
 */
final class Finiteness {

    private Finiteness() {
    }

    /**
     * A sum is finite only if every term is (NaN and infinities propagate), and costs one fast reduction,
     * a fraction of a percent of a training step; only a non-finite sum, which finite terms can also give
     * by overflowing, needs the exact (and ten times slower) count.
     */
    static boolean all(INDArray values) {
        return values == null || values.isEmpty() || Double.isFinite(values.sumNumber().doubleValue())
                || Nd4j.getExecutioner().exec(new MatchCondition(values, Conditions.notFinite())).getLong(0) == 0;
    }

    /** The weights, and the optimizer's state that the next step and a resumed run would use. */
    static boolean network(MultiLayerNetwork net) {
        Updater updater = net.getUpdater(false);
        return all(net.params()) && (updater == null || all(updater.getStateViewArray()));
    }
}
