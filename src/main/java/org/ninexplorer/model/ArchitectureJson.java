package org.ninexplorer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture file format (schema version 1), e.g.
 * <pre>{"schemaVersion":1,"input":{"channels":1,"height":224,"width":224},"classes":10,
 *  "layers":[{"type":"nin","channels":96,"kernel":11,"stride":4,"padding":0},{"type":"gap"}]}</pre>
 * Reading checks the form (types, required fields); whether the net is possible is
 * {@link ShapeInference}'s job, so that an impossible net can still be opened and fixed.
 */
public final class ArchitectureJson {

    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
            if (layer instanceof NinBlock b) {
                node.put("channels", b.channels()).put("kernel", b.kernel()).put("stride", b.stride())
                        .put("padding", b.padding());
            } else if (layer instanceof MaxPool p) {
                node.put("kernel", p.kernel()).put("stride", p.stride());
            } else if (layer instanceof Dropout d) {
                node.put("p", d.p());
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

    public static Architecture load(Path file) throws IOException, ArchitectureFormatException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Architecture read(String json) throws ArchitectureFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ArchitectureFormatException("", "not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ArchitectureFormatException("", "expected a JSON object with input, classes and layers");
        }
        int version = integer(root, "schemaVersion", "schemaVersion");
        if (version != SCHEMA_VERSION) {
            throw new ArchitectureFormatException("schemaVersion",
                    "unsupported version " + version + " (this app reads version " + SCHEMA_VERSION + ")");
        }
        JsonNode input = object(root, "input", "input");
        InputSpec spec = new InputSpec(integer(input, "channels", "input.channels"),
                integer(input, "height", "input.height"), integer(input, "width", "input.width"));
        int classes = integer(root, "classes", "classes");
        JsonNode layersNode = root.get("layers");
        if (layersNode == null || !layersNode.isArray()) {
            throw new ArchitectureFormatException("layers", "missing or not a list");
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < layersNode.size(); i++) {
            layers.add(layer(layersNode.get(i), "layers[" + i + "]"));
        }
        return new Architecture(spec, classes, layers);
    }

    private static Layer layer(JsonNode node, String path) throws ArchitectureFormatException {
        if (!node.isObject()) {
            throw new ArchitectureFormatException(path, "expected an object with a type");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new ArchitectureFormatException(path + ".type", "missing; expected one of nin, maxpool, dropout, gap");
        }
        return switch (type.asText()) {
            case "nin" -> new NinBlock(integer(node, "channels", path + ".channels"),
                    integer(node, "kernel", path + ".kernel"), integer(node, "stride", path + ".stride"),
                    integer(node, "padding", path + ".padding"));
            case "maxpool" -> new MaxPool(integer(node, "kernel", path + ".kernel"),
                    integer(node, "stride", path + ".stride"));
            case "dropout" -> new Dropout(number(node, "p", path + ".p"));
            case "gap" -> new GlobalAvgPool();
            default -> throw new ArchitectureFormatException(path + ".type",
                    "unknown type '" + type.asText() + "'; expected one of nin, maxpool, dropout, gap");
        };
    }

    private static JsonNode object(JsonNode parent, String name, String path) throws ArchitectureFormatException {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw new ArchitectureFormatException(path, node == null ? "missing" : "expected an object, got " + node);
        }
        return node;
    }

    private static int integer(JsonNode parent, String name, String path) throws ArchitectureFormatException {
        JsonNode node = parent.get(name);
        if (node == null) {
            throw new ArchitectureFormatException(path, "missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new ArchitectureFormatException(path, "expected a whole number, got " + node);
        }
        return node.intValue();
    }

    private static double number(JsonNode parent, String name, String path) throws ArchitectureFormatException {
        JsonNode node = parent.get(name);
        if (node == null) {
            throw new ArchitectureFormatException(path, "missing");
        }
        if (!node.isNumber()) {
            throw new ArchitectureFormatException(path, "expected a number, got " + node);
        }
        return node.doubleValue();
    }
}
