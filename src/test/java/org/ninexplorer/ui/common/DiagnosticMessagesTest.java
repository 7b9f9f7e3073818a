package org.ninexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Diagnostic;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.Limits;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;

/** Every code the model can give has words in both languages, and the numbers stay the same in both. */
class DiagnosticMessagesTest {

    private static final Messages ENGLISH = Messages.of(Locale.ROOT);
    private static final Messages CHINESE = Messages.of(Locale.SIMPLIFIED_CHINESE);

    /** Impossible nets that between them give every code. */
    private static List<Diagnostic> everyKind() {
        Architecture fashion = Presets.FASHION_28;
        return Stream.of(
                fashion.withInput(new InputSpec(2, 0, 99_999)),
                fashion.withClasses(0),
                fashion.withLayer(0, new NinBlock(0, 0, 0, -1, 9, 2)),
                fashion.withLayer(0, new NinBlock(32, 31, 1, 1)),
                fashion.withLayer(1, new MaxPool(29, 2)),
                fashion.withLayer(6, new Dropout(1.5)),
                fashion.withClasses(5),
                fashion.withRemoved(8),
                fashion.withInserted(2, new GlobalAvgPool()),
                fashion.withLayer(8, new Dense(7)),
                fashion.withInserted(2, new Dense(12)),
                fashion.withLayer(8, new Dense(0)),
                fashion.withLayer(0, new MaxPool(3, 2)).withLayer(4, new MaxPool(3, 2)).withLayer(7, new MaxPool(1, 1)),
                new Architecture(fashion.input(), 10, java.util.Collections.nCopies(Limits.MAX_LAYERS + 1, new Dropout(0.5))))
                .flatMap(a -> ShapeInference.analyze(a).diagnostics().stream()).toList();
    }

    @Test
    void theImpossibleNetsGiveEveryCodeAndQuantity() {
        List<Diagnostic> diagnostics = everyKind();
        assertThat(diagnostics.stream().map(Diagnostic::code).distinct())
                .containsExactlyInAnyOrder(Diagnostic.Code.values());
        assertThat(diagnostics.stream().flatMap(d -> d.args().stream()).filter(Diagnostic.Quantity.class::isInstance)
                .distinct()).containsExactlyInAnyOrder((Object[]) Diagnostic.Quantity.values());
    }

    @Test
    void everyCodeQuantityAndFieldHasWordsInBothLanguages() throws Exception {
        for (Map<String, String> bundle : List.of(BundlesTest.read("messages.properties"),
                BundlesTest.read("messages_zh.properties"))) {
            EnumSet.allOf(Diagnostic.Code.class).forEach(c -> assertThat(bundle).containsKey("diagnostic." + c.key()));
            EnumSet.allOf(Diagnostic.Quantity.class)
                    .forEach(q -> assertThat(bundle).containsKey("diagnostic.quantity." + q.key()));
            everyKind().stream().map(Diagnostic::field).filter(f -> f != null).distinct()
                    .forEach(f -> assertThat(bundle).containsKey("diagnostic.field." + f));
        }
    }

    @Test
    void bothLanguagesSayItWithTheSameNumbersAndArithmetic() {
        for (Diagnostic d : everyKind()) {
            String english = ENGLISH.diagnostic(d);
            String chinese = CHINESE.diagnostic(d);
            assertThat(english).doesNotContain("{").doesNotMatch(".*\\p{IsHan}.*");
            assertThat(chinese).doesNotContain("{").matches("(?s).*\\p{IsHan}.*").endsWith("。");
            for (Object arg : d.args()) {
                if (!(arg instanceof Diagnostic.Quantity)) {
                    assertThat(chinese).as(english).contains(String.valueOf(arg));
                    assertThat(english).contains(String.valueOf(arg));
                }
            }
        }
        Diagnostic kernel = ShapeInference.analyze(Presets.FASHION_28.withLayer(0, new NinBlock(32, 31, 1, 1)))
                .diagnostics().get(0);
        assertThat(ENGLISH.diagnostic(kernel)).isEqualTo("Layer 0 (kernel): The 31×31 kernel on 28×28 is impossible:"
                + " the window is larger than the padded input (28 + 2·1 − 31 = -1 < 0).");
        assertThat(CHINESE.diagnostic(kernel))
                .isEqualTo("第 0 层（卷积核）：31×31 卷积核无法作用于 28×28 的输入：窗口大于填充后的输入（28 + 2·1 − 31 = -1 < 0）。");
    }

    @Test
    void theModelKeepsItsWordsOutOfTheDiagnostic() {
        Set<Class<?>> plain = Set.of(Integer.class, Long.class, Double.class, String.class, Diagnostic.Quantity.class);
        for (Diagnostic d : everyKind()) {
            assertThat(d.args()).allSatisfy(a -> assertThat(plain).contains(a.getClass()));
            // Strings are arithmetic only, never words.
            d.args().stream().filter(String.class::isInstance).map(String.class::cast)
                    .forEach(s -> assertThat(s).matches("[0-9 +·−=/⌊⌋()→<-]+"));
        }
    }
}
