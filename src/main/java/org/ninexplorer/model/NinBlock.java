package org.ninexplorer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A NiN block: a k×k convolution with the given stride and padding followed by {@code mlp} convolutions that
 * keep the size ({@code mlpKernel} 1, or 3 with padding 1), all with {@code channels} outputs and a ReLU after
 * each. The book's block has two 1×1 convolutions ({@link #DEFAULT_MLP}, {@link #DEFAULT_MLP_KERNEL}).
 */
public record NinBlock(int channels, int kernel, int stride, int padding, int mlp, int mlpKernel) implements Layer {

    public static final int DEFAULT_MLP = 2;
    public static final int DEFAULT_MLP_KERNEL = 1;

    /** The book's block: the first convolution, then two 1×1 ones. */
    public NinBlock(int channels, int kernel, int stride, int padding) {
        this(channels, kernel, stride, padding, DEFAULT_MLP, DEFAULT_MLP_KERNEL);
    }

    /**
     * The block's convolutions in order: the first one, then the {@code mlp} that keep the size (a kernel
     * of {@code mlpKernel} at stride 1 with padding {@code mlpKernel / 2}). The one description of a block's
     * structure; it assumes the settings are in range (shape inference checks them first).
     */
    public List<ConvSpec> convolutions() {
        List<ConvSpec> convs = new ArrayList<>();
        convs.add(new ConvSpec(channels, kernel, stride, padding));
        for (int i = 0; i < mlp; i++) {
            convs.add(new ConvSpec(channels, mlpKernel, 1, mlpKernel / 2));
        }
        return List.copyOf(convs);
    }

    /** Whether this is the book's form of a block: two 1×1 convolutions after the first. */
    public boolean isDefaultForm() {
        return mlp == DEFAULT_MLP && mlpKernel == DEFAULT_MLP_KERNEL;
    }

    @Override
    public LayerKind kind() {
        return LayerKind.NIN;
    }

    /** E.g. {@code 96 · 11×11 / 4}; a block that is not the book's form adds its per-pixel part, {@code · 3× 3×3}. */
    @Override
    public String summary() {
        String first = channels + " · " + kernel + "×" + kernel + " / " + stride + (padding > 0 ? " p" + padding : "");
        if (isDefaultForm()) {
            return first;
        }
        return first + (mlp == 0 ? " · no 1×1" : " · " + mlp + "× " + mlpKernel + "×" + mlpKernel);
    }

    public NinBlock withChannels(int value) {
        return new NinBlock(value, kernel, stride, padding, mlp, mlpKernel);
    }

    public NinBlock withKernel(int value) {
        return new NinBlock(channels, value, stride, padding, mlp, mlpKernel);
    }

    public NinBlock withStride(int value) {
        return new NinBlock(channels, kernel, value, padding, mlp, mlpKernel);
    }

    public NinBlock withPadding(int value) {
        return new NinBlock(channels, kernel, stride, value, mlp, mlpKernel);
    }

    public NinBlock withMlp(int value) {
        return new NinBlock(channels, kernel, stride, padding, value, mlpKernel);
    }

    public NinBlock withMlpKernel(int value) {
        return new NinBlock(channels, kernel, stride, padding, mlp, value);
    }
}
