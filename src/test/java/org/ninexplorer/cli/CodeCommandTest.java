package org.ninexplorer.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code nin-explorer code pytorch|dl4j} writes the code to standard output, or says what is wrong. */
class CodeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void pytorchForAPreset() {
        assertThat(run("code", "pytorch", "--preset", "d2l-224")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("\"\"\"NiN (Network in Network) for 1×224×224 images and 10 classes,"
                        + " from NiN Explorer's d2l-224.")
                .contains("    nin_block(1, 96, kernel_size=11, strides=4, padding=0),\n")
                .endsWith("if __name__ == '__main__':\n    main()\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void dl4jWithAnInputOverride() {
        assertThat(run("code", "dl4j", "--preset", "fashion-28", "--input", "1x32x32")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("public final class NinNetwork {",
                "InputType.convolutional(32, 32, 1)", "// 0: nin 32 · 5×5 / 1 p2, output [1, 32, 32, 32]");
    }

    @Test
    void badInputIsOneClearLine() {
        assertThat(run("code", "java")).isEqualTo(2);
        assertThat(run("code", "pytorch", "--preset", "d2l-224", "--input", "1x28x28")).isEqualTo(2);
        assertThat(run("code")).isEqualTo(2);

        assertThat(err.toString()).contains("error: unknown language 'java'; choose pytorch or dl4j",
                "layer 3 (kernel): pool 3/2 on 2×2 is impossible", "Missing required parameter: 'LANGUAGE'")
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }
}
