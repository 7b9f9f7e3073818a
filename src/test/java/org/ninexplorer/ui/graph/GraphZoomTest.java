package org.ninexplorer.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class GraphZoomTest {

    private final GraphZoom zoom = new GraphZoom();

    /** Eleven 170-pixel cards in rows of 130-pixel height, as a FlowPane wraps them. */
    private static final DoubleUnaryOperator CARDS = width -> {
        int perRow = Math.max(1, (int) (width / 170));
        return Math.ceil(11.0 / perRow) * 130;
    };

    @Test
    void theLargestFittingScaleShowsEverythingAndASlightlyLargerOneDoesNot() {
        double s = GraphZoom.largestFitting(CARDS, 1100, 300);

        assertThat(CARDS.applyAsDouble(1100 / s) * s).isLessThanOrEqualTo(300);
        assertThat(CARDS.applyAsDouble(1100 / (s + 0.01)) * (s + 0.01)).isGreaterThan(300);
        assertThat(GraphZoom.largestFitting(CARDS, 100, 50)).as("nothing fits: the smallest").isEqualTo(GraphZoom.MIN);
        assertThat(GraphZoom.largestFitting(w -> 10, 5000, 5000)).as("room to spare: the largest").isEqualTo(GraphZoom.MAX);
    }

    @Test
    void fittingStopsAt100PercentExceptInPresentationMode() {
        zoom.fitScaleProperty().set(1.7);
        assertThat(zoom.scale()).isEqualTo(1.0);
        zoom.presentationProperty().set(true);
        assertThat(zoom.scale()).isEqualTo(1.7);
        zoom.fitScaleProperty().set(0.8);
        assertThat(zoom.scale()).isEqualTo(0.8);
        zoom.presentationProperty().set(false);
        assertThat(zoom.scale()).as("shrinks rather than scrolls").isEqualTo(0.8);
        assertThat(zoom.textProperty().get()).isEqualTo("80 %");
    }

    @Test
    void zoomingLeavesFittingWithinBoundsUntilFitIsAskedFor() {
        zoom.fitScaleProperty().set(0.9);
        zoom.zoomIn();
        assertThat(zoom.fittingProperty().get()).isFalse();
        assertThat(zoom.scale()).isCloseTo(0.9 * 1.2, offset(1e-9));
        zoom.fitScaleProperty().set(0.5);
        assertThat(zoom.scale()).as("the user's zoom holds").isCloseTo(1.08, offset(1e-9));
        for (int i = 0; i < 20; i++) {
            zoom.zoomOut();
        }
        assertThat(zoom.scale()).isEqualTo(GraphZoom.MIN);
        for (int i = 0; i < 20; i++) {
            zoom.zoomIn();
        }
        assertThat(zoom.scale()).isEqualTo(GraphZoom.MAX);

        zoom.fit();
        assertThat(zoom.fittingProperty().get()).isTrue();
        assertThat(zoom.scale()).isEqualTo(0.5);
    }
}
