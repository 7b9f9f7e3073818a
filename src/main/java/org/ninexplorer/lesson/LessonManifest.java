package org.ninexplorer.lesson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.ninexplorer.model.Limits;
import org.ninexplorer.training.RunMessage;

/**
 * A bundle's {@code manifest.json}: its format and version, and every entry it holds, so that an entry the
 * manifest does not name is refused rather than unpacked.
 * <pre>
 * {"format":"nin-lesson","formatVersion":1,"app":"0.1.0",
 *  "architectures":[{"name":"fashion-28","file":"architectures/0.json"}],
 *  "runs":[{"folder":"20261201-100000-fashion-28","files":["run.json","metrics.csv"]}],
 *  "presentation":{"presentation":true,"dark":false}}
 * </pre>
 */
record LessonManifest(String app, List<Architecture> architectures, List<Run> runs, Lesson.Presentation presentation) {

    static final String FILE = "manifest.json";
    static final String FORMAT = "nin-lesson";
    static final int FORMAT_VERSION = 1;
    static final String ARCHITECTURES = "architectures/";
    static final String RUNS = "runs/";
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Limits.MAX_JSON_DEPTH)
                    .maxStringLength(Limits.MAX_JSON_STRING).build())
            .build());

    /** An architecture: the name it is shown under, and its entry. */
    record Architecture(String name, String file) {
    }

    /** A run: its folder's name, and the files of that folder the bundle holds. */
    record Run(String folder, List<String> files) {
        Run {
            files = List.copyOf(files);
        }

        String entry(String file) {
            return RUNS + folder + "/" + file;
        }
    }

    LessonManifest {
        architectures = List.copyOf(architectures);
        runs = List.copyOf(runs);
    }

    /** Every entry the bundle must hold besides the manifest, in the order they are written. */
    List<String> entries() {
        List<String> entries = new ArrayList<>();
        architectures.forEach(a -> entries.add(a.file()));
        runs.forEach(r -> r.files().forEach(f -> entries.add(r.entry(f))));
        return entries;
    }

    String write() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("app", app);
        var archs = root.putArray("architectures");
        architectures.forEach(a -> archs.addObject().put("name", a.name()).put("file", a.file()));
        var runArray = root.putArray("runs");
        for (Run run : runs) {
            ObjectNode node = runArray.addObject().put("folder", run.folder());
            run.files().forEach(node.putArray("files")::add);
        }
        root.putObject("presentation").put("presentation", presentation.presentation()).put("dark", presentation.dark());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("A manifest of plain values always writes", e);
        }
    }

    /** Reads and checks a manifest: the format, a version this app knows, and the form of every field. */
    static LessonManifest read(byte[] json) throws LessonException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new LessonException(RunMessage.of(RunMessage.Code.LESSON_MANIFEST_NOT_JSON, FILE), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw LessonException.of(RunMessage.Code.LESSON_NOT_THIS_FORMAT, FILE, FORMAT);
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw LessonException.of(RunMessage.Code.LESSON_NO_FORMAT_VERSION, FILE);
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw LessonException.of(RunMessage.Code.LESSON_NEWER, String.valueOf(version.asInt()),
                    String.valueOf(FORMAT_VERSION));
        }
        List<Architecture> archs = new ArrayList<>();
        for (JsonNode a : array(root, "architectures")) {
            archs.add(new Architecture(text(a, "name"), text(a, "file")));
        }
        List<Run> runs = new ArrayList<>();
        for (JsonNode r : array(root, "runs")) {
            List<String> files = new ArrayList<>();
            for (JsonNode f : array(r, "files")) {
                if (!f.isTextual()) {
                    throw LessonException.of(RunMessage.Code.LESSON_RUN_FILE_NOT_A_NAME, FILE);
                }
                files.add(f.asText());
            }
            runs.add(new Run(text(r, "folder"), files));
        }
        if (archs.isEmpty() && runs.isEmpty()) {
            throw LessonException.of(RunMessage.Code.LESSON_EMPTY);
        }
        JsonNode p = root.path("presentation");
        return new LessonManifest(root.path("app").asText("unknown"), archs, runs,
                new Lesson.Presentation(p.path("presentation").asBoolean(false), p.path("dark").asBoolean(false)));
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) throws LessonException {
        JsonNode value = node.get(field);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw LessonException.of(RunMessage.Code.LESSON_NOT_A_LIST, FILE, field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) throws LessonException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw LessonException.of(RunMessage.Code.LESSON_ENTRY_WITHOUT, FILE, field);
        }
        return value.asText();
    }
}
