package org.ninexplorer.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Lets a batch go as soon as the net is done with it, so that {@link org.ninexplorer.data.BatchIterator#recycle}
 * can fill its arrays again (see there for why a batch is not left to the garbage collector).
 *
 * <p>Not with DL4J's {@code MultiLayerNetwork.clear()}: it also drops the solver, and the next step builds a
 * new updater with fresh state (Adam's moments at zero every step), which is what once made reusing batches
 * look as if it corrupted training. Only the references to the batch are dropped here.
 */
final class BatchRelease {

    private BatchRelease() {
    }

    /** After a step or a prediction: the net forgets its input (for the first layer, the batch itself). */
    static void forget(MultiLayerNetwork net) {
        for (Layer layer : net.getLayers()) {
            layer.clear(); // its input and dropout mask
        }
        net.setInput(null);
        net.setLabels(null);
    }
}
