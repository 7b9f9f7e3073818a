package org.ninexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.ui.common.Messages;

/**
 * What goes wrong below the window (a file, a lock, a damaged timeline or model) is said as codes: the CLI's
 * English as before, the window's Chinese with no English left in it but names, paths and the system's own text.
 */
class FileErrorWordsTest {

    private static final Messages ENGLISH = Messages.of(Locale.ROOT);
    private static final Messages CHINESE = Messages.of(Locale.SIMPLIFIED_CHINESE);
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b(?!bin\\b|zip\\b|json\\b|pid\\b|MB\\b)[A-Za-z]{3,}\\b");

    @Test
    void theCommonCausesAreCodesFromTheExceptionsTypeOrTheSystemsReason() {
        assertThat(RunFiles.reason(new NoSuchFileException("/a")).code()).isEqualTo(RunMessage.Code.NO_SUCH_FILE);
        assertThat(RunFiles.reason(new AccessDeniedException("/a")).code()).isEqualTo(RunMessage.Code.ACCESS_DENIED);
        assertThat(RunFiles.reason(new FileSystemException("/a", null, "Permission denied")).code())
                .isEqualTo(RunMessage.Code.ACCESS_DENIED);
        assertThat(RunFiles.reason(new IOException("No space left on device")).code()).isEqualTo(RunMessage.Code.NO_SPACE);
        assertThat(RunFiles.reason(new NotDirectoryException("/a")).code()).isEqualTo(RunMessage.Code.NOT_A_DIRECTORY);
        assertThat(RunFiles.reason(new FileAlreadyExistsException("/a")).code()).isEqualTo(RunMessage.Code.FILE_EXISTS);
        assertThat(RunFiles.reason(new FileSystemException("/a", null, "Read-only file system")).code())
                .isEqualTo(RunMessage.Code.READ_ONLY_FILE_SYSTEM);
        RunMessage other = RunFiles.reason(new FileSystemException("/a", null, "Stale file handle"));
        assertThat(other).isEqualTo(RunMessage.text("Stale file handle"));
        assertThat(CHINESE.engine(RunFiles.cannotRead(Path.of("/r/m.csv"), new FileSystemException("/r/m.csv", null,
                "Stale file handle")))).isEqualTo("无法读取 /r/m.csv：Stale file handle。");
    }

    @Test
    void aFullDiskIsSaidAsBeforeInEnglishAndInChineseInTheWindow() {
        RunStorageException full = RunFiles.cannotWrite(Path.of("/runs/a/metrics.csv"),
                new FileSystemException("/runs/a/metrics.csv.tmp", null, "No space left on device"));
        assertThat(full.getMessage()).isEqualTo("Cannot write /runs/a/metrics.csv: No space left on device. The disk is "
                + "full: free some space; what was written before is kept.");
        String zh = CHINESE.error(full);
        assertThat(zh).startsWith("无法写入 /runs/a/metrics.csv：设备上没有剩余空间。磁盘已满");
        assertThat(ENGLISH_WORD.matcher(zh.replace("/runs/a/metrics.csv", "")).find()).as(zh).isFalse();
        RunStorageException denied = RunFiles.cannotWrite(Path.of("/x"), new AccessDeniedException("/x.tmp"));
        assertThat(denied.getMessage()).isEqualTo("Cannot write /x: Permission denied. Choose a folder you can write to.");
        assertThat(CHINESE.error(denied)).isEqualTo("无法写入 /x：权限不足。请选择一个可以写入的文件夹。");
    }

    @Test
    void aRawFileErrorInTheWindowNamesItsFileAndItsCauseInTheWindowsLanguage() {
        assertThat(ENGLISH.error(new AccessDeniedException("/home/a/net.json"))).isEqualTo("/home/a/net.json: Permission denied");
        assertThat(CHINESE.error(new NoSuchFileException("/home/a/net.json"))).isEqualTo("/home/a/net.json：文件或目录不存在");
        assertThat(CHINESE.error(new IllegalStateException("boom"))).isEqualTo("boom");
    }

    @Test
    void aLocksOwnerIsWordedFromWhatTheLockFileSays() {
        RunMessage owner = RunLock.owner("process 1234 on lab-3 (since 2026-12-02T16:00:00Z)");
        assertThat(owner).isEqualTo(RunMessage.of(RunMessage.Code.LOCK_OWNER, "1234", "lab-3", "2026-12-02T16:00:00Z"));
        assertThat(ENGLISH.engine(RunMessage.of(RunMessage.Code.BEING_TRAINED, owner)))
                .isEqualTo("Being trained by process 1234 on lab-3 (since 2026-12-02T16:00:00Z).");
        String zh = CHINESE.engine(RunMessage.of(RunMessage.Code.KILLED_BY, owner));
        assertThat(zh).contains("lab-3 上的进程 1234").doesNotContain("process", "since");
        assertThat(RunLock.owner("someone else")).isEqualTo(RunMessage.text("someone else"));
    }

    @Test
    void aHeldRunIsRefusedInTheWindowsLanguage(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        try (RunLock lock = RunLock.acquire(run)) {
            TrainingException held = org.assertj.core.api.Assertions.catchThrowableOfType(() -> RunLock.acquire(run),
                    TrainingException.class);
            assertThat(held).hasMessage("The run in " + run + " is being trained by this process (pid "
                    + ProcessHandle.current().pid() + "); only one writer at a time. Wait for it to finish or stop it, "
                    + "or choose another folder.");
            assertThat(CHINESE.error(held)).contains("本进程（pid " + ProcessHandle.current().pid() + "）")
                    .doesNotContain("process", "writer");
        }
    }

    @Test
    void aDamagedTimelineOrModelIsDescribedInTheWindowsLanguage(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.write(run.resolve(Timeline.FILE), new byte[] {1, 2, 3, 4, 5, 6, 7});
        RunMessage problem = Timeline.read(run).problem().orElseThrow();
        assertThat(ENGLISH.engine(problem)).isEqualTo("timeline.bin in " + run + " is not a timeline of this app’s "
                + "format (version 1): its first bytes differ.");
        assertThat(CHINESE.engine(problem)).isEqualTo(run + " 中的 timeline.bin 不是本应用格式（版本 1）的时间线：它开头的字节不同。");

        Path model = run.resolve(RunDirectory.MODEL_ZIP);
        Files.write(model, new byte[] {1, 2, 3});
        RunMessage broken = RunCatalog.modelProblem(run, model).orElseThrow();
        assertThat(ENGLISH.engine(broken)).startsWith("model.zip does not open (").endsWith("); it was probably cut short.");
        assertThat(CHINESE.engine(broken)).startsWith("model.zip 无法打开（").endsWith("）；它可能没有写完。");
    }
}
