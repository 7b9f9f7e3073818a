package org.ninexplorer.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The training iterator over the bundled sample (10 classes). */
class BatchIteratorTest {

    static Dataset sample;

    @BeforeAll
    static void load() throws Exception {
        sample = Datasets.bundledSample();
    }

    @Test
    void deliversNchwFeaturesInTheUnitRangeAndOneHotLabels() {
        try (BatchIterator it = new BatchIterator(sample.test(), 10, 128, 1, 28, 28, 7, false, 0)) {
            assertThat(it.numBatches()).isEqualTo(8); // 1,000 test images
            assertThat(it.inputColumns()).isEqualTo(784);
            assertThat(it.totalOutcomes()).isEqualTo(10);
            assertThat(it.batch()).isEqualTo(128);
            List<Long> sizes = new ArrayList<>();
            int seen = 0;
            while (it.hasNext()) {
                DataSet set = it.next();
                INDArray x = set.getFeatures();
                INDArray y = set.getLabels();
                assertThat(x.dataType()).isEqualTo(DataType.FLOAT);
                assertThat(x.shape()).containsExactly(x.size(0), 1, 28, 28);
                assertThat(y.shape()).containsExactly(x.size(0), 10);
                assertThat(x.minNumber().floatValue()).isGreaterThanOrEqualTo(0f);
                assertThat(x.maxNumber().floatValue()).isLessThanOrEqualTo(1f);
                assertThat(y.sum(1).toFloatVector()).containsOnly(1f);
                // unshuffled: row i is image seen+i, pixel for pixel
                float[] expected = new float[784];
                sample.test().pixels(seen, expected);
                assertThat(x.slice(0).reshape(784).toFloatVector()).containsExactly(expected);
                assertThat(y.getRow(0).argMax().getInt(0)).isEqualTo(sample.test().label(seen));
                seen += (int) x.size(0);
                sizes.add(x.size(0));
            }
            assertThat(sizes).containsExactly(128L, 128L, 128L, 128L, 128L, 128L, 128L, 104L);
            assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
    }

    @Test
    void resizesTo224AndConvertsToRgbPerBatch() {
        try (BatchIterator it = new BatchIterator(sample.test(), 10, 4, 3, 224, 224, 7, false, 0)) {
            DataSet set = it.next();
            assertThat(set.getFeatures().shape()).containsExactly(4, 3, 224, 224);
            INDArray first = set.getFeatures().slice(0);
            assertThat(Arrays.equals(first.slice(1).reshape(224 * 224).toFloatVector(),
                    first.slice(0).reshape(224 * 224).toFloatVector())).isTrue();
            assertThat(first.maxNumber().floatValue()).isLessThanOrEqualTo(1f);
            assertThat(first.sumNumber().floatValue()).isGreaterThan(0f);
            // the single-image view the feature-map window uses matches the batch
            // (compared with Arrays.equals: AssertJ's diff of 150,528 floats would take minutes to format)
            assertThat(Arrays.equals(first.reshape(3 * 224 * 224).toFloatVector(),
                    sample.test().pixels(0, 3, 224, 224))).isTrue();
        }
    }

    @Test
    void shufflingIsSeededAndRedoneEachEpoch() {
        try (BatchIterator a = new BatchIterator(sample.train(), 10, 100, 1, 28, 28, 42, true, 0);
             BatchIterator b = new BatchIterator(sample.train(), 10, 100, 1, 28, 28, 42, true, 0);
             BatchIterator other = new BatchIterator(sample.train(), 10, 100, 1, 28, 28, 43, true, 0)) {
            float[] epoch1 = labelsOfEpoch(a);
            assertThat(labelsOfEpoch(b)).containsExactly(epoch1);
            assertThat(labelsOfEpoch(other)).isNotEqualTo(epoch1);
            a.reset();
            b.reset();
            float[] epoch2 = labelsOfEpoch(a);
            assertThat(epoch2).isNotEqualTo(epoch1);
            assertThat(labelsOfEpoch(b)).containsExactly(epoch2);
            assertThat(sorted(epoch2)).containsExactly(sorted(epoch1)); // same images, new order
        }
    }

    @Test
    void anEpochsOrderDependsOnItsNumberNotOnTheEpochsBefore() {
        try (BatchIterator straight = new BatchIterator(sample.train(), 10, 100, 1, 28, 28, 42, true, 300);
             BatchIterator resumed = new BatchIterator(sample.train(), 10, 100, 1, 28, 28, 42, true, 300)) {
            labelsOfEpoch(straight);
            straight.reset();
            labelsOfEpoch(straight);
            straight.reset();
            resumed.startEpoch(2); // a run resumed after two epochs
            assertThat(labelsOfEpoch(resumed)).containsExactly(labelsOfEpoch(straight));
            resumed.startEpoch(0);
            straight.startEpoch(0);
            assertThat(labelsOfEpoch(resumed)).containsExactly(labelsOfEpoch(straight));
        }
    }

    @Test
    void resetMidEpochStartsAFreshEpoch() {
        try (BatchIterator it = new BatchIterator(sample.test(), 10, 100, 1, 28, 28, 1, true, 0)) {
            it.next();
            it.reset();
            int count = 0;
            while (it.hasNext()) {
                count += it.next().numExamples();
            }
            assertThat(count).isEqualTo(sample.test().size());
        }
    }

    @Test
    void aLimitTakesAClassMixedSeededSubsetThatStaysTheSameAcrossEpochs() {
        try (BatchIterator it = new BatchIterator(sample.train(), 10, 64, 1, 28, 28, 5, true, 200)) {
            assertThat(it.numExamples()).isEqualTo(200);
            assertThat(it.numBatches()).isEqualTo(4);
            float[] epoch1 = labelsOfEpoch(it);
            assertThat(epoch1).hasSize(200);
            int[] counts = new int[10];
            for (float label : epoch1) {
                counts[(int) label]++;
            }
            assertThat(Arrays.stream(counts).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(8, 35));
            it.reset();
            assertThat(sorted(labelsOfEpoch(it))).containsExactly(sorted(epoch1));
        }
    }

    @Test
    void rejectsLabelsBeyondTheClassCount() {
        assertThatThrownBy(() -> new BatchIterator(sample.test(), 5, 10, 1, 28, 28, 1, false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class count 5");
    }

    @Test
    void recycledBatchesAreRefilledWithTheBatchesAFreshIteratorWouldDeliver() {
        try (BatchIterator recycling = new BatchIterator(sample.train(), 10, 50, 1, 28, 28, 9, true, 0);
             BatchIterator plain = new BatchIterator(sample.train(), 10, 50, 1, 28, 28, 9, true, 0)) {
            Set<INDArray> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
            int batches = 0;
            for (int epoch = 0; epoch < 2; epoch++) {
                recycling.startEpoch(epoch);
                plain.startEpoch(epoch);
                while (plain.hasNext()) {
                    DataSet expected = plain.next();
                    DataSet got = recycling.next();
                    assertThat(got.getFeatures().data().asFloat()).isEqualTo(expected.getFeatures().data().asFloat());
                    assertThat(got.getLabels().data().asFloat()).isEqualTo(expected.getLabels().data().asFloat());
                    arrays.add(got.getFeatures());
                    recycling.recycle(got);
                    batches++;
                }
            }
            // Each array is in use, being filled or waiting in the pool: no more exist than batches held at once.
            assertThat(batches).isGreaterThan(5 * BatchIterator.batchesHeld());
            assertThat(arrays).hasSizeLessThanOrEqualTo(BatchIterator.batchesHeld());
        }
    }

    private static float[] labelsOfEpoch(BatchIterator it) {
        List<Float> labels = new ArrayList<>();
        while (it.hasNext()) {
            INDArray y = it.next().getLabels();
            for (long label : y.argMax(1).toLongVector()) {
                labels.add((float) label);
            }
        }
        float[] out = new float[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels.get(i);
        }
        return out;
    }

    private static float[] sorted(float[] values) {
        float[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
