package org.ninexplorer.ui.graph;

import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.LayerKind;
import org.ninexplorer.model.NinBlock;

/** The tooltips that explain each kind of layer to a class. */
final class Teaching {

    static final String INPUT = "The image as the network sees it: channels × height × width.\n"
            + "Fashion-MNIST images are 1×28×28 grayscale.";

    static final String CLASSES = "Softmax turns the class scores into probabilities that sum to 1.";

    static final String FIRST_CONV = "The block's k×k convolution looks at a k×k neighbourhood of every channel\n"
            + "and finds local patterns such as edges; stride and padding set the output size.";

    static final String ONE_BY_ONE = "A 1×1 convolution: at each pixel, a small fully connected layer across the channels.\n"
            + "It keeps the size, adds a ReLU non-linearity and costs few parameters (channels × channels).";

    static final String THREE_BY_THREE = "A 3×3 convolution with padding 1 in place of a 1×1 one: it keeps the size but\n"
            + "mixes each pixel with its neighbours too, for 9× the parameters and MACs of a 1×1 convolution.";

    static final String GAP = "Global average pooling averages each channel over the whole map: one number per channel.\n"
            + "NiN uses it instead of large dense layers: it has no parameters to overfit, and each\n"
            + "channel of the last block becomes the score of one class.";

    private Teaching() {
    }

    /** What {@code layer} does; {@code last} when it ends the net. */
    static String of(Layer layer, boolean last) {
        return switch (layer.kind()) {
            case NIN -> block((NinBlock) layer);
            case MAXPOOL -> "Max pooling keeps the largest value of each window.\n"
                    + "It shrinks the map (3×3 windows with stride 2 roughly halve it) and has no parameters.";
            case DROPOUT -> "During training, zeroes each activation with probability p, so that the network\n"
                    + "cannot rely on any single feature. It does nothing at test time and keeps the shape.";
            case GAP -> GAP;
            case DENSE -> dense((Dense) layer, last);
        };
    }

    /** The convolution of a block that {@code kernel} stands for, after the first. */
    static String sizeKeeping(int kernel) {
        return kernel == 1 ? ONE_BY_ONE : THREE_BY_THREE;
    }

    private static String block(NinBlock block) {
        int after = block.convolutions().size() - 1;
        String rest = after == 0 ? "and nothing after it: without 1×1 convolutions it is a plain convolution layer"
                : "then " + (after == 1 ? "one " : after + " ") + block.mlpKernel() + "×" + block.mlpKernel()
                + " convolution" + (after == 1 ? "" : "s") + " that keep the size";
        return "A NiN block: one k×k convolution, " + rest + ", each followed by ReLU.\n"
                + "A 1×1 convolution looks at one pixel at a time and mixes its channels: it is a small\n"
                + "fully connected network applied at every position — the \"network in network\".\n"
                + "The book's block has two 1×1 convolutions.";
    }

    private static String dense(Dense dense, boolean last) {
        return "A dense (fully connected) layer flattens its input into one vector and connects every value to\n"
                + "each of its " + dense.units() + " units: inputs × units weights plus one bias per unit.\n"
                + (last ? "As the last layer it makes the class scores (no ReLU; softmax follows), in place of GAP."
                        : "A ReLU follows it. Only dense layers and dropout can come after it.");
    }

    /** The card title of each kind. */
    static String title(LayerKind kind) {
        return switch (kind) {
            case NIN -> "NiN block";
            case MAXPOOL -> "Max pool";
            case DROPOUT -> "Dropout";
            case GAP -> "GAP";
            case DENSE -> "Dense";
        };
    }
}
