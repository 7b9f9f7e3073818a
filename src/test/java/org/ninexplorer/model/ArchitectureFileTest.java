package org.ninexplorer.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/** Architecture files as users have them: saved by Notepad, in Latin-1, huge, hostile or missing. */
class ArchitectureFileTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        byte[] json = ArchitectureJson.write(Presets.FASHION_28).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);

        assertThat(ArchitectureJson.load(write("notepad.json", withBom))).isEqualTo(Presets.FASHION_28);
    }

    @Test
    void textThatIsNotUtf8SaysSo() throws Exception {
        String json = ArchitectureJson.write(Presets.FASHION_28).replace("\"gap\"", "\"gap\", \"note\": \"café\"");
        Path file = write("latin1.json", json.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ArchitectureJson.load(file)).isInstanceOf(ArchitectureFormatException.class)
                .extracting(English::of, STRING)
                .startsWith("not UTF-8 text (byte ").contains("is 0xE9); save the file as UTF-8");
    }

    @Test
    void aMissingFileSaysNoSuchFile() {
        assertThatThrownBy(() -> ArchitectureJson.load(dir.resolve("nope.json"))).isInstanceOf(IOException.class)
                .hasMessage("no such file");
    }

    @Test
    void aFolderIsNotAFile() {
        assertThatThrownBy(() -> ArchitectureJson.load(dir)).isInstanceOf(IOException.class)
                .hasMessage("is a folder, not an architecture file");
    }

    @Test
    void nestingAHundredThousandDeepIsRefusedNotOverflowed() throws Exception {
        Path file = write("deep.json", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ArchitectureJson.load(file)).isInstanceOf(ArchitectureFormatException.class)
                .extracting(English::of, STRING)
                .startsWith("not an architecture file: it nests deeper than 64 levels");
    }

    @Test
    void aHugeStringIsRefused() {
        String json = "{\"schemaVersion\":1,\"name\":\"" + "a".repeat(Limits.MAX_JSON_STRING + 1) + "\"}";

        assertThatThrownBy(() -> ArchitectureJson.read(json)).isInstanceOf(ArchitectureFormatException.class)
                .extracting(English::of, STRING)
                .contains("holds a string longer than 100,000 characters");
    }

    @Test
    void aFiftyMegabyteFileIsRefusedBeforeItIsRead() throws Exception {
        byte[] bytes = new byte[50 << 20];
        java.util.Arrays.fill(bytes, (byte) 'a');
        Path file = write("big.json", bytes);

        assertThatThrownBy(() -> ArchitectureJson.load(file)).isInstanceOf(ArchitectureFormatException.class)
                .extracting(English::of, STRING)
                .isEqualTo("the file holds 52,428,800 bytes; an architecture file is a few kilobytes (at most 1,048,576)");
    }
}
