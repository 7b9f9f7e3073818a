package org.ninexplorer.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a real Python 3 for the tests of the generated scripts. */
final class Python {

    /**
     * Interpreters to try for PyTorch: the one on the PATH, then the system's, where a distribution's package
     * (Debian's python3-torch) installs it even when a version manager such as pyenv comes first on the PATH.
     */
    private static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");

    record Result(int status, String output) {
    }

    private Python() {
    }

    static Optional<String> withTorch() {
        for (String candidate : CANDIDATES) {
            try {
                if (run(candidate, List.of("-c", "import torch"), Path.of(".")).status() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // not installed here: try the next one
            }
        }
        return Optional.empty();
    }

    /** Runs {@code python args...} in {@code dir}, stdout and stderr together, within ten minutes. */
    static Result run(String python, List<String> args, Path dir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(python);
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Result(process.exitValue(), output);
    }
}
