package org.ninexplorer.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The exercises of the NiN chapter of Dive into Deep Learning, each asked in this app's own words, with the
 * variant it makes of a given net: what a set-up trains beside that net to answer the question. The last one
 * asks what the net itself costs and makes no variant.
 */
public enum Exercise {

    ONE_CONVOLUTION(1, "one-1x1", "One 1×1 convolution per block",
            "Every NiN block follows its first convolution with two 1×1 convolutions. Would one do? Train the net "
                    + "with a single 1×1 convolution per block beside the original and compare what each reaches, "
                    + "how fast it trains and how many parameters it needs.",
            "Every NiN block keeps one 1×1 convolution after its first (mlp 1).",
            base -> ExerciseVariants.everyBlock(base, block -> block.withMlp(1))),

    THREE_CONVOLUTIONS(2, "three-1x1", "Three 1×1 convolutions per block",
            "Does a third per-pixel layer help? Give every block three 1×1 convolutions after its first and see "
                    + "whether the extra depth pays for its parameters and time.",
            "Every NiN block gets three 1×1 convolutions after its first (mlp 3).",
            base -> ExerciseVariants.everyBlock(base, block -> block.withMlp(3))),

    WIDER_KERNELS(3, "3x3-mlp", "3×3 instead of 1×1 convolutions",
            "A 1×1 convolution mixes the channels of one pixel and looks at no neighbour. What if the layers after "
                    + "each block's first convolution looked at 3×3 neighbourhoods instead? Compare accuracy, "
                    + "parameters and computation.",
            "The convolutions after each block's first become 3×3 with padding 1 (mlpKernel 3), which keeps the size.",
            base -> ExerciseVariants.everyBlock(base, block -> block.withMlpKernel(3))),

    DENSE_HEAD(4, "dense-head", "A dense layer instead of global average pooling",
            "NiN has no fully connected layer: global average pooling turns each channel of the last block into "
                    + "one class score. Put a fully connected layer there instead. What happens to the "
                    + "parameters, the speed and the accuracy?",
            "Global average pooling becomes a dense layer with one unit per class, reading the last block's whole "
                    + "map. That block then no longer has to make one channel per class, so it keeps the channels "
                    + "of the block before it (384 in d2l-224, 128 in fashion-28): the dense layer reads features, "
                    + "not ten class maps already squeezed through a ReLU.",
            ExerciseVariants::denseHead),

    INTERMEDIATE_BLOCK(5, "intermediate-block", "A block between the wide block and the class block",
            "The last block turns the many channels before it (384×5×5 in the book's net) into one per class in "
                    + "a single step. Is that squeeze too abrupt? Add a block in between and see whether the net "
                    + "learns better or faster.",
            "A 3×3 NiN block goes right before the last one, its channels halfway between the channels before "
                    + "it and the classes on a log scale, rounded to a multiple of "
                    + ExerciseVariants.CHANNEL_STEP + " (64 between 384 and 10, 32 between 128 and 10).",
            ExerciseVariants::intermediateBlock),

    RESOURCES(6, "resources", "What the net costs to train and to run",
            "How many parameters does the net have, how much computation does one image take, and how much memory "
                    + "is needed to train it and to predict with it? Count them from the shapes at a batch size "
                    + "of your choice, then hold them against what a real run measured.",
            "No variant: the figures of the net itself.",
            UnaryOperator.identity());

    private final int number;
    private final String id;
    private final String title;
    private final String question;
    private final String change;
    private final UnaryOperator<Architecture> variant;

    Exercise(int number, String id, String title, String question, String change, UnaryOperator<Architecture> variant) {
        this.number = number;
        this.id = id;
        this.title = title;
        this.question = question;
        this.change = change;
        this.variant = variant;
    }

    public int number() {
        return number;
    }

    /** A stable name, used in run folders and ids: {@code one-1x1}, {@code dense-head}, ... */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** What the exercise asks, in this app's words. */
    public String question() {
        return question;
    }

    /** What the variant changes, and why it is made that way. */
    public String change() {
        return change;
    }

    /** Whether the exercise trains a variant beside the net; the resource count does not. */
    public boolean trains() {
        return this != RESOURCES;
    }

    /** The net the exercise makes of {@code base}; {@code base} itself where it changes nothing. Pure. */
    public Architecture variantOf(Architecture base) {
        return variant.apply(base);
    }

    /** The variant's name for runs and the diff: {@code fashion-28-one-1x1}. */
    public String variantName(String baseName) {
        return baseName + "-" + id;
    }

    /**
     * Why the exercise cannot be done on {@code base}, in a sentence: the net or its variant is impossible, or
     * the variant would be the same net. Empty when it can.
     */
    public Optional<String> problem(Architecture base) {
        Analysis analysis = ShapeInference.analyze(base);
        if (!analysis.valid()) {
            return Optional.of("The net is impossible (" + first(analysis) + "); fix it first.");
        }
        if (!trains()) {
            return Optional.empty();
        }
        Architecture changed = variantOf(base);
        if (changed.equals(base)) {
            return Optional.of("This net already has what the exercise changes, so its variant would be the same net.");
        }
        Analysis variantAnalysis = ShapeInference.analyze(changed);
        return variantAnalysis.valid() ? Optional.empty()
                : Optional.of("The variant of this net is impossible (" + first(variantAnalysis) + ").");
    }

    public static Optional<Exercise> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    private static String first(Analysis analysis) {
        return analysis.diagnostics().get(0).toString();
    }
}
