package org.ninexplorer.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/** TEMPORARY STUB until the data branch lands (no resize, no prefetch). */
public final class BatchIterator implements DataSetIterator {
    private final ImageSource src;
    private final int classes;
    private final int batch;
    private final long seed;
    private final boolean shuffle;
    private final int[] order;
    private int cursor;
    private int epoch;

    public BatchIterator(ImageSource src, int classes, int batch, int channels, int height, int width, long seed,
                         boolean shuffle, int limit) {
        this.src = src;
        this.classes = classes;
        this.batch = batch;
        this.seed = seed;
        this.shuffle = shuffle;
        int n = limit > 0 ? Math.min(limit, src.size()) : src.size();
        this.order = new int[n];
        reset();
    }

    @Override
    public DataSet next(int num) {
        int n = Math.min(num, order.length - cursor);
        int size = src.channels() * src.height() * src.width();
        float[] x = new float[n * size];
        float[] y = new float[n * classes];
        float[] one = new float[size];
        for (int i = 0; i < n; i++) {
            int idx = order[cursor + i];
            src.pixels(idx, one);
            System.arraycopy(one, 0, x, i * size, size);
            y[i * classes + src.label(idx)] = 1f;
        }
        cursor += n;
        return new DataSet(Nd4j.create(x, new long[] {n, src.channels(), src.height(), src.width()}, DataType.FLOAT),
                Nd4j.create(y, new long[] {n, classes}, DataType.FLOAT));
    }

    @Override public int inputColumns() { return src.channels() * src.height() * src.width(); }
    @Override public int totalOutcomes() { return classes; }
    @Override public boolean resetSupported() { return true; }
    @Override public boolean asyncSupported() { return false; }

    @Override
    public void reset() {
        Random r = new Random(seed + epoch++);
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i]; order[i] = order[j]; order[j] = t;
            }
        }
        cursor = 0;
    }

    @Override public int batch() { return batch; }
    @Override public void setPreProcessor(DataSetPreProcessor p) { }
    @Override public DataSetPreProcessor getPreProcessor() { return null; }
    @Override public List<String> getLabels() { return null; }
    @Override public boolean hasNext() { return cursor < order.length; }
    @Override public DataSet next() { return next(batch); }
}
