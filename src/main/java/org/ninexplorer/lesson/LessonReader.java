package org.ninexplorer.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ninexplorer.model.ArchitectureFormatException;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.Limits;
import org.ninexplorer.training.RunCatalog;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.RunFiles;
import org.ninexplorer.training.RunMessage;
import org.ninexplorer.training.RunMetrics;
import org.ninexplorer.training.TrainingException;

/**
 * Opens a lesson bundle, offline and safely. Everything is checked before a byte is unpacked (every name stays
 * inside its folder, no links, no duplicates, the manifest's list and nothing else, sizes and counts within
 * {@link Limits}), unpacked into a hidden folder while the real sizes are counted, each architecture and run
 * read as the app reads them, and only then moved into place. A refusal is one sentence and leaves nothing
 * behind; the runs land in the data directory's runs, the architectures in {@code lessons/<bundle name>}.
 */
public final class LessonReader {

    /** An opened lesson: its runs where they now are, and its architectures' files, to open in the editor. */
    public record Opened(Lesson lesson, List<Path> architectureFiles) {
    }

    private final Path runsRoot;
    private final Path lessonsRoot;
    private final List<Path> created = new ArrayList<>();

    private LessonReader(Path runsRoot, Path lessonsRoot) {
        this.runsRoot = runsRoot;
        this.lessonsRoot = lessonsRoot;
    }

    public static Opened open(Path bundle, Path runsRoot, Path lessonsRoot) throws LessonException {
        return new LessonReader(runsRoot, lessonsRoot).open(bundle);
    }

