package org.ninexplorer.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShapeInferenceTest {

    @Test
    void d2lReferenceShapesParamsAndMacs() {
        Analysis analysis = ShapeInference.analyze(Presets.D2L_224);

        assertThat(analysis.valid()).isTrue();
        assertThat(analysis.reports()).extracting(LayerReport::batchShape).containsExactly(
                "[1, 96, 54, 54]", "[1, 96, 26, 26]", "[1, 256, 26, 26]", "[1, 256, 12, 12]", "[1, 384, 12, 12]",
                "[1, 384, 5, 5]", "[1, 384, 5, 5]", "[1, 10, 5, 5]", "[1, 10, 1, 1]", "[1, 10]");
        assertThat(analysis.totalParams()).isEqualTo(1_992_166L);
        assertThat(analysis.totalMacs()).isEqualTo(762_297_352L);
    }

    @Test
    void blockReportsItsThreeConvsAndFormula() {
        LayerReport first = ShapeInference.analyze(Presets.D2L_224).reports().get(0);

        assertThat(first.convs()).extracting(ConvReport::kernel).containsExactly(11, 1, 1);
        assertThat(first.convs()).extracting(c -> c.output().toString()).containsOnly("96×54×54");
        assertThat(English.formula(first.formula())).isEqualTo("224 + 2·0 − 11 = 213 → ⌊213/4⌋ + 1 = 54");
    }

    @Test
    void fashion28IsValidAndSmall() {
        Analysis analysis = ShapeInference.analyze(Presets.FASHION_28);

        assertThat(analysis.valid()).isTrue();
        assertThat(analysis.reports().get(5).output()).isEqualTo(new Shape(128, 2, 2));
        assertThat(analysis.totalMacs()).isLessThan(Presets.D2L_224.layers().size() * 2_000_000L);
    }

    @Test
    void poolOnTooSmallInputIsExplainedAndPropagates() {
        Architecture arch = Presets.D2L_224.withInput(new InputSpec(1, 28, 28));

        Analysis analysis = ShapeInference.analyze(arch);

        assertThat(analysis.valid()).isFalse();
        assertThat(English.formula(analysis.reports().get(0).formula())).isEqualTo("28 + 2·0 − 11 = 17 → ⌊17/4⌋ + 1 = 5");
        LayerReport broken = analysis.reports().get(3);
        assertThat(broken.status()).isEqualTo(LayerReport.Status.INVALID);
        assertThat(English.text(broken.diagnostics().get(0))).contains("pool 3/2 on 2×2 is impossible", "2 + 2·0 − 3 = -1");
        assertThat(analysis.reports().subList(4, 10)).extracting(LayerReport::status)
                .containsOnly(LayerReport.Status.UNREACHABLE);
    }

    @Test
    void kernelLargerThanPaddedInput() {
        Architecture arch = Presets.FASHION_28.withLayer(0, new NinBlock(32, 31, 1, 1));

        Diagnostic d = ShapeInference.analyze(arch).diagnostics().get(0);

        assertThat(d.layerIndex()).isZero();
        assertThat(d.field()).isEqualTo("kernel");
        assertThat(English.text(d)).contains("31×31 kernel on 28×28 is impossible", "28 + 2·1 − 31 = -1");
    }

    @Test
    void zeroAndNegativeValuesAreNamed() {
        Architecture arch = Presets.FASHION_28.withLayer(0, new NinBlock(0, 5, 0, -1))
                .withLayer(1, new MaxPool(3, 0)).withLayer(6, new Dropout(1.5));

        List<Diagnostic> diagnostics = ShapeInference.analyze(arch).diagnostics();

        assertThat(diagnostics).extracting(Diagnostic::field).contains("channels", "stride", "padding");
        assertThat(English.text(diagnostics.get(0))).isEqualTo("channels must be at least 1, got 0");
    }

    @Test
    void lastBlockMustHaveOneChannelPerClass() {
        Architecture arch = Presets.FASHION_28.withClasses(5);

        Analysis analysis = ShapeInference.analyze(arch);

        assertThat(analysis.valid()).isFalse();
        assertThat(English.text(analysis.reports().get(7).diagnostics().get(0)))
                .contains("has 10 channels but there are 5 classes");
    }

    @Test
    void gapMustEndTheNet() {
        Architecture noGap = Presets.FASHION_28.withRemoved(8);
        Architecture gapInMiddle = Presets.FASHION_28.withInserted(2, new GlobalAvgPool());

        assertThat(ShapeInference.analyze(noGap).globalDiagnostics()).extracting(English::text)
                .anyMatch(m -> m.contains("last layer must be global average pooling"));
        assertThat(English.text(ShapeInference.analyze(gapInMiddle).reports().get(2).diagnostics().get(0)))
                .contains("must be the last layer");
    }

    @Test
    void badInputStopsEveryLayer() {
        Analysis analysis = ShapeInference.analyze(Presets.FASHION_28.withInput(new InputSpec(1, 0, 28)));

        assertThat(English.text(analysis.globalDiagnostics().get(0))).isEqualTo("input height must be at least 1, got 0");
        assertThat(analysis.reports()).extracting(LayerReport::status).containsOnly(LayerReport.Status.UNREACHABLE);
    }

    @Test
    void editsMakeNewArchitectures() {
        Architecture edited = Presets.FASHION_28.withLayer(0, new NinBlock(48, 5, 1, 2)).withMoved(6, 5);

        assertThat(Presets.FASHION_28.layers().get(0)).isEqualTo(new NinBlock(32, 5, 1, 2));
        assertThat(edited.layers().get(5)).isInstanceOf(Dropout.class);
        assertThat(ShapeInference.analyze(edited).reports().get(0).output()).isEqualTo(new Shape(48, 28, 28));
    }

    @Test
    void nonSquareInputGetsSeparateFormulas() {
        LayerReport first = ShapeInference.analyze(Presets.FASHION_28.withInput(new InputSpec(1, 28, 40)))
                .reports().get(0);

        assertThat(first.output()).isEqualTo(new Shape(32, 28, 40));
        assertThat(English.formula(first.formula())).startsWith("H: 28 + 2·2 − 5").contains("; W: 40 + 2·2 − 5");
    }
}
