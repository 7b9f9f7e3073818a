package org.ninexplorer.model;

/** A file that is not a readable architecture; the message names the field and the problem. */
public class ArchitectureFormatException extends Exception {

    private final String field;

    public ArchitectureFormatException(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
    }

    /** The JSON path of the offending field, e.g. {@code layers[2].kernel}, or "" for the whole file. */
    public String field() {
        return field;
    }
}
