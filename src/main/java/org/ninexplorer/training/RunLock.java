package org.ninexplorer.training;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One writer per run: {@code run.lock} in the run folder, locked with the operating system's file lock
 * for as long as a run trains, and naming its owner ({@code pid 1234 on host since time}). The system
 * drops the lock of a process that dies, however it dies, so a lock file naming a dead owner is stale and
 * simply taken over. The file is never deleted (a deleted lock file could be locked twice at once); an
 * idle run's lock file is empty. Within one process the lock is checked in memory first: on Linux,
 * closing any second handle to the file would drop the process's lock with it. For the same reason, and because
 * the JVM refuses two overlapping locks of its own, every opening of a lock file in this process (taking,
 * probing, releasing) happens under one monitor: looks from two threads at once (the Runs tab and an exercise
 * set-up as a run ends) would otherwise each see the other's look as a run being trained.
 */
final class RunLock implements AutoCloseable {

    static final String FILE = "run.lock";
    private static final Logger LOGGER = LoggerFactory.getLogger(RunLock.class);
    private static final Set<Path> HELD_HERE = new HashSet<>(); // guarded by FILES
    private static final Object FILES = new Object();
    private static final Pattern OWNER = Pattern.compile("process (\\d+) on (.+) \\(since (\\S+)\\)");

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final String previousOwner;

    private RunLock(Path key, FileChannel channel, FileLock lock, String previousOwner) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.previousOwner = previousOwner;
    }

    /** Takes the lock of the run in {@code dir}, or says who holds it. */
    static RunLock acquire(Path dir) throws TrainingException {
        Path file = dir.resolve(FILE);
        Path key;
        try {
            key = dir.toRealPath();
        } catch (IOException e) {
            throw cannotLock(file, e);
        }
        String self = owner(); // before the monitor: the host name may take a lookup
        synchronized (FILES) {
            return acquire(dir, file, key, self);
        }
    }

    private static RunLock acquire(Path dir, Path file, Path key, String self) throws TrainingException {
        if (!HELD_HERE.add(key)) {
            throw held(dir, thisProcess());
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            HELD_HERE.remove(key);
            throw cannotLock(file, e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = read(channel);
                HELD_HERE.remove(key);
                channel.close();
                throw held(dir, owner.isEmpty() ? RunMessage.of(RunMessage.Code.ANOTHER_PROCESS) : owner(owner));
            }
            String previous = read(channel);
            if (!previous.isEmpty()) {
                LOGGER.debug("Taking over the lock of {}, left by {} which no longer runs", dir, previous);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(self.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(key, channel, lock, previous);
        } catch (IOException e) {
            HELD_HERE.remove(key);
            closeQuietly(channel);
            throw cannotLock(file, e);
        }
    }

    /** Whether a run is being trained now, as its lock shows, and by whom. */
    record Probe(boolean held, Optional<RunMessage> owner) {

        private static final Probe FREE = new Probe(false, Optional.empty());

        /** A lock file naming an owner that holds no lock: that owner was killed mid-run. */
        boolean stale() {
            return !held && owner.isPresent();
        }
    }

    /**
     * Looks at the lock of the run in {@code dir} without taking it or creating its file: a shared lock,
     * tried and released at once, needs only read access. Never fails: a lock that cannot be read is free.
     */
    static Probe probe(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Probe.FREE;
        }
        Path key;
        try {
            key = dir.toRealPath();
        } catch (IOException e) {
            return Probe.FREE;
        }
        synchronized (FILES) {
            if (HELD_HERE.contains(key)) {
                return new Probe(true, Optional.of(thisProcess()));
            }
            return probeFile(dir, file);
        }
    }

    private static Probe probeFile(Path dir, Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            String owner = read(channel);
            FileLock lock;
            try {
                lock = channel.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                return new Probe(true, Optional.of(owner.isEmpty() ? RunMessage.of(RunMessage.Code.ANOTHER_PROCESS) : owner(owner)));
            }
            lock.release();
            return new Probe(false, owner.isEmpty() ? Optional.empty() : Optional.of(owner(owner)));
        } catch (IOException e) {
            LOGGER.debug("Cannot probe the lock of {}", dir, e);
            return Probe.FREE;
        }
    }

    /** Who held the lock before and died without releasing it, e.g. {@code pid 1234 on host …}; if anyone. */
    Optional<RunMessage> staleOwner() {
        return previousOwner.isEmpty() ? Optional.empty() : Optional.of(owner(previousOwner));
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() {
        synchronized (FILES) {
            try {
                channel.truncate(0);
                lock.release();
            } catch (IOException e) {
                LOGGER.warn("Cannot release the run lock cleanly", e);
            } finally {
                closeQuietly(channel);
                HELD_HERE.remove(key);
            }
        }
    }

    private static TrainingException cannotLock(Path file, IOException e) {
        return new TrainingException(RunFiles.cannotWriteMessage(file, e), e);
    }

    private static TrainingException held(Path dir, RunMessage owner) {
        return new TrainingException(RunMessage.of(RunMessage.Code.HELD, dir.toString(), owner));
    }

    private static RunMessage thisProcess() {
        return RunMessage.of(RunMessage.Code.THIS_PROCESS, String.valueOf(ProcessHandle.current().pid()));
    }

    /** The owner a lock file names ({@link #owner()} wrote it) as a message; another version's text as it is. */
    static RunMessage owner(String text) {
        Matcher m = OWNER.matcher(text);
        return m.matches() ? RunMessage.of(RunMessage.Code.LOCK_OWNER, m.group(1), m.group(2), m.group(3))
                : RunMessage.text(text);
    }

    private static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this computer";
        }
        return "process " + ProcessHandle.current().pid() + " on " + host + " (since " + Instant.now() + ")";
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOGGER.warn("Cannot close the run lock file", e);
        }
    }
}
