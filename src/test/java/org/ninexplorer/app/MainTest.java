package org.ninexplorer.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The window started where there is no display: a sentence and an exit status, not a GTK stack trace. */
@EnabledOnOs(OS.LINUX)
class MainTest {

    private record Outcome(int status, String stderr) {
    }

    private static Outcome start(String display) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        if (display == null) {
            builder.environment().remove("DISPLAY");
        } else {
            builder.environment().put("DISPLAY", display);
        }
        builder.environment().remove("WAYLAND_DISPLAY");
        Process child = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(child.exitValue(), stderr);
    }

    @Test
    void noDisplaySetIsASentence() throws Exception {
        Outcome outcome = start(null);

        assertThat(outcome.status()).isEqualTo(Main.NO_DISPLAY);
        assertThat(outcome.stderr()).contains("error: no display to open the window on (DISPLAY is not set)")
                .contains("nin-explorer --help").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aDisplayThatCannotBeOpenedIsASentence() throws Exception {
        Outcome outcome = start(":4711");

        assertThat(outcome.status()).isEqualTo(Main.NO_DISPLAY);
        assertThat(outcome.stderr()).contains("error: cannot open the display :4711")
                .doesNotContain("\tat ").doesNotContain("UnsupportedOperationException");
    }
}
