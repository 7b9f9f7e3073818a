package org.ninexplorer.training;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ND4J backend in use.
 *
 * @param kind  {@code cpu} or {@code cuda}, as the CLI prints it
 * @param parts what it is, part by part ({@code CPU}, {@code 2 threads}, {@code AVX-512}, ...), for the window
 *              to word in its language; {@link #description()} is their English
 */
public record BackendInfo(String kind, List<RunMessage> parts) {

    /** Between the parts, in either language. */
    public static final String SEPARATOR = " · ";

    public BackendInfo {
        parts = List.copyOf(parts);
    }

    /** A backend described in plain text: {@code CPU · test}. */
    public BackendInfo(String kind, String description) {
        this(kind, List.of(RunMessage.text(description)));
    }

    /** E.g. {@code CPU · 2 threads · AVX-512} or {@code CUDA · NVIDIA H100}, as run.json and the CLI have it. */
    public String description() {
        return parts.stream().map(RunMessage::english).collect(Collectors.joining(SEPARATOR));
    }

    /** The same backend with {@code more} parts after its own. */
    BackendInfo with(RunMessage... more) {
        List<RunMessage> all = new java.util.ArrayList<>(parts);
        all.addAll(List.of(more));
        return new BackendInfo(kind, all);
    }
}
