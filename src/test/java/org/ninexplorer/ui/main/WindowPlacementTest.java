package org.ninexplorer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 27, 1366, 741); // 1366×768 with a top panel
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1040);

    @Test
    void firstStartFillsASmallScreensUsableArea() {
        WindowPlacement p = WindowPlacement.choose(Optional.empty(), List.of(LAPTOP));

        assertThat(p).isEqualTo(new WindowPlacement(0, 27, 1366, 741, false));
    }

    @Test
    void firstStartIsCentredAtThePreferredWidthAndFullHeightOnA1080LineScreen() {
        WindowPlacement p = WindowPlacement.choose(Optional.empty(), List.of(FULL_HD));

        assertThat(p).isEqualTo(new WindowPlacement(120, 0, 1680, 1040, false));
    }

    @Test
    void aRememberedPlaceInsideTheScreenIsKept() {
        WindowPlacement saved = new WindowPlacement(100, 60, 1200, 700, false);

        assertThat(WindowPlacement.choose(Optional.of(saved), List.of(LAPTOP))).isEqualTo(saved);
    }

    @Test
    void aRememberedPlaceFromALargerScreenIsShrunkAndMovedInside() {
        WindowPlacement saved = new WindowPlacement(300, 100, 1680, 1040, true);

        WindowPlacement p = WindowPlacement.choose(Optional.of(saved), List.of(LAPTOP));

        assertThat(p).isEqualTo(new WindowPlacement(0, 27, 1366, 741, true));
    }

    @Test
    void aPlaceOnAScreenThatIsGoneOpensOnThePrimaryScreen() {
        WindowPlacement onSecondMonitor = new WindowPlacement(2000, 100, 1200, 800, false);

        WindowPlacement p = WindowPlacement.choose(Optional.of(onSecondMonitor), List.of(LAPTOP));

        assertThat(p).isEqualTo(new WindowPlacement(0, 27, 1366, 741, false));
    }

    @Test
    void aPlaceMostlyOnTheSecondScreenStaysThere() {
        Rectangle2D right = new Rectangle2D(1366, 0, 1920, 1080);
        WindowPlacement saved = new WindowPlacement(1300, 50, 1000, 700, false);

        WindowPlacement p = WindowPlacement.choose(Optional.of(saved), List.of(LAPTOP, right));

        assertThat(p).isEqualTo(new WindowPlacement(1366, 50, 1000, 700, false));
    }

    @Test
    void nothingSavedMeansNoPlacement() throws BackingStoreException {
        Preferences node = Preferences.userRoot().node("org/ninexplorer/test/placement-" + System.nanoTime());
        try {
            assertThat(WindowPlacement.load(node)).isEmpty();
            node.putDouble("width", 800);
            node.putDouble("height", 600);
            assertThat(WindowPlacement.load(node)).contains(new WindowPlacement(0, 0, 800, 600, false));
        } finally {
            node.removeNode();
        }
    }
}
