package org.ninexplorer.export;

import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.training.Optimizer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A DL4J 1.0.0-M2.1 Java class, {@value #CLASS_NAME}, whose {@code configuration()} is a
 * {@code MultiLayerConfiguration} (with {@code setInputType}) of the same net NiN Explorer trains: each NiN
 * block as its convolutions ({@link NinBlock#convolutions()}) with a ReLU, max subsampling, dropout, global
 * average pooling, dense layers, and softmax cross-entropy over the class scores. Its {@code main} builds the net and prints DL4J's summary.
 */
public final class Dl4jClass {

    /** The class's name, in the default package: save the code as {@code NinNetwork.java}. */
    public static final String CLASS_NAME = "NinNetwork";

    private Dl4jClass() {
    }

    /** The class for {@code arch}, which must be possible; {@code source} names it in the class comment. */
    public static String write(Architecture arch, Hyperparameters recipe, String source) {
        ExportedNet net = ExportedNet.of(arch, recipe, source);
        Set<String> imports = new TreeSet<>(IMPORTS);
        imports.add(recipe.optimizer() == Optimizer.ADAM ? "org.nd4j.linalg.learning.config.Adam"
                : "org.nd4j.linalg.learning.config.Nesterovs");
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < arch.layers().size(); i++) {
            LayerReport report = net.analysis().reports().get(i);
            layers.append("        // ").append(i).append(": ").append(report.kind()).append(' ')
                    .append(report.summary()).append(", output ").append(report.batchShape()).append('\n')
                    .append(layer(arch.layers().get(i), i == arch.layers().size() - 1, imports)).append('\n');
        }
        LayerReport scores = net.analysis().reports().get(arch.layers().size());
        layers.append("        // ").append(scores.index()).append(": softmax cross-entropy over the ")
                .append(arch.classes()).append(" class scores, output ").append(scores.batchShape()).append('\n')
                .append("        list.layer(new LossLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)"
                        + ".build());\n");
        return imports.stream().map(i -> "import " + i + ";\n").collect(Collectors.joining()) + """

                /**
                 * NiN (Network in Network) for %s, from NiN Explorer's %s: %d parameters,
                 * %d multiply-accumulates per image. Written by NiN Explorer for DL4J 1.0.0-M2.1.
                 */
                public final class %s {

                    /** Channels × height × width of the images the net takes. */
                    public static final InputType INPUT = InputType.convolutional(%d, %d, %d);

                    public static MultiLayerConfiguration configuration() {
                        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                                .seed(%d)
                                .dataType(DataType.FLOAT)
                %s%s                .convolutionMode(ConvolutionMode.Truncate)
                                .list();
                %s        list.setInputType(INPUT);
                        return list.build();
                    }

                    /** One convolution of a NiN block, with a ReLU: channels out, a square kernel, stride and padding. */
                    private static ConvolutionLayer conv(int channels, int kernel, int stride, int padding) {
                        return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).padding(padding, padding)
                                .nOut(channels).activation(Activation.RELU).build();
                    }

                    public static MultiLayerNetwork build() {
                        MultiLayerNetwork net = new MultiLayerNetwork(configuration());
                        net.init();
                        return net;
                    }

                    public static void main(String[] args) {
                        System.out.println(build().summary(INPUT));
                    }
                }
                """.formatted(net.description(), net.source(), net.analysis().totalParams(), net.analysis().totalMacs(),
                CLASS_NAME, arch.input().height(), arch.input().width(), arch.input().channels(), recipe.seed(),
                updater(recipe), weightInit(recipe.weightInit()), layers);
    }

    private static String layer(Layer layer, boolean last, Set<String> imports) {
        return switch (layer.kind()) {
            case NIN -> ((NinBlock) layer).convolutions().stream()
                    .map(c -> "        list.layer(conv(" + c.channels() + ", " + c.kernel() + ", " + c.stride() + ", "
                            + c.padding() + "));")
                    .collect(Collectors.joining("\n"));
            case MAXPOOL -> {
                MaxPool p = (MaxPool) layer;
                imports.add("org.deeplearning4j.nn.conf.layers.SubsamplingLayer");
                imports.add("org.deeplearning4j.nn.conf.layers.PoolingType");
                yield "        list.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(" + p.kernel() + ", "
                        + p.kernel() + ").stride(" + p.stride() + ", " + p.stride() + ").build());";
            }
            case DROPOUT -> {
                double p = ((Dropout) layer).p();
                imports.add("org.deeplearning4j.nn.conf.layers.DropoutLayer");
                String retain = BigDecimal.ONE.subtract(BigDecimal.valueOf(p)).stripTrailingZeros().toPlainString();
                yield "        // DL4J's dropout takes the probability to keep an activation: 1 - " + ExportedNet.literal(p)
                        + "\n        list.layer(new DropoutLayer.Builder(" + retain + ").build());";
            }
            case GAP -> {
                imports.add("org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer");
                imports.add("org.deeplearning4j.nn.conf.layers.PoolingType");
                yield "        list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).collapseDimensions(false).build());";
            }
            case DENSE -> {
                imports.add("org.deeplearning4j.nn.conf.layers.DenseLayer");
                // The last dense layer's outputs are the class scores: no ReLU, the softmax of the loss follows.
                yield "        list.layer(new DenseLayer.Builder().nOut(" + ((Dense) layer).units() + ").activation(Activation."
                        + (last ? "IDENTITY" : "RELU") + ").build());";
            }
        };
    }

    private static String updater(Hyperparameters recipe) {
        String rate = ExportedNet.literal(recipe.learningRate());
        String updater = recipe.optimizer() == Optimizer.ADAM ? "new Adam(" + rate + ")" : "new Nesterovs(" + rate + ", 0.9)";
        String schedule = switch (recipe.schedule()) {
            case CONSTANT -> "";
            case COSINE -> "                // NiN Explorer lowers this rate along half a cosine to zero over the run"
                    + " (DL4J 1.0.0-M2.1 has no such schedule)\n";
            case WARMUP_COSINE -> "                // NiN Explorer raises this rate linearly over the first "
                    + LearningRateSchedule.WARMUP_ITERATIONS + " iterations, then lowers it along half a cosine to zero"
                    + " (DL4J 1.0.0-M2.1 has no such schedule)\n";
        };
        return schedule + "                .updater(" + updater + ")\n";
    }

    /** The same choices as NiN Explorer's network builder. */
    private static String weightInit(Hyperparameters.WeightInitChoice choice) {
        String init = switch (choice) {
            case XAVIER -> "XAVIER_UNIFORM";
            case HE -> "RELU";
            case UNIFORM, PYTORCH -> "UNIFORM";
        };
        String biases = choice == Hyperparameters.WeightInitChoice.PYTORCH
                ? "                // NiN Explorer also draws the biases from U(-1/sqrt(fan-in), 1/sqrt(fan-in)) as"
                + " PyTorch does; DL4J starts them at 0\n" : "";
        return biases + "                .weightInit(WeightInit." + init + ")\n";
    }

    /** What every generated class needs; the layers it uses add their own. */
    private static final List<String> IMPORTS = List.of(
            "org.deeplearning4j.nn.conf.ConvolutionMode",
            "org.deeplearning4j.nn.conf.MultiLayerConfiguration",
            "org.deeplearning4j.nn.conf.NeuralNetConfiguration",
            "org.deeplearning4j.nn.conf.inputs.InputType",
            "org.deeplearning4j.nn.conf.layers.ConvolutionLayer",
            "org.deeplearning4j.nn.conf.layers.LossLayer",
            "org.deeplearning4j.nn.multilayer.MultiLayerNetwork",
            "org.deeplearning4j.nn.weights.WeightInit",
            "org.nd4j.linalg.activations.Activation",
            "org.nd4j.linalg.api.buffer.DataType",
            "org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction");

}
