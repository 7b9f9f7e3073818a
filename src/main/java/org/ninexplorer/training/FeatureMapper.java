package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Shape;
import org.ninexplorer.training.perf.FastPath;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes feature maps on its own copy of a network, so that it never waits for (or blocks)
 * training: DL4J's fit and output share one lock per network. Thread-safe; call it from a
 * background thread, never the FX thread.
 */
public final class FeatureMapper {

    private final Architecture architecture;
    private final MultiLayerNetwork network;

    FeatureMapper(Architecture architecture, MultiLayerNetwork network) {
        this.architecture = architecture;
        this.network = network;
    }

    /** Maps through {@code network} itself, not a copy: the caller must not train it meanwhile. */
    public static FeatureMapper of(Architecture architecture, MultiLayerNetwork network) {
        return new FeatureMapper(architecture, network);
    }

    /** Loads a trained model (a run's {@code model.zip} or a checkpoint). */
    public static FeatureMapper load(Architecture architecture, Path modelZip) throws IOException {
        MultiLayerNetwork saved = ModelSerializer.restoreMultiLayerNetwork(modelZip.toFile(), false);
        return new FeatureMapper(architecture, NetworkBuilder.adopt(architecture, Hyperparameters.defaults(), 1, saved));
    }

    public Architecture architecture() {
        return architecture;
    }

    /** @param pixels one sample in the architecture's input size, CHW order, values in [0, 1] */
    public synchronized FeatureMaps compute(float[] pixels) {
        Shape in = architecture.input().shape();
        if (pixels.length != in.elements()) {
            throw new IllegalArgumentException("expected " + in.elements() + " pixels (" + in + "), got " + pixels.length);
        }
        INDArray input = Nd4j.create(pixels, new long[] {1, in.channels(), in.height(), in.width()}, DataType.FLOAT);
        List<INDArray> activations = FastPath.singleThreaded(() -> network.feedForward(input, false));
        int[] indices = NetworkBuilder.outputLayerIndices(architecture, network);
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
}
