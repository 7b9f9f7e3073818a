package org.ninexplorer.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.RunMetrics;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.PinnedSamples;
import org.ninexplorer.training.Timeline;
import org.ninexplorer.training.TrainingRun;

/** A lesson written and opened again, and bundles built to attack the reader: each refused, nothing left behind. */
class LessonBundleTest {

    private static final String RUN = "20261201-100000-tiny";
    private static final org.ninexplorer.ui.common.Messages CHINESE =
            org.ninexplorer.ui.common.Messages.of(java.util.Locale.SIMPLIFIED_CHINESE);

    @TempDir
    static Path trained;
    @TempDir
    Path dir;
    private Path runs;
    private Path lessons;

    /** One real epoch of the tiny net on 320 images of the bundled sample, test image 4 pinned. */
    @BeforeAll
    static void train() throws Exception {
        new TrainingRun(new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(1).withBatchSize(32),
                TinyNets.sample(), "sample", trained.resolve(RUN), 320, 100), event -> { })
                .pinning(new PinnedSamples(List.of(4))).call();
    }

    @BeforeEach
    void dataDirectory() throws IOException {
        runs = Files.createDirectories(dir.resolve("data/runs"));
        lessons = dir.resolve("data/lessons");
        Files.writeString(Files.createDirectories(runs.resolve("earlier")).resolve("notes.txt"), "mine");
    }

    private Lesson lesson(boolean withModels) {
        return new Lesson(List.of(new Lesson.Named("tiny", TinyNets.TINY_28),
                new Lesson.Named("d2l-224", Presets.byName("d2l-224").orElseThrow())),
                List.of(trained.resolve(RUN)), withModels, new Lesson.Presentation(true, true));
    }

    @Test
    void aRoundTripRestoresTheArchitecturesRunsMetricsModelAndPresentation() throws Exception {
        Path bundle = dir.resolve("week 3.ninlesson");
        LessonWriter.write(lesson(true), bundle);

        LessonReader.Opened opened = LessonReader.open(bundle, runs, lessons);

        assertThat(opened.lesson().architectures()).isEqualTo(lesson(true).architectures());
        assertThat(opened.architectureFiles()).hasSize(2).allSatisfy(f -> assertThat(f).startsWith(lessons));
        assertThat(ArchitectureJson.load(opened.architectureFiles().get(0))).isEqualTo(TinyNets.TINY_28);
        assertThat(opened.architectureFiles().get(0).getParent().getFileName().toString()).isEqualTo("week 3");
        assertThat(opened.lesson().runs()).containsExactly(runs.resolve(RUN));
        assertThat(RunMetrics.read(runs.resolve(RUN))).isEqualTo(RunMetrics.read(trained.resolve(RUN)));
        assertThat(RunDirectory.open(runs.resolve(RUN)).architecture()).isEqualTo(TinyNets.TINY_28);
        assertThat(runs.resolve(RUN).resolve(RunDirectory.MODEL_ZIP)).hasSameBinaryContentAs(
                trained.resolve(RUN).resolve(RunDirectory.MODEL_ZIP));
        assertThat(Timeline.read(runs.resolve(RUN)).pinned()).containsExactly(4);
        assertThat(runs.resolve(RUN).resolve(Timeline.FILE)).hasSameBinaryContentAs(trained.resolve(RUN).resolve(Timeline.FILE));
        assertThat(opened.lesson().presentation()).isEqualTo(new Lesson.Presentation(true, true));
        assertThat(opened.lesson().withModels()).isTrue();
        try (Stream<Path> left = Files.list(lessons)) {
            assertThat(left).as("no staging folder left").containsExactly(lessons.resolve("week 3"));
        }

        // Opened again: the run is the same run, not a copy; the architectures get a folder of their own.
        LessonReader.Opened again = LessonReader.open(bundle, runs, lessons);
        assertThat(again.lesson().runs()).containsExactly(runs.resolve(RUN));
        assertThat(again.architectureFiles().get(0).getParent().getFileName().toString()).isEqualTo("week 3-2");
    }

    @Test
    void withoutModelsTheBundleHoldsTheRecordsMetricsConfusionAndTimelineOnly() throws Exception {
        Path bundle = dir.resolve("small.ninlesson");
        LessonWriter.write(lesson(false), bundle);
        LessonReader.Opened opened = LessonReader.open(bundle, runs, lessons);
        try (Stream<Path> files = Files.list(runs.resolve(RUN))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run.json", "metrics.csv",
                    "confusion.csv", "predictions.csv", "timeline.bin", "pinned.txt");
        }
        assertThat(opened.lesson().withModels()).isFalse();
    }

    // --- Hostile bundles ------------------------------------------------------------------------------

    private static final String MANIFEST = """
            {"format":"nin-lesson","formatVersion":1,"architectures":[{"name":"tiny","file":"architectures/0.json"}]}""";

    private static Map<String, byte[]> valid() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", MANIFEST.getBytes(StandardCharsets.UTF_8));
        entries.put("architectures/0.json", ArchitectureJson.write(TinyNets.TINY_28).getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Changes the central-directory record of {@code name}: {@code field} bytes from its start. */
    private static byte[] patchCentral(byte[] zip, String name, int field, int value) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < zip.length; at++) {
            if (b.getInt(at) == 0x02014b50 && b.getShort(at + 28) == wanted.length
                    && java.util.Arrays.equals(zip, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                if (field == 4) {
                    b.putShort(at + 4, (short) value);
                } else {
                    b.putInt(at + field, value);
                }
                return zip;
            }
        }
        throw new AssertionError("no entry " + name);
    }

    private static byte[] replaceAll(byte[] zip, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + a.length <= zip.length; at++) {
            if (java.util.Arrays.equals(zip, at, at + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, zip, at, b.length);
            }
        }
        return zip;
    }

    private List<String> everything() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /**
     * Opening {@code bytes} is refused with a sentence containing {@code words}, and changes no file; the window
     * says it in Chinese (what a nested error says of itself may stay as it is).
     */
    private void refused(byte[] bytes, String words) throws Exception {
        Path bundle = Files.write(dir.resolve("hostile.ninlesson"), bytes);
        List<String> before = everything();
        assertThatThrownBy(() -> LessonReader.open(bundle, runs, lessons)).isInstanceOf(LessonException.class)
                .hasMessageContaining(words).message().doesNotContain("Exception");
        LessonException refusal = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> LessonReader.open(bundle, runs, lessons), LessonException.class);
        assertThat(CHINESE.error(refusal)).as(refusal.getMessage()).containsPattern("\\p{IsHan}")
                .doesNotContain(refusal.getMessage().substring(0, Math.min(16, refusal.getMessage().length())));
        assertThat(everything()).isEqualTo(before);
        assertThat(dir.getParent().resolve("evil.txt")).doesNotExist();
        Files.delete(bundle);
    }

    @Test
    void theValidBaseOpens() throws Exception {
        Path bundle = Files.write(dir.resolve("base.ninlesson"), zip(valid()));
        assertThat(LessonReader.open(bundle, runs, lessons).lesson().architectures()).hasSize(1);
    }

    @Test
    void pathsThatClimbOutOrAreAbsoluteAreRefused() throws Exception {
        for (String name : List.of("../evil.txt", "architectures/../../evil.txt", "/tmp/evil.txt", "C:/evil.txt",
                "..\\evil.txt")) {
            Map<String, byte[]> entries = valid();
            entries.put(name, new byte[] {1});
            refused(zip(entries), "was refused");
        }
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        Map<String, byte[]> entries = valid();
        entries.put("runs/r/run.json", "/etc/passwd".getBytes(StandardCharsets.UTF_8));
        byte[] zip = patchCentral(zip(entries), "runs/r/run.json", 4, 0x0314); // made on Unix
        refused(patchCentral(zip, "runs/r/run.json", 38, 0xA1FF0000), "symbolic link");
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        Map<String, byte[]> entries = valid();
        entries.put("manifest.json", MANIFEST.replace("}]}", "},{\"name\":\"b\",\"file\":\"architectures/1.json\"}]}")
                .getBytes(StandardCharsets.UTF_8));
        entries.put("architectures/1.json", new byte[10 << 20]); // 10 MB of zeros, ~10 kB deflated
        // The directory claims 1000 bytes: the real size shows only while it inflates.
        refused(patchCentral(zip(entries), "architectures/1.json", 24, 1000), "unpacks to more than");
        Map<String, byte[]> claimsTooMuch = valid();
        refused(patchCentral(zip(claimsTooMuch), "architectures/0.json", 24, 300 << 20), "more than a lesson may hold");
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        Map<String, byte[]> entries = valid();
        for (int i = 0; i < org.ninexplorer.model.Limits.MAX_LESSON_ENTRIES; i++) {
            entries.put("architectures/x" + i + ".json", new byte[0]);
        }
        refused(zip(entries), "at most " + org.ninexplorer.model.Limits.MAX_LESSON_ENTRIES);
    }

    @Test
    void aMissingInvalidOrNewerManifestIsRefused() throws Exception {
        Map<String, byte[]> none = valid();
        none.remove("manifest.json");
        refused(zip(none), "no manifest.json");
        Map<String, byte[]> invalid = valid();
        invalid.put("manifest.json", "{not json".getBytes(StandardCharsets.UTF_8));
        refused(zip(invalid), "not valid JSON");
        Map<String, byte[]> newer = valid();
        newer.put("manifest.json", MANIFEST.replace("\"formatVersion\":1", "\"formatVersion\":2").getBytes(StandardCharsets.UTF_8));
        refused(zip(newer), "newer NiN Explorer");
        refused("not a zip at all".getBytes(StandardCharsets.UTF_8), "not a readable zip");
    }

    @Test
    void duplicateAndUnlistedEntriesAreRefused() throws Exception {
        Map<String, byte[]> entries = valid();
        entries.put("architectures/0.jsoX", "{}".getBytes(StandardCharsets.UTF_8));
        refused(replaceAll(zip(entries), "architectures/0.jsoX", "architectures/0.json"), "twice");
        Map<String, byte[]> extra = valid();
        extra.put("runs/x/run.sh", new byte[] {1});
        refused(zip(extra), "does not list");
    }

    @Test
    void anArchitectureOrRunThatDoesNotOpenIsRefused() throws Exception {
        Map<String, byte[]> entries = valid();
        entries.put("architectures/0.json", "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8));
        refused(zip(entries), "does not open");
        Map<String, byte[]> run = valid();
        run.put("manifest.json", MANIFEST.replace("]}", "],\"runs\":[{\"folder\":\"r\",\"files\":[\"run.json\"]}]}")
                .getBytes(StandardCharsets.UTF_8));
        run.put("runs/r/run.json", "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8));
        refused(zip(run), "run r does not open");

        // A real run whose model is not a network.
        Path bundle = dir.resolve("real.ninlesson");
        LessonWriter.write(lesson(true), bundle);
        Map<String, byte[]> real = new LinkedHashMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(bundle.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                real.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        Files.delete(bundle);
        real.put("runs/" + RUN + "/model.zip", zip(Map.of("notes.txt", new byte[] {1})));
        refused(zip(real), "model.zip does not open: it holds no network");
    }
}
