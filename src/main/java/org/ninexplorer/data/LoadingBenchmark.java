package org.ninexplorer.data;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Measures how fast a {@link BatchIterator} delivers batches, as a trainer would consume them. */
public final class LoadingBenchmark {

    /** @param batches batches consumed; {@code images} images in them; {@code seconds} wall time */
    public record Measurement(int batches, long images, double seconds) {
        public double imagesPerSecond() {
            return images / seconds;
        }
    }

    private LoadingBenchmark() {
    }

    /** @param batches how many batches to consume; {@code <= 0} for one whole epoch */
    public static Measurement measure(Dataset data, int batch, int channels, int size, int batches) {
        Nd4j.zeros(1); // load the native backend before timing
        try (BatchIterator it = new BatchIterator(data.train(), data.classes(), batch, channels, size, size, 1L, true, 0)) {
            int wanted = batches <= 0 ? it.numBatches() : Math.min(batches, it.numBatches());
            long start = System.nanoTime();
            long images = 0;
            for (int i = 0; i < wanted; i++) {
                DataSet set = it.next();
                images += set.numExamples();
                it.recycle(set); // as a trainer does
            }
            return new Measurement(wanted, images, (System.nanoTime() - start) / 1e9);
        }
    }
}
