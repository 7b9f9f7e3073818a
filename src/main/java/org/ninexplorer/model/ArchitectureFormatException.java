package org.ninexplorer.model;

import java.util.List;

/**
 * A file that is not a readable architecture, as a code and its arguments ({@link Coded}): the window words it
 * in its language from the bundles' {@code common.architecture-format.<code>} patterns, the CLI in English.
 * The message is the code and its arguments, for logs.
 */
public class ArchitectureFormatException extends Exception implements Coded {

    /** What is wrong; the arguments each one takes follow the field's path, where it has one. */
    public enum Code {
        /** the file's size, the most an architecture file holds (grouped digits) */
        TOO_LARGE,
        /** the offending byte's position (grouped digits), the byte in hex */
        NOT_UTF8,
        /** the deepest nesting, the longest string (grouped digits) */
        TOO_DEEP,
        /** line, column, the parser's own words */
        NOT_JSON_AT,
        /** the parser's own words */
        NOT_JSON,
        NOT_AN_OBJECT,
        /** field; the version, the version this app reads */
        UNSUPPORTED_VERSION,
        /** field */
        MISSING,
        /** field */
        NOT_A_LIST,
        /** field */
        NOT_A_LAYER,
        /** field; the layer types */
        NO_TYPE,
        /** field; the type as JSON, the layer types */
        UNKNOWN_TYPE,
        /** field; the value as JSON */
        NOT_AN_OBJECT_FIELD,
        /** field; the value as JSON */
        NOT_A_WHOLE_NUMBER,
        /** field; the value as JSON */
        NOT_A_NUMBER
    }

    private final String field;
    private final Code code;
    private final List<Object> args;

    /** A problem of the whole file. */
    public ArchitectureFormatException(Code code, Object... args) {
        this("", code, args);
    }

    /** A problem of {@code field}, the field's path going first among the arguments. */
    public ArchitectureFormatException(String field, Code code, Object... args) {
        this(field, code, field.isEmpty() ? List.of(args) : withField(field, args));
    }

    private ArchitectureFormatException(String field, Code code, List<Object> args) {
        super(code + args.toString());
        this.field = field;
        this.code = code;
        this.args = List.copyOf(args);
    }

    private static List<Object> withField(String field, Object[] args) {
        List<Object> all = new java.util.ArrayList<>(List.of(args));
        all.add(0, field);
        return all;
    }

    /** The same problem with its field's path inside {@code parent}: {@code architecture.layers[2].kernel}. */
    public ArchitectureFormatException within(String parent) {
        if (field.isEmpty()) {
            return this;
        }
        List<Object> moved = new java.util.ArrayList<>(args);
        moved.set(0, parent + "." + field);
        return new ArchitectureFormatException(parent + "." + field, code, moved);
    }

    /** The JSON path of the offending field, e.g. {@code layers[2].kernel}, or "" for the whole file. */
    public String field() {
        return field;
    }

    public Code code() {
        return code;
    }

    @Override
    public String key() {
        return "common.architecture-format." + Coded.key(code);
    }

    @Override
    public List<Object> args() {
        return args;
    }
}
