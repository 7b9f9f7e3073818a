package org.ninexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThroughputTest {

    private long now;

    private void advance(double seconds) {
        now += (long) (seconds * 1e9);
    }

    @Test
    void aPauseIsNeitherEpochTimeNorSlowerTraining() {
        Throughput throughput = new Throughput(1000, 0, 2, () -> now);
        throughput.epochStarted();
        advance(5);   // the first batch sets up native kernels
        throughput.trained(100);
        assertThat(throughput.imagesPerSecond()).as("no rate from the first batch alone").isNaN();
        assertThat(throughput.etaSeconds()).isNaN();
        for (int i = 0; i < 4; i++) {
            advance(0.5);
            throughput.trained(100);
        }
        assertThat(throughput.imagesPerSecond()).isCloseTo(200, offset(1e-6));
        assertThat(throughput.etaSeconds()).as("1,500 images left at 200 per second").isCloseTo(7.5, offset(1e-6));

        throughput.paused();
        advance(20);
        assertThat(throughput.epochSeconds()).as("while paused").isCloseTo(7, offset(1e-6));
        throughput.resumed();

        for (int i = 0; i < 5; i++) {
            advance(0.5);
            throughput.trained(100);
        }
        assertThat(throughput.epochSeconds()).isCloseTo(9.5, offset(1e-6));
        assertThat(throughput.imagesPerSecond()).isCloseTo(200, offset(1e-6));
        assertThat(throughput.etaSeconds()).isCloseTo(5, offset(1e-6));
    }

    /** A real run paused for a measured interval: its epoch time leaves the pause out. */
    @Test
    void aRealRunPausedForSecondsReportsTheEpochWithoutThePause(@TempDir Path dir) throws Exception {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch pausedSeen = new CountDownLatch(1);
        TrainingRun[] run = new TrainingRun[1];
        long[] startedAt = new long[1];
        long[] epochAt = new long[1];
        run[0] = new TrainingRun(new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(1)
                .withBatchSize(32), TinyNets.sample(), "sample", dir.resolve("run"), 256, 64), event -> {
            events.add(event);
            if (event instanceof TrainingEvent.Started) {
                startedAt[0] = System.nanoTime();
            } else if (event instanceof TrainingEvent.Iteration it && it.iteration() == 2) {
                run[0].pause();
            } else if (event instanceof TrainingEvent.Paused) {
                pausedSeen.countDown();
            } else if (event instanceof TrainingEvent.Epoch) {
                epochAt[0] = System.nanoTime();
            }
        });
        Thread trainer = new Thread(() -> {
            try {
                run[0].call();
            } catch (TrainingException e) {
                throw new IllegalStateException(e);
            }
        });
        trainer.start();
        assertThat(pausedSeen.await(120, TimeUnit.SECONDS)).isTrue();
        long pauseStart = System.nanoTime();
        Thread.sleep(3000);
        double pauseSeconds = (System.nanoTime() - pauseStart) / 1e9;
        run[0].resume();
        trainer.join(120_000);

        TrainingEvent.Epoch epoch = events.stream().filter(TrainingEvent.Epoch.class::isInstance)
                .map(TrainingEvent.Epoch.class::cast).findFirst().orElseThrow();
        double wallSeconds = (epochAt[0] - startedAt[0]) / 1e9;
        System.out.printf("paused %.2f s; epoch %.2f s of %.2f s wall, %.0f images/s%n",
                pauseSeconds, epoch.seconds(), wallSeconds, epoch.imagesPerSecond());
        // The run was paused for at least the measured interval, within its wall time; 0.25 s for event delivery.
        assertThat(epoch.seconds()).isLessThanOrEqualTo(wallSeconds - pauseSeconds + 0.25);
        assertThat(epoch.imagesPerSecond()).isGreaterThanOrEqualTo(256 / (wallSeconds - pauseSeconds + 0.25));
    }
}
