package org.ninexplorer;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.ninexplorer.training.perf.FastPath;

/**
 * Does for each test JVM what {@code Main} does for the app: points JavaCPP at the shipped libnd4j build
 * before any test loads ND4J, so that every test loads the natives the app loads, whichever runs first.
 */
public final class NativeBuildSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        FastPath.selectNativeBuild();
    }
}
