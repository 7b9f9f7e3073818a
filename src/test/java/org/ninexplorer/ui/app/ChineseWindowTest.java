package org.ninexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ninexplorer.model.Exercise;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.ui.common.CjkFont;
import org.ninexplorer.ui.common.Language;
import org.ninexplorer.ui.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View ▸ Language ▸ 简体中文 in the real window: the choice is remembered, the open window keeps its words, and
 * the next start is in Chinese, drawn in the bundled font with no missing-glyph boxes.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseWindowTest {

    private final Locale systemLocale = Locale.getDefault();
    private TestWindows.Opened english;
    private TestWindows.Opened chinese;
    private Stage chineseStage;

    @Start
    void start(Stage stage) throws Exception {
        english = TestWindows.open(stage, 1366, 768, Language.ENGLISH);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (chinese != null) {
            WaitForAsyncUtils.asyncFx(() -> chinese.window().training().session().stop()).get();
            WaitForAsyncUtils.asyncFx(chineseStage::hide).get();
        }
        TestWindows.close(english);
        // The language is fixed per start: the classes run after this one start in English again.
        Messages.use(Locale.ROOT);
        Locale.setDefault(systemLocale);
    }

    static Node byId(Stage stage, String id) {
        return stage.getScene().getRoot().lookup("#" + id);
    }

    private static MenuItem item(Stage stage, String id) {
        MenuBar bar = (MenuBar) byId(stage, "menuBar");
        List<MenuItem> all = new ArrayList<>();
        bar.getMenus().forEach(m -> collect(m, all));
        return all.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static void collect(MenuItem item, List<MenuItem> into) {
        into.add(item);
        if (item instanceof javafx.scene.control.Menu menu) {
            menu.getItems().forEach(i -> collect(i, into));
        }
    }

    @Test
    void chineseChosenInTheViewMenuIsTheLanguageOfTheNextStart(FxRobot robot) throws Exception {
        Stage stage = (Stage) english.window().view().getScene().getWindow();
        RadioMenuItem zh = (RadioMenuItem) item(stage, "language-zh");
        assertThat(((RadioMenuItem) item(stage, "language-en")).isSelected()).isTrue();
        assertThat(zh.getText()).isEqualTo("简体中文");
        Platform.runLater(zh::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane note = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(note.getHeaderText()).isEqualTo(Messages.of(Locale.ROOT).format("main.language.next-start.header"));
        ButtonType ok = note.getButtonTypes().get(0);
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Button) note.lookupButton(ok)).fire()).get();
        assertThat(english.preferences().get("language", null)).isEqualTo("zh");
        // The open window keeps its words (and its edits and training).
        assertThat(item(stage, "fileMenu").getText()).isEqualTo("_File");

        chineseStage = WaitForAsyncUtils.asyncFx(() -> new Stage()).get();
        chinese = WaitForAsyncUtils.asyncFx(() -> TestWindows.restart(english, chineseStage, 1366, 768)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(item(chineseStage, "fileMenu").getText()).isEqualTo("文件(_F)");
        assertThat(((RadioMenuItem) item(chineseStage, "language-zh")).isSelected()).isTrue();
        assertThat(((Label) byId(chineseStage, "lockedLabel")).getText()).isEqualTo("训练期间不可编辑");
        TabPane tabs = (TabPane) byId(chineseStage, "tabs");
        assertThat(tabs.getTabs()).extracting(javafx.scene.control.Tab::getText)
                .contains("网络与训练", "特征图", "运行记录", "混淆矩阵", "练习");
        assertNoMissingGlyphs(chineseStage);

        // An impossible edit is explained in Chinese, with the same arithmetic as in English.
        WaitForAsyncUtils.asyncFx(() -> chinese.window().editor().apply("kernel",
                arch -> arch.withLayer(0, new NinBlock(32, 31, 1, 1)))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Label) byId(chineseStage, "problems")).getText())
                .contains("第 0 层（卷积核）：31×31 卷积核无法作用于 28×28 的输入", "28 + 2·1 − 31 = -1 < 0");

        assertExercisesInChinese();
    }

    /** Every exercise's title, question and change, and the panel's set-up button, are in Chinese. */
    private void assertExercisesInChinese() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> tabs(chineseStage).getSelectionModel()
                .select(tabs(chineseStage).getTabs().stream().filter(t -> "exercisesTab".equals(t.getId()))
                        .findFirst().orElseThrow())).get();
        int diffs = 0;
        for (Exercise exercise : Exercise.values()) {
            WaitForAsyncUtils.asyncFx(() -> chinese.window().exercises().selectedProperty().set(exercise)).get();
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : List.of("exerciseTitle", "exerciseQuestion", "exerciseChange", "setUpExercise")) {
                String text = ((Labeled) byId(chineseStage, id)).getText();
                assertThat(text).as("%s of %s", id, exercise).isNotBlank()
                        .matches(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                                == Character.UnicodeScript.HAN), "has Chinese characters");
                // No English sentence left: no run of three or more ASCII words.
                assertThat(text).as("%s of %s", id, exercise).doesNotContainPattern("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+");
            }
            // The variant's diff, as nin-explorer diff's lines, worded in Chinese too.
            String diff = ((javafx.scene.control.TextArea) byId(chineseStage, "exerciseDiff")).getText();
            if (!diff.isEmpty()) {
                diffs++;
                assertThat(diff).as("diff of %s", exercise).contains("层：删除 ", "参数总数：")
                        .doesNotContain("layers:", "total params", "settings", "output shape");
            }
        }
        assertThat(diffs).as("exercises with a variant's diff").isPositive();
        assertNoMissingGlyphs(chineseStage);
    }

    private static TabPane tabs(Stage stage) {
        return (TabPane) byId(stage, "tabs");
    }

    /**
     * Every label with Chinese text is drawn in the bundled font, and no two of its different characters draw
     * the same picture, as missing glyphs do (each is the same box).
     */
    private static void assertNoMissingGlyphs(Stage stage) throws Exception {
        List<Labeled> labels = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().lookupAll(".label").stream()
                .filter(n -> n instanceof Labeled l && l.getText() != null && l.getText().codePoints().anyMatch(
                        c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .map(Labeled.class::cast).toList()).get();
        assertThat(labels).hasSizeGreaterThan(5);
        for (Labeled label : labels) {
            assertThat(label.getFont().getFamily()).as(label.getText()).isIn(CjkFont.FAMILY, CjkFont.MONO_FAMILY);
        }
        Font font = labels.get(0).getFont();
        String han = labels.stream().map(Labeled::getText).collect(Collectors.joining()).codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).distinct()
                .mapToObj(Character::toString).collect(Collectors.joining());
        assertThat(han.length()).isGreaterThan(20);
        Map<String, String> seen = new HashMap<>();
        for (String c : han.split("")) {
            String picture = WaitForAsyncUtils.asyncFx(() -> picture(c, font)).get();
            assertThat(seen.put(picture, c)).as("%s draws as the same picture as another character", c).isNull();
        }
    }

    /**
     * The check above can fail: two characters the subset lacks draw the same box, where no system font has them
     * (this machine may have one, such as Droid Sans Fallback).
     */
    @Test
    void missingGlyphsDrawTheSameBox() throws Exception {
        Assumptions.assumeTrue(java.util.Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAllFonts()).noneMatch(f -> f.canDisplay('龘')), "this system has a font with 龘");
        Font font = WaitForAsyncUtils.asyncFx(() -> {
            CjkFont.load();
            return Font.font(CjkFont.FAMILY, 14);
        }).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> picture("龘", font)).get())
                .isEqualTo(WaitForAsyncUtils.asyncFx(() -> picture("齉", font)).get());
    }

    /** The character's pixels, as a string to compare. */
    private static String picture(String c, Font font) {
        Text text = new Text(c);
        text.setFont(font);
        new javafx.scene.Scene(new javafx.scene.Group(text));
        WritableImage image = text.snapshot(null, null);
        PixelReader pixels = image.getPixelReader();
        StringBuilder s = new StringBuilder((int) image.getWidth() + "x" + (int) image.getHeight() + ":");
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                s.append(Integer.toHexString(pixels.getArgb(x, y))).append(',');
            }
        }
        return s.toString();
    }
}
