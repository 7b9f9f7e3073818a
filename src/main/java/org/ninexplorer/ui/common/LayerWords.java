package org.ninexplorer.ui.common;

import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Layer;

/** A layer's settings as a card and the diff's table show them, in the words of {@code messages}. */
public final class LayerWords {

    private LayerWords() {
    }

    /**
     * E.g. "32 · 5×5 / 1 p2", "global average", "64 units", "10 scores, softmax".
     *
     * @param layer   the layer, null for the class scores
     * @param summary shape inference's summary of it: numbers and symbols, shown as they are where no words are
     * @param classes the class count, for the class scores
     */
    public static String settings(Messages messages, Layer layer, String summary, int classes) {
        if (layer == null) {
            return messages.format("graph.summary.classes", classes);
        }
        return switch (layer.kind()) {
            case GAP -> messages.format("graph.summary.gap");
            case DENSE -> {
                int units = ((Dense) layer).units();
                yield messages.format("graph.summary.dense", units, String.valueOf(units));
            }
            case NIN, MAXPOOL, DROPOUT -> summary;
        };
    }
}
