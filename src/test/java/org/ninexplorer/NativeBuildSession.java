package org.ninexplorer;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.ninexplorer.training.perf.FastPath;

/**
 * Does for each test JVM what {@code Main} does for the app: picks the libnd4j build this CPU runs
 * before any test loads ND4J. Without it, the first test to touch ND4J loads the AVX-512 build,
 * which dies with SIGILL on an AVX2-only CPU.
 */
public final class NativeBuildSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        FastPath.selectNativeBuild();
    }
}
