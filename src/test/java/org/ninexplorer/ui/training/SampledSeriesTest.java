package org.ninexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampledSeriesTest {

    @Test
    void staysBoundedAndSpansTheWholeRun() {
        SampledSeries series = new SampledSeries(100);
        for (int i = 0; i < 100_000; i++) {
            series.add(i, i);
            if (i % 37 == 0) {
                series.flush();
            }
        }
        series.flush();

        assertThat(series.points().size()).isBetween(50, 100);
        assertThat(series.points().get(0).getXValue().intValue()).isZero();
        assertThat(series.points().get(series.points().size() - 1).getXValue().intValue()).isGreaterThan(95_000);
        assertThat(series.stride()).isGreaterThan(1);
    }

    @Test
    void showsNothingUntilFlushed() {
        SampledSeries series = new SampledSeries(10);
        series.add(1, 2);
        assertThat(series.points()).isEmpty();
        series.flush();
        assertThat(series.points()).hasSize(1);
    }
}
