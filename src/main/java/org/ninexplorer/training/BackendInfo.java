package org.ninexplorer.training;

/**
 * The ND4J backend in use.
 *
 * @param kind        {@code cpu} or {@code cuda}, as the CLI prints it
 * @param description e.g. {@code CPU · 2 threads · AVX-512} or {@code CUDA · NVIDIA H100}
 */
public record BackendInfo(String kind, String description) {
}
