package org.ninexplorer.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;

/** jqwik generators of small architectures, valid or not, cheap enough to run through DL4J. */
public final class RandomArchitectures {

    private RandomArchitectures() {
    }

    /** Any architecture built from small values, including zero, negative and oversized ones. */
    public static Arbitrary<Architecture> any() {
        Arbitrary<NinBlock> block = Combinators.combine(Arbitraries.integers().between(-1, 6),
                Arbitraries.integers().between(-1, 9), Arbitraries.integers().between(-1, 4),
                Arbitraries.integers().between(-1, 4)).as(NinBlock::new);
        Arbitrary<Layer> layer = Arbitraries.oneOf(
                block.map(b -> b),
                Combinators.combine(block, Arbitraries.integers().between(-1, 5), Arbitraries.integers().between(-1, 4))
                        .as((b, mlp, kernel) -> b.withMlp(mlp).withMlpKernel(kernel)),
                Combinators.combine(Arbitraries.integers().between(-1, 5), Arbitraries.integers().between(-1, 3))
                        .as(MaxPool::new),
                Arbitraries.doubles().between(-0.5, 1.5).map(Dropout::new),
                Arbitraries.just(new GlobalAvgPool()),
                Arbitraries.integers().between(-1, 12).map(Dense::new));
        return Combinators.combine(Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(-1, 40),
                        Arbitraries.integers().between(0, 12), layer.list().ofMaxSize(9))
                .as((c, side, classes, layers) -> new Architecture(new InputSpec(c, side, side), classes, layers));
    }

    /**
     * Valid NiN-shaped architectures: blocks of every form (0–4 convolutions after the first, 1×1 or 3×3) with
     * optional pools and dropout, then a head: the last block with one channel per class and GAP, GAP and dense
     * layers, or dense layers (with dropout between them) straight after the maps.
     */
    public static Arbitrary<Architecture> valid() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(8, 40),
                        Arbitraries.integers().between(2, 6), stage().list().ofMinSize(0).ofMaxSize(3),
                        Arbitraries.integers().between(1, 3), head())
                .as(RandomArchitectures::assemble)
                .filter(a -> ShapeInference.analyze(a).valid());
    }

    private static Arbitrary<List<Layer>> stage() {
        Arbitrary<NinBlock> block = Combinators.combine(Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, Limits.MAX_MLP),
                Arbitraries.of(Limits.MLP_KERNELS)).as(NinBlock::new);
        Arbitrary<List<Layer>> extras = Arbitraries.oneOf(Arbitraries.just(List.of()),
                Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 2))
                        .as((k, s) -> List.of(new MaxPool(k, s))),
                Arbitraries.doubles().between(0, 0.9).map(p -> List.of(new Dropout(p))));
        return Combinators.combine(block, extras).as((b, e) -> {
            List<Layer> layers = new ArrayList<>();
            layers.add(b);
            layers.addAll(e);
            return layers;
        });
    }

    private enum Head { GAP, GAP_THEN_DENSE, DENSE, DROPOUT_AND_DENSE }

    private static Arbitrary<Head> head() {
        return Arbitraries.of(Head.class);
    }

    private static Architecture assemble(int channels, int side, int classes, List<List<Layer>> stages, int lastKernel,
                                         Head head) {
        List<Layer> layers = new ArrayList<>();
        stages.forEach(layers::addAll);
        int lastChannels = head == Head.GAP ? classes : classes + 3;
        layers.add(new NinBlock(lastChannels, lastKernel, 1, lastKernel / 2));
        switch (head) {
            case GAP -> layers.add(new GlobalAvgPool());
            case GAP_THEN_DENSE -> layers.addAll(List.of(new GlobalAvgPool(), new Dense(classes)));
            case DENSE -> layers.add(new Dense(classes));
            case DROPOUT_AND_DENSE -> layers.addAll(List.of(new Dropout(0.5), new Dense(7), new Dropout(0.3),
                    new Dense(classes)));
        }
        return new Architecture(new InputSpec(channels, side, side), classes, layers);
    }
}
