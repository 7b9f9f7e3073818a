package org.ninexplorer.training.perf;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * DL4J M2.1's updater for a {@link MultiLayerNetwork}, without a cost M2.1 pays on every step by mistake: its
 * {@code DefaultGradient.gradient()} returns a new reshaped view on each call, so the updater never recognises
 * the net's own gradient and takes its path for a gradient from elsewhere, which creates two views per parameter
 * array twice a step (for regularisation, which the recipes do not use) and the minibatch division's views again,
 * each an ND4J array with native shape information (docs/performance.md). Handed the net's own gradient,
 * this one takes DL4J's usual path over the views it made once. The same operations on the same numbers: the
 * parameters come out identical ({@code CachedViewsUpdaterTest}).
 */
public final class CachedViewsUpdater extends MultiLayerUpdater {

    /** The gradient buffer the views were made over; a net that got another one since takes DL4J's general path. */
    private final DataBuffer viewedGradients;
    private boolean recognised;

    private CachedViewsUpdater(MultiLayerNetwork net, INDArray state) {
        super(net, state);
        viewedGradients = getFlattenedGradientsView().data();
    }

    /** Gives {@code net}, which has an updater, this one instead, with the same optimizer state. */
    public static void install(MultiLayerNetwork net) {
        net.setUpdater(new CachedViewsUpdater(net, net.getUpdater(false).getStateViewArray()));
    }

    @Override
    public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray own = getFlattenedGradientsView();
        INDArray given = gradient.gradient();
        // given is a new array over the same memory when it is the net's own gradient
        recognised = own.data() == viewedGradients && given.data().address() == viewedGradients.address()
                && given.offset() == own.offset() && given.length() == own.length();
        super.update(recognised ? new Recognised(gradient, own) : gradient, iteration, epoch, batchSize, workspaceMgr);
    }

    /** Whether the latest update took DL4J's usual path. */
    boolean recognised() {
        return recognised;
    }

    /** {@code given}, whose flattened array is {@code flattened} itself rather than a new view of it. */
    private record Recognised(Gradient given, INDArray flattened) implements Gradient {
        @Override
        public INDArray gradient() {
            return flattened;
        }

        @Override
        public Map<String, INDArray> gradientForVariable() {
            return given.gradientForVariable();
        }

        @Override
        public INDArray gradient(List<String> order) {
            return given.gradient(order);
        }

        @Override
        public void clear() {
            given.clear();
        }

        @Override
        public INDArray getGradientFor(String variable) {
            return given.getGradientFor(variable);
        }

        @Override
        public INDArray setGradientFor(String variable, INDArray newGradient) {
            return given.setGradientFor(variable, newGradient);
        }

        @Override
        public INDArray setGradientFor(String variable, INDArray newGradient, Character flatteningOrder) {
            return given.setGradientFor(variable, newGradient, flatteningOrder);
        }

        @Override
        public Character flatteningOrderForVariable(String variable) {
            return given.flatteningOrderForVariable(variable);
        }
    }
}
