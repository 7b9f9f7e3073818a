package org.ninexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.MemoryByLayer;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ResourceUsage;
import org.ninexplorer.model.ShapeInference;

/** The arithmetic behind the counts adds up, and says the same numbers in English and Chinese. */
class ArithmeticTest {

    private static final Messages ENGLISH = Messages.of(Locale.ROOT);
    private static final Messages CHINESE = Messages.of(Locale.SIMPLIFIED_CHINESE);
    private static final Pattern NUMBER = Pattern.compile("[\\d.,]*\\d");

    @Test
    void theMemoryArithmeticShownOnHoverAddsUp() {
        MemoryByLayer m = MemoryByLayer.of(ShapeInference.analyze(Presets.D2L_224), 128, 2);

        assertThat(Arithmetic.training(ENGLISH, m)).contains("weights 7.60 MB", "optimizer state 15.2 MB (2 per weight)",
                "input 24.5 MB (128 × 50,176 values", "(128 × 1,646,594 values", "= 859 MB");
        assertThat(Arithmetic.prediction(ENGLISH, m)).contains("(1,992,166 × 4 bytes)", "(layer 0, nin:", "= 281 MB");
        assertThat(Arithmetic.training(CHINESE, m)).contains("权重 7.60 MB", "优化器状态 15.2 MB", "= 859 MB");
        assertThat(numbers(Arithmetic.training(CHINESE, m))).isEqualTo(numbers(Arithmetic.training(ENGLISH, m)));
        assertThat(numbers(Arithmetic.prediction(CHINESE, m))).isEqualTo(numbers(Arithmetic.prediction(ENGLISH, m)));
    }

    @Test
    void theComputationOfAStepIsThreePassesWhenTraining() {
        ResourceUsage usage = ResourceUsage.of(ShapeInference.analyze(Presets.D2L_224), 128, 2);

        assertThat(Arithmetic.trainingMacs(ENGLISH, usage)).startsWith("3 × 762,297,352 MACs per image × 128 images");
        assertThat(Arithmetic.predictionMacs(ENGLISH, usage)).isEqualTo(
                "762,297,352 MACs per image × 128 images: one forward pass");
        assertThat(Arithmetic.predictionMacs(CHINESE, usage)).isEqualTo("每张图像 762,297,352 次乘加 × 128 张图像：一次前向传播");
        assertThat(numbers(Arithmetic.trainingMacs(CHINESE, usage))).isEqualTo(
                numbers(Arithmetic.trainingMacs(ENGLISH, usage)));
    }

    private static List<String> numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
