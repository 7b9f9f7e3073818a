package org.ninexplorer.training;

import org.ninexplorer.model.Shape;

import java.util.List;

/**
 * The activations of every NiN block for one sample, and its class probabilities.
 *
 * @param blocks        one entry per NiN block, in order
 * @param probabilities softmax output, one per class
 */
public record FeatureMaps(List<BlockActivation> blocks, float[] probabilities) {

    /**
     * @param layerIndex the block's index among the architecture's top-level layers
     * @param shape      channels × height × width
     * @param values     CHW order, {@code shape.elements()} values
     */
    public record BlockActivation(int layerIndex, Shape shape, float[] values) {

        /** The {@code height × width} map of one channel. */
        public float[] channel(int c) {
            int size = shape.height() * shape.width();
            return java.util.Arrays.copyOfRange(values, c * size, (c + 1) * size);
        }
    }

    public int predictedClass() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }
}
