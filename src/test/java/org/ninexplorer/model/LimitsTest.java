package org.ninexplorer.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shape inference applies the limits that training and the CLI apply. */
class LimitsTest {

    @Test
    void twoInputChannelsAreRefusedByShapeInferenceAsByTraining() {
        Analysis analysis = ShapeInference.analyze(Presets.FASHION_28.withInput(new InputSpec(2, 28, 28)));

        assertThat(analysis.valid()).isFalse();
        assertThat(analysis.diagnostics()).extracting(English::text)
                .containsExactly("input channels must be 1 (grayscale) or 3 (RGB), got 2");
        for (int channels : Limits.INPUT_CHANNELS) {
            assertThat(ShapeInference.analyze(Presets.FASHION_28.withInput(new InputSpec(channels, 28, 28))).valid())
                    .isTrue();
        }
    }

    @Test
    void tenThousandLayersAreRefusedWithTheLimit() {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < 9_998; i++) {
            layers.add(new Dropout(0.1));
        }
        layers.add(new NinBlock(10, 1, 1, 0));
        layers.add(new GlobalAvgPool());
        Analysis analysis = ShapeInference.analyze(new Architecture(new InputSpec(1, 28, 28), 10, layers));

        assertThat(analysis.valid()).isFalse();
        assertThat(analysis.diagnostics()).extracting(English::text)
                .contains("the net has 10000 layers; at most 1000 are supported");
    }

    @Test
    void sidesPastTheLimitAreRefused() {
        Analysis analysis = ShapeInference.analyze(Presets.FASHION_28.withInput(new InputSpec(1, Limits.MAX_SIDE + 1, 28)));

        assertThat(analysis.diagnostics()).extracting(English::text)
                .containsExactly("input height must be at most 4096, got 4097");
    }
}
