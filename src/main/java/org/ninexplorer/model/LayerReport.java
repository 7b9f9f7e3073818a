package org.ninexplorer.model;

import java.util.List;

/**
 * What shape inference found for one top-level layer.
 *
 * @param index       position in the architecture, or the layer count for the class scores
 * @param kind        the JSON type, or {@code classes} for the class scores
 * @param summary     settings as shown on a layer card
 * @param status      whether the layer is valid, invalid, or cannot be computed because an earlier layer is invalid
 * @param input       the input shape, {@code null} when unknown
 * @param output      the output shape, {@code null} when unknown
 * @param params      trainable parameters
 * @param macs        forward multiply-accumulates per image
 * @param formula     how the output size follows from the input, numbers plugged in ({@link Formula#NONE} when none applies)
 * @param convs       the convolutions of a NiN block ({@link NinBlock#convolutions()}), empty otherwise
 * @param diagnostics what is wrong with this layer
 */
public record LayerReport(int index, String kind, String summary, Status status, Shape input, Shape output,
                          long params, long macs, Formula formula, List<ConvReport> convs,
                          List<Diagnostic> diagnostics) {

    public enum Status { VALID, INVALID, UNREACHABLE }

    public LayerReport {
        convs = List.copyOf(convs);
        diagnostics = List.copyOf(diagnostics);
    }

    /** {@code [1, C, H, W]}, or {@code [1, N]} for a flat output (dense layers, the class scores), or {@code ?} when unknown. */
    public String batchShape() {
        return output == null ? "?" : output.batchOfOne();
    }
}
