package org.ninexplorer.training;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Operation;
import org.ninexplorer.model.Shape;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.fused.SampleForward;
import org.ninexplorer.training.perf.FastPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One sample through a network one {@link Operation} at a time: every convolution, ReLU, pool, dropout
 * (nothing at inference), global average pooling, dense layer and the softmax, each with its own output.
 * Runs on its own copy of the network in the form of one DL4J layer per operation, so a fused block's three
 * convolutions, and a convolution's output before its ReLU, can be seen. Thread-safe; call it off the FX thread.
 */
public final class ForwardSteps {

    private final Architecture architecture;
    private final List<Operation> operations;
    private final MultiLayerNetwork network;
    /** The fast path, for the parameters {@link #network} holds (and keeps); its steps agree with the feature maps'. */
    private final Optional<SamplePasses> fast;

    private ForwardSteps(Architecture architecture, INDArray params) {
        this.architecture = architecture;
        this.operations = Operation.of(ShapeInference.analyze(architecture));
        this.network = NetworkBuilder.onePerOperation(architecture, params);
        if (network.getnLayers() != operations.size()) {
            throw new IllegalStateException(network.getnLayers() + " DL4J layers for " + operations.size() + " operations");
        }
        this.fast = SamplePasses.of(architecture, () -> network.params().data().asFloat(), SampleForward.Taps.EVERY_OPERATION);
    }

    /** The network of {@code mapper} (a training snapshot or a loaded run), copied. */
    public static ForwardSteps of(FeatureMapper mapper) {
        return new ForwardSteps(mapper.architecture(), mapper.params());
    }

    /**
     * {@code arch} before any training, its weights drawn as a run of it would start: the recommended recipe's
     * initialisation with its fixed seed ({@link #untrainedRecipe}).
     */
    public static ForwardSteps untrained(Architecture arch) {
        MultiLayerNetwork fresh = NetworkBuilder.build(arch, untrainedRecipe(arch), 1);
        return new ForwardSteps(arch, fresh.params());
    }

    /** The recipe whose initialisation and seed {@link #untrained} uses. */
    public static Hyperparameters untrainedRecipe(Architecture arch) {
        return Hyperparameters.recommendedFor(arch, 0);
    }

    public Architecture architecture() {
        return architecture;
    }

    public List<Operation> operations() {
        return operations;
    }

    /**
     * The output of each operation for one sample, in the order of {@link #operations()}, each with the shape
     * DL4J gave it.
     *
     * @param pixels one sample in the architecture's input size, CHW order, values in [0, 1]
     */
    public synchronized List<FeatureMaps.BlockActivation> run(float[] pixels) {
        Shape in = architecture.input().shape();
        if (pixels.length != in.elements()) {
            throw new IllegalArgumentException("expected " + in.elements() + " pixels (" + in + "), got " + pixels.length);
        }
        if (fast.isPresent()) {
            SampleForward.Result r = fast.get().run(pixels);
            List<FeatureMaps.BlockActivation> outputs = new ArrayList<>();
            for (int i = 0; i < operations.size(); i++) {
                Operation op = operations.get(i);
                outputs.add(new FeatureMaps.BlockActivation(op.layerIndex(), op.output(),
                        op.kind() == Operation.Kind.SOFTMAX ? r.probabilities() : r.taps().get(i)));
            }
            return outputs;
        }
        INDArray input = Nd4j.create(pixels, new long[] {1, in.channels(), in.height(), in.width()}, DataType.FLOAT);
        return FastPath.singleThreaded(() -> {
            List<FeatureMaps.BlockActivation> outputs = new ArrayList<>();
            INDArray x = input;
            for (int i = 0; i < operations.size(); i++) {
                InputPreProcessor flatten = network.getLayerWiseConfigurations().getInputPreProcess(i);
                if (flatten != null) {
                    x = flatten.preProcess(x, 1, LayerWorkspaceMgr.noWorkspaces());
                }
                // A ReLU layer works in place at inference (as feedForward runs it): it gets a copy, so that the
                // convolution's output before it stays as it was.
                x = network.getLayer(i).activate(x.dup(), false, LayerWorkspaceMgr.noWorkspaces());
                long[] s = x.shape();
                Shape shape = s.length == 4 ? new Shape((int) s[1], (int) s[2], (int) s[3]) : Shape.flat((int) s[1]);
                outputs.add(new FeatureMaps.BlockActivation(operations.get(i).layerIndex(), shape,
                        x.dup().data().asFloat()));
            }
            return outputs;
        });
    }
}
