package org.ninexplorer.ui.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;

/** The times between the window's animation pulses: a long one is what a user feels as a freeze. */
final class PulseWatch extends AnimationTimer {
    private final List<Long> gapsMillis = new ArrayList<>();
    /** The longest gap of each phase the test named, to tell which view froze the window. */
    private final Map<String, Long> phaseMaxMillis = new LinkedHashMap<>();
    private volatile String phase = "start";
    private long last;

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = (now - last) / 1_000_000;
            gapsMillis.add(gap);
            phaseMaxMillis.merge(phase, gap, Math::max);
        }
        last = now;
    }

    /** What the test does from now on, for {@link #summary()}. */
    void phase(String name) {
        phase = name;
    }

    long maxGapMillis() {
        return percentileMillis(1);
    }

    long percentileMillis(double p) {
        List<Long> sorted = gapsMillis.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    /** One line for the test log. */
    String summary() {
        return String.format("max %d ms, p95 %d ms, median %d ms over %d pulses; longest by phase %s",
                maxGapMillis(), percentileMillis(0.95), percentileMillis(0.5), gapsMillis.size(), phaseMaxMillis);
    }
}
