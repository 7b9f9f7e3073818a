package org.ninexplorer.ui.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.Exercise;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.Presets;
import org.ninexplorer.ui.common.Messages;

/** Every exercise is worded in both languages with the same numbers; the model only names it. */
class ExerciseWordsTest {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    @AfterEach
    void english() {
        Messages.use(Locale.ROOT);
    }

    @Test
    void everyExerciseHasItsWordsInBothBundlesWithTheSameNumbers() {
        Messages english = Messages.of(Locale.ROOT);
        Messages chinese = Messages.of(Locale.SIMPLIFIED_CHINESE);
        for (Exercise exercise : Exercise.values()) {
            for (String part : List.of("title", "question", "change")) {
                String key = ExerciseWords.key(exercise, part);
                String en = english.format(key, String.valueOf(Exercise.CHANNEL_STEP));
                String zh = chinese.format(key, String.valueOf(Exercise.CHANNEL_STEP));
                assertThat(en).as(key).isNotBlank().doesNotContain("{");
                assertThat(zh).as(key).isNotEqualTo(en)
                        .matches(s -> s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                                == Character.UnicodeScript.HAN), "has Chinese characters");
                assertThat(numbers(zh)).as(key).isEqualTo(numbers(en));
            }
        }
        assertThat(english.format(ExerciseWords.key(Exercise.INTERMEDIATE_BLOCK, "change"), "16"))
                .contains("multiple of 16");
    }

    @Test
    void aRefusalIsWordedWithItsDiagnosticInEitherLanguage() {
        var impossible = Exercise.INTERMEDIATE_BLOCK.problem(Presets.FASHION_28.withInput(new InputSpec(1, 4, 4)))
                .orElseThrow();
        var same = Exercise.ONE_CONVOLUTION.problem(Exercise.ONE_CONVOLUTION.variantOf(Presets.FASHION_28))
                .orElseThrow();
        assertThat(ExerciseWords.problem(impossible)).startsWith("The net is impossible")
                .contains(Messages.of(Locale.ROOT).diagnostic(impossible.diagnostic()));
        assertThat(ExerciseWords.problem(same)).contains("same net");
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        assertThat(ExerciseWords.problem(impossible)).startsWith("该网络无法成立")
                .contains(Messages.current().diagnostic(impossible.diagnostic()));
        assertThat(ExerciseWords.problem(same)).contains("同一个网络");
        assertThat(ExerciseWords.change(Exercise.ONE_CONVOLUTION)).startsWith("变体：");
        assertThat(ExerciseWords.change(Exercise.RESOURCES)).doesNotStartWith("变体：");
    }

    private static List<String> numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found.stream().sorted().toList();
    }
}
