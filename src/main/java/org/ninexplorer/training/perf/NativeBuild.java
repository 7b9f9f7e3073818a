package org.ninexplorer.training.perf;

/**
 * Points JavaCPP at the libnd4j build the app ships, before ND4J loads: JavaCPP looks for libnd4j in the
 * platform folder named by {@code org.bytedeco.javacpp.platform.extension}, and finds nothing without it.
 * One build is shipped, libnd4j's generic oneDNN one, which runs on every x86-64 CPU. Its AVX-512 sibling
 * trained no faster on an AVX-512 CPU (the convolutions run in oneDNN, which picks its kernels for the CPU
 * at run time; docs/performance.md), doubled the installed size, and killed the JVM with SIGILL on any
 * CPU without AVX-512 that loaded it before the choice was made.
 */
final class NativeBuild {

    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    static final String SHIPPED = "-onednn";
    static final String LOGGER_PROPERTY = "org.bytedeco.javacpp.logger";

    private NativeBuild() {
    }

    /** Sets the JavaCPP extension to the shipped build unless the user chose one; returns the one in effect. */
    static String select() {
        // JavaCPP logs through SLF4J rather than straight to stderr, so that logback.xml can quiet its
        // expected version warning (JavaCPP 1.5.8 for oneDNN against ND4J's OpenBLAS presets 1.5.7).
        if (System.getProperty(LOGGER_PROPERTY) == null) {
            System.setProperty(LOGGER_PROPERTY, "slf4j");
        }
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            System.setProperty(EXTENSION_PROPERTY, SHIPPED);
        }
        return System.getProperty(EXTENSION_PROPERTY);
    }
}
