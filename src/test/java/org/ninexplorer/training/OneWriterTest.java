package org.ninexplorer.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.cli.NinCli;
import org.ninexplorer.model.ArchitectureJson;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One writer per run: a second writer is refused naming the first, a dead writer's lock is taken over. */
class OneWriterTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cli(String... args) {
        return NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aSecondWriterIsRefusedAndAKilledWritersLockIsTakenOver(@TempDir Path dir) throws Exception {
        Path arch = dir.resolve("tiny.json");
        ArchitectureJson.save(TinyNets.TINY_28, arch);
        Path run = dir.resolve("run");
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.ninexplorer.app.Main", "train",
                "--arch", arch.toString(), "--dataset", "sample", "--epochs", "3", "--batch", "32",
                "--limit-train", "320", "--limit-test", "64", "--run-dir", run.toString(), "--data-dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        String owner = "process " + first.pid() + " on ";
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!(Files.exists(run.resolve("metrics.csv")) && Files.readString(run.resolve("run.lock")).contains(owner))
                    && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(first.isAlive()).as(Files.readString(dir.resolve("first.log"))).isTrue();
            // Frozen, it holds the lock for as long as the checks below take.
            assertThat(new ProcessBuilder("kill", "-STOP", String.valueOf(first.pid())).start().waitFor()).isZero();
            String metrics = Files.readString(run.resolve("metrics.csv"));

            assertThat(cli("train", "--arch", arch.toString(), "--dataset", "sample", "--epochs", "1",
                    "--run-dir", run.toString(), "--data-dir", dir.toString())).isEqualTo(2);
            assertThat(cli("train", "--resume", run.toString(), "--data-dir", dir.toString())).isEqualTo(2);

            assertThat(err.toString().lines().filter(l -> l.contains("The run in " + run + " is being trained by " + owner)))
                    .hasSize(2);
            assertThat(run.resolve("metrics.csv")).hasContent(metrics);
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no chance to release anything
        }
        err.getBuffer().setLength(0);

        assertThat(cli("train", "--resume", run.toString(), "--data-dir", dir.toString())).as(err.toString()).isZero();

        assertThat(err.toString()).contains("Took over " + run.resolve("run.lock") + " from " + owner);
        assertThat(RunFixtures.epochRows(run)).extracting(l -> l.split(",")[1]).containsExactly("1", "2", "3");
        assertThat(RunRecord.read(run).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.resolve("run.lock")).isEmptyFile();
    }

    @Test
    void aRunTrainingInThisProcessIsNotWrittenTwice(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch paused = new CountDownLatch(1);
        TrainingRun first = new TrainingRun(RunFixtures.request(TinyNets.TINY_28, runDir, 2), e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Paused) {
                paused.countDown();
            }
        });
        first.pause(); // holds it at its first iteration, lock taken and files written
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Future<TrainingEvent.Finished> result = executor.submit(first::call);
        assertThat(paused.await(2, TimeUnit.MINUTES)).isTrue();
        String pid = "this process (pid " + ProcessHandle.current().pid() + ")";

        assertThatThrownBy(() -> RunFixtures.train(TinyNets.TINY_28, runDir, 1))
                .hasMessageContaining("The run in " + runDir + " is being trained by " + pid);
        assertThatThrownBy(() -> RunDirectory.openForResume(runDir)).hasMessageContaining("is being trained by " + pid);

        first.stop();
        assertThat(result.get(1, TimeUnit.MINUTES).outcome()).isEqualTo(TrainingEvent.Outcome.STOPPED);
        executor.shutdown();
        assertThat(RunRecord.read(runDir).status()).isEqualTo(RunStatus.STOPPED);
        RunDirectory.openForResume(runDir).close(); // free again once the run has ended
    }

    @Test
    void runsStartedInTheSameSecondGetTheirOwnFolders(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("runs");
        Set<Path> made = ConcurrentHashMap.newKeySet();
        ExecutorService executor = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Path>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(executor.submit(() -> {
                start.await();
                return RunDirectory.newRunPath(root, "my net/2");
            }));
        }
        start.countDown();
        for (Future<Path> f : futures) {
            made.add(f.get(1, TimeUnit.MINUTES));
        }
        executor.shutdown();

        assertThat(made).hasSize(8).allSatisfy(p -> {
            assertThat(p).isEmptyDirectory().hasParent(root);
            assertThat(p.getFileName().toString()).matches("\\d{8}-\\d{6}-my_net_2(-\\d+)?");
        });
    }

    @Test
    void aFolderThatIsNotARunIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(folder.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> RunFixtures.train(TinyNets.TINY_28, folder, 1)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("The folder " + folder + " is not empty and holds no run");
        assertThatThrownBy(() -> RunDirectory.openForResume(folder)).hasMessageContaining(folder + " is not a run");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("notes.txt");
        }
        assertThat(folder.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aReservedFolderWhoseRunNeverBeganIsRemovedAndOnlyThat(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("runs");
        Path unused = RunDirectory.newRunPath(root, "net");
        Path failedStart = RunDirectory.newRunPath(root, "net");
        Files.createDirectories(failedStart.resolve("checkpoints"));
        Files.writeString(failedStart.resolve("run.lock"), "pid 1");
        Path withRecord = RunDirectory.newRunPath(root, "net");
        Files.writeString(withRecord.resolve(RunDirectory.RUN_JSON), "{}");
        Path foreign = RunDirectory.newRunPath(root, "net");
        Files.writeString(foreign.resolve("notes.txt"), "mine");

        for (Path p : List.of(unused, failedStart, withRecord, foreign)) {
            RunDirectory.removeUnstarted(p);
        }

        assertThat(unused).doesNotExist();
        assertThat(failedStart).doesNotExist();
        assertThat(withRecord.resolve(RunDirectory.RUN_JSON)).exists();
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");
    }
}
