package org.ninexplorer.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/** Downloads from a loopback mirror serving copies of the shared Fashion-MNIST files; never the network. */
@Timeout(60)
class DownloaderTest {

    static final Map<String, byte[]> CONTENT = new ConcurrentHashMap<>();
    static final List<RemoteFile> FILES = new ArrayList<>();
    static final Path SHARED = Path.of(System.getProperty("nin.shared.datasets", "../shared/datasets"),
            "fashion-mnist");

    @TempDir
    Path dataDir;
    LoopbackServer server;
    final Downloader downloader = new Downloader(3, Duration.ofMillis(10), Duration.ofSeconds(5),
            Duration.ofSeconds(5));

    @BeforeAll
    static void readSharedFiles() throws IOException {
        for (RemoteFile official : DatasetKind.FASHION_MNIST.files()) {
            Path file = SHARED.resolve(official.name());
            CONTENT.put(official.name(), Files.readAllBytes(file));
            // The shared copies are recompressed, so their MD5s differ from the official ones; check against theirs.
            FILES.add(new RemoteFile(official.name(), Downloader.md5(file)));
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackServer();
        CONTENT.forEach((name, bytes) -> server.serve("/mirror/" + name, bytes));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void downloadsEveryFileWithProgressAndTheDatasetThenOpens() throws Exception {
        DataDirectory dir = new DataDirectory(dataDir);
        Path target = dir.fashionMnist();
        Map<String, long[]> last = new ConcurrentHashMap<>();
        List<Long> percents = new ArrayList<>();
        downloader.download("Fashion-MNIST", List.of(server.uri("/mirror/")), FILES, target,
                (done, total, file) -> {
                    last.put(file, new long[] {done, total});
                    if (file.startsWith("train-images")) {
                        percents.add(100 * done / total);
                    }
                }, () -> false);
        for (RemoteFile file : FILES) {
            long size = CONTENT.get(file.name()).length;
            assertThat(last.get(file.name())).containsExactly(size, size);
            assertThat(Downloader.md5(target.resolve(file.name()))).isEqualTo(file.md5());
        }
        assertThat(percents).isSorted().contains(0L, 100L);
        assertThat(percents.size()).isGreaterThan(10);
        try (var listing = Files.list(target)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        Dataset data = Datasets.open("fashion-mnist", dir);
        assertThat(data.train().size()).isEqualTo(60_000);
        assertThat(data.test().size()).isEqualTo(10_000);
    }

    @Test
    void keepsFilesAlreadyInPlace() throws Exception {
        Files.createDirectories(dataDir);
        Files.write(dataDir.resolve("train-labels-idx1-ubyte.gz"), new byte[] {1, 2, 3});
        downloader.download("labels", List.of(server.uri("/mirror/")), labelFiles(), dataDir, ProgressListener.NONE,
                () -> false);
        assertThat(Files.readAllBytes(dataDir.resolve("train-labels-idx1-ubyte.gz"))).containsExactly(1, 2, 3);
        assertThat(server.requests).extracting(LoopbackServer.Request::path)
                .containsExactly("/mirror/t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void triesTheNextMirrorAfterA404() throws Exception {
        downloader.download("labels", List.of(server.uri("/gone/"), server.uri("/mirror/")), labelFiles(), dataDir,
                ProgressListener.NONE, () -> false);
        assertThat(dataDir.resolve("t10k-labels-idx1-ubyte.gz")).exists();
        assertThat(server.requests).extracting(LoopbackServer.Request::path).containsSubsequence(
                "/gone/train-labels-idx1-ubyte.gz", "/mirror/train-labels-idx1-ubyte.gz");
    }

    @Test
    void rejectsAChecksumMismatchAndLeavesNothingBehind() {
        List<RemoteFile> wrong = List.of(new RemoteFile("t10k-labels-idx1-ubyte.gz",
                "00000000000000000000000000000000"));
        assertThatThrownBy(() -> downloader.download("labels", List.of(server.uri("/mirror/")), wrong, dataDir,
                ProgressListener.NONE, () -> false))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).contains("checksum mismatch (MD5 " + FILES.get(3).md5()
                        + ", expected 00000000000000000000000000000000)");
        assertThat(dataDir.resolve("t10k-labels-idx1-ubyte.gz")).doesNotExist();
        assertThat(dataDir.resolve("t10k-labels-idx1-ubyte.gz.part")).doesNotExist();
    }

    @Test
    void resumesAPartialFileWithARangeRequest() throws Exception {
        String name = "t10k-images-idx3-ubyte.gz";
        byte[] whole = CONTENT.get(name);
        Files.write(dataDir.resolve(name + ".part"), Arrays.copyOf(whole, 1_000_000));
        List<Long> firstReport = new ArrayList<>();
        downloader.download("images", List.of(server.uri("/mirror/")), List.of(file(name)), dataDir,
                (done, total, file) -> {
                    if (firstReport.isEmpty()) {
                        firstReport.add(done);
                        firstReport.add(total);
                    }
                }, () -> false);
        assertThat(server.requests).containsExactly(new LoopbackServer.Request("/mirror/" + name, "bytes=1000000-"));
        assertThat(firstReport).containsExactly(1_000_000L, (long) whole.length);
        assertThat(Files.readAllBytes(dataDir.resolve(name))).isEqualTo(whole);
    }

    @Test
    void retriesADroppedConnectionByResuming() throws Exception {
        String name = "t10k-images-idx3-ubyte.gz";
        server.dropAfter = 300_000;
        server.drops.set(1);
        downloader.download("images", List.of(server.uri("/mirror/")), List.of(file(name)), dataDir,
                ProgressListener.NONE, () -> false);
        assertThat(Files.readAllBytes(dataDir.resolve(name))).isEqualTo(CONTENT.get(name));
        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(0).range()).isNull();
        assertThat(server.requests.get(1).range()).startsWith("bytes=").isNotEqualTo("bytes=0-");
    }

    @Test
    void offlineErrorSaysWhatWasTriedWhatIsExpectedWhereAndHowToPlaceItByHand() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI mirror = URI.create("http://127.0.0.1:" + closedPort + "/fashion/");
        Path target = dataDir.resolve("fashion-mnist");
        assertThatThrownBy(() -> new Downloader(2, Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofSeconds(2))
                .download("Fashion-MNIST", List.of(mirror), DatasetKind.FASHION_MNIST.files(), target,
                        ProgressListener.NONE, () -> false))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).contains("Could not download Fashion-MNIST file train-images-idx3-ubyte.gz. Tried:")
                .contains(mirror + "train-images-idx3-ubyte.gz: ConnectException")
                .contains("Expected in " + target)
                .contains("t10k-labels-idx1-ubyte.gz  (MD5 bb300cfdad3c16e7a12a480ee83cd310)")
                .contains("copy them into that folder by hand");
    }

