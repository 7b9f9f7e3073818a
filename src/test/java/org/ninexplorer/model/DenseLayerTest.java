package org.ninexplorer.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fully connected layers: flattening, in·N + N parameters, in·N MACs, and where PyTorch lets them stand. */
class DenseLayerTest {

    private static final InputSpec IN = new InputSpec(1, 28, 28);

    private static Analysis analyze(int classes, Layer... layers) {
        return ShapeInference.analyze(new Architecture(IN, classes, List.of(layers)));
    }

    @Test
    void denseLayersFlattenAndCountInTimesNPlusN() {
        // 8×28×28 → pool 2/2 → 8×14×14 = 1,568 values, flattened.
        Analysis analysis = analyze(10, new NinBlock(8, 5, 1, 2), new MaxPool(2, 2), new Dropout(0.5), new Dense(64),
                new Dropout(0.2), new Dense(10));

        assertThat(analysis.valid()).isTrue();
        assertThat(analysis.reports()).extracting(LayerReport::batchShape).containsExactly("[1, 8, 28, 28]",
                "[1, 8, 14, 14]", "[1, 8, 14, 14]", "[1, 64]", "[1, 64]", "[1, 10]", "[1, 10]");
        LayerReport hidden = analysis.reports().get(3);
        assertThat(hidden.params()).isEqualTo(1_568L * 64 + 64);
        assertThat(hidden.macs()).isEqualTo(1_568L * 64);
        assertThat(English.formula(hidden.formula())).isEqualTo("flatten 8×14×14 = 1,568 → 64");
        LayerReport scores = analysis.reports().get(5);
        assertThat(scores.params()).isEqualTo(64 * 10 + 10);
        assertThat(scores.macs()).isEqualTo(640);
        assertThat(English.formula(scores.formula())).isEqualTo("64 → 10");
        assertThat(scores.output()).isEqualTo(Shape.flat(10));
    }

    @Test
    void aDenseLayerMayReplaceGapInTheReferenceNet() {
        // The book's exercise: the last block's 10×5×5 maps go to a dense layer of 10 units instead of GAP.
        Architecture arch = Presets.D2L_224.withLayer(8, new Dense(10));

        Analysis analysis = ShapeInference.analyze(arch);

        assertThat(analysis.valid()).isTrue();
        assertThat(analysis.reports().get(8).params()).isEqualTo(250 * 10 + 10);
        assertThat(analysis.totalParams()).isEqualTo(1_992_166L + 2_510);
    }

    @Test
    void gapMayBeFollowedByDenseLayers() {
        Analysis analysis = analyze(10, new NinBlock(16, 3, 1, 1), new GlobalAvgPool(), new Dense(32), new Dense(10));

        assertThat(analysis.valid()).isTrue();
        assertThat(analysis.reports().get(2).params()).isEqualTo(16 * 32 + 32);
        assertThat(English.formula(analysis.reports().get(2).formula())).isEqualTo("flatten 16×1×1 = 16 → 32");
    }

    @Test
    void theLastDenseLayerMakesOneScorePerClass() {
        Analysis analysis = analyze(10, new NinBlock(8, 3, 1, 1), new Dense(7));

        assertThat(analysis.valid()).isFalse();
        assertThat(analysis.reports().get(1).diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("units");
            assertThat(English.text(d)).isEqualTo("the last dense layer has 7 units but there are 10 classes:"
                    + " its outputs are the class scores");
        });
    }

    @Test
    void nothingSpatialFollowsADenseLayer() {
        Analysis pool = analyze(10, new NinBlock(8, 3, 1, 1), new Dense(64), new MaxPool(2, 2), new Dense(10));
        Analysis gap = analyze(10, new NinBlock(10, 3, 1, 1), new Dense(64), new GlobalAvgPool());
        Analysis block = analyze(10, new NinBlock(8, 3, 1, 1), new Dense(64), new NinBlock(10, 1, 1, 0),
                new GlobalAvgPool());

        for (Analysis a : List.of(pool, gap, block)) {
            assertThat(a.reports().get(2).diagnostics()).singleElement().extracting(English::text)
                    .asString().contains("the dense layer before it leaves a flat vector of 64 numbers");
        }
    }

    @Test
    void gapFollowedBySomethingSpatialIsStillRefused() {
        Analysis analysis = analyze(10, new NinBlock(10, 3, 1, 1), new GlobalAvgPool(), new NinBlock(10, 1, 1, 0),
                new GlobalAvgPool());

        assertThat(English.text(analysis.reports().get(1).diagnostics().get(0))).contains("must be the last layer");
    }

    @Test
    void unitsOutOfRangeAreNamed() {
        Analysis zero = analyze(10, new NinBlock(8, 3, 1, 1), new Dense(0), new Dense(10));
        Analysis huge = analyze(10, new NinBlock(8, 3, 1, 1), new Dense(Limits.MAX_UNITS + 1), new Dense(10));

        assertThat(zero.diagnostics()).extracting(English::text).containsExactly("units must be at least 1, got 0");
        assertThat(huge.diagnostics()).extracting(Diagnostic::field).containsExactly("units");
    }

    @Test
    void aNetWithoutGapOrAFinalDenseLayerIsExplained() {
        Analysis analysis = analyze(10, new NinBlock(10, 3, 1, 1), new Dropout(0.5));

        assertThat(analysis.globalDiagnostics()).extracting(English::text).anyMatch(m -> m.contains(
                "the last layer must be global average pooling (gap), which turns each class channel into a score,"
                        + " or a dense layer with one unit per class"));
    }
}
