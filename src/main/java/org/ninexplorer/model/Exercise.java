package org.ninexplorer.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The exercises of the NiN chapter of Dive into Deep Learning (asked in the bundles' words, keyed by
 * {@link #id()}), each with the variant it makes of a given net: what a set-up trains beside that net to answer
 * the question. The last one asks what the net itself costs and makes no variant.
 */
public enum Exercise {

    ONE_CONVOLUTION(1, "one-1x1", base -> ExerciseVariants.everyBlock(base, block -> block.withMlp(1))),

    THREE_CONVOLUTIONS(2, "three-1x1", base -> ExerciseVariants.everyBlock(base, block -> block.withMlp(3))),

    WIDER_KERNELS(3, "3x3-mlp", base -> ExerciseVariants.everyBlock(base, block -> block.withMlpKernel(3))),

    DENSE_HEAD(4, "dense-head", ExerciseVariants::denseHead),

    INTERMEDIATE_BLOCK(5, "intermediate-block", ExerciseVariants::intermediateBlock),

    RESOURCES(6, "resources", UnaryOperator.identity());

    /** The intermediate block's channels are rounded to a multiple of this; its change's wording names it. */
    public static final int CHANNEL_STEP = ExerciseVariants.CHANNEL_STEP;

    /** Why an exercise cannot be done on a net. */
    public enum Refusal {
        /** The net itself is impossible; the problem names its first diagnostic. */
        NET_IMPOSSIBLE,
        /** The net already has what the exercise changes, so its variant would be the same net. */
        SAME_NET,
        /** The variant is impossible; the problem names its first diagnostic. */
        VARIANT_IMPOSSIBLE;

        /** The bundle key's last part: {@code same-net}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Why the exercise cannot be done, and the diagnostic behind it (null for {@link Refusal#SAME_NET}). */
    public record Problem(Refusal refusal, Diagnostic diagnostic) {
    }

    private final int number;
    private final String id;
    private final UnaryOperator<Architecture> variant;

    Exercise(int number, String id, UnaryOperator<Architecture> variant) {
        this.number = number;
        this.id = id;
        this.variant = variant;
    }

    public int number() {
        return number;
    }

    /**
     * A stable name, used in run folders, ids and the bundle keys of its wording ({@code exercises.<id>.title},
     * {@code .question}, {@code .change}): {@code one-1x1}, {@code dense-head}, ...
     */
    public String id() {
        return id;
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
     * Why the exercise cannot be done on {@code base}: the net or its variant is impossible, or the variant would
     * be the same net. Empty when it can.
     */
    public Optional<Problem> problem(Architecture base) {
        Analysis analysis = ShapeInference.analyze(base);
        if (!analysis.valid()) {
            return Optional.of(new Problem(Refusal.NET_IMPOSSIBLE, analysis.diagnostics().get(0)));
        }
        if (!trains()) {
            return Optional.empty();
        }
        Architecture changed = variantOf(base);
        if (changed.equals(base)) {
            return Optional.of(new Problem(Refusal.SAME_NET, null));
        }
        Analysis variantAnalysis = ShapeInference.analyze(changed);
        return variantAnalysis.valid() ? Optional.empty()
                : Optional.of(new Problem(Refusal.VARIANT_IMPOSSIBLE, variantAnalysis.diagnostics().get(0)));
    }

    public static Optional<Exercise> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }
}
