package org.ninexplorer.ui.graph;

import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.LayerKind;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.ui.common.Messages;

/** The tooltips that explain each kind of layer to a class, in the interface's language. */
final class Teaching {

    static String input() {
        return Messages.get("graph.teach.input");
    }

    static String classes() {
        return Messages.get("graph.teach.classes");
    }

    static String firstConv() {
        return Messages.get("graph.teach.first-conv");
    }

    static String oneByOne() {
        return Messages.get("graph.teach.one-by-one");
    }

    static String threeByThree() {
        return Messages.get("graph.teach.three-by-three");
    }

    static String gap() {
        return Messages.get("graph.teach.gap");
    }

    private Teaching() {
    }

    /** What {@code layer} does; {@code last} when it ends the net. */
    static String of(Layer layer, boolean last) {
        return switch (layer.kind()) {
            case NIN -> block((NinBlock) layer);
            case MAXPOOL -> Messages.get("graph.teach.pool");
            case DROPOUT -> Messages.get("graph.teach.dropout");
            case GAP -> gap();
            case DENSE -> dense((Dense) layer, last);
        };
    }

    /** The convolution of a block that {@code kernel} stands for, after the first. */
    static String sizeKeeping(int kernel) {
        return kernel == 1 ? oneByOne() : threeByThree();
    }

    private static String block(NinBlock block) {
        int after = block.convolutions().size() - 1;
        return Messages.get(after == 0 ? "graph.teach.block.alone" : "graph.teach.block", after, block.mlpKernel());
    }

    private static String dense(Dense dense, boolean last) {
        return Messages.get(last ? "graph.teach.dense.last" : "graph.teach.dense", String.valueOf(dense.units()));
    }

    /** The card title of each kind. */
    static String title(LayerKind kind) {
        return switch (kind) {
            case NIN -> Messages.get("graph.title.nin");
            case MAXPOOL -> Messages.get("graph.title.maxpool");
            case DROPOUT -> Messages.get("graph.title.dropout");
            case GAP -> Messages.get("graph.title.gap");
            case DENSE -> Messages.get("graph.title.dense");
        };
    }
}
