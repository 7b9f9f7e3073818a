package org.ninexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.LayerChange.Change;

/** Each exercise's variant of both presets: a possible net, different from its base exactly where intended. */
class ExerciseTest {

    static Stream<Arguments> trainedExercisesOnBothPresets() {
        return Stream.of(Exercise.values()).filter(Exercise::trains)
                .flatMap(e -> Presets.names().stream().map(name -> Arguments.of(e, name)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("trainedExercisesOnBothPresets")
    void everyVariantOfEitherPresetIsAPossibleNetThatDiffers(Exercise exercise, String preset) {
        Architecture base = Presets.byName(preset).orElseThrow();
        Architecture variant = exercise.variantOf(base);

        assertThat(ShapeInference.analyze(variant).diagnostics()).isEmpty();
        assertThat(exercise.problem(base)).isEmpty();
        assertThat(ArchitectureDiff.between(base, variant).identical()).isFalse();
        assertThat(exercise.variantOf(base)).as("pure: the same base gives the same variant").isEqualTo(variant);
        assertThat(base).as("the base is left alone").isEqualTo(Presets.byName(preset).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void perPixelExercisesChangeEveryBlockAndNothingElse(String preset) {
        Architecture base = Presets.byName(preset).orElseThrow();
        assertEveryBlockChangedOnly(base, Exercise.ONE_CONVOLUTION, "mlp", 2, 1);
        assertEveryBlockChangedOnly(base, Exercise.THREE_CONVOLUTIONS, "mlp", 2, 3);
        assertEveryBlockChangedOnly(base, Exercise.WIDER_KERNELS, "mlpKernel", 1, 3);
    }

    static List<String> presets() {
        return Presets.names();
    }

    private static void assertEveryBlockChangedOnly(Architecture base, Exercise exercise, String field, int from, int to) {
        ArchitectureDiff diff = ArchitectureDiff.between(base, exercise.variantOf(base));
        long blocks = base.layers().stream().filter(l -> l instanceof NinBlock).count();

        assertThat(diff.count(Change.CHANGED)).as(exercise + " changes every block").isEqualTo(blocks);
        assertThat(diff.count(Change.ADDED) + diff.count(Change.REMOVED)).isZero();
        assertThat(diff.rows()).filteredOn(r -> r.change() == Change.CHANGED).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo("nin");
            assertThat(r.fields()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo(field);
                assertThat(f.before().intValue()).isEqualTo(from);
                assertThat(f.after().intValue()).isEqualTo(to);
            });
        });
    }

    @Test
    void oneConvolutionPerBlockOfTheReferenceSavesTheSecondOnes() {
        ArchitectureDiff diff = ArchitectureDiff.between(Presets.D2L_224, Exercise.ONE_CONVOLUTION.variantOf(Presets.D2L_224));

        // One 1×1 convolution of each block goes: c·c + c parameters for channels 96, 256, 384 and 10.
        long saved = Stream.of(96L, 256L, 384L, 10L).mapToLong(c -> c * c + c).sum();
        assertThat(diff.paramsDelta()).isEqualTo(-saved);
    }

    @Test
    void aDenseHeadReplacesGapAndFreesTheLastBlockFromTheClassChannels() {
        Architecture variant = Exercise.DENSE_HEAD.variantOf(Presets.D2L_224);
        ArchitectureDiff diff = ArchitectureDiff.between(Presets.D2L_224, variant);

        assertThat(variant.layers().get(variant.layers().size() - 1)).isEqualTo(new Dense(10));
        assertThat(diff.rows()).filteredOn(r -> r.change() != Change.UNCHANGED)
                .extracting(LayerChange::change, LayerChange::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Change.CHANGED, "nin"),
                        org.assertj.core.groups.Tuple.tuple(Change.REMOVED, "gap"),
                        org.assertj.core.groups.Tuple.tuple(Change.ADDED, "dense"));
        LayerChange lastBlock = diff.forBefore(7).orElseThrow();
        assertThat(lastBlock.field("channels").orElseThrow().after().intValue()).isEqualTo(384);
        // The dense layer reads the flattened 384×5×5 map: 9,600 inputs, one unit per class.
        assertThat(diff.forAfter(8).orElseThrow().after().params()).isEqualTo(384L * 5 * 5 * 10 + 10);
        assertThat(ArchitectureDiff.between(Presets.FASHION_28, Exercise.DENSE_HEAD.variantOf(Presets.FASHION_28))
                .forBefore(7).orElseThrow().field("channels").orElseThrow().after().intValue()).isEqualTo(128);
    }

    @Test
    void theIntermediateBlockSitsBeforeTheClassBlockWithChannelsBetween() {
        ArchitectureDiff d2l = ArchitectureDiff.between(Presets.D2L_224,
                Exercise.INTERMEDIATE_BLOCK.variantOf(Presets.D2L_224));
        ArchitectureDiff fashion = ArchitectureDiff.between(Presets.FASHION_28,
                Exercise.INTERMEDIATE_BLOCK.variantOf(Presets.FASHION_28));

        for (ArchitectureDiff diff : List.of(d2l, fashion)) {
            assertThat(diff.count(Change.ADDED)).isEqualTo(1);
            assertThat(diff.count(Change.CHANGED) + diff.count(Change.REMOVED)).isZero();
            assertThat(diff.rows()).filteredOn(r -> r.change() == Change.ADDED).singleElement()
                    .satisfies(r -> assertThat(r.afterIndex()).as("right before the class block").isEqualTo(7));
        }
        assertThat(d2l.forAfter(7).orElseThrow().outputAfter()).isEqualTo(new Shape(64, 5, 5));
        assertThat(fashion.forAfter(7).orElseThrow().outputAfter()).isEqualTo(new Shape(32, 2, 2));
    }

    @Test
    void theResourceExerciseMakesNoVariantAndTrainsNothing() {
        assertThat(Exercise.RESOURCES.trains()).isFalse();
        assertThat(Exercise.RESOURCES.variantOf(Presets.D2L_224)).isSameAs(Presets.D2L_224);
        assertThat(Exercise.RESOURCES.problem(Presets.D2L_224)).isEmpty();
    }

    @Test
    void aNetThatAlreadyHasTheChangeOrIsImpossibleIsRefusedWithACode() {
        Architecture once = Exercise.ONE_CONVOLUTION.variantOf(Presets.FASHION_28);
        assertThat(Exercise.ONE_CONVOLUTION.problem(once)).contains(new Exercise.Problem(Exercise.Refusal.SAME_NET, null));
        Architecture dense = Exercise.DENSE_HEAD.variantOf(Presets.FASHION_28);
        assertThat(Exercise.DENSE_HEAD.problem(dense)).map(Exercise.Problem::refusal).contains(Exercise.Refusal.SAME_NET);
        Architecture impossible = Presets.FASHION_28.withInput(new InputSpec(1, 4, 4));
        assertThat(Exercise.INTERMEDIATE_BLOCK.problem(impossible)).get().satisfies(p -> {
            assertThat(p.refusal()).isEqualTo(Exercise.Refusal.NET_IMPOSSIBLE);
            assertThat(p.diagnostic()).isEqualTo(ShapeInference.analyze(impossible).diagnostics().get(0));
        });
        assertThat(Exercise.RESOURCES.problem(impossible)).isPresent();
    }

    @Test
    void idsAreUniqueAndFindTheirExercise() {
        for (Exercise exercise : Exercise.values()) {
            assertThat(Exercise.byId(exercise.id())).contains(exercise);
        }
        assertThat(Exercise.values()).extracting(Exercise::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Exercise.ONE_CONVOLUTION.variantName("fashion-28")).isEqualTo("fashion-28-one-1x1");
    }

    @Test
    void aTrainingStepCostsThreeForwardPassesOfTheBatch() {
        ResourceUsage usage = ResourceUsage.of(ShapeInference.analyze(Presets.D2L_224), 128, 2);

        assertThat(usage.macsPerImage()).isEqualTo(762_297_352L);
        assertThat(usage.predictionMacs()).isEqualTo(762_297_352L * 128);
        assertThat(usage.trainingMacs()).isEqualTo(3 * 762_297_352L * 128);
        assertThat(usage.parameters()).isEqualTo(1_992_166L);
        assertThat(usage.memory().trainingBytes()).isGreaterThan(usage.memory().predictionBytes());
    }
}
