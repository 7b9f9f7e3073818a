package org.ninexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.MemoryEstimate;
import org.ninexplorer.training.fused.Precision;
import org.ninexplorer.training.perf.FastPathStatus;
import org.ninexplorer.model.Presets;
import org.ninexplorer.ui.common.Messages;

/** The engine speaks in codes: each has its words in both languages, and run.json keeps the code. */
class RunMessageTest {

    private static final Messages ENGLISH = Messages.of(Locale.ROOT);
    private static final Messages CHINESE = Messages.of(Locale.SIMPLIFIED_CHINESE);

    private static final RunMessage DIVERGED = RunMessage.of(RunMessage.Code.DIVERGED, "3", "12",
            RunMessage.of(RunMessage.Code.LOSS_NOT_FINITE, "NaN"), "0.1",
            RunMessage.of(RunMessage.Code.CHECKPOINT_KEPT, "2", "/runs/a/checkpoints"));

    @Test
    void everyCodeIsWordedInBothLanguages() {
        for (RunMessage.Code code : RunMessage.Code.values()) {
            Object[] args = {7, 1, 2, 3, 4, 5, 6, 7, 8, 9}; // numbers, as the plurals need
            String key = "training.engine." + code.key();
            String en = ENGLISH.format(key, args);
            String zh = CHINESE.format(key, args);
            assertThat(en).as(key).isNotBlank().doesNotContain("{");
            assertThat(zh).as(key).doesNotContain("{");
            // TEXT is said as it is; ON_FILE, RECORD_FIELD, RECORD_UNPARSED and BOTH only frame other messages,
            // with punctuation.
            if (!java.util.Set.of(RunMessage.Code.TEXT, RunMessage.Code.ON_FILE, RunMessage.Code.RECORD_FIELD,
                    RunMessage.Code.RECORD_UNPARSED, RunMessage.Code.BOTH).contains(code)) {
                assertThat(zh).as(key).isNotEqualTo(en).containsPattern(Pattern.compile("\\p{IsHan}"));
            }
        }
    }

    @Test
    void nestedMessagesAreWordedWithTheSameNumbersInBothLanguages() {
        assertThat(ENGLISH.engine(DIVERGED)).isEqualTo("Training diverged in epoch 3, iteration 12: the loss became "
                + "NaN. Try a smaller learning rate (this run used 0.1). The last good checkpoint, after epoch 2, is "
                + "kept in /runs/a/checkpoints.");
        assertThat(CHINESE.engine(DIVERGED)).contains("第 3 轮第 12 次迭代", "损失变成了 NaN", "0.1",
                "/runs/a/checkpoints");
        assertThat(ENGLISH.engine(RunMessage.of(RunMessage.Code.COMPLETED, 1, "m.zip")))
                .isEqualTo("Trained 1 epoch; the model is in m.zip.");
        assertThat(ENGLISH.engine(RunMessage.of(RunMessage.Code.COMPLETED, 3, "m.zip"))).startsWith("Trained 3 epochs");
    }

    @Test
    void aRefusalForWantOfMemoryIsACodeWithItsEnglishAsTheExceptionsMessage() {
        MemoryEstimate estimate = MemoryCheck.estimate(Presets.D2L_224,
                Hyperparameters.recommendedFor(Presets.D2L_224, 0).withBatchSize(128), 128, 0);
        MemoryCheck.Budget small = new MemoryCheck.Budget(1L << 30, 100L << 20,
                RunMessage.of(RunMessage.Code.BUDGET_PHYSICAL, "1.00 GB", "512 MB", "256 MB"));
        TrainingException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> MemoryCheck.check(estimate, small), TrainingException.class);

