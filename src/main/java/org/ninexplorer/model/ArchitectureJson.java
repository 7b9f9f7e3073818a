package org.ninexplorer.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ninexplorer.model.ArchitectureFormatException.Code;

/**
 * The architecture file format (schema version 1), e.g.
 * <pre>{"schemaVersion":1,"input":{"channels":1,"height":224,"width":224},"classes":10,
 *  "layers":[{"type":"nin","channels":96,"kernel":11,"stride":4,"padding":0},{"type":"gap"}]}</pre>
 * A NiN block may add {@code "mlp"} (the convolutions after its first, 0–4, default 2) and {@code "mlpKernel"}
 * (their kernel, 1 or 3, default 1); a dense layer is {@code {"type":"dense","units":N}}.
 * Reading checks the form (types, required fields); whether the net is possible is
 * {@link ShapeInference}'s job, so that an impossible net can still be opened and fixed.
 */
public final class ArchitectureJson {

    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Limits.MAX_JSON_DEPTH)
                    .maxStringLength(Limits.MAX_JSON_STRING).build())
            .build());

    private ArchitectureJson() {
    }

    public static String write(Architecture arch) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode input = root.putObject("input");
        input.put("channels", arch.input().channels());
        input.put("height", arch.input().height());
        input.put("width", arch.input().width());
        root.put("classes", arch.classes());
        ArrayNode layers = root.putArray("layers");
        for (Layer layer : arch.layers()) {
            ObjectNode node = layers.addObject();
            node.put("type", layer.type());
            switch (layer.kind()) {
                case NIN -> {
                    NinBlock b = (NinBlock) layer;
                    node.put("channels", b.channels()).put("kernel", b.kernel()).put("stride", b.stride())
                            .put("padding", b.padding());
                    // The book's form is left implicit, so files of nets that use it read as before.
                    if (b.mlp() != NinBlock.DEFAULT_MLP || b.mlpKernel() != NinBlock.DEFAULT_MLP_KERNEL) {
                        node.put("mlp", b.mlp()).put("mlpKernel", b.mlpKernel());
                    }
                }
                case MAXPOOL -> node.put("kernel", ((MaxPool) layer).kernel()).put("stride", ((MaxPool) layer).stride());
                case DROPOUT -> node.put("p", ((Dropout) layer).p());
                case DENSE -> node.put("units", ((Dense) layer).units());
                case GAP -> {
                }
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree we built", e);
        }
    }

    public static void save(Architecture arch, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, write(arch), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads an architecture file: UTF-8, with or without a byte-order mark (as Windows Notepad saves). An
     * {@link IOException}'s message is the reason alone ("no such file"), for the caller to put after the path.
     */
    public static Architecture load(Path file) throws IOException, ArchitectureFormatException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("is a folder, not an architecture file");
            }
            long size = Files.size(file);
            if (size > Limits.MAX_ARCHITECTURE_FILE_BYTES) {
                throw new ArchitectureFormatException(Code.TOO_LARGE, grouped(size),
                        grouped(Limits.MAX_ARCHITECTURE_FILE_BYTES));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied", e);
        }
        return read(utf8(bytes));
    }

    private static String utf8(byte[] bytes) throws ArchitectureFormatException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never has more characters than bytes
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            throw new ArchitectureFormatException(Code.NOT_UTF8, grouped(in.position()),
                    String.format(Locale.ROOT, "%02X", bytes[in.position()] & 0xFF));
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static Architecture read(String json) throws ArchitectureFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new ArchitectureFormatException(Code.TOO_DEEP, String.valueOf(Limits.MAX_JSON_DEPTH),
                    grouped(Limits.MAX_JSON_STRING));
        } catch (JsonProcessingException e) {
            throw e.getLocation() == null ? new ArchitectureFormatException(Code.NOT_JSON, e.getOriginalMessage())
                    : new ArchitectureFormatException(Code.NOT_JSON_AT, String.valueOf(e.getLocation().getLineNr()),
                    String.valueOf(e.getLocation().getColumnNr()), e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ArchitectureFormatException(Code.NOT_AN_OBJECT);
        }
        int version = integer(root, "schemaVersion", "schemaVersion");
        if (version != SCHEMA_VERSION) {
            throw new ArchitectureFormatException("schemaVersion", Code.UNSUPPORTED_VERSION, String.valueOf(version),
                    String.valueOf(SCHEMA_VERSION));
        }
        JsonNode input = object(root, "input", "input");
        InputSpec spec = new InputSpec(integer(input, "channels", "input.channels"),
                integer(input, "height", "input.height"), integer(input, "width", "input.width"));
        int classes = integer(root, "classes", "classes");
        JsonNode layersNode = root.get("layers");
        if (layersNode == null || !layersNode.isArray()) {
            throw new ArchitectureFormatException("layers", Code.NOT_A_LIST);
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < layersNode.size(); i++) {
            layers.add(layer(layersNode.get(i), "layers[" + i + "]"));
        }
        return new Architecture(spec, classes, layers);
    }

    private static Layer layer(JsonNode node, String path) throws ArchitectureFormatException {
        if (!node.isObject()) {
            throw new ArchitectureFormatException(path, Code.NOT_A_LAYER);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new ArchitectureFormatException(path + ".type", Code.NO_TYPE, LayerKind.types());
        }
        LayerKind kind = LayerKind.ofType(type.asText()).orElseThrow(() -> new ArchitectureFormatException(
                path + ".type", Code.UNKNOWN_TYPE, type.toString(), LayerKind.types()));
        return switch (kind) {
            case NIN -> new NinBlock(integer(node, "channels", path + ".channels"),
                    integer(node, "kernel", path + ".kernel"), integer(node, "stride", path + ".stride"),
                    integer(node, "padding", path + ".padding"),
                    optionalInteger(node, "mlp", path + ".mlp", NinBlock.DEFAULT_MLP),
                    optionalInteger(node, "mlpKernel", path + ".mlpKernel", NinBlock.DEFAULT_MLP_KERNEL));
            case MAXPOOL -> new MaxPool(integer(node, "kernel", path + ".kernel"),
                    integer(node, "stride", path + ".stride"));
            case DROPOUT -> new Dropout(number(node, "p", path + ".p"));
            case GAP -> new GlobalAvgPool();
            case DENSE -> new Dense(integer(node, "units", path + ".units"));
        };
    }

    private static JsonNode object(JsonNode parent, String name, String path) throws ArchitectureFormatException {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw node == null ? new ArchitectureFormatException(path, Code.MISSING)
                    : new ArchitectureFormatException(path, Code.NOT_AN_OBJECT_FIELD, node.toString());
        }
        return node;
    }

    private static int optionalInteger(JsonNode parent, String name, String path, int absent)
            throws ArchitectureFormatException {
        return parent.has(name) ? integer(parent, name, path) : absent;
    }

    private static int integer(JsonNode parent, String name, String path) throws ArchitectureFormatException {
        JsonNode node = parent.get(name);
        if (node == null) {
            throw new ArchitectureFormatException(path, Code.MISSING);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new ArchitectureFormatException(path, Code.NOT_A_WHOLE_NUMBER, node.toString());
        }
        return node.intValue();
    }

    private static double number(JsonNode parent, String name, String path) throws ArchitectureFormatException {
        JsonNode node = parent.get(name);
        if (node == null) {
            throw new ArchitectureFormatException(path, Code.MISSING);
        }
        if (!node.isNumber()) {
            throw new ArchitectureFormatException(path, Code.NOT_A_NUMBER, node.toString());
        }
        return node.doubleValue();
    }

    /** A count with grouped digits, as both languages show it: {@code 1,048,576}. */
    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
