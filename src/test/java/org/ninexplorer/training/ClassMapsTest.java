package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.data.ImageSource;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.Presets;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** A real short run on the bundled sample: its class maps pool to exactly the scores the softmax gets. */
class ClassMapsTest {

    private static MultiLayerNetwork saved;

    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        RunFixtures.train(TinyNets.TINY_28, dir.resolve("run"), 1);
        saved = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("run/model.zip").toFile(), false);
    }

    @Test
    void eachMapsMeanIsItsClassScoreBeforeSoftmaxInBothFormsOfTheBlocks() {
        ImageSource test = TinyNets.sample().test();
        for (NetworkBuilder.Form form : List.of(NetworkBuilder.Form.FUSED_POOLS, NetworkBuilder.Form.LAYERS)) {
            MultiLayerNetwork net = NetworkBuilder.adopt(TinyNets.TINY_28, Hyperparameters.defaults(), 1, saved, form);
            FeatureMapper mapper = FeatureMapper.snapshot(TinyNets.TINY_28, net);
            int gap = net.getnLayers() - 1; // the activation before the loss layer's (entry 0 is the input)
            for (int i = 0; i < 5; i++) {
                float[] pixels = test.pixels(i);
                List<ClassMaps.ClassMap> maps = ClassMaps.of(TinyNets.TINY_28, mapper.compute(pixels));
                INDArray input = Nd4j.create(pixels, new long[] {1, 1, 28, 28});
                float[] scores = net.feedForward(input, false).get(gap).dup().data().asFloat();
                float[] softmax = net.output(input, false).data().asFloat();

                assertThat(maps).hasSize(10);
                assertThat(maps.get(0).height()).isEqualTo(6);
                float[] means = new float[10];
                float[] probabilities = new float[10];
                for (ClassMaps.ClassMap map : maps) {
                    means[map.classIndex()] = map.score();
                    probabilities[map.classIndex()] = map.probability();
                }
                TinyNets.assertCloseInSessionPrecision(means, scores, 1e-4f, "class scores of image " + i + ", " + form);
                TinyNets.assertCloseInSessionPrecision(probabilities, softmax, 1e-5f, "probabilities of image " + i);
                assertThat(maps.stream().mapToDouble(ClassMaps.ClassMap::score).max().orElseThrow())
                        .as("a trained net's maps are not all zero").isGreaterThan(0);
            }
        }
    }

    @Test
    void onlyANetWhoseLastBlockFeedsGapHasClassMaps() {
        assertThat(ClassMaps.classMapLayer(Presets.FASHION_28)).hasValue(7); // dropout before the block
        assertThat(ClassMaps.classMapLayer(TinyNets.TINY_28)).hasValue(2);
        assertThat(ClassMaps.classMapLayer(Presets.FASHION_28.withLayer(8, new Dense(10)))).isEmpty();
        assertThat(ClassMaps.classMapLayer(Presets.FASHION_28.withInserted(8, new MaxPool(2, 2)))).isEmpty();
        assertThat(ClassMaps.classMapLayer(Presets.FASHION_28.withClasses(5))).isEmpty();
    }

    @Test
    void theMeanOverTheTestSetIsTheMeanOfEachImagesOwnClassMap() {
        FeatureMapper mapper = FeatureMapper.snapshot(TinyNets.TINY_28,
                NetworkBuilder.adopt(TinyNets.TINY_28, Hyperparameters.defaults(), 1, saved));
        ImageSource test = TinyNets.sample().test();
        int images = 100; // more than one batch, the last one partial
        float[][] sums = new float[10][36];
        int[] counts = new int[10];
        for (int i = 0; i < images; i++) {
            int label = test.label(i);
            float[] cells = ClassMaps.of(TinyNets.TINY_28, mapper.compute(test.pixels(i))).get(label).cells();
            for (int k = 0; k < cells.length; k++) {
                sums[label][k] += cells[k];
            }
            counts[label]++;
        }
        List<Double> progress = new java.util.ArrayList<>();

        List<ClassMaps.ClassMean> means = ClassMaps.meanOverTestSet(mapper, test, images, progress::add, () -> false);

        assertThat(progress).last().isEqualTo(1.0);
        assertThat(means).hasSize(10);
        for (ClassMaps.ClassMean mean : means) {
            int c = mean.classIndex();
            assertThat(mean.images()).isEqualTo(counts[c]);
            float[] expected = new float[36];
            for (int k = 0; k < 36; k++) {
                expected[k] = counts[c] == 0 ? 0 : sums[c][k] / counts[c];
            }
            // The mean runs batched through DL4J in fp32; each image's own map through the one-sample pass.
            TinyNets.assertCloseInSessionPrecision(mean.cells(), expected, 1e-4f, "mean map of class " + c);
        }
        assertThat(means.stream().mapToInt(ClassMaps.ClassMean::images).sum()).isEqualTo(images);
    }

    @Test
    void averagingStopsWhenCancelled() {
        FeatureMapper mapper = FeatureMapper.snapshot(TinyNets.TINY_28,
                NetworkBuilder.adopt(TinyNets.TINY_28, Hyperparameters.defaults(), 1, saved));
        List<Double> progress = new java.util.ArrayList<>();

        assertThatThrownBy(() -> ClassMaps.meanOverTestSet(mapper, TinyNets.sample().test(), 1000, progress::add,
                () -> !progress.isEmpty())).isInstanceOf(CancellationException.class);
        assertThat(progress).hasSize(1);
    }
}
