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
        Arbitrary<Layer> layer = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(-1, 6), Arbitraries.integers().between(-1, 9),
                        Arbitraries.integers().between(-1, 4), Arbitraries.integers().between(-1, 4)).as(NinBlock::new),
                Combinators.combine(Arbitraries.integers().between(-1, 5), Arbitraries.integers().between(-1, 3))
                        .as(MaxPool::new),
                Arbitraries.doubles().between(-0.5, 1.5).map(Dropout::new),
                Arbitraries.just(new GlobalAvgPool()));
        return Combinators.combine(Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(-1, 40),
                        Arbitraries.integers().between(0, 12), layer.list().ofMaxSize(9))
                .as((c, side, classes, layers) -> new Architecture(new InputSpec(c, side, side), classes, layers));
    }

    /** Valid NiN-shaped architectures: blocks with optional pools and dropout, last block per class, GAP. */
    public static Arbitrary<Architecture> valid() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(8, 40),
                        Arbitraries.integers().between(2, 6), stage().list().ofMinSize(0).ofMaxSize(3),
                        Arbitraries.integers().between(1, 3))
                .as(RandomArchitectures::assemble)
                .filter(a -> ShapeInference.analyze(a).valid());
    }

    private static Arbitrary<List<Layer>> stage() {
        Arbitrary<NinBlock> block = Combinators.combine(Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 2)).as(NinBlock::new);
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

    private static Architecture assemble(int channels, int side, int classes, List<List<Layer>> stages, int lastKernel) {
        List<Layer> layers = new ArrayList<>();
        stages.forEach(layers::addAll);
        layers.add(new NinBlock(classes, lastKernel, 1, lastKernel / 2));
        layers.add(new GlobalAvgPool());
        return new Architecture(new InputSpec(channels, side, side), classes, layers);
    }
}
