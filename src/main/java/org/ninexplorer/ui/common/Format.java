package org.ninexplorer.ui.common;

import java.util.Locale;

/** Numbers as people read them on a projector: 1.2 M, 34.5 k, 3.1 MB. */
public final class Format {

    private Format() {
    }

    public static String count(long value) {
        if (value >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f G", value / 1e9);
        }
        if (value >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.2f M", value / 1e6);
        }
        if (value >= 10_000L) {
            return String.format(Locale.ROOT, "%.1f k", value / 1e3);
        }
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String bytes(long value) {
        if (value >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", value / (double) (1L << 20));
        }
        if (value >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f kB", value / (double) (1L << 10));
        }
        return value + " B";
    }

    /** A message as a sentence in the interface's language (see {@link Messages#sentence(String)}). */
    public static String sentence(String message) {
        return Messages.current().sentence(message);
    }

    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
