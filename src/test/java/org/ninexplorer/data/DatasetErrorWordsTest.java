package org.ninexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.DatasetException.Code;
import org.ninexplorer.data.DatasetException.Part;
import org.ninexplorer.ui.common.Messages;

/**
 * A dataset's errors (IDX files, image folders, downloads, unreadable images) are codes: the CLI's English as
 * before, the window's Chinese with no English word left but names, paths and the system's own words.
 */
class DatasetErrorWordsTest {

    private static final Messages ENGLISH = Messages.of(Locale.ROOT);
    private static final Messages CHINESE = Messages.of(Locale.SIMPLIFIED_CHINESE);
    /** Words that are names: file formats, the decoder, checksums, the folders a split is in, the app, the flag. */
    private static final Pattern NAMES = Pattern.compile("\\b(IDX|PNG|JPEG|ImageIO|MD5|gzip|train|test|NiN|"
            + "Explorer|data-dir)\\b");
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[A-Za-z]{3,}\\b");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void everyDatasetErrorIsSaidInChinese() {
        ResourceBundle english = ResourceBundle.getBundle("org.ninexplorer.ui.messages", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        for (Code code : Code.values()) {
            Matcher arguments = ARGUMENT.matcher(english.getString(code.key()));
            int count = 0;
            while (arguments.find()) {
                count = Math.max(count, Integer.parseInt(arguments.group(1)) + 1);
            }
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                args.add(i + 1); // numbers stand for every argument: paths and the system's words are not checked
            }
            DatasetException e = new DatasetException(code, args.toArray());
            assertThat(ENGLISH.error(e)).as(code.name()).doesNotContain("{").isNotEqualTo(e.getMessage());
            String zh = CHINESE.error(e);
            if (code == Code.TRIED) { // a mirror and its answer: only punctuation of its own
                assertThat(ENGLISH_WORD.matcher(zh).find()).as(zh).isFalse();
            } else {
                assertChinese(zh);
            }
        }
    }

    @Test
    void nestedPartsAndCountsAreWordedInTheirPlace() {
        Part tried = Part.of(Code.TRIED, "https://a/x.gz", Part.of(Code.CHECKSUM_MISMATCH, "ab", "cd"),
                Part.of(Code.TRIED, "https://b/x.gz", "HTTP 404", ""));
        DatasetException failed = new DatasetException(Code.DOWNLOAD_FAILED, "MNIST", "x.gz", tried, "/d",
                "\n  x.gz  (MD5 cd)", "https://a/");
        assertThat(ENGLISH.error(failed)).isEqualTo("Could not download MNIST file x.gz. Tried:"
                + "\n  https://a/x.gz: checksum mismatch (MD5 ab, expected cd)\n  https://b/x.gz: HTTP 404"
                + "\nExpected in /d:\n  x.gz  (MD5 cd)\nWith no network, fetch these files on another computer (from "
                + "https://a/) and copy them into that folder by hand; plain (unzipped) files work too.");
        assertChinese(CHINESE.error(failed).replaceAll("https://[\\w/.]+|HTTP 404|MNIST", ""));
        assertThat(ENGLISH.error(new DatasetException(Code.STRAY_LABEL, "/d", "42", 1, "9", "10", "classes.txt")))
                .isEqualTo("/d: stray label 42 (1 image) among labels 0 to 9: no image has label 10; fix the label "
                        + "files, or add a classes.txt naming one class per line if the gap is meant");
        assertThat(ENGLISH.error(new DatasetException(Code.STRAY_LABEL, "/d", "42", 1234, "9", "10", "classes.txt")))
                .startsWith("/d: stray label 42 (1,234 images) among");
        assertThat(CHINESE.error(new DatasetException(Code.STRAY_LABEL, "/d", "42", 1234, "9", "10", "classes.txt")))
                .contains("（1,234 张图像）");
    }

    @Test
    void aTruncatedFileIsSaidInBothLanguages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("train-labels-idx1-ubyte");
        Files.write(file, new byte[] {0, 0, 8, 1, 0, 0, 0, 5, 1, 2});
        Throwable e = catchThrowable(() -> IdxReader.readLabels(file));
        assertThat(ENGLISH.error(e)).isEqualTo(file + ": truncated: the header says 5 labels (5 bytes of data) but "
                + "the file holds only 2");
        assertThat(CHINESE.error(e)).isEqualTo(file + "：文件不完整：文件头称有 5 个标签（5 字节的数据），而文件只有 2 字节");
    }

    @Test
    void anUnreadableImageMetWhileBatchesAreBuiltIsSaidInChinese(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "not an image");
        Throwable e = new ImageFileSource.UnreadableImageException(
                (DatasetException) catchThrowable(() -> ImageFile.read(broken, 1, 2, 2)));
        assertThat(ENGLISH.error(e)).isEqualTo(broken + ": unreadable image (not a PNG or JPEG file ImageIO can decode)");
        assertChinese(CHINESE.error(e).replace(broken.toString(), ""));
    }

    private static void assertChinese(String zh) {
        assertThat(zh).as(zh).containsPattern("\\p{IsHan}");
        assertThat(ENGLISH_WORD.matcher(NAMES.matcher(zh).replaceAll("")).find()).as(zh).isFalse();
    }
}
