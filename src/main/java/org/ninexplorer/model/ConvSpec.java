package org.ninexplorer.model;

/**
 * One convolution of a NiN block as the model describes it: {@code channels} outputs, a square kernel, stride
 * and padding on both sides, a ReLU after it. Shape inference, the network builder and the views all read a
 * block's convolutions from {@link NinBlock#convolutions()}.
 */
public record ConvSpec(int channels, int kernel, int stride, int padding) {

    /** Whether it looks at a single pixel: a 1×1 kernel at stride 1 without padding. */
    public boolean perPixel() {
        return kernel == 1 && stride == 1 && padding == 0;
    }
}
