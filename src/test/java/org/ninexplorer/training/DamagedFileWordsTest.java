package org.ninexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.ArchitectureFormatException;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.ui.common.Messages;

/**
 * The details of a damaged file (an architecture file's format, a run's record, metrics, pins and confusion
 * matrices) and the rarer refusals of a resume are codes: the CLI's English as before, the window's Chinese with
 * no English word left but names, paths, field paths and the files' own text.
 */
class DamagedFileWordsTest {

    private static final Messages ENGLISH = Messages.of(Locale.ROOT);
    private static final Messages CHINESE = Messages.of(Locale.SIMPLIFIED_CHINESE);
    /** Words that are names: the format's fields and types, file formats, the app's name, the flag. */
    private static final Pattern NAMES = Pattern.compile("\\b(JSON|UTF|NiN|Explorer|input|classes|layers|type|"
            + "height|kernel|nin|maxpool|dropout|gap|dense|epochs|schemaVersion|architecture|hyperparameters|"
            + "learningRate|gzip)\\b");
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[A-Za-z]{3,}\\b");

    @Test
    void anArchitectureFilesFormatErrorsAreWordedInBothLanguages() {
        String[] malformed = {"[1, 2]", "{\"schemaVersion\":2}", "{\"schemaVersion\":1,\"input\":{\"channels\":1}}",
                "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":\"x\",\"width\":2}}",
                "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":1,\"width\":2},\"classes\":2}",
                "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":1,\"width\":2},\"classes\":2,\"layers\":[1]}",
                "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":1,\"width\":2},\"classes\":2,\"layers\":[{}]}",
                "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":1,\"width\":2},\"classes\":2,"
                        + "\"layers\":[{\"type\":\"fc\"}]}",
                "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":1,\"width\":2},\"classes\":2,"
                        + "\"layers\":[{\"type\":\"dropout\",\"p\":\"x\"}]}", "{\"schemaVersion\":1,"};
        for (String json : malformed) {
            Throwable e = catchThrowable(() -> ArchitectureJson.read(json));
            assertThat(e).isInstanceOf(ArchitectureFormatException.class);
            assertThat(ENGLISH.error(e)).isNotEqualTo(e.getMessage());
            assertChinese(CHINESE.error(e).replaceAll("\"fc\"|）：.*", ""));
        }
        Throwable missing = catchThrowable(() -> ArchitectureJson.read(malformed[2]));
        assertThat(ENGLISH.error(missing)).isEqualTo("input.height: missing");
        assertThat(CHINESE.error(missing)).isEqualTo("input.height：缺失");
    }

