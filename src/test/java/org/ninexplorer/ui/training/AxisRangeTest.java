package org.ninexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class AxisRangeTest {

    @Test
    void epochTicksStayFewAndRoundForLongRuns() {
        assertThat(AxisRange.epochs(5).tick()).isEqualTo(1);
        assertThat(AxisRange.epochs(12).tick()).isEqualTo(2);
        assertThat(AxisRange.epochs(30).tick()).isEqualTo(5);
        assertThat(AxisRange.epochs(1000).tick()).isEqualTo(200);
        for (int epochs : new int[] {1, 5, 8, 9, 30, 37, 100, 250, 1000}) {
            AxisRange axis = AxisRange.epochs(epochs);
            long labels = DoubleStream.iterate(0, x -> x <= axis.upper(), x -> x + axis.tick()).count();
            assertThat(labels).as("labelled ticks for %d epochs", epochs).isBetween(2L, 10L);
        }
    }

    @Test
    void theLastEpochIsInsideTheAxisButGetsNoOddLabel() {
        AxisRange axis = AxisRange.epochs(5);
        assertThat(axis.lower()).isZero();
        assertThat(axis.upper()).isGreaterThan(5).isLessThanOrEqualTo(5.5);
        assertThat(axis.label(5)).isEqualTo("5");
        assertThat(axis.label(axis.upper())).as("the margin past the last epoch").isEmpty();
        assertThat(AxisRange.epochs(30).label(15)).isEqualTo("15");
        assertThat(AxisRange.epochs(30).label(30)).isEqualTo("30");
        assertThat(AxisRange.epochs(30).label(AxisRange.epochs(30).upper())).isEmpty();
    }

    @Test
    void lossAxisEndsOnARoundNumberAboveTheLargestLoss() {
        assertThat(AxisRange.loss(2.31)).isEqualTo(new AxisRange(0, 2.5, 0.5));
        assertThat(AxisRange.loss(0.7)).isEqualTo(new AxisRange(0, 0.8, 0.2));
        assertThat(AxisRange.loss(13)).isEqualTo(new AxisRange(0, 15, 2.5));
        assertThat(AxisRange.loss(Double.NaN)).isEqualTo(AxisRange.LOSS_BEFORE_DATA);
        assertThat(AxisRange.ACCURACY.label(0.6000000000000001)).isEqualTo("0.6");
        assertThat(AxisRange.ACCURACY.label(0)).isEqualTo("0");
        assertThat(AxisRange.ACCURACY.label(1)).isEqualTo("1");
    }
}
