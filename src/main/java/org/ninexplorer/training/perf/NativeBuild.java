package org.ninexplorer.training.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Chooses which shipped libnd4j build JavaCPP loads. JavaCPP prefers the AVX-512 build whenever it is
 * on the classpath, and ND4J then exits on a CPU without AVX-512, so the choice must be made from the
 * CPU's flags before ND4J loads: {@code org.bytedeco.javacpp.platform.extension} restricts JavaCPP
 * to one build. The generic oneDNN build still gets AVX2/AVX-512 convolutions: oneDNN dispatches at run time.
 */
final class NativeBuild {

    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    static final String LOGGER_PROPERTY = "org.bytedeco.javacpp.logger";
    /** The flags libnd4j's avx512 builds are compiled for. */
    private static final Set<String> AVX512_FLAGS = Set.of("avx512f", "avx512cd", "avx512vl", "avx512bw", "avx512dq");

    private NativeBuild() {
    }

    /** Sets the JavaCPP extension for this CPU unless the user chose one; returns the one in effect. */
    static String select() {
        // JavaCPP logs through SLF4J rather than straight to stderr, so that logback.xml can quiet its
        // expected version warning (JavaCPP 1.5.8 for oneDNN against ND4J's OpenBLAS presets 1.5.7).
        if (System.getProperty(LOGGER_PROPERTY) == null) {
            System.setProperty(LOGGER_PROPERTY, "slf4j");
        }
        String chosen = System.getProperty(EXTENSION_PROPERTY);
        if (chosen == null) {
            chosen = cpuFlags().containsAll(AVX512_FLAGS) ? "-onednn-avx512" : "-onednn";
            System.setProperty(EXTENSION_PROPERTY, chosen);
        }
        return chosen;
    }

    private static Set<String> cpuFlags() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> Set.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")))
                    .orElse(Set.of());
        } catch (IOException | RuntimeException e) {
            return Set.of(); // not Linux, or unreadable: the generic build runs everywhere
        }
    }
}
