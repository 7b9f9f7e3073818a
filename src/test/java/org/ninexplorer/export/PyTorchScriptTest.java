package org.ninexplorer.export;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.training.Optimizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated PyTorch scripts parse, and where PyTorch is installed, print our shapes. */
class PyTorchScriptTest {

    /** A variant on RGB, non-square input with a lighter dropout and a second pool-free block. */
    static final Architecture VARIANT = new Architecture(new InputSpec(3, 40, 32), 7, List.of(
            new NinBlock(12, 5, 2, 1),
            new Dropout(0.3),
            new NinBlock(20, 3, 1, 1),
            new org.ninexplorer.model.MaxPool(2, 2),
            new NinBlock(7, 3, 1, 0),
            new org.ninexplorer.model.GlobalAvgPool()));

    /** The exercises' forms: one 3×3 convolution after the first, none at all, and a dense head instead of GAP. */
    static final Architecture EXERCISES = new Architecture(new InputSpec(1, 28, 28), 10, List.of(
            new NinBlock(16, 5, 1, 2, 1, 3),
            new org.ninexplorer.model.MaxPool(3, 2),
            new NinBlock(24, 3, 1, 1, 0, 1),
            new org.ninexplorer.model.MaxPool(3, 2),
            new Dropout(0.5),
            new Dense(48),
            new Dropout(0.2),
            new Dense(10)));

    static final Hyperparameters SGD_COSINE = Hyperparameters.defaults().withOptimizer(Optimizer.SGD)
            .withLearningRate(0.05).withSchedule(LearningRateSchedule.COSINE)
            .withWeightInit(Hyperparameters.WeightInitChoice.UNIFORM).withEpochs(3).withBatchSize(64);

    static Map<String, String> scripts() {
        return Map.of(
                "d2l.py", PyTorchScript.write(Presets.D2L_224, Hyperparameters.recommendedFor(Presets.D2L_224, 0), "d2l-224"),
                "fashion.py", PyTorchScript.write(Presets.FASHION_28,
                        Hyperparameters.recommendedFor(Presets.FASHION_28, 0), "fashion-28"),
                "variant.py", PyTorchScript.write(VARIANT, SGD_COSINE, "variant \"\"\" */ \\.json"),
                "exercises.py", PyTorchScript.write(EXERCISES, Hyperparameters.defaults(), "exercises"));
    }

    @Test
    void theReferenceNetIsTheBooksCode() {
        String script = scripts().get("d2l.py");

        assertThat(script).contains("""
                net = nn.Sequential(
                    nin_block(1, 96, kernel_size=11, strides=4, padding=0),
                    nn.MaxPool2d(3, stride=2),
                    nin_block(96, 256, kernel_size=5, strides=1, padding=2),
                """, "    nn.Dropout(0.5),\n", "    nn.AdaptiveAvgPool2d((1, 1)),\n",
                "X = torch.rand(size=(1, 1, 224, 224))", "print(name, 'output shape:', X.shape)",
                "torch.optim.Adam(net.parameters(), lr=lr)", "transforms.Resize((224, 224))", "default=128",
                "default=5", "default=0.002")
                // The book's run, and d2l-224's recipe, keep PyTorch's own initialisation.
                .doesNotContain("init_weights", "scheduler", "Grayscale", "parser.error");
    }

    @Test
    void theRecipeAndInputDecideTheTrainingCode() {
        String fashion = scripts().get("fashion.py");
        String variant = scripts().get("variant.py");

        assertThat(fashion).contains("LambdaLR", "math.cos(math.pi * min(1.0, i / total))) * min(1.0, (i + 1) / 500)",
                "kaiming_normal_", "nn.init.zeros_(m.bias)", "net.apply(init_weights)", "default=64")
                .doesNotContain("transforms.Resize");
        assertThat(variant).doesNotContain("(i + 1) / 500");
        assertThat(variant).contains("momentum=0.9, nesterov=True", "default=0.05", "nn.init.uniform_",
                "lambda i: 0.5 * (1 + math.cos(math.pi * min(1.0, i / total))))\n",
                "transforms.Grayscale(num_output_channels=3)", "transforms.Resize((40, 32))", "nn.Dropout(0.3)",
                "nin_block(12, 20, kernel_size=3, strides=1, padding=1)",
                "parser.error('this net scores 7 classes; Fashion-MNIST has 10')")
                // A file name cannot end the docstring it is quoted in.
                .contains("from NiN Explorer's variant ___ __ _.json.");
    }

    @Test
    void blocksOfOtherFormsAndDenseLayers() {
        assertThat(ShapeInference.analyze(EXERCISES).valid()).isTrue();
        String script = scripts().get("exercises.py");

        assertThat(script).contains("def nin_block(in_channels, out_channels, kernel_size, strides, padding, mlp=2, mlp_kernel=1):",
                "    nin_block(1, 16, kernel_size=5, strides=1, padding=2, mlp=1, mlp_kernel=3),\n",
                "    nin_block(16, 24, kernel_size=3, strides=1, padding=1, mlp=0),\n",
                // 24 channels of 6×6 after the pools
                "    nn.Sequential(nn.Flatten(), nn.Linear(864, 48), nn.ReLU()),\n",
                "    nn.Sequential(nn.Flatten(), nn.Linear(48, 10)),\n")
                .doesNotContain("global average pooling turns each");
        // The book's nets keep the book's block.
        assertThat(scripts().get("d2l.py")).contains("def nin_block(in_channels, out_channels, kernel_size, strides, padding):");
    }

    @Test
    void anImpossibleNetIsRefused() {
        Architecture tooSmall = Presets.D2L_224.withInput(new InputSpec(1, 28, 28));

        assertThatThrownBy(() -> PyTorchScript.write(tooSmall, Hyperparameters.defaults(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer 3 (kernel): POOL_TOO_LARGE");
    }

    @Test
    void scriptsParse(@TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("-c",
                "import ast, sys\nfor f in sys.argv[1:]:\n    ast.parse(open(f, encoding='utf-8').read(), f)\nprint('parsed')"));
        for (Map.Entry<String, String> script : scripts().entrySet()) {
            Files.writeString(dir.resolve(script.getKey()), script.getValue());
            args.add(script.getKey());
        }

        Python.Result result = Python.run("python3", args, dir);

        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).contains("parsed");
    }

    @Test
    void scriptsRunWithNoArgumentsPrintOurShapes(@TempDir Path dir) throws Exception {
        String python = Python.withTorch().orElse(null);
        Assumptions.assumeTrue(python != null, "no Python with PyTorch here");
        Map<String, Architecture> nets = Map.of("d2l.py", Presets.D2L_224, "fashion.py", Presets.FASHION_28,
                "variant.py", VARIANT, "exercises.py", EXERCISES);
        for (Map.Entry<String, String> script : scripts().entrySet()) {
            Files.writeString(dir.resolve(script.getKey()), script.getValue());

            Python.Result result = Python.run(python, List.of(script.getKey()), dir);

            assertThat(result.status()).as(result.output()).isZero();
            assertThat(result.output().lines().toList()).as(script.getKey())
                    .containsExactlyElementsOf(expectedShapes(ShapeInference.analyze(nets.get(script.getKey()))));
        }
    }

    /** What {@code nin-explorer shapes} prints for each layer, in the seed's printout format. */
    private static List<String> expectedShapes(Analysis analysis) {
        return analysis.reports().stream()
                .map(r -> r.index() + " output shape: torch.Size(" + r.batchShape() + ")").toList();
    }
}
