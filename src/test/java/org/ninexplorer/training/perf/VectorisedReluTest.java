package org.ninexplorer.training.perf;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VectorisedReluTest {

    @Test
    void sameForwardAndBackwardAsDl4jRelu() {
        Nd4j.getRandom().setSeed(1);
        INDArray z = Nd4j.randn(DataType.FLOAT, 4, 3, 5, 5);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, 4, 3, 5, 5);

        assertThat(new VectorisedRelu().getActivation(z.dup(), true))
                .isEqualTo(new ActivationReLU().getActivation(z.dup(), true));
        assertThat(new VectorisedRelu().backprop(z.dup(), epsilon).getFirst())
                .isEqualTo(new ActivationReLU().backprop(z.dup(), epsilon).getFirst());
    }

    @Test
    void survivesJsonAndModelFiles(@TempDir Path dir) throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(new VectorisedRelu()).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1))
                .build();
        assertThat(MultiLayerConfiguration.fromJson(conf.toJson())).isEqualTo(conf);

        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8);
        assertThat(ModelSerializer.restoreMultiLayerNetwork(file).output(x)).isEqualTo(net.output(x));
    }
}
