package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Shape;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.fused.SampleForward;
import org.ninexplorer.training.perf.FastPath;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Computes feature maps on its own copy of a network, so that it never waits for (or blocks)
 * training: DL4J's fit and output share one lock per network. Thread-safe; call it from a
 * background thread, never the FX thread.
 */
public final class FeatureMapper {

    private final Architecture architecture;
    private final MultiLayerNetwork network;
    /** {@link #compute}'s fast path, for the parameters {@link #network} holds (and keeps). */
    private final Optional<SamplePasses> fast;
    private final List<LayerReport> shapes;

    /** @param network the mapper's own: nothing else changes its parameters */
    private FeatureMapper(Architecture architecture, MultiLayerNetwork network) {
        this.architecture = architecture;
        this.network = network;
        this.shapes = ShapeInference.analyze(architecture).reports();
        this.fast = SamplePasses.of(architecture, () -> network.params().data().asFloat(), SampleForward.Taps.BLOCK_OUTPUTS);
    }

    /** Maps through a copy of {@code network}'s parameters as they are now: it may train on meanwhile. */
    public static FeatureMapper snapshot(Architecture architecture, MultiLayerNetwork network) {
        return new FeatureMapper(architecture, NetworkBuilder.mapsCopy(architecture, network));
    }

    /** Loads a trained model (a run's {@code model.zip} or a checkpoint). */
    public static FeatureMapper load(Architecture architecture, Path modelZip) throws IOException {
        MultiLayerNetwork loaded = NetworkBuilder.loadTrained(architecture, modelZip);
        return new FeatureMapper(architecture, NetworkBuilder.showingBlockOutputs(architecture, loaded));
    }

    public Architecture architecture() {
        return architecture;
    }

    /** @param pixels one sample in the architecture's input size, CHW order, values in [0, 1] */
    public synchronized FeatureMaps compute(float[] pixels) {
        if (fast.isPresent()) {
            SampleForward.Result r = fast.get().run(pixels);
            List<FeatureMaps.BlockActivation> blocks = new ArrayList<>();
            for (int i = 0; i < architecture.layers().size(); i++) {
                if (architecture.layers().get(i) instanceof NinBlock) {
                    blocks.add(new FeatureMaps.BlockActivation(i, shapes.get(i).output(), r.taps().get(blocks.size())));
                }
            }
            return new FeatureMaps(blocks, r.probabilities());
        }
        INDArray input = batch(pixels, 1);
        List<INDArray> activations = FastPath.singleThreaded(() -> network.feedForward(input, false));
        int[] indices = outputLayerIndices();
        List<FeatureMaps.BlockActivation> blocks = new ArrayList<>();
        for (int i = 0; i < architecture.layers().size(); i++) {
            if (architecture.layers().get(i) instanceof NinBlock) {
                INDArray a = activations.get(indices[i] + 1);
                long[] s = a.shape();
                blocks.add(new FeatureMaps.BlockActivation(i, new Shape((int) s[1], (int) s[2], (int) s[3]),
                        a.dup().data().asFloat()));
            }
        }
        float[] probabilities = activations.get(activations.size() - 1).dup().data().asFloat();
        return new FeatureMaps(blocks, probabilities);
    }

    /** The learned kernels of the first convolution; empty when the net starts without one. */
    public synchronized Optional<FirstLayerFilters> firstLayerFilters() {
        return FirstLayerFilters.of(network);
    }

    /**
     * Every DL4J layer's activation for {@code count} samples in one batched pass (entry 0 is the input);
     * see {@link #outputLayerIndices()} for which entry is a top-level layer's output.
     */
    synchronized List<INDArray> feedForward(float[] pixels, int count) {
        return network.feedForward(batch(pixels, count), false);
    }

    /**
     * The class probabilities of {@code count} samples, {@code count × classes}: one by one through {@link #compute}'s
     * fast path where there is one, so that they agree with what the maps say of the same image, else in one batched
     * output call.
     */
    synchronized float[] probabilities(float[] pixels, int count) {
        int length = checkedLength(pixels, count);
        if (fast.isEmpty()) {
            return network.output(batch(pixels, count), false).data().asFloat();
        }
        int classes = architecture.classes();
        float[] out = new float[count * classes];
        for (int k = 0; k < count; k++) {
            float[] one = Arrays.copyOfRange(pixels, k * length, (k + 1) * length);
            System.arraycopy(fast.get().run(one).probabilities(), 0, out, k * classes, classes);
        }
        return out;
    }

    /** A copy of the network's parameters, for another form of the same net ({@link ForwardSteps}). */
    synchronized INDArray params() {
        return network.params().dup();
    }

    /** See {@link NetworkBuilder#outputLayerIndices}. */
    int[] outputLayerIndices() {
        return NetworkBuilder.outputLayerIndices(architecture, network);
    }

    /** {@code count} samples of the input size, one after another in CHW order, as an NCHW batch. */
    private INDArray batch(float[] pixels, int count) {
        checkedLength(pixels, count);
        Shape in = architecture.input().shape();
        return Nd4j.create(pixels, new long[] {count, in.channels(), in.height(), in.width()}, DataType.FLOAT);
    }

    /** One sample's length, after checking that {@code pixels} holds {@code count} of them. */
    private int checkedLength(float[] pixels, int count) {
        Shape in = architecture.input().shape();
        if (pixels.length != (long) count * in.elements()) {
            throw new IllegalArgumentException("expected " + count + " × " + in.elements() + " pixels (" + in
                    + "), got " + pixels.length);
        }
        return (int) in.elements();
    }
}
