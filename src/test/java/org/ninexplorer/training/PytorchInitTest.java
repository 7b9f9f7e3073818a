package org.ninexplorer.training;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.ninexplorer.model.Presets;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PyTorch's default initialisation, the {@code d2l-224} recipe's (as the book's own run): every weight and every
 * bias of a convolution with fan-in n (in·k·k) drawn from U(−1/√n, 1/√n). DL4J alone would leave the biases at 0.
 */
class PytorchInitTest {

    private static final Hyperparameters RECIPE = Hyperparameters.recommendedFor(Presets.D2L_224, 0);

    @Test
    void theReferenceNetsWeightsAndBiasesFillPytorchsBoundsForTheirFanIn() {
        assertThat(RECIPE.weightInit()).isEqualTo(Hyperparameters.WeightInitChoice.PYTORCH);
        MultiLayerNetwork net = NetworkBuilder.build(Presets.D2L_224, RECIPE, 1);

        // By hand from the book's net: 4 blocks of 3 convolutions; fan-in of each block's first one is in·k·k.
        long[] firstFanIns = {1 * 11 * 11, 96 * 5 * 5, 256 * 3 * 3, 384 * 3 * 3};
        long[] channels = {96, 256, 384, 10};
        List<INDArray[]> convolutions = convolutions(net);
        assertThat(convolutions).hasSize(12);
        for (int i = 0; i < 12; i++) {
            INDArray weight = convolutions.get(i)[0];
            INDArray bias = convolutions.get(i)[1];
            long fanIn = i % 3 == 0 ? firstFanIns[i / 3] : channels[i / 3];
            double bound = 1 / Math.sqrt(fanIn);
            String name = "convolution " + i + " (fan-in " + fanIn + ")";

            assertThat(bias.length()).as(name).isEqualTo(channels[i / 3]);
            assertThat(weight.length() / bias.length()).as(name).isEqualTo(fanIn);
            assertThat(weight.amaxNumber().doubleValue()).as(name + " weights").isLessThanOrEqualTo(bound)
                    .isGreaterThan(0.9 * bound);
            assertThat(bias.amaxNumber().doubleValue()).as(name + " biases").isLessThanOrEqualTo(bound)
                    .isGreaterThan(0.5 * bound);
            // A uniform's standard deviation is its bound over √3: the values fill the range, not one corner.
            assertThat(weight.stdNumber().doubleValue()).as(name).isBetween(0.5 * bound, 0.65 * bound);
            assertThat(bias.stdNumber().doubleValue()).as(name).isBetween(0.3 * bound, 0.8 * bound);
            assertThat(Math.abs(weight.meanNumber().doubleValue())).as(name).isLessThan(0.15 * bound);
        }
    }

    @Test
    void bothFormsOfABlockGetTheSameBiasesFromOneSeedAndAnotherSeedOthers() {
        Backends.initialise();
        MultiLayerNetwork fused = initialised(NetworkBuilder.Form.FUSED_POOLS, RECIPE.seed());
        MultiLayerNetwork plain = initialised(NetworkBuilder.Form.LAYERS, RECIPE.seed());
        MultiLayerNetwork other = initialised(NetworkBuilder.Form.FUSED_POOLS, RECIPE.seed() + 1);

        assertThat(plain.params().toFloatVector()).containsExactly(fused.params().toFloatVector());
        assertThat(convolutions(other).get(11)[1].toFloatVector())
                .isNotEqualTo(convolutions(fused).get(11)[1].toFloatVector());
    }

    @Test
    void otherChoicesLeaveTheBiasesAtZero() {
        MultiLayerNetwork net = NetworkBuilder.build(Presets.FASHION_28,
                Hyperparameters.defaults().withWeightInit(Hyperparameters.WeightInitChoice.UNIFORM), 1);
        for (INDArray[] conv : convolutions(net)) {
            assertThat(conv[1].amaxNumber().doubleValue()).isZero();
        }
    }

    private static MultiLayerNetwork initialised(NetworkBuilder.Form form, long seed) {
        Hyperparameters hp = new Hyperparameters(RECIPE.optimizer(), RECIPE.learningRate(), RECIPE.schedule(),
                RECIPE.batchSize(), RECIPE.epochs(), seed, RECIPE.weightInit());
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkBuilder.configuration(Presets.FASHION_28, hp, 1, form));
        net.init();
        PytorchBiases.initialise(net, seed);
        return net;
    }

    /** Each convolution's weights and biases, in order, whichever form the blocks take. */
    private static List<INDArray[]> convolutions(MultiLayerNetwork net) {
        List<INDArray[]> out = new java.util.ArrayList<>();
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            ParamInitializer params = conf.initializer();
            List<String> weights = params.weightKeys(conf);
            List<String> biases = params.biasKeys(conf);
            for (int i = 0; i < weights.size(); i++) {
                out.add(new INDArray[] {layer.getParam(weights.get(i)), layer.getParam(biases.get(i))});
            }
        }
        return out;
    }
}
