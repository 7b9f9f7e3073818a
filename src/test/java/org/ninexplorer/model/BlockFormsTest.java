package org.ninexplorer.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** NiN blocks with 0–4 convolutions after the first, 1×1 or 3×3: the book's exercises 1 and 2. */
class BlockFormsTest {

    /** 1×28×28 → an 8-channel 5×5 block (padding 2) of the given form → pool → the class block → GAP. */
    private static Architecture net(int mlp, int mlpKernel) {
        return new Architecture(new InputSpec(1, 28, 28), 10, List.of(new NinBlock(8, 5, 1, 2, mlp, mlpKernel),
                new MaxPool(2, 2), new NinBlock(10, 3, 1, 1), new GlobalAvgPool()));
    }

    // Counted by hand: the 5×5 convolution has 1·25·8 weights + 8 biases = 208 params and 25·8·784 = 156,800
    // MACs; a 1×1 one 8·8 + 8 = 72 params and 64·784 = 50,176 MACs; a 3×3 one 8·8·9 + 8 = 584 params and
    // 576·784 = 451,584 MACs.
    @ParameterizedTest(name = "mlp {0}, kernel {1}")
    @CsvSource({
            "0, 1, 208, 156800",
            "1, 1, 280, 206976",
            "2, 1, 352, 257152",
            "3, 1, 424, 307328",
            "4, 1, 496, 357504",
            "1, 3, 792, 608384",
            "3, 3, 1960, 1511552",
    })
    void paramsAndMacsOfEachForm(int mlp, int mlpKernel, long params, long macs) {
        LayerReport block = ShapeInference.analyze(net(mlp, mlpKernel)).reports().get(0);

        assertThat(block.status()).isEqualTo(LayerReport.Status.VALID);
        assertThat(block.params()).isEqualTo(params);
        assertThat(block.macs()).isEqualTo(macs);
        assertThat(block.convs()).hasSize(1 + mlp).extracting(c -> c.output().toString()).containsOnly("8×28×28");
        assertThat(block.convs().subList(1, block.convs().size())).allSatisfy(c -> assertThat(c.kernel()).isEqualTo(mlpKernel));
    }

    @Test
    void theBlockDescribesItsConvolutionsOnce() {
        assertThat(new NinBlock(96, 11, 4, 0).convolutions()).containsExactly(new ConvSpec(96, 11, 4, 0),
                new ConvSpec(96, 1, 1, 0), new ConvSpec(96, 1, 1, 0));
        assertThat(new NinBlock(64, 3, 2, 1, 3, 3).convolutions()).containsExactly(new ConvSpec(64, 3, 2, 1),
                new ConvSpec(64, 3, 1, 1), new ConvSpec(64, 3, 1, 1), new ConvSpec(64, 3, 1, 1));
        assertThat(new NinBlock(64, 3, 2, 1, 0, 1).convolutions()).containsExactly(new ConvSpec(64, 3, 2, 1));
    }

    @Test
    void threeByThreeConvolutionsKeepTheSizeAndSaySo() {
        LayerReport block = ShapeInference.analyze(net(2, 3)).reports().get(0);

        assertThat(block.convs()).extracting(c -> English.formula(c.formula()))
                .containsExactly("28 + 2·2 − 5 = 27 → ⌊27/1⌋ + 1 = 28", "3×3 p1: size unchanged", "3×3 p1: size unchanged");
        assertThat(block.convs().get(1).padding()).isEqualTo(1);
    }

    @Test
    void theSummaryNamesAFormOtherThanTheBooks() {
        assertThat(new NinBlock(96, 11, 4, 0).summary()).isEqualTo("96 · 11×11 / 4");
        assertThat(new NinBlock(96, 11, 4, 0, 3, 3).summary()).isEqualTo("96 · 11×11 / 4 · 3× 3×3");
        assertThat(new NinBlock(96, 11, 4, 0, 0, 1).summary()).isEqualTo("96 · 11×11 / 4 · no 1×1");
    }

    @Test
    void formsOutsideTheLimitsAreNamed() {
        List<Diagnostic> tooMany = ShapeInference.analyze(net(5, 1)).diagnostics();
        List<Diagnostic> evenKernel = ShapeInference.analyze(net(2, 2)).diagnostics();
        List<Diagnostic> negative = ShapeInference.analyze(net(-1, 1)).diagnostics();

        assertThat(tooMany).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("mlp");
            assertThat(English.text(d)).isEqualTo("the number of convolutions after the first must be at most 4, got 5");
        });
        assertThat(evenKernel).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("mlpKernel");
            assertThat(English.text(d)).contains("must be 1, or 3 (with padding 1, keeping the size), got 2");
        });
        assertThat(negative).extracting(Diagnostic::field).containsExactly("mlp");
    }

    @Test
    void theIntermediateBlockOfExerciseFive() {
        // 384×5×5 straight to 10 classes, or through an intermediate block of 96 channels.
        Architecture direct = Presets.D2L_224;
        Architecture intermediate = direct.withInserted(7, new NinBlock(96, 3, 1, 1));

        Analysis analysis = ShapeInference.analyze(intermediate);

        assertThat(analysis.valid()).isTrue();
        assertThat(analysis.reports().get(7).params()).isEqualTo(384 * 9 * 96 + 96 + 2 * (96 * 96 + 96));
        assertThat(analysis.reports().get(8).input()).isEqualTo(new Shape(96, 5, 5));
        assertThat(ShapeInference.analyze(direct).totalParams()).isLessThan(analysis.totalParams());
    }
}
