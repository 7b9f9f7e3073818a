package org.ninexplorer.model;

/**
 * A NiN block: a k×k convolution with the given stride and padding followed by two 1×1
 * convolutions, all with {@code channels} outputs and a ReLU after each.
 */
public record NinBlock(int channels, int kernel, int stride, int padding) implements Layer {

    @Override
    public String type() {
        return "nin";
    }

    @Override
    public String summary() {
        return channels + " · " + kernel + "×" + kernel + " / " + stride + (padding > 0 ? " p" + padding : "");
    }

    public NinBlock withChannels(int value) {
        return new NinBlock(value, kernel, stride, padding);
    }

    public NinBlock withKernel(int value) {
        return new NinBlock(channels, value, stride, padding);
    }

    public NinBlock withStride(int value) {
        return new NinBlock(channels, kernel, value, padding);
    }

    public NinBlock withPadding(int value) {
        return new NinBlock(channels, kernel, stride, value);
    }
}
