package org.ninexplorer.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Where full datasets live: {@code --data-dir}, else {@code NIN_EXPLORER_DATA}, else a per-user default. */
public final class DataDirectory {

    public static final String ENV_VARIABLE = "NIN_EXPLORER_DATA";

    private final Path root;

    public DataDirectory(Path root) {
        this.root = Objects.requireNonNull(root).toAbsolutePath().normalize();
    }

    /** The flag's directory when given, else the environment variable, else the per-user default. */
    public static DataDirectory resolve(Path flag) {
        return resolve(flag, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static DataDirectory resolve(Path flag, Map<String, String> env, String osName, String userHome) {
        if (flag != null) {
            return new DataDirectory(flag);
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataDirectory(Path.of(fromEnv));
        }
        return new DataDirectory(userDefault(env, osName, userHome));
    }

    private static Path userDefault(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("NiN Explorer");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "NiN Explorer");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("nin-explorer");
    }

    public Path root() {
        return root;
    }

    public Path fashionMnist() {
        return root.resolve(DatasetKind.FASHION_MNIST.folderName());
    }

    public Path mnist() {
        return root.resolve(DatasetKind.MNIST.folderName());
    }

    /** The folder of a downloadable dataset. */
    public Path folder(DatasetKind kind) {
        return root.resolve(kind.folderName());
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
