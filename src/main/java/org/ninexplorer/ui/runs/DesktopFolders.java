package org.ninexplorer.ui.runs;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/** What the desktop offers for a run's folder: its trash and its file manager; either may be missing. */
public interface DesktopFolders {

    boolean canTrash();

    /** Moves the folder to the desktop's trash; false when the desktop refused. */
    boolean trash(Path folder) throws IOException;

    boolean canOpen();

    void open(Path folder) throws IOException;

    /** The desktop AWT reports (none on a headless or bare X server). Called off the FX thread. */
    static DesktopFolders awt() {
        return new DesktopFolders() {
            @Override
            public boolean canTrash() {
                return supports(Desktop.Action.MOVE_TO_TRASH);
            }

            @Override
            public boolean trash(Path folder) {
                return Desktop.getDesktop().moveToTrash(folder.toFile());
            }

            @Override
            public boolean canOpen() {
                return supports(Desktop.Action.OPEN);
            }

            @Override
            public void open(Path folder) throws IOException {
                Desktop.getDesktop().open(folder.toFile());
            }

            private boolean supports(Desktop.Action action) {
                try {
                    return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(action);
                } catch (RuntimeException | LinkageError e) {
                    return false; // no usable desktop: the caller says what to do instead
                }
            }
        };
    }
}
