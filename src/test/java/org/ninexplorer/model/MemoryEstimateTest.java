package org.ninexplorer.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryEstimateTest {

    private static MemoryEstimate fashion(int batch, int optimizerCopies) {
        return MemoryEstimate.training(ShapeInference.analyze(Presets.FASHION_28), batch, optimizerCopies, 8, 0);
    }

    @Test
    void growsByTheSameAmountPerImage() {
        MemoryEstimate one = fashion(1, 2);
        MemoryEstimate many = fashion(1000, 2);

        assertThat(many.offHeapBytes() - one.offHeapBytes()).isEqualTo(999 * one.perImageBytes());
        assertThat(many.fixedBytes()).isEqualTo(one.fixedBytes());
    }

    @Test
    void adamKeepsOneMoreCopyOfTheParametersThanSgd() {
        long params = ShapeInference.analyze(Presets.FASHION_28).totalParams();

        assertThat(fashion(64, 2).fixedBytes() - fashion(64, 1).fixedBytes()).isEqualTo(4 * params);
    }

    /**
     * Peak resident size of {@code bench --mode train} grew per image (2026-12-01, 2 busy cores): fashion-28 by
     * 1.39 MB between batch 256 and 1024 with the fused blocks, 1.00 MB without ({@code -Dnin.fastpath=false});
     * d2l-224 by 17.9 MB between batch 16 and 64 fused, 32.8 MB between 16 and 48 unfused. The estimate must not
     * be below any of them.
     */
    @Test
    void isNoLessThanTheMeasuredGrowthPerImage() {
        assertThat(fashion(1, 2).perImageBytes()).isGreaterThan(1_390_000L);
        MemoryEstimate d2l = MemoryEstimate.training(ShapeInference.analyze(Presets.D2L_224), 1, 2, 8, 0);
        assertThat(d2l.perImageBytes()).isGreaterThan(32_800_000L);
    }

    @Test
    void theLargestBatchThatFitsIsAtTheBudget() {
        MemoryEstimate estimate = fashion(128, 2);
        long budget = estimate.fixedBytes() + 50 * estimate.perImageBytes() + 1;

        assertThat(estimate.largestBatchWithin(budget)).isEqualTo(50);
        assertThat(estimate.largestBatchWithin(estimate.fixedBytes())).isZero();
    }

    @Test
    void aHugeInputSaturatesInsteadOfOverflowing() {
        Architecture huge = Presets.FASHION_28.withInput(new InputSpec(3, Limits.MAX_SIDE, Limits.MAX_SIDE));
        MemoryEstimate estimate = MemoryEstimate.training(ShapeInference.analyze(huge), 100_000, 2, 8, 0);

        assertThat(estimate.perImageBytes()).isGreaterThan(16L << 30);
        assertThat(estimate.offHeapBytes()).isPositive();
        assertThat(estimate.largestBatchWithin(16L << 30)).isZero();
    }

    @Test
    void bytesReadAsPeopleWriteThem() {
        assertThat(MemoryEstimate.bytes(512)).isEqualTo("512 bytes");
        assertThat(MemoryEstimate.bytes(1536)).isEqualTo("1.50 KB");
        assertThat(MemoryEstimate.bytes(3L << 30)).isEqualTo("3.00 GB");
        assertThat(MemoryEstimate.bytes(Long.MAX_VALUE)).isEqualTo("8192 PB");
    }
}
