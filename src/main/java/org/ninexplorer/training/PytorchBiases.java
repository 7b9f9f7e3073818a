package org.ninexplorer.training;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bias half of PyTorch's default initialisation, which DL4J lacks (its biases start at one constant):
 * PyTorch's {@code Conv2d} and {@code Linear} draw each bias from U(−1/√fan-in, 1/√fan-in), fan-in being the
 * inputs of one output (in·k·k, or in). The weights' half is DL4J's {@code UNIFORM}, the same bound (what
 * PyTorch's kaiming_uniform with a = √5 comes to). Random biases give each ReLU channel its own offset, so a
 * class channel of NiN's last block is not born below zero everywhere alongside its neighbours.
 */
final class PytorchBiases {

    private PytorchBiases() {
    }

    /**
     * Draws every bias of {@code net} from the seed, layer by layer in parameter order, so that both forms of a
     * NiN block (one fused layer, or three convolutions) get the same numbers.
     */
    static void initialise(MultiLayerNetwork net, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            ParamInitializer params = conf.initializer();
            List<String> biases = params.biasKeys(conf);
            List<String> weights = params.weightKeys(conf);
            Map<String, INDArray> table = layer.paramTable();
            for (int i = 0; i < biases.size() && i < weights.size(); i++) {
                INDArray bias = table.get(biases.get(i));
                INDArray weight = table.get(weights.get(i));
                if (bias != null && weight != null && bias.length() > 0) {
                    fill(bias, 1.0 / Math.sqrt((double) weight.length() / bias.length()), random);
                }
            }
        }
    }

    /** The fan-in of a bias's output is its weights' count over its outputs' count. */
    private static void fill(INDArray bias, double bound, SplittableRandom random) {
        float[] values = new float[(int) bias.length()];
        for (int j = 0; j < values.length; j++) {
            values[j] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        bias.assign(Nd4j.create(values, bias.shape(), bias.ordering()));
    }
}
