package org.ninexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.ninexplorer.model.ArchitectureDiff;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.Formula;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Operation;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;

/**
 * The architecture diff and the shape formulas are codes and numbers: the CLI's English as it was, the window's
 * Chinese with no English word left but the layers' type names, the settings' field names and the nets' names.
 */
class DiffWordsTest {

    private static final Messages ENGLISH = Messages.of(Locale.ROOT);
    private static final Messages CHINESE = Messages.of(Locale.SIMPLIFIED_CHINESE);
    /** Names that stay as they are in either language: the layers' JSON types, the settings' fields, the CLI. */
    private static final String NAMES = "\\b(nin|maxpool|dropout|gap|dense|classes|channels|kernel|stride|padding"
            + "|units|mlp|softmax|nin-explorer|shapes|fashion-28|d2l-224|small)\\b";

    private static final ArchitectureDiff CHANGED = ArchitectureDiff.between(Presets.FASHION_28,
            Presets.FASHION_28.withRemoved(2).withRemoved(2).withInserted(2, new Dropout(0.3))
                    .withLayer(0, new NinBlock(48, 5, 1, 2)));

    @Test
    void theEnglishIsTheCliDiffsAsBefore() {
        List<String> en = DiffWords.lines(ENGLISH, ArchitectureDiff.between(Presets.D2L_224, Presets.FASHION_28),
                "d2l-224", "fashion-28");
        assertThat(en.get(0)).isEqualTo("A: d2l-224  (1×224×224, 9 layers, 1992166 params, 762297352 MACs)");
        assertThat(en).contains("input: 1×224×224 → 1×28×28",
                "     A    B  layer    settings            output shape                          Δparams        ΔMACs",
                "=    8    8  gap      global average      [1, 10, 1, 1]",
                "=    9    9  classes  10 scores, softmax  [1, 10]",
                "             total                                                             -1843776   -751684328",
                "total params: 1992166 → 148390 (-1843776, -92.6%)",
                "layers: 0 removed, 0 added, 3 changed, 7 unchanged");
        assertThat(DiffWords.lines(ENGLISH, ArchitectureDiff.between(Presets.FASHION_28, Presets.FASHION_28), "a", "b"))
                .containsExactly("A: a  (1×28×28, 9 layers, 148390 params, 10613024 MACs)",
                        "B: b  (1×28×28, 9 layers, 148390 params, 10613024 MACs)", "A and B are the same net: 9 layers");
    }

    @Test
    void inChineseEveryLineIsWordedAndTheDeltasStillStandUnderEachOther() {
        List<String> zh = DiffWords.lines(CHINESE, CHANGED, "fashion-28", "small");
        for (String line : zh) {
            assertThat(line.replaceAll(NAMES, "")).as(line).doesNotContainPattern("[A-Za-z]{2,}");
        }
        assertThat(zh.get(0)).startsWith("A：fashion-28  （1×28×28，9 层，");
        assertThat(zh).anySatisfy(l -> assertThat(l).startsWith("层：删除 2 个，新增 1 个，修改 1 个"));
        assertThat(zh).anySatisfy(l -> assertThat(l).contains("全局平均"));
        // Each row's (and the totals') last column ends where the header's does, counted in a fixed-width font.
        String header = zh.stream().filter(l -> l.contains("Δ乘加")).findFirst().orElseThrow();
        zh.stream().filter(l -> l.matches(".*[-+]\\d+$")).forEach(l -> assertThat(DiffWords.width(l)).as(l)
                .isEqualTo(DiffWords.width(header)));
    }

    @Test
    void anImpossibleNetsNoteIsWordedToo() {
        ArchitectureDiff diff = ArchitectureDiff.between(Presets.D2L_224, Presets.D2L_224.withInput(new InputSpec(1, 28, 28)));
        assertThat(DiffWords.lines(ENGLISH, diff, "a", "b")).anySatisfy(l -> assertThat(l)
                .startsWith("note: B is not a possible net (").endsWith("its shapes stop where it breaks (?)"));
        assertThat(DiffWords.lines(CHINESE, diff, "a", "b")).anySatisfy(l -> assertThat(l).startsWith("注意：B 不是可行的网络"));
    }

    @Test
    void theFormulasWordsAreTheWindowsLanguage() {
        var reports = ShapeInference.analyze(Presets.FASHION_28.withInserted(9, new Dense(10))).reports();
        assertThat(CHINESE.formula(reports.get(6).formula())).isEqualTo("形状不变");
        assertThat(ENGLISH.formula(reports.get(6).formula())).isEqualTo("shape unchanged");
        assertThat(CHINESE.formula(reports.get(8).formula())).isEqualTo("在 2×2 上取平均 → 1×1");
        assertThat(CHINESE.formula(reports.get(9).formula())).isEqualTo("展平 10×1×1 = 10 → 10");
        assertThat(CHINESE.formula(reports.get(0).convs().get(1).formula())).isEqualTo("1×1：尺寸不变");
        assertThat(CHINESE.formula(reports.get(0).formula())).isEqualTo(ENGLISH.formula(reports.get(0).formula()))
                .isEqualTo("28 + 2·2 − 5 = 27 → ⌊27/1⌋ + 1 = 28");
        assertThat(CHINESE.formula(Formula.NONE)).isEmpty();
        assertThat(Operation.of(ShapeInference.analyze(Presets.FASHION_28))).allSatisfy(op -> assertThat(
                CHINESE.formula(op.formula())).doesNotContainPattern("[a-z]{3,}"));
    }
}
