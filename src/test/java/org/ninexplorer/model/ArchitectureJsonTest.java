package org.ninexplorer.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchitectureJsonTest {

    @Test
    void roundTripsBothPresetsThroughAFile(@TempDir Path dir) throws Exception {
        for (Architecture preset : new Architecture[] {Presets.D2L_224, Presets.FASHION_28}) {
            Path file = dir.resolve("net.json");
            ArchitectureJson.save(preset, file);
            assertThat(ArchitectureJson.load(file)).isEqualTo(preset);
        }
    }

    @Test
    void readsTheDocumentedExample() throws Exception {
        Architecture arch = ArchitectureJson.read("""
                {"schemaVersion":1,"input":{"channels":1,"height":224,"width":224},"classes":10,
                "layers":[{"type":"nin","channels":96,"kernel":11,"stride":4,"padding":0},
                {"type":"maxpool","kernel":3,"stride":2},{"type":"dropout","p":0.5},{"type":"gap"}]}""");

        assertThat(arch.layers()).containsExactly(new NinBlock(96, 11, 4, 0), new MaxPool(3, 2), new Dropout(0.5),
                new GlobalAvgPool());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10,\"layers\":[{\"type\":\"nin\",\"channels\":8,\"kernel\":\"big\",\"stride\":1,\"padding\":0}]} | layers[0].kernel: expected a whole number, got \"big\"",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28},\"classes\":10,\"layers\":[]} | input.width: missing",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10,\"layers\":[{\"type\":\"conv\"}]} | layers[0].type: unknown type 'conv'",
            "{\"schemaVersion\":2,\"input\":{},\"classes\":10,\"layers\":[]} | schemaVersion: unsupported version 2",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10} | layers: missing or not a list",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10,\"layers\":[{\"type\":\"dropout\",\"p\":\"x\"}]} | layers[0].p: expected a number",
            "[1, 2] | expected a JSON object",
            "{\"schemaVersion\":1, | not valid JSON (line 1",
    })
    void malformedFilesNameTheFieldAndProblem(String json, String expected) {
        assertThatThrownBy(() -> ArchitectureJson.read(json))
                .isInstanceOf(ArchitectureFormatException.class)
                .hasMessageContaining(expected.trim());
    }

    @Test
    void impossibleButWellFormedNetsStillLoad() throws Exception {
        String json = ArchitectureJson.write(Presets.FASHION_28.withLayer(0, new NinBlock(32, 99, 1, 0)));

        Architecture arch = ArchitectureJson.read(json);

        assertThat(ShapeInference.analyze(arch).valid()).isFalse();
    }
}
