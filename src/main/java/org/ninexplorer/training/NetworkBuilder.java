package org.ninexplorer.training;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ConvSpec;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.Operation;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.fused.FusedNinBlock;
import org.ninexplorer.training.fused.FusedNinBlockLayer;
import org.ninexplorer.training.perf.CachedViewsUpdater;
import org.ninexplorer.training.perf.FastPath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bridge from an {@link Architecture} to DL4J: each NiN block becomes one {@link FusedNinBlock} on the
 * fast CPU path when the fused kernel covers its form, otherwise one convolution with ReLU per entry of
 * {@link NinBlock#convolutions()}; pools become max subsampling, dense layers DL4J's dense layers, and the head
 * is softmax cross-entropy over the class scores (from global average pooling or a last dense layer).
 */
public final class NetworkBuilder {

    private NetworkBuilder() {
    }

    /** How an architecture's layers become DL4J layers. Every form holds the same parameters in the same order. */
    enum Form {
        /** One DL4J convolution, ReLU inside, per convolution of a block. */
        LAYERS,
        /** One DL4J layer per {@link Operation}: as {@link #LAYERS}, with each ReLU a layer of its own. */
        OPERATIONS,
        /** Each NiN block the fused kernel covers as one {@link FusedNinBlock}; its output is the block's own. */
        FUSED_BLOCKS,
        /** As {@link #FUSED_BLOCKS}, with a max pooling right after a fused block computed in the block's layer. */
        FUSED_POOLS;

        boolean fusesBlocks() {
            return this == FUSED_BLOCKS || this == FUSED_POOLS;
        }

        /** The form this session trains in, as {@link FastPath} chose it. */
        static Form training() {
            return FastPath.fusedPools() ? FUSED_POOLS : FastPath.fusedBlocks() ? FUSED_BLOCKS : LAYERS;
        }
    }

    /**
     * Refuses impossible architectures with our own (PyTorch's) rules, which are stricter than DL4J's.
     * {@code iterationsPerEpoch} sets the length of a decaying learning-rate schedule.
     */
    public static MultiLayerConfiguration configuration(Architecture arch, Hyperparameters hp, int iterationsPerEpoch) {
        Backends.initialise(); // the fast path's settings apply only to networks built after it
        return configuration(arch, hp, iterationsPerEpoch, Form.training());
    }

    static MultiLayerConfiguration configuration(Architecture arch, Hyperparameters hp, int iterationsPerEpoch, Form form) {
        boolean separateRelu = form == Form.OPERATIONS;
        Analysis analysis = ShapeInference.analyze(arch);
        if (!analysis.valid()) {
            throw new InvalidArchitectureException(analysis);
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(hp.seed())
                .dataType(DataType.FLOAT)
                .updater(updater(hp, (long) iterationsPerEpoch * hp.epochs()))
                .weightInit(weightInit(hp.weightInit()))
                .convolutionMode(ConvolutionMode.Truncate)
                .cacheMode(FastPath.cacheMode())
                .list();
        for (int i = 0; i < arch.layers().size(); i++) {
            Layer layer = arch.layers().get(i);
            boolean last = i == arch.layers().size() - 1;
            switch (layer.kind()) {
                case NIN -> {
                    NinBlock b = (NinBlock) layer;
                    if (form.fusesBlocks() && FusedNinBlock.covers(b)) {
                        MaxPool pool = form == Form.FUSED_POOLS && !last && arch.layers().get(i + 1) instanceof MaxPool p
                                ? p : null;
                        // The net's first layer sees the data, whose gradient nobody needs. By position: the same
                        // block object may come again later, and that one's input gradient is needed.
                        list.layer(new FusedNinBlock(b, pool, i > 0, FastPath.precision()));
                        if (pool != null) {
                            i++; // the pooling is this layer's too
                        }
                    } else {
                        b.convolutions().forEach(c -> add(list, conv(c, separateRelu), separateRelu));
                    }
                }
                case MAXPOOL -> {
                    MaxPool p = (MaxPool) layer;
                    list.layer(new SubsamplingLayer.Builder(PoolingType.MAX)
                            .kernelSize(p.kernel(), p.kernel()).stride(p.stride(), p.stride()).build());
                }
                // DL4J's argument is the probability to retain an activation.
                case DROPOUT -> list.layer(new DropoutLayer.Builder(1.0 - ((Dropout) layer).p()).build());
                // Keep [N, C, 1, 1] so that each top-level layer's activation has the model's shape.
                case GAP -> list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).collapseDimensions(false).build());
                // DL4J flattens a map before a dense layer in C, H, W order, as PyTorch does. The last dense
                // layer's outputs are the class scores: no ReLU, the loss layer's softmax follows.
                case DENSE -> {
                    DenseLayer dense = new DenseLayer.Builder().nOut(((Dense) layer).units())
                            .activation(last || separateRelu ? Activation.IDENTITY : Activation.RELU).build();
                    add(list, dense, separateRelu && !last);
                }
            }
        }
        list.layer(new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build());
        list.setInputType(InputType.convolutional(arch.input().height(), arch.input().width(), arch.input().channels()));
        return list.build();
    }

    public static MultiLayerNetwork build(Architecture arch, Hyperparameters hp, int iterationsPerEpoch) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(arch, hp, iterationsPerEpoch));
        net.init();
        if (hp.weightInit() == Hyperparameters.WeightInitChoice.PYTORCH) {
            PytorchBiases.initialise(net, hp.seed());
        }
        net.getUpdater(true); // built to train: its updater now, so that it is the fast path's (DL4J makes one at the first step)
        return tuned(net);
    }

    /**
     * A saved network in the form this session builds (fused blocks or one DL4J convolution per convolution of a block)
     * with its parameters, updater state and iteration counts, so that a run saved on one backend opens
     * and resumes on another. Both forms hold the same numbers in the same order, so this is a copy.
     */
    public static MultiLayerNetwork adopt(Architecture arch, Hyperparameters hp, int iterationsPerEpoch,
                                          MultiLayerNetwork saved) {
        Backends.initialise();
        return adopt(arch, hp, iterationsPerEpoch, saved, Form.training());
    }

    /** A trained model (a run's {@code model.zip} or a checkpoint) for predicting, without its updater state. */
    static MultiLayerNetwork loadTrained(Architecture arch, java.nio.file.Path modelZip) throws java.io.IOException {
        MultiLayerNetwork saved = org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(modelZip.toFile(), false);
        return adopt(arch, Hyperparameters.defaults(), 1, saved);
    }

    static MultiLayerNetwork adopt(Architecture arch, Hyperparameters hp, int iterationsPerEpoch,
                                   MultiLayerNetwork saved, Form form) {
        MultiLayerConfiguration wanted = configuration(arch, hp, iterationsPerEpoch, form);
        return sameLayers(wanted, saved) ? tuned(saved) : copy(wanted, saved);
    }

    /**
     * {@code net} as the fast path trains it, each part unless switched off: its neighbouring fused blocks linked to
     * hand over what crosses between them, and an updater that makes its views of the gradient once if it has one.
     */
    private static MultiLayerNetwork tuned(MultiLayerNetwork net) {
        if (FastPath.blockHandOvers()) {
            FusedNinBlockLayer.link(net.getLayers());
        }
        // Only a net with an updater: a model loaded for predicting has none, and one would allocate the optimizer's state.
        if (FastPath.cachedUpdaterViews() && net.getUpdater(false) != null) {
            CachedViewsUpdater.install(net);
        }
        return net;
    }

    /** Whether {@code net} has {@code conf}'s kinds of layers, in its order: the same form of the same net. */
    private static boolean sameLayers(MultiLayerConfiguration conf, MultiLayerNetwork net) {
        List<NeuralNetConfiguration> wanted = conf.getConfs();
        List<NeuralNetConfiguration> has = net.getLayerWiseConfigurations().getConfs();
        if (wanted.size() != has.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            var a = wanted.get(i).getLayer();
            var b = has.get(i).getLayer();
            if (a.getClass() != b.getClass() || a instanceof FusedNinBlock fa && fa.pooled() != ((FusedNinBlock) b).pooled()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The backend as a run of {@code arch} uses it: on the fused path, names the blocks that run as DL4J's
     * convolutions because the fused kernel does not cover their form.
     */
    public static BackendInfo backendFor(Architecture arch) {
        BackendInfo backend = Backends.initialise();
        return backendFor(backend, arch, FastPath.fusedBlocks());
    }

    static BackendInfo backendFor(BackendInfo backend, Architecture arch, boolean fused) {
        List<String> separate = new ArrayList<>();
        for (int i = 0; i < arch.layers().size(); i++) {
            if (fused && arch.layers().get(i) instanceof NinBlock b && !FusedNinBlock.covers(b)) {
                separate.add(String.valueOf(i));
            }
        }
        return separate.isEmpty() ? backend : backend.with(RunMessage.of(RunMessage.Code.SEPARATE_BLOCKS,
                separate.size(), String.join(", ", separate)));
    }

    /**
     * A network configured from {@code arch} and {@code hp} holding {@code saved}'s parameters, updater state
     * and iteration counts, in this session's form: a resumed run trains with the recipe its record names
     * (a raised epoch count stretches a cosine schedule to the new end). {@code saved} must hold {@code arch}.
     */
    public static MultiLayerNetwork resumed(Architecture arch, Hyperparameters hp, int iterationsPerEpoch,
                                            MultiLayerNetwork saved) {
        Backends.initialise();
        return copy(configuration(arch, hp, iterationsPerEpoch, Form.training()), saved);
    }

    private static MultiLayerNetwork copy(MultiLayerConfiguration conf, MultiLayerNetwork saved) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init(saved.params().dup(), false);
        if (saved.getUpdater(false) != null && saved.getUpdater(false).getStateViewArray() != null) {
            net.getUpdater(true).getStateViewArray().assign(saved.getUpdater(false).getStateViewArray());
        }
        net.setIterationCount(saved.getIterationCount());
        net.setEpochCount(saved.getEpochCount());
        return tuned(net);
    }

    /**
     * {@code arch} with one DL4J layer per {@link Operation} of its forward pass, for showing each one's output:
     * convolutions and hidden dense layers without their activation, each ReLU a layer of its own. Holds
     * {@code params}, taken from a network of either form: the ReLU layers have no parameters, so the numbers
     * and their order are the same.
     */
    static MultiLayerNetwork onePerOperation(Architecture arch, INDArray params) {
        return withParams(arch, Form.OPERATIONS, params);
    }

    /**
     * {@code arch} holding a copy of {@code net}'s parameters in a form where each NiN block's own output is
     * some layer's activation (what feature maps show): fused blocks without their pooling if {@code net} fuses.
     */
    static MultiLayerNetwork mapsCopy(Architecture arch, MultiLayerNetwork net) {
        boolean fused = Arrays.stream(net.getLayers()).anyMatch(l -> l instanceof FusedNinBlockLayer);
        return withParams(arch, fused ? Form.FUSED_BLOCKS : Form.LAYERS, net.params());
    }

    /** {@code net} itself when each NiN block's own output is a layer's activation, otherwise its {@link #mapsCopy}. */
    static MultiLayerNetwork showingBlockOutputs(Architecture arch, MultiLayerNetwork net) {
        return poolsInside(net) ? mapsCopy(arch, net) : net;
    }

    private static boolean poolsInside(MultiLayerNetwork net) {
        return net.getLayerWiseConfigurations().getConfs().stream()
                .anyMatch(c -> c.getLayer() instanceof FusedNinBlock f && f.pooled());
    }

    /** A network of {@code arch} in {@code form}, for predicting, holding a copy of {@code params}. */
    private static MultiLayerNetwork withParams(Architecture arch, Form form, INDArray params) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(arch, Hyperparameters.defaults(), 1, form));
        net.init(params.dup(), false);
        return net;
    }

    /**
     * Frees the native buffers of {@code net}'s fused blocks now rather than at some later garbage
     * collection (for d2l-224 at batch 128, about a gigabyte); they are rebuilt if the net runs again.
     */
    public static void releaseNativeBuffers(MultiLayerNetwork net) {
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            if (layer instanceof FusedNinBlockLayer fused) {
                fused.releaseNativeBuffers();
            }
        }
    }

    /**
     * For each top-level layer of {@code net} (built from {@code arch}), the index of the DL4J layer whose
     * activation is that layer's output (a fused block, or the last of a block's convolutions);
     * the final entry is the softmax output.
     */
    public static int[] outputLayerIndices(Architecture arch, MultiLayerNetwork net) {
        if (poolsInside(net)) {
            throw new IllegalArgumentException("a fused block computes its pooling too, so its own output is no layer's: "
                    + "ask for the net's maps copy");
        }
        int[] indices = new int[arch.layers().size() + 1];
        int next = 0;
        for (int i = 0; i < arch.layers().size(); i++) {
            boolean separate = arch.layers().get(i) instanceof NinBlock b
                    && !(net.getLayer(next) instanceof FusedNinBlockLayer);
            next += separate ? ((NinBlock) arch.layers().get(i)).convolutions().size() : 1;
            indices[i] = next - 1;
        }
        indices[arch.layers().size()] = next;
        return indices;
    }

    private static WeightInit weightInit(Hyperparameters.WeightInitChoice choice) {
        return switch (choice) {
            case XAVIER -> WeightInit.XAVIER_UNIFORM;
            case HE -> WeightInit.RELU;
            case UNIFORM, PYTORCH -> WeightInit.UNIFORM;
        };
    }

    private static IUpdater updater(Hyperparameters hp, long totalIterations) {
        if (hp.schedule() == LearningRateSchedule.CONSTANT) {
            return hp.optimizer() == Optimizer.ADAM ? new Adam(hp.learningRate()) : new Nesterovs(hp.learningRate(), 0.9);
        }
        ISchedule rate = new CosineDecay(hp.learningRate(), totalIterations);
        if (hp.schedule() == LearningRateSchedule.WARMUP_COSINE) {
            rate = new LinearWarmup(rate, LearningRateSchedule.WARMUP_ITERATIONS);
        }
        return hp.optimizer() == Optimizer.ADAM ? new Adam(rate) : new Nesterovs(rate, 0.9);
    }

    private static ConvolutionLayer conv(ConvSpec c, boolean separateRelu) {
        return new ConvolutionLayer.Builder(c.kernel(), c.kernel()).stride(c.stride(), c.stride())
                .padding(c.padding(), c.padding()).nOut(c.channels())
                .activation(separateRelu ? Activation.IDENTITY.getActivationFunction() : FastPath.relu()).build();
    }

    private static void add(NeuralNetConfiguration.ListBuilder list, org.deeplearning4j.nn.conf.layers.Layer layer,
                            boolean reluLayerAfter) {
        list.layer(layer);
        if (reluLayerAfter) {
            list.layer(new ActivationLayer.Builder().activation(FastPath.relu()).build());
        }
    }
}
