package org.ninexplorer.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Counts correct predictions from the training forward pass itself, as the reference does, so
 * that train accuracy costs no second forward pass. The last activation DL4J hands over is
 * the GAP output, whose arg-max equals the softmax's.
 */
final class AccuracyListener extends BaseTrainingListener {

    private INDArray labels;
    private long correct;
    private long seen;

    void expect(INDArray batchLabels) {
        labels = batchLabels;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        INDArray scores = activations.get(activations.size() - 1);
        long n = scores.size(0);
        INDArray predicted = scores.reshape(n, scores.length() / n).argMax(1);
        correct += predicted.eq(labels.argMax(1)).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        seen += n;
    }

    double accuracy() {
        return seen == 0 ? Double.NaN : (double) correct / seen;
    }

    void resetCounts() {
        correct = 0;
        seen = 0;
    }
}
