package org.ninexplorer.training.perf;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two C-library calls the fast path needs, through JNA (on the classpath via DL4J; Java 17 has no
 * stable foreign-function API). Both do what environment variables would do, which an installed app's
 * launcher cannot set.
 */
final class Libc {

    private static final Logger LOG = LoggerFactory.getLogger(Libc.class);
    /** From glibc's malloc.h. */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_MAX = -4;
    /** mallopt takes an int: 2 GiB of free heap top before trimming is, in practice, never. */
    private static final int NEVER_TRIM = Integer.MAX_VALUE;

    private Libc() {
    }

    /**
     * Stops glibc from returning large blocks to the kernel, like {@code MALLOC_MMAP_MAX_=0
     * MALLOC_TRIM_THRESHOLD_=...}. By default every block over 128 KiB is a fresh {@code mmap} whose
     * pages all fault on first touch, and each training step allocates and frees many such blocks
     * (im2col and oneDNN scratch buffers). Returns whether glibc accepted both settings.
     */
    static boolean keepFreedMemory() {
        try {
            Function mallopt = NativeLibrary.getProcess().getFunction("mallopt");
            return mallopt.invokeInt(new Object[] {M_MMAP_MAX, 0}) == 1
                    && mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, NEVER_TRIM}) == 1;
        } catch (LinkageError | RuntimeException e) {
            LOG.info("glibc malloc tuning unavailable: {}", e.toString());
            return false;
        }
    }

    /**
     * Sets a variable in the process environment unless the user set it; native libraries loaded
     * afterwards (libgomp reads its settings when loaded) see it. Returns the value in effect, or null.
     */
    static String setenvIfAbsent(String name, String value) {
        String current = System.getenv(name);
        if (current != null) {
            return current;
        }
        try {
            Function setenv = NativeLibrary.getProcess().getFunction("setenv");
            return setenv.invokeInt(new Object[] {name, value, 0}) == 0 ? value : null;
        } catch (LinkageError | RuntimeException e) {
            LOG.info("cannot set {}: {}", name, e.toString());
            return null;
        }
    }
}