    private Opened open(Path bundle) throws LessonException {
        Map<String, Long> sizes = check(ZipDirectory.read(bundle, Limits.MAX_LESSON_ENTRIES));
        Path staging = null;
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            LessonManifest manifest = LessonManifest.read(readManifest(zip, sizes.get(LessonManifest.FILE)));
            checkListed(manifest, sizes.keySet());
            makeDirectories(lessonsRoot);
            makeDirectories(runsRoot);
            staging = Files.createTempDirectory(lessonsRoot, ".opening-");
            // The claimed sizes add up to no more than the limit, and no entry inflates past its claim.
            for (String entry : manifest.entries()) {
                unpack(zip, entry, sizes.get(entry), staging);
            }
            List<Lesson.Named> archs = readArchitectures(manifest, staging);
            checkRuns(manifest, staging);
            List<Path> runs = placeRuns(manifest, staging);
            List<Path> files = placeArchitectures(manifest, staging, bundle);
            boolean models = manifest.runs().stream().anyMatch(r -> r.files().contains(RunDirectory.MODEL_ZIP));
            created.clear(); // kept from here on
            return new Opened(new Lesson(archs, runs, models, manifest.presentation()), files);
        } catch (IOException e) {
            throw new LessonException(RunMessage.of(RunMessage.Code.LESSON_NOT_OPENED, RunFiles.what(e)), e);
        } finally {
            removeTree(staging);
            for (int i = created.size() - 1; i >= 0; i--) {
                removeTree(created.get(i));
            }
        }
    }

    /** The directory's entries by name with their claimed sizes, once every name, link and size is acceptable. */
    private static Map<String, Long> check(List<ZipDirectory.Entry> entries) throws LessonException {
        Map<String, Long> sizes = new HashMap<>();
        Set<String> keys = new HashSet<>();
        long total = 0;
        for (ZipDirectory.Entry entry : entries) {
            RunMessage.Code problem = EntryNames.problem(entry.name());
            if (problem != null) {
                throw LessonException.of(RunMessage.Code.LESSON_UNSAFE_ENTRY, entry.name(), RunMessage.of(problem));
            }
            if (entry.link()) {
                throw LessonException.of(RunMessage.Code.LESSON_LINK, entry.name());
            }
            if (!keys.add(EntryNames.key(entry.name()))) {
                throw LessonException.of(RunMessage.Code.LESSON_TWICE, entry.name());
            }
            if (entry.size() > Limits.MAX_LESSON_ENTRY_BYTES || (total += entry.size()) > Limits.MAX_LESSON_BYTES) {
                throw tooLarge();
            }
            if (!EntryNames.isDirectory(entry.name())) {
                sizes.put(entry.name(), entry.size());
            }
        }
        if (!sizes.containsKey(LessonManifest.FILE)) {
            throw LessonException.of(RunMessage.Code.LESSON_NO_MANIFEST, LessonManifest.FILE);
        }
        return sizes;
    }

    /** The manifest's entries and the zip's files must be the same: nothing missing, nothing unlisted. */
    private static void checkListed(LessonManifest manifest, Set<String> files) throws LessonException {
        Set<String> folders = new HashSet<>();
        for (LessonManifest.Architecture a : manifest.architectures()) {
            if (!a.file().startsWith(LessonManifest.ARCHITECTURES) || !a.file().endsWith(".json")
                    || !EntryNames.isPlainName(a.file().substring(LessonManifest.ARCHITECTURES.length()))) {
                throw LessonException.of(RunMessage.Code.LESSON_ARCHITECTURE_ELSEWHERE, a.file());
            }
        }
        List<String> allowed = new ArrayList<>(RunFiles.SHAREABLE);
        allowed.add(RunDirectory.MODEL_ZIP);
        for (LessonManifest.Run run : manifest.runs()) {
            if (!EntryNames.isPlainName(run.folder()) || !folders.add(EntryNames.key(run.folder()))) {
                throw LessonException.of(RunMessage.Code.LESSON_RUN_FOLDER_NOT_PLAIN, run.folder());
            }
            if (!run.files().contains(RunDirectory.RUN_JSON) || !allowed.containsAll(run.files())) {
                throw LessonException.of(RunMessage.Code.LESSON_RUN_FILES, run.folder(), RunDirectory.RUN_JSON,
                        String.join(", ", allowed));
            }
        }
        Set<String> listed = new HashSet<>(manifest.entries());
        listed.add(LessonManifest.FILE);
        for (String entry : manifest.entries()) {
            if (!files.contains(entry)) {
                throw LessonException.of(RunMessage.Code.LESSON_INCOMPLETE, entry);
            }
        }
        for (String file : files) {
            if (!listed.contains(file)) {
                throw LessonException.of(RunMessage.Code.LESSON_UNLISTED, file);
            }
        }
    }

    /** The manifest's bytes, read into memory up to its limit. */
    private static byte[] readManifest(ZipFile zip, long claimed) throws IOException, LessonException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (InputStream in = zip.getInputStream(zip.getEntry(LessonManifest.FILE))) {
            copy(in, bytes, Math.min(claimed, Limits.MAX_LESSON_MANIFEST_BYTES));
        }
        return bytes.toByteArray();
    }

    /** Writes the entry below {@code folder}, as a new file that nothing else can be. */
    private static void unpack(ZipFile zip, String name, long claimed, Path folder) throws IOException, LessonException {
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(folder)) {
            throw LessonException.of(RunMessage.Code.LESSON_OUTSIDE, name);
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(zip.getEntry(name));
             OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            copy(in, out, Math.min(claimed, Limits.MAX_LESSON_ENTRY_BYTES));
        }
    }

    /** Copies, refusing once more than {@code limit} bytes inflate (a zip bomb claims little and inflates to much). */
    private static void copy(InputStream in, OutputStream out, long limit) throws IOException, LessonException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
    }

    private static LessonException tooLarge() {
        return LessonException.of(RunMessage.Code.LESSON_TOO_LARGE, String.valueOf(Limits.MAX_LESSON_ENTRY_BYTES / (1 << 20)),
                String.valueOf(Limits.MAX_LESSON_BYTES / (1 << 20)));
    }

    private static List<Lesson.Named> readArchitectures(LessonManifest manifest, Path staging) throws LessonException {
        List<Lesson.Named> archs = new ArrayList<>();
        for (LessonManifest.Architecture a : manifest.architectures()) {
            try {
                archs.add(new Lesson.Named(a.name(), ArchitectureJson.load(staging.resolve(a.file()))));
            } catch (IOException e) {
                throw new LessonException(RunMessage.of(RunMessage.Code.LESSON_ARCHITECTURE_DOES_NOT_OPEN, a.name(),
                        RunFiles.what(e)), e);
            } catch (ArchitectureFormatException e) {
                throw new LessonException(RunMessage.of(RunMessage.Code.LESSON_ARCHITECTURE_DOES_NOT_OPEN, a.name(),
                        RunMessage.of(e)), e);
            }
        }
        return archs;
    }

    private static void checkRuns(LessonManifest manifest, Path staging) throws LessonException {
        for (LessonManifest.Run run : manifest.runs()) {
            Path folder = staging.resolve(run.entry(""));
            try {
                RunDirectory.open(folder);
                if (run.files().contains(RunDirectory.METRICS_CSV)) {
                    RunMetrics.read(folder);
                }
                if (run.files().contains(RunDirectory.MODEL_ZIP)) {
                    Optional<RunMessage> problem = RunCatalog.modelProblem(folder, folder.resolve(RunDirectory.MODEL_ZIP));
                    if (problem.isPresent()) {
                        throw new LessonException(runDoesNotOpen(run, problem.get()));
                    }
                }
            } catch (TrainingException e) {
                throw new LessonException(runDoesNotOpen(run, RunMessage.of(e)), e);
            } catch (IOException e) {
                throw new LessonException(runDoesNotOpen(run, RunFiles.what(e)), e);
            }
        }
    }

    private static RunMessage runDoesNotOpen(LessonManifest.Run run, RunMessage why) {
        return RunMessage.of(RunMessage.Code.LESSON_RUN_DOES_NOT_OPEN, run.folder(), why);
    }

    /** Moves each run into the runs folder; one already there with the same record is the same run, and kept. */
    private List<Path> placeRuns(LessonManifest manifest, Path staging) throws IOException {
        List<Path> placed = new ArrayList<>();
        for (LessonManifest.Run run : manifest.runs()) {
            Path from = staging.resolve(run.entry(""));
            Path target = runsRoot.resolve(run.folder());
            for (int n = 2; Files.exists(target) && !sameRecord(target, from); n++) {
                target = runsRoot.resolve(run.folder() + "-" + n);
            }
            if (!Files.exists(target)) {
                Files.move(from, target, StandardCopyOption.ATOMIC_MOVE);
                created.add(target);
            }
            placed.add(target);
        }
        return placed;
    }

    private static boolean sameRecord(Path existing, Path staged) throws IOException {
        Path record = existing.resolve(RunDirectory.RUN_JSON);
        return Files.isRegularFile(record) && Files.mismatch(record, staged.resolve(RunDirectory.RUN_JSON)) == -1;
    }

    private List<Path> placeArchitectures(LessonManifest manifest, Path staging, Path bundle) throws IOException {
        if (manifest.architectures().isEmpty()) {
            return List.of();
        }
        String stem = bundle.getFileName().toString().replaceFirst("\\." + LessonWriter.EXTENSION + "$", "");
        String name = EntryNames.plain(stem, "lesson");
        Path target = lessonsRoot.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = lessonsRoot.resolve(name + "-" + n);
        }
        Files.createDirectory(target);
        created.add(target);
        List<Path> files = new ArrayList<>();
        for (LessonManifest.Architecture a : manifest.architectures()) {
            Path file = target.resolve(EntryNames.plain(a.name(), "architecture") + ".json");
            for (int n = 2; Files.exists(file); n++) {
                file = target.resolve(EntryNames.plain(a.name(), "architecture") + "-" + n + ".json");
            }
            Files.move(staging.resolve(a.file()), file);
            files.add(file);
        }
        return files;
    }

    /** Creates {@code folder} and its missing parents, remembering each, so that a refusal removes them again. */
    private void makeDirectories(Path folder) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            created.add(p);
        }
    }

    private static void removeTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(RunFiles::deleteQuietly);
        } catch (IOException e) {
            RunFiles.deleteQuietly(root);
        }
    }
}
