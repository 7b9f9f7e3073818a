package org.ninexplorer.export;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.NetworkBuilder;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated DL4J class compiles against the project's DL4J and builds our net. */
class Dl4jClassTest {

    @Test
    void theReferenceNetCompilesAndHasOurParametersAndShapes(@TempDir Path dir) throws Exception {
        assertBuildsOurNet(Presets.D2L_224, Hyperparameters.recommendedFor(Presets.D2L_224, 0), dir);
    }

    @Test
    void aVariantWithItsRecipeCompilesAndHasOurParametersAndShapes(@TempDir Path dir) throws Exception {
        String code = assertBuildsOurNet(PyTorchScriptTest.VARIANT, PyTorchScriptTest.SGD_COSINE, dir);

        assertThat(code).contains("new DropoutLayer.Builder(0.7)", ".updater(new Nesterovs(0.05, 0.9))",
                "WeightInit.UNIFORM", "InputType.convolutional(40, 32, 3)", "lowers this rate along half a cosine");
    }

    @Test
    void blocksOfOtherFormsAndDenseLayersCompileAndHaveOurParametersAndShapes(@TempDir Path dir) throws Exception {
        String code = assertBuildsOurNet(PyTorchScriptTest.EXERCISES, Hyperparameters.defaults(), dir);

        assertThat(code).contains("        list.layer(conv(16, 5, 1, 2));\n        list.layer(conv(16, 3, 1, 1));\n        // 1:",
                "        list.layer(conv(24, 3, 1, 1));\n        // 3:",
                "new DenseLayer.Builder().nOut(48).activation(Activation.RELU)",
                "new DenseLayer.Builder().nOut(10).activation(Activation.IDENTITY)")
                .doesNotContain("GlobalPoolingLayer");
    }

    @Test
    void fashion28UsesItsRecipe() {
        assertThat(Dl4jClass.write(Presets.FASHION_28, Hyperparameters.recommendedFor(Presets.FASHION_28, 0), "fashion-28"))
                .contains(".updater(new Adam(0.002))", "WeightInit.RELU", "// 6: dropout p 0.5, output [1, 128, 2, 2]",
                        "148390 parameters", "raises this rate linearly over the first 500 iterations");
    }

    private static String assertBuildsOurNet(Architecture arch, Hyperparameters recipe, Path dir) throws Exception {
        String code = Dl4jClass.write(arch, recipe, "test");
        Path source = dir.resolve(Dl4jClass.CLASS_NAME + ".java");
        Files.writeString(source, code);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        // Surefire's class path (a manifest-only jar whose Class-Path javac follows) is the project's; some of its
        // jars name missing jars in their own manifests ("bad path element"), which is not the generated code's doing.
        int status = javac.run(null, messages, messages, "-Xlint:all,-path", "-Werror", "-proc:none", "-d", dir.toString(),
                "-classpath", System.getProperty("java.class.path"), source.toString());
        assertThat(status).as(messages.toString(StandardCharsets.UTF_8)).isZero();

        MultiLayerNetwork net;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, Dl4jClassTest.class.getClassLoader())) {
            net = (MultiLayerNetwork) loader.loadClass(Dl4jClass.CLASS_NAME).getMethod("build").invoke(null);
        }
        Analysis analysis = ShapeInference.analyze(arch);
        assertThat(net.numParams()).isEqualTo(analysis.totalParams());
        INDArray input = Nd4j.rand(DataType.FLOAT, 1, arch.input().channels(), arch.input().height(), arch.input().width());
        List<INDArray> activations = net.feedForward(input, false);
        int[] outputs = NetworkBuilder.outputLayerIndices(arch, net);
        for (LayerReport report : analysis.reports()) {
            long[] shape = activations.get(outputs[report.index()] + 1).shape();
            assertThat(java.util.Arrays.toString(shape)).as("layer " + report.index()).isEqualTo(report.batchShape());
        }
        assertThat(net.output(input).shape()).containsExactly(1, arch.classes());
        return code;
    }
}
