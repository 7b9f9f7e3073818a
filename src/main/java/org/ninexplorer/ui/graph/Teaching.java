package org.ninexplorer.ui.graph;

/** The tooltips that explain each kind of layer to a class. */
final class Teaching {

    static final String INPUT = "The image as the network sees it: channels × height × width.\n"
            + "Fashion-MNIST images are 1×28×28 grayscale.";

    static final String FIRST_CONV = "The block's k×k convolution looks at a k×k neighbourhood of every channel\n"
            + "and finds local patterns such as edges; stride and padding set the output size.";

    static final String ONE_BY_ONE = "A 1×1 convolution: at each pixel, a small fully connected layer across the channels.\n"
            + "It keeps the size, adds a ReLU non-linearity and costs few parameters (channels × channels).";

    private Teaching() {
    }

    static String of(String kind) {
        return switch (kind) {
            case "nin" -> "A NiN block: one k×k convolution, then two 1×1 convolutions, each followed by ReLU.\n"
                    + "A 1×1 convolution looks at one pixel at a time and mixes its channels: it is a small\n"
                    + "fully connected network applied at every position — the \"network in network\".";
            case "maxpool" -> "Max pooling keeps the largest value of each window.\n"
                    + "It shrinks the map (3×3 windows with stride 2 roughly halve it) and has no parameters.";
            case "dropout" -> "During training, zeroes each activation with probability p, so that the network\n"
                    + "cannot rely on any single feature. It does nothing at test time and keeps the shape.";
            case "gap" -> "Global average pooling averages each channel over the whole map: one number per channel.\n"
                    + "NiN uses it instead of large dense layers: it has no parameters to overfit, and each\n"
                    + "channel of the last block becomes the score of one class.";
            case "classes" -> "Softmax turns the class scores into probabilities that sum to 1.";
            default -> "";
        };
    }
}
