package org.ninexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled font has a glyph for every Chinese character the interface's texts use, in both weights: after
 * Chinese text is added, this fails until packaging/cjk-font-subset.sh is run again. Symbols it lacks (⌊ ⌋ ↶)
 * come from the system's fonts, as in the English interface.
 */
class CjkFontTest {

    private static Font font(String resource) throws IOException, FontFormatException {
        try (InputStream in = CjkFont.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Font.createFont(Font.TRUETYPE_FONT, in);
        }
    }

    @Test
    void everyCharacterOfTheBundlesAndHelpPagesHasAGlyph() throws Exception {
        String text = BundlesTest.allText("messages.properties", "messages_zh.properties");
        assertThat(text).contains("卷积层", "全局平均汇聚层");
        for (String resource : new String[] {CjkFont.RESOURCE, CjkFont.BOLD_RESOURCE, CjkFont.MONO_RESOURCE}) {
            Font font = font(resource);
            assertThat(font.getFamily(java.util.Locale.ROOT)).isIn(CjkFont.FAMILY, CjkFont.MONO_FAMILY);
            String missing = text.codePoints().filter(c -> chinese(c) && !font.canDisplay(c))
                    .distinct().mapToObj(Character::toString).collect(Collectors.joining());
            assertThat(missing).as("characters %s lacks (run packaging/cjk-font-subset.sh)", resource).isEmpty();
        }
    }

    /** Han characters, CJK punctuation (、。「」) and full-width forms (（，：）). */
    static boolean chinese(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    @Test
    void theFontIsASubsetThatWouldMissACharacterNoTextUses() throws Exception {
        Font font = font(CjkFont.RESOURCE);
        // So that the test above can fail: a rare character is not in the subset.
        assertThat(font.canDisplay('龘')).isFalse();
        assertThat(font.canDisplay('卷')).isTrue();
        assertThat(font.canDisplay('×')).isTrue();
    }
}
