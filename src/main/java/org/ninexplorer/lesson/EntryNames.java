package org.ninexplorer.lesson;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ninexplorer.training.RunMessage;

/** Which entry names a lesson may hold: relative paths that stay inside the folder they are unpacked into. */
final class EntryNames {

    /** One folder or file name: no separators, no drive or stream colon, no control characters. */
    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\:\\p{Cntrl}]{1,200}");

    private EntryNames() {
    }

    /** Why {@code name} may not be unpacked (it leaves the folder, or names a place by itself), or null. */
    static RunMessage.Code problem(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
            return RunMessage.Code.ABSOLUTE_PATH;
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return RunMessage.Code.CLIMBING_PATH;
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return RunMessage.Code.NOT_PLAIN_NAME;
            }
        }
        return null;
    }

    /** Whether {@code name} is one plain folder or file name that is not hidden. */
    static boolean isPlainName(String name) {
        return problem(name) == null && !name.contains("/") && !name.startsWith(".");
    }

    /** The same name on a file system that ignores case, to refuse two entries that would be one file there. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static boolean isDirectory(String name) {
        return name.endsWith("/");
    }

    /** A plain name for a file or folder made from free text (a run's folder, a bundle's name). */
    static String plain(String text, String otherwise) {
        String cleaned = text.replaceAll("[/\\\\:\\p{Cntrl}]", "_").replaceFirst("^\\.+", "");
        return cleaned.isBlank() || List.of(".", "..").contains(cleaned) ? otherwise
                : cleaned.substring(0, Math.min(cleaned.length(), 200));
    }
}