    @Test
    void aStalledServerTimesOutInsteadOfHanging() {
        server.stallMillis = 3_000;
        Downloader impatient = new Downloader(1, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.download("labels", List.of(server.uri("/mirror/")), labelFiles(), dataDir,
                ProgressListener.NONE, () -> false))
                .isInstanceOf(DatasetException.class)
                .extracting(DatasetWords::english, STRING).contains("SocketTimeoutException");
    }

    @Test
    void cancellingStopsAndKeepsThePartialFile() {
        String name = "t10k-images-idx3-ubyte.gz";
        assertThatThrownBy(() -> downloader.download("images", List.of(server.uri("/mirror/")), List.of(file(name)),
                dataDir, ProgressListener.NONE, new java.util.function.BooleanSupplier() {
                    int calls;

                    @Override
                    public boolean getAsBoolean() {
                        return ++calls > 5;
                    }
                }))
                .isInstanceOf(DatasetException.class)
                .extracting(DatasetWords::english, STRING).contains("cancelled");
        assertThat(dataDir.resolve(name)).doesNotExist();
        assertThat(dataDir.resolve(name + ".part")).exists();
    }

    @Test
    void theEmbeddedChecksumsAreWellFormed() {
        for (DatasetKind kind : DatasetKind.values()) {
            assertThat(kind.files()).extracting(RemoteFile::md5).allMatch(md5 -> md5.matches("[0-9a-f]{32}"));
            assertThat(kind.files()).extracting(RemoteFile::name).containsExactly(
                    "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        }
    }

    private static RemoteFile file(String name) {
        return FILES.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<RemoteFile> labelFiles() {
        return List.of(file("train-labels-idx1-ubyte.gz"), file("t10k-labels-idx1-ubyte.gz"));
    }
}