        assertThat(refused.said()).map(RunMessage::code).contains(RunMessage.Code.MEMORY_OFF_HEAP);
        assertThat(refused.getMessage()).isEqualTo(ENGLISH.engine(refused.said().orElseThrow()))
                .startsWith("Not enough memory for this run: it needs about ")
                .contains("1.00 GB of physical memory, less the 512 MB Java heap").endsWith("would fit.");
        String zh = CHINESE.error(refused);
        assertThat(zh).startsWith("内存不足").contains("1.00 GB 物理内存", "可以放下");
        assertThat(numbers(zh)).isEqualTo(numbers(refused.getMessage()));
    }

    @Test
    void theRecipeLineIsTheSameInEnglishAsBeforeAndHasItsNumbersInChinese() {
        Hyperparameters hp = Hyperparameters.defaults().withLearningRate(0.0020).withBatchSize(64).withEpochs(1);
        assertThat(hp.summary()).isEqualTo(ENGLISH.engine(hp.recipe())).matches(
                hp.optimizer().label() + ", lr 0.002 " + hp.schedule().label() + ", batch 64, 1 epoch, "
                        + hp.weightInit().label() + " init, seed " + hp.seed());
        assertThat(hp.withEpochs(5).summary()).contains(", 5 epochs, ");
        assertThat(CHINESE.engine(hp.recipe())).contains("学习率 0.002", "批量大小 64", "1 轮");
    }

    @Test
    void theBackendIsDescribedPartByPartInEitherLanguage() {
        BackendInfo cpu = Backends.describe("CpuBackend", new java.util.Properties(), new FastPathStatus(true, "x",
                "AVX2", true, false, Precision.FP32, false, 2, true));
        assertThat(cpu.description()).isEqualTo("CPU · 2 threads · AVX2 · oneDNN fast path");
        assertThat(CHINESE.backend(cpu)).isEqualTo("CPU · 2 个线程 · AVX2 · oneDNN 快速路径");
        BackendInfo fused = Backends.describe("CpuBackend", new java.util.Properties(), new FastPathStatus(true, "x",
                "AVX512", true, true, Precision.BF16, true, 4, true));
        assertThat(fused.description()).isEqualTo("CPU · 4 threads · AVX512 · oneDNN fast path · fused blocks · bf16 mixed");
        assertThat(CHINESE.backend(fused)).isEqualTo("CPU · 4 个线程 · AVX512 · oneDNN 快速路径 · 融合块 · bf16 混合精度");
        assertThat(CHINESE.backend(Backends.describe("CpuBackend", new java.util.Properties(), new FastPathStatus(true,
                "x", "AVX2", true, true, Precision.FP32, false, 1, true)))).endsWith("融合块 · fp32，无原生 bf16")
                .doesNotContain("native");
        assertThat(CHINESE.backend(NetworkBuilder.backendFor(cpu, Presets.D2L_224.withLayer(0,
                new org.ninexplorer.model.NinBlock(96, 11, 4, 0, 1, 1)), true))).endsWith("1 个块（第 0 块）使用 DL4J 卷积"
                + "（只有第一个卷积后接两个 1×1 卷积的块才会融合）");
    }

    private static java.util.List<String> numbers(String text) {
        return Pattern.compile("[\\d.,]*\\d").matcher(text).results().map(java.util.regex.MatchResult::group)
                .sorted().toList();
    }

    @Test
    void aRecordKeepsTheCodeAndReadsAnOldSentenceAsItIs(@TempDir Path dir) throws Exception {
        RunFixtures.train(TinyNets.TINY_28, dir.resolve("run"), 1);
        Path run = dir.resolve("run");
        RunRecord record = RunRecord.read(run);
        record.setStatus(RunStatus.DIVERGED, DIVERGED);
        record.write();
        assertThat(Files.readString(run.resolve(RunRecord.FILE))).contains("\"code\" : \"loss-not-finite\"");
        assertThat(RunRecord.read(run).reason()).contains(DIVERGED);
        assertThat(RunCatalog.summarise(run).reason()).contains(DIVERGED);

        RunFixtures.editRecord(run, r -> r.put("reason", "Stopped by the user during epoch 1."));
        assertThat(RunRecord.read(run).reason()).contains(RunMessage.text("Stopped by the user during epoch 1."));
    }
}
