package org.ninexplorer.model;

/**
 * One convolution inside a NiN block.
 *
 * @param kernel  the square kernel side
 * @param output  its output shape
 * @param params  weights plus biases
 * @param macs    forward multiply-accumulates per image
 * @param formula the spatial formula with the numbers plugged in
 */
public record ConvReport(int kernel, int stride, int padding, Shape output, long params, long macs, Formula formula) {
}
