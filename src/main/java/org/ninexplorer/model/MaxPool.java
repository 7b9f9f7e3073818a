package org.ninexplorer.model;

/** Max pooling with a square window and no padding. */
public record MaxPool(int kernel, int stride) implements Layer {

    @Override
    public LayerKind kind() {
        return LayerKind.MAXPOOL;
    }

    @Override
    public String summary() {
        return kernel + "×" + kernel + " / " + stride;
    }

    public MaxPool withKernel(int value) {
        return new MaxPool(value, stride);
    }

    public MaxPool withStride(int value) {
        return new MaxPool(kernel, value);
    }
}
