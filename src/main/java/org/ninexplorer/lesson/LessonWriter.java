package org.ninexplorer.lesson;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.Limits;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.RunFiles;
import org.ninexplorer.training.RunMessage;
import org.ninexplorer.training.RunStorageException;
import org.ninexplorer.training.Versions;

/**
 * Writes a lesson as one {@code .ninlesson} zip: the manifest, each architecture as the app saves it, and
 * each run's shareable files ({@link RunFiles#SHAREABLE}, plus its model when asked). A bundle this app
 * would refuse to open (too large) is refused here instead, before a byte is written.
 */
public final class LessonWriter {

    public static final String EXTENSION = "ninlesson";

    private LessonWriter() {
    }

    public static void write(Lesson lesson, Path target) throws LessonException {
        List<LessonManifest.Architecture> archs = new ArrayList<>();
        for (int i = 0; i < lesson.architectures().size(); i++) {
            archs.add(new LessonManifest.Architecture(lesson.architectures().get(i).name(),
                    LessonManifest.ARCHITECTURES + i + ".json"));
        }
        List<LessonManifest.Run> runs = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        Set<String> folders = new HashSet<>();
        long total = 0;
        for (Path run : lesson.runs()) {
            if (!Files.isRegularFile(run.resolve(RunDirectory.RUN_JSON))) {
                throw LessonException.of(RunMessage.Code.LESSON_NOT_A_RUN, run.toString(), RunDirectory.RUN_JSON);
            }
            String folder = EntryNames.plain(run.getFileName().toString(), "run");
            for (int n = 2; !folders.add(EntryNames.key(folder)); n++) {
                folder = EntryNames.plain(run.getFileName().toString(), "run") + "-" + n;
            }
            List<String> files = new ArrayList<>();
            List<String> wanted = new ArrayList<>(RunFiles.SHAREABLE);
            if (lesson.withModels()) {
                wanted.add(RunDirectory.MODEL_ZIP);
            }
            for (String file : wanted) {
                Path source = run.resolve(file);
                if (Files.isRegularFile(source)) {
                    total += checkedSize(source);
                    files.add(file);
                    sources.add(source);
                }
            }
            runs.add(new LessonManifest.Run(folder, files));
        }
        if (total > Limits.MAX_LESSON_BYTES) {
            throw LessonException.of(RunMessage.Code.LESSON_WOULD_BE_TOO_LARGE, String.valueOf(total / (1 << 20)),
                    String.valueOf(Limits.MAX_LESSON_BYTES / (1 << 20)));
        }
        LessonManifest manifest = new LessonManifest(Versions.app(), archs, runs, lesson.presentation());
        try {
            RunFiles.replace(target, tmp -> {
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    put(zip, LessonManifest.FILE, out -> out.write(manifest.write().getBytes(StandardCharsets.UTF_8)));
                    for (int i = 0; i < archs.size(); i++) {
                        String json = ArchitectureJson.write(lesson.architectures().get(i).architecture());
                        put(zip, archs.get(i).file(), out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
                    }
                    int next = 0;
                    for (LessonManifest.Run run : runs) {
                        for (String file : run.files()) {
                            Path source = sources.get(next++);
                            put(zip, run.entry(file), out -> Files.copy(source, out));
                        }
                    }
                }
            });
        } catch (RunStorageException e) {
            throw new LessonException(RunMessage.of(e), e);
        }
    }

    private static long checkedSize(Path file) throws LessonException {
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_LESSON_ENTRY_BYTES) {
                throw LessonException.of(RunMessage.Code.LESSON_FILE_TOO_LARGE, file.toString(),
                        String.valueOf(size / (1 << 20)), String.valueOf(Limits.MAX_LESSON_ENTRY_BYTES / (1 << 20)));
            }
            return size;
        } catch (IOException e) {
            throw new LessonException(RunFiles.cannotRead(file, e), e);
        }
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void put(ZipOutputStream zip, String name, Content content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        content.writeTo(zip);
        zip.closeEntry();
    }
}