    @Test
    void aDamagedRecordNamesItsFieldInBothLanguages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunRecord.FILE);
        String[] damaged = {"{", "[1]", "{\"schemaVersion\":9}", "{\"schemaVersion\":1}",
                "{\"schemaVersion\":1,\"architecture\":{\"schemaVersion\":1,\"input\":{\"channels\":1}}}",
                "{\"schemaVersion\":1,\"architecture\":" + ArchitectureJson.write(org.ninexplorer.model.Presets.FASHION_28)
                        + ",\"hyperparameters\":{\"optimizer\":\"adam\",\"learningRate\":\"fast\"}}"};
        for (String json : damaged) {
            Files.writeString(file, json);
            Throwable e = catchThrowable(() -> RunRecord.read(dir));
            assertThat(e).isInstanceOf(TrainingException.class);
            assertThat(ENGLISH.error(e)).isEqualTo(e.getMessage());
            assertChinese(CHINESE.error(e).replace(file.toString(), "").replaceAll("）：.*|\"fast\"", ""));
        }
        assertThat(ENGLISH.error(catchThrowable(() -> RunRecord.read(dir))))
                .isEqualTo(file + ": hyperparameters.learningRate: expected a number, got \"fast\".");
        Files.writeString(file, damaged[4]);
        assertThat(CHINESE.error(catchThrowable(() -> RunRecord.read(dir))))
                .isEqualTo(file + "：architecture.input.height：缺失");
    }

    @Test
    void damagedMetricsPinsAndConfusionMatricesAreSaidInChinese(@TempDir Path run) throws Exception {
        Path metrics = run.resolve(MetricsCsv.FILE);
        for (String text : new String[] {"kind", MetricsCsv.HEADER + "\nepoch,1\nepoch,2",
                MetricsCsv.HEADER + "\nepoch,x,0,1,1,1,1,1\nepoch,2,0,1,1,1,1,1"}) {
            Files.writeString(metrics, text);
            assertChinese(CHINESE.error(catchThrowable(() -> RunMetrics.read(run))).replace(MetricsCsv.FILE, "")
                    .replace(MetricsCsv.HEADER, "")
                    .replaceAll("：epoch.*|（For input.*", ""));
        }
        assertThat(ENGLISH.error(catchThrowable(() -> RunMetrics.read(run))))
                .startsWith("metrics.csv has a malformed row on line 2");
        Files.writeString(run.resolve(PinnedSamples.FILE), "seven\n");
        String pins = CHINESE.error(catchThrowable(() -> PinnedSamples.read(run)));
        assertThat(pins).isEqualTo(run + " 中的 pinned.txt 已损坏：“seven”不是测试图像的索引。");
        Path confusion = run.resolve(RunConfusion.FILE);
        for (String text : new String[] {"epoch", RunConfusion.HEADER + "\n1,a,0,1", RunConfusion.HEADER + "\n1,0,0,1\n1,0,1,1"}) {
            Files.writeString(confusion, text);
            Throwable e = catchThrowable(() -> RunConfusion.read(run));
            assertThat(ENGLISH.error(e)).contains(" is damaged: ").endsWith("computed again from the run’s checkpoints.");
            assertChinese(CHINESE.error(e).replace(RunConfusion.FILE, "").replace(run.toString(), "")
                    .replace(RunConfusion.HEADER, "").replaceAll("（1,a,0,1）", ""));
        }
    }

    @Test
    void theRarerRefusalsOfAResumeAreSaidInChinese() {
        RunMessage other = RunMessage.of(RunMessage.Code.CHECKPOINT_OF_ANOTHER_NET, "/r/checkpoints/epoch-1.zip",
                "/r/run.json", RunMessage.of(RunMessage.Code.CHECKPOINT_OTHER_DEPTH, "4", "5"));
        assertThat(ENGLISH.engine(other)).isEqualTo("The checkpoint /r/checkpoints/epoch-1.zip does not hold the network "
                + "that /r/run.json describes: the record has 4 layers, the checkpoint 5. Resuming would train another "
                + "net than the record says; restore the record’s architecture or start a new run.");
        for (RunMessage m : new RunMessage[] {other,
                RunMessage.of(RunMessage.Code.CHECKPOINT_OF_ANOTHER_NET, "/a", "/b",
                        RunMessage.of(RunMessage.Code.CHECKPOINT_OTHER_CHANNELS, "1", "3")),
                RunMessage.of(RunMessage.Code.CHECKPOINT_OF_ANOTHER_NET, "/a", "/b",
                        RunMessage.of(RunMessage.Code.CHECKPOINT_OTHER_PARAMETERS, "1,000", "2,000")),
                RunMessage.of(RunMessage.Code.CHECKPOINT_OF_ANOTHER_NET, "/a", "/b",
                        RunMessage.of(RunMessage.Code.CHECKPOINT_OTHER_LAYER, "0", "gap", "gap")),
                RunMessage.of(RunMessage.Code.CHECKPOINT_OF_ANOTHER_NET, "/a", "/b",
                        RunMessage.of(RunMessage.Code.CHECKPOINT_FOREIGN_LAYER, "LSTM")),
                RunMessage.of(RunMessage.Code.NO_READABLE_CHECKPOINT, "/r/checkpoints", "/r/checkpoints/epoch-1.zip"),
                RunMessage.of(RunMessage.Code.EPOCHS_BELOW_TRAINED, "2", "/r", "3", "4")}) {
            assertChinese(CHINESE.engine(m).replaceAll("/[\\w/.-]*", "").replace("LSTM", ""));
        }
        assertThat(ENGLISH.engine(RunMessage.of(RunMessage.Code.EPOCHS_BELOW_TRAINED, "2", "/r", "3", "4")))
                .isEqualTo("--epochs 2: the run in /r has already trained 3 epochs; give at least 4 to train it further.");
    }

    private static void assertChinese(String zh) {
        assertThat(zh).as(zh).containsPattern("\\p{IsHan}");
        assertThat(ENGLISH_WORD.matcher(NAMES.matcher(zh).replaceAll("")).find()).as(zh).isFalse();
    }
}
