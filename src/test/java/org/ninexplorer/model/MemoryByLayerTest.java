package org.ninexplorer.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The textbook memory count, checked against a count by hand from the book's shapes. */
class MemoryByLayerTest {

    // d2l-224, values per image, from the shapes in the README (not from shape inference).
    private static final long PARAMS = 30_336 + 746_240 + 1_180_800 + 34_790;
    private static final long INPUT = 224 * 224;
    private static final long BLOCK1 = 96 * 54 * 54;
    private static final long BLOCK2 = 256 * 26 * 26;
    private static final long BLOCK3 = 384 * 12 * 12;
    private static final long BLOCK4 = 10 * 5 * 5;
    /** Each block keeps its three convolutions' outputs; pools, dropout, GAP and the scores keep theirs. */
    private static final long KEPT = 3 * BLOCK1 + 96 * 26 * 26 + 3 * BLOCK2 + 256 * 12 * 12 + 3 * BLOCK3
            + 384 * 5 * 5 + 384 * 5 * 5 + 3 * BLOCK4 + 10 + 10;
    /** The first block's second convolution: a 96×54×54 input and output at once. */
    private static final long LARGEST_LIVE = 2 * BLOCK1;

    @Test
    void theReferenceNetAtBatch1And128MatchesTheHandCount() {
        Analysis analysis = ShapeInference.analyze(Presets.D2L_224);
        for (int batch : new int[] {1, 128}) {
            MemoryByLayer adam = MemoryByLayer.of(analysis, batch, 2);
            MemoryByLayer sgd = MemoryByLayer.of(analysis, batch, 1);

            assertThat(adam.predictionBytes()).as("batch " + batch).isEqualTo(4 * (PARAMS + batch * LARGEST_LIVE));
            assertThat(adam.trainingBytes()).as("batch " + batch)
                    .isEqualTo(4 * (PARAMS * 4 + batch * (INPUT + KEPT)));
            assertThat(sgd.trainingBytes()).isEqualTo(adam.trainingBytes() - 4 * PARAMS);
            assertThat(adam.largestLive().index()).isZero();
            assertThat(adam.rows()).hasSize(10);
            assertThat(adam.rows().stream().mapToLong(MemoryByLayer.Row::keptBytes).sum()).isEqualTo(adam.keptBytes());
            assertThat(adam.rows().get(2).weightBytes()).isEqualTo(4 * 746_240);
            assertThat(adam.rows().get(2).keptBytes()).isEqualTo(4L * batch * 3 * BLOCK2);
            assertThat(adam.rows().get(1).liveBytes()).as("a pool").isEqualTo(4L * batch * (BLOCK1 + 96 * 26 * 26));
        }
        // 900,620,896 bytes at 128: the figure a reader of the README can check.
        assertThat(MemoryByLayer.of(analysis, 128, 2).trainingBytes()).isEqualTo(900_620_896L);
        assertThat(MemoryByLayer.of(analysis, 1, 2).predictionBytes()).isEqualTo(10_208_152L);
    }

    @Test
    void theTermsOfTheArithmeticAreExposed() {
        MemoryByLayer m = MemoryByLayer.of(ShapeInference.analyze(Presets.D2L_224), 128, 2);

        assertThat(m.parameters()).isEqualTo(1_992_166L);
        assertThat(m.optimizerCopies()).isEqualTo(2);
        assertThat(m.inputElements()).isEqualTo(50_176L);
        assertThat(m.keptElements()).isEqualTo(1_646_594L);
    }

    @Test
    void denseLayersAndBlocksOfOtherFormsCountTheirOwnSteps() {
        Architecture arch = new Architecture(new InputSpec(1, 8, 8), 10, List.of(
                new NinBlock(4, 3, 1, 1, 1, 3), new Dense(16), new Dense(10)));
        MemoryByLayer m = MemoryByLayer.of(ShapeInference.analyze(arch), 2, 2);

        // The block: a 3×3 convolution and one 3×3 per-pixel convolution, each 4×8×8.
        assertThat(m.rows().get(0).keptBytes()).isEqualTo(4 * 2 * (2 * 256));
        assertThat(m.rows().get(0).liveBytes()).isEqualTo(4 * 2 * (256 + 256));
        assertThat(m.rows().get(1).weightBytes()).isEqualTo(4 * (256 * 16 + 16));
        assertThat(m.rows().get(1).liveBytes()).isEqualTo(4 * 2 * (256 + 16));
        assertThat(m.rows().get(2).keptBytes()).isEqualTo(4 * 2 * 10);
    }
}
