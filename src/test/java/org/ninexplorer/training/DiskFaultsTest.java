package org.ninexplorer.training;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A disk that fills up during a run, and a checkpoint folder that cannot be written: the run fails with a
 * sentence naming the file, records that it failed, leaves no half-written file, and keeps what came before.
 * The full disk is a 2 MB tmpfs when the tests run as root, and /dev/full behind a checkpoint's temporary
 * file otherwise (and as well).
 */
class DiskFaultsTest {

    private final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void aCheckpointWrittenToAFullDeviceFailsTheRunNamingIt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full (Linux)");
        Path run = dir.resolve("run");
        RunFixtures.train(TinyNets.TINY_28, run, 1);

        TrainingEvent.Finished finished = resumeAfter(run,
                () -> Files.createSymbolicLink(run.resolve("checkpoints/epoch-2.zip.tmp"), Path.of("/dev/full")));

        assertFailedAndKept(run, finished, run.resolve("checkpoints/epoch-2.zip"), 1);
    }

    @Test
    void aRecordWrittenToAFullDeviceFailsTheRunNamingItAndIsWrittenWhenItCanBe(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full (Linux)");
        Path run = dir.resolve("run");
        RunFixtures.train(TinyNets.TINY_28, run, 1);

        TrainingEvent.Finished finished = resumeAfter(run,
                () -> Files.createSymbolicLink(run.resolve("run.json.tmp"), Path.of("/dev/full")));

        // The record after epoch 2 could not be written; the one that says "failed" could (the device is gone).
        assertFailedAndKept(run, finished, run.resolve("run.json"), 2);
        assertThat(RunFixtures.params(run.resolve("checkpoints/epoch-2.zip"))).isNotEmpty();
    }

    @Test
    void aDiskThatFillsUpDuringAnEpochFailsTheRunNamingTheFile(@TempDir Path dir) throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        mountOrSkip(disk, "tmpfs", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString());
        try {
            Path run = disk.resolve("run");
            RunFixtures.train(TinyNets.TINY_28, run, 1);

            TrainingEvent.Finished finished = resumeAfter(run, () -> fillLeaving(disk.resolve("filler"), 8192));

            assertFailedAndKept(run, finished, run, 1);
        } finally {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void anUnwritableCheckpointFolderIsFoundBeforeAnEpochIsSpent(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        RunFixtures.train(TinyNets.TINY_28, run, 1);
        Path checkpoints = run.resolve("checkpoints");
        String metrics = Files.readString(run.resolve("metrics.csv"));
        String record = Files.readString(run.resolve("run.json"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) { // root writes through permissions: a read-only view of the folder, its files still there
            mountOrSkip(checkpoints, "a read-only bind mount", "--bind", checkpoints.toString(), checkpoints.toString());
            mountOrSkip(checkpoints, "a read-only bind mount", "-o", "remount,ro,bind", checkpoints.toString());
        } else {
            assertThat(checkpoints.toFile().setWritable(false, false)).isTrue();
        }
        try {
            assertThatThrownBy(() -> RunFixtures.resume(run, 2, events::add)).isInstanceOf(TrainingException.class)
                    .hasMessageContaining("The checkpoint folder " + checkpoints + " cannot be written, so no epoch "
                            + "could be kept");
        } finally {
            if (root) {
                new ProcessBuilder("umount", checkpoints.toString()).inheritIO().start().waitFor();
            } else {
                checkpoints.toFile().setWritable(true, false);
            }
        }
        assertThat(events).isEmpty(); // not an iteration trained
        assertThat(run.resolve("metrics.csv")).hasContent(metrics);
        assertThat(run.resolve("run.json")).hasContent(record);
        assertThat(RunFixtures.temporaries(run)).isEmpty();
        RunDirectory.openForResume(run).close();
    }

    interface Fault {
        void inject() throws IOException;
    }

    /** Resumes {@code run} to 2 epochs, injecting {@code fault} while it waits, paused, at its first iteration. */
    private TrainingEvent.Finished resumeAfter(Path run, Fault fault) throws Exception {
        CountDownLatch paused = new CountDownLatch(1);
        TrainingRun resumed = TrainingRun.resume(RunDirectory.openForResume(run), TinyNets.sample(), 2, e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Paused) {
                paused.countDown();
            }
        });
        resumed.pause();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            var result = executor.submit(resumed::call);
            assertThat(paused.await(2, TimeUnit.MINUTES)).isTrue();
            fault.inject();
            resumed.resume();
            return result.get(2, TimeUnit.MINUTES);
        } finally {
            executor.shutdown();
        }
    }

    private static void assertFailedAndKept(Path run, TrainingEvent.Finished finished, Path named, int epochsKept)
            throws Exception {
        assertThat(finished.outcome()).isEqualTo(TrainingEvent.Outcome.FAILED);
        assertThat(English.of(finished)).contains("Cannot write " + named, "No space left on device",
                "The disk is full").doesNotContain("Exception");
        RunRecord record = RunRecord.read(run);
        assertThat(record.status()).isEqualTo(RunStatus.FAILED);
        assertThat(record.reason()).contains(finished.message());
        assertThat(RunFixtures.temporaries(run)).isEmpty();
        // Epoch 1 is intact: its checkpoint opens, its row is in the metrics.
        assertThat(record.epochsCompleted()).isEqualTo(epochsKept);
        assertThat(RunFixtures.params(run.resolve("checkpoints/epoch-1.zip"))).isNotEmpty();
        assertThat(RunFixtures.epochRows(run)).first().asString().startsWith("epoch,1,");
    }

    private static void mountOrSkip(Path target, String what, String... args) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount " + what);
        List<String> command = new java.util.ArrayList<>(List.of("mount"));
        command.addAll(List.of(args));
        Process mount = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount " + what + " on " + target + ": " + output);
    }

    /** Fills the file system of {@code filler} up, then frees {@code spare} bytes: room for a record, not a checkpoint. */
    private static void fillLeaving(Path filler, int spare) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) {
            try {
                while (true) {
                    file.write(chunk);
                }
            } catch (IOException full) {
                file.setLength(Math.max(0, file.length() - spare));
            }
        }
    }
}
