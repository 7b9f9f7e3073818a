package org.ninexplorer.training.fused;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.ninexplorer.model.ConvSpec;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * DL4J configuration of a whole NiN block as one layer (k×k convolution, two 1×1 convolutions, ReLU
 * after each), computed by {@link NinBlockKernel}, optionally with the max pooling that follows the block
 * (then the layer's output is the pooled one). Its parameters are laid out exactly like the three
 * {@link ConvolutionLayer}s it replaces (bias then weights, per convolution; the pooling has none) and
 * initialised by DL4J's own initializer in the same order, so a fixed seed gives the same network either way,
 * and parameters and updater state can be copied between the forms.
 */
public final class FusedNinBlock extends BaseLayer {

    // @JsonProperty: DL4J's (shaded) Jackson saves these in model.zip only when told to.
    @JsonProperty
    private int channels;
    @JsonProperty
    private int kernel;
    @JsonProperty
    private int stride;
    @JsonProperty
    private int padding;
    /** The max pooling after the block that the layer computes too; 0: none. */
    @JsonProperty
    private int poolKernel;
    @JsonProperty
    private int poolStride;
    @JsonProperty
    private int inChannels;
    @JsonProperty
    private int inHeight;
    @JsonProperty
    private int inWidth;
    /** False for the net's first block, whose input is the data: nobody needs its gradient. */
    @JsonProperty
    private boolean inputGradient = true;
    /** This session's choice for this CPU, like fusing itself, so not saved: a loaded net computes in fp32. */
    private Precision precision = Precision.FP32;

    /** For DL4J's JSON (de)serialisation. */
    public FusedNinBlock() {
    }

    /** @param pool the max pooling right after {@code block}, computed by this layer too; null for none */
    public FusedNinBlock(NinBlock block, MaxPool pool, boolean inputGradient, Precision precision) {
        this.precision = precision;
        this.channels = block.channels();
        this.kernel = block.kernel();
        this.stride = block.stride();
        this.padding = block.padding();
        this.poolKernel = pool == null ? 0 : pool.kernel();
        this.poolStride = pool == null ? 0 : pool.stride();
        this.inputGradient = inputGradient;
        // What DL4J's layer builders set; the global configuration fills in weight init and updaters.
        constraints = new ArrayList<>();
        regularization = new ArrayList<>();
        regularizationBias = new ArrayList<>();
        gradientNormalization = GradientNormalization.None;
        gradientNormalizationThreshold = 1.0;
        activationFn = new ActivationReLU();
    }

    /**
     * Whether this layer computes {@code block}: the kernel is written for the book's form, a first
     * convolution and then two 1×1 ones. Other forms are built from DL4J's convolutions.
     */
    public static boolean covers(NinBlock block) {
        List<ConvSpec> convs = block.convolutions();
        return convs.size() == 3 && convs.stream().skip(1).allMatch(ConvSpec::perPixel);
    }

    /** The DL4J convolution this block's {@code conv}-th convolution (0, 1, 2) stands for. */
    ConvolutionLayer convolution(int conv) {
        int k = conv == 0 ? kernel : 1;
        int s = conv == 0 ? stride : 1;
        int p = conv == 0 ? padding : 0;
        ConvolutionLayer layer = new ConvolutionLayer.Builder(k, k).stride(s, s).padding(p, p)
                .nIn(conv == 0 ? inChannels : channels).nOut(channels).build();
        layer.setWeightInitFn(getWeightInitFn());
        layer.setBiasInit(getBiasInit());
        return layer;
    }

    /** The model's layers this layer computes, the block and its pooling if any (what a resume compares with the run's record). */
    public List<Layer> layers() {
        NinBlock block = new NinBlock(channels, kernel, stride, padding);
        return poolKernel == 0 ? List.of(block) : List.of(block, new MaxPool(poolKernel, poolStride));
    }

    /** Whether this layer computes the max pooling after its block too, so its output is not the block's own. */
    public boolean pooled() {
        return poolKernel > 0;
    }

    BlockGeometry geometry() {
        return new BlockGeometry(inChannels, inHeight, inWidth, channels, kernel, stride, padding, poolKernel, poolStride);
    }

    boolean inputGradient() {
        return inputGradient;
    }

    public Precision precision() {
        return precision;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        FusedNinBlockLayer layer = new FusedNinBlockLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return FusedNinBlockParams.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        BlockGeometry g = geometry();
        return InputType.convolutional(g.outHeight(), g.outWidth(), channels);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        InputType.InputTypeConvolutional in = (InputType.InputTypeConvolutional) inputType;
        inChannels = (int) in.getChannels();
        inHeight = (int) in.getHeight();
        inWidth = (int) in.getWidth();
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long params = initializer().numParams(this);
        long activations = 6L * channels * geometry().blockHeight() * geometry().blockWidth();
        return new LayerMemoryReport.Builder(layerName, FusedNinBlock.class, inputType, getOutputType(0, inputType))
                .standardMemory(params, 2 * params).workingMemory(0, activations, 0, activations)
                .cacheMemory(0, 0).build();
    }

    @Override
    public FusedNinBlock clone() {
        return (FusedNinBlock) super.clone();
    }
}
