package org.ninexplorer.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.ninexplorer.training.fused.FusedNinBlockLayer;

import java.util.Optional;

/**
 * The learned kernels of a network's first convolution, copied out of DL4J: one k×k plane per output
 * channel (filter) and input channel, in DL4J's [out, in, k, k] order.
 *
 * @param weights {@code filters × channels × kernel × kernel} values
 */
public record FirstLayerFilters(int filters, int channels, int kernel, float[] weights) {

    public FirstLayerFilters {
        if (weights.length != filters * channels * kernel * kernel) {
            throw new IllegalArgumentException(weights.length + " weights for " + filters + " × " + channels
                    + " × " + kernel + "²");
        }
    }

    /**
     * The first convolution's weights, whether it runs inside a fused NiN block or as a DL4J convolution
     * (both hold them in the same [out, in, k, k] layout); empty when the net starts with no convolution.
     */
    static Optional<FirstLayerFilters> of(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            if (layer instanceof FusedNinBlockLayer fused) {
                return Optional.of(of(fused.convolutionWeights(0)));
            }
            if (layer instanceof ConvolutionLayer conv) {
                return Optional.of(of(conv.getParam(ConvolutionParamInitializer.WEIGHT_KEY)));
            }
        }
        return Optional.empty();
    }

    private static FirstLayerFilters of(INDArray w) {
        long[] s = w.shape();
        return new FirstLayerFilters((int) s[0], (int) s[1], (int) s[2], w.dup('c').data().asFloat());
    }

    /** Weight at ({@code row}, {@code column}) of the plane of {@code filter} for input {@code channel}. */
    public float weight(int filter, int channel, int row, int column) {
        return weights[((filter * channels + channel) * kernel + row) * kernel + column];
    }

    /** The largest |weight| of one filter (all its input channels), the half-range of its own scale. */
    public float maxAbs(int filter) {
        int size = channels * kernel * kernel;
        return maxAbs(filter * size, size);
    }

    /** The largest |weight| of all filters, the half-range of the shared scale. */
    public float maxAbs() {
        return maxAbs(0, weights.length);
    }

    private float maxAbs(int from, int length) {
        float max = 0;
        for (int i = from; i < from + length; i++) {
            max = Math.max(max, Math.abs(weights[i]));
        }
        return max;
    }
}
