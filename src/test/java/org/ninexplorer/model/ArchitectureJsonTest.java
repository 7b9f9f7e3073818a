package org.ninexplorer.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

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

    @Test
    void blockFormsAndDenseLayersRoundTrip() throws Exception {
        Architecture arch = new Architecture(new InputSpec(1, 28, 28), 10, List.of(new NinBlock(32, 5, 1, 2, 3, 3),
                new MaxPool(3, 2), new NinBlock(64, 3, 1, 1, 0, 1), new NinBlock(64, 3, 1, 1), new Dropout(0.5),
                new Dense(128), new Dense(10)));

        String json = ArchitectureJson.write(arch);

        assertThat(ArchitectureJson.read(json)).isEqualTo(arch);
        assertThat(json).contains("\"mlp\" : 3", "\"mlpKernel\" : 3", "\"mlp\" : 0", "\"type\" : \"dense\"",
                "\"units\" : 128");
        // The book's block is written as before: a file of such nets reads the same in an older version.
        assertThat(ArchitectureJson.write(Presets.D2L_224)).doesNotContain("mlp");
    }

    @Test
    void filesWithoutTheNewFieldsOpenAsTheBooksBlock() throws Exception {
        Architecture arch = ArchitectureJson.read("""
                {"schemaVersion":1,"input":{"channels":1,"height":28,"width":28},"classes":10,
                "layers":[{"type":"nin","channels":10,"kernel":3,"stride":1,"padding":1},{"type":"gap"}]}""");
        Architecture explicit = ArchitectureJson.read("""
                {"schemaVersion":1,"input":{"channels":1,"height":28,"width":28},"classes":10,
                "layers":[{"type":"nin","channels":10,"kernel":3,"stride":1,"padding":1,"mlp":1},
                {"type":"dense","units":10}]}""");

        assertThat(arch.layers().get(0)).isEqualTo(new NinBlock(10, 3, 1, 1, 2, 1));
        assertThat(explicit.layers()).containsExactly(new NinBlock(10, 3, 1, 1, 1, 1), new Dense(10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10,\"layers\":[{\"type\":\"nin\",\"channels\":8,\"kernel\":3,\"stride\":1,\"padding\":0,\"mlp\":\"two\"}]} | layers[0].mlp: expected a whole number, got \"two\"",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10,\"layers\":[{\"type\":\"nin\",\"channels\":8,\"kernel\":3,\"stride\":1,\"padding\":0,\"mlpKernel\":1.5}]} | layers[0].mlpKernel: expected a whole number, got 1.5",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10,\"layers\":[{\"type\":\"dense\"}]} | layers[0].units: missing",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10,\"layers\":[{\"type\":\"fc\"}]} | layers[0].type: unknown type \"fc\"; expected one of nin, maxpool, dropout, gap, dense",
    })
    void malformedNewFieldsNameTheFieldAndProblem(String json, String expected) {
        assertThatThrownBy(() -> ArchitectureJson.read(json))
                .isInstanceOf(ArchitectureFormatException.class)
                .extracting(English::of, STRING)
                .isEqualTo(expected.trim());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10,\"layers\":[{\"type\":\"nin\",\"channels\":8,\"kernel\":\"big\",\"stride\":1,\"padding\":0}]} | layers[0].kernel: expected a whole number, got \"big\"",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28},\"classes\":10,\"layers\":[]} | input.width: missing",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10,\"layers\":[{\"type\":\"conv\"}]} | layers[0].type: unknown type \"conv\"",
            "{\"schemaVersion\":2,\"input\":{},\"classes\":10,\"layers\":[]} | schemaVersion: unsupported version 2",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10} | layers: missing or not a list",
            "{\"schemaVersion\":1,\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"classes\":10,\"layers\":[{\"type\":\"dropout\",\"p\":\"x\"}]} | layers[0].p: expected a number",
            "[1, 2] | expected a JSON object",
            "{\"schemaVersion\":1, | not valid JSON (line 1",
    })
    void malformedFilesNameTheFieldAndProblem(String json, String expected) {
        assertThatThrownBy(() -> ArchitectureJson.read(json))
                .isInstanceOf(ArchitectureFormatException.class)
                .extracting(English::of, STRING)
                .contains(expected.trim());
    }

    @Test
    void impossibleButWellFormedNetsStillLoad() throws Exception {
        String json = ArchitectureJson.write(Presets.FASHION_28.withLayer(0, new NinBlock(32, 99, 1, 0)));

        Architecture arch = ArchitectureJson.read(json);

        assertThat(ShapeInference.analyze(arch).valid()).isFalse();
    }
}
