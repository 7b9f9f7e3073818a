package org.ninexplorer.ui.graph;

import java.util.List;
import org.ninexplorer.model.LayerReport;

/**
 * What one card of the layer graph shows, in display text.
 *
 * @param index    selection index: -1 input, 0..n-1 layers, n class scores
 * @param kind     the model's kind ({@code input}, {@code nin}, {@code maxpool}, ..., {@code dense}, {@code classes}), for styling
 * @param title    the kind in words ("NiN block")
 * @param settings e.g. {@code 96 · 11×11 / 4}
 * @param shape    output shape C×H×W (a flat output, as the class scores and dense layers: its length), or "?"
 *                 when it cannot be computed
 * @param stats    params and MACs
 * @param formula  how the shape follows from the input, numbers plugged in
 * @param problem  what is wrong, in words and numbers, or "" when nothing is
 * @param teaching what this kind of layer does, for its tooltip
 * @param size     0..1, how big the output tensor is relative to the largest one in the net
 * @param convs    the convolutions of a NiN block, as the model describes the block
 * @param mark     how it differs from the baseline, {@link CardMark#NONE} when there is none
 */
public record LayerCard(int index, String kind, String title, String settings, String shape, String stats,
                        String formula, LayerReport.Status status, String problem, String teaching, double size,
                        List<Conv> convs, CardMark mark) {

    /** Kinds whose card carries a layer number: the input and the class scores are not layers. */
    public boolean numbered() {
        return !kind.equals("input") && !kind.equals("classes");
    }

    /**
     * One convolution of a NiN block, in full.
     *
     * @param text     kernel, stride and padding, output shape and parameters
     * @param teaching what this convolution does, for its tooltip
     */
    public record Conv(String text, String teaching) {
    }
}
