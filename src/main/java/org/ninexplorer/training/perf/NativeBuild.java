package org.ninexplorer.training.perf;

import org.slf4j.LoggerFactory;

import java.util.Locale;

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

    /**
     * Sets the JavaCPP extension to the shipped build unless the user chose one that is there; returns the
     * one in effect. A build that is not there (such as {@code -onednn-avx512}, shipped until session 19)
     * would end the start in an {@code UnsatisfiedLinkError}, so it is replaced, and the log says so.
     */
    static String select() {
        // JavaCPP logs through SLF4J rather than straight to stderr, so that logback.xml can quiet its
        // expected version warning (JavaCPP 1.5.8 for oneDNN against ND4J's OpenBLAS presets 1.5.7).
        if (System.getProperty(LOGGER_PROPERTY) == null) {
            System.setProperty(LOGGER_PROPERTY, "slf4j");
        }
        String chosen = System.getProperty(EXTENSION_PROPERTY);
        if (chosen != null && !present(chosen)) {
            LoggerFactory.getLogger(NativeBuild.class).warn(
                    "{}={} names a libnd4j build this app does not have; loading {}", EXTENSION_PROPERTY, chosen, SHIPPED);
            chosen = null;
        }
        if (chosen == null) {
            System.setProperty(EXTENSION_PROPERTY, SHIPPED);
        }
        return System.getProperty(EXTENSION_PROPERTY);
    }

    /** Whether the JNI library of libnd4j build {@code extension} is on the class path, where JavaCPP looks. */
    static boolean present(String extension) {
        String library = "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform() + extension + "/"
                + System.mapLibraryName("jnind4jcpu");
        return NativeBuild.class.getClassLoader().getResource(library) != null;
    }

    /**
     * JavaCPP's name for this platform, e.g. linux-x86_64, for the x86-64 builds ND4J publishes. Not
     * {@code Loader.getPlatform()}: loading {@code Loader} fixes the extension it reads before it is set.
     */
    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String name = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : os.replace(' ', '_');
        String arch = System.getProperty("os.arch");
        return name + "-" + (arch.equals("amd64") || arch.equals("x86-64") ? "x86_64" : arch);
    }
}
