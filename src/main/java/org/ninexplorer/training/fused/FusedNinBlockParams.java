package org.ninexplorer.training.fused;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Parameters of a {@link FusedNinBlock}: for each of its three convolutions, DL4J's own convolution
 * parameters ({@code b}, then {@code W} [out, in, k, k]) under the keys {@code b0 W0 b1 W1 b2 W2}.
 */
final class FusedNinBlockParams implements ParamInitializer {

    static final FusedNinBlockParams INSTANCE = new FusedNinBlockParams();
    private static final ConvolutionParamInitializer CONV = ConvolutionParamInitializer.getInstance();
    private static final String WEIGHT = "W";
    private static final String BIAS = "b";
    private static final List<String> KEYS =
            List.of(biasKey(0), weightKey(0), biasKey(1), weightKey(1), biasKey(2), weightKey(2));

    static String weightKey(int conv) {
        return WEIGHT + conv;
    }

    static String biasKey(int conv) {
        return BIAS + conv;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        FusedNinBlock block = (FusedNinBlock) layer;
        long n = 0;
        for (int i = 0; i < 3; i++) {
            n += CONV.numParams(block.convolution(i));
        }
        return n;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(weightKey(0), weightKey(1), weightKey(2));
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(biasKey(0), biasKey(1), biasKey(2));
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return key.startsWith(WEIGHT);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return key.startsWith(BIAS);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        return perConvolution(conf, paramsView, (convConf, view) -> CONV.init(convConf, view, initializeParams));
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return perConvolution(conf, gradientView, CONV::getGradientsFromFlattened);
    }

    /** Hands each convolution its slice of {@code flat}, in order, and names what comes back. */
    private static Map<String, INDArray> perConvolution(NeuralNetConfiguration conf, INDArray flat,
            BiFunction<NeuralNetConfiguration, INDArray, Map<String, INDArray>> perConv) {
        FusedNinBlock block = (FusedNinBlock) conf.getLayer();
        INDArray row = flat.reshape(1, flat.length());
        Map<String, INDArray> out = new LinkedHashMap<>();
        long offset = 0;
        for (int i = 0; i < 3; i++) {
            NeuralNetConfiguration convConf = conf.clone();
            convConf.setLayer(block.convolution(i));
            long n = CONV.numParams(convConf);
            INDArray slice = row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(offset, offset + n));
            Map<String, INDArray> params = perConv.apply(convConf, slice);
            out.put(biasKey(i), params.get(ConvolutionParamInitializer.BIAS_KEY));
            out.put(weightKey(i), params.get(ConvolutionParamInitializer.WEIGHT_KEY));
            offset += n;
        }
        return out;
    }
}
