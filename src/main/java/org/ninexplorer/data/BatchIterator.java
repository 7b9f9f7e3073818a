package org.ninexplorer.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DL4J iterator over one split: features [batch, C, H, W] float (NCHW) in [0,1], labels one-hot [batch, classes].
 * Images are converted to the target channels and size per batch (see {@link Resizer}), so 60,000 images at
 * 224x224 never sit in memory at once. Shuffling is seeded and redone on every {@link #reset()}; a limit keeps the
 * first N images of a seeded shuffle, so a small subset still mixes the classes. Each epoch's order depends
 * on the seed and the epoch's number alone ({@link #startEpoch(int)}), so a run resumed at epoch 3 sees the
 * batches an uninterrupted run would have. Batches are built ahead on
 * background threads. The last batch of an epoch may be smaller. A batch lives off-heap (25 MB at 128x224x224):
 * a caller done with one should hand it back with {@link #recycle}, and the next batches are written into its
 * arrays. Left to the garbage collector, batches piled up (a fused net makes too little Java garbage to start a
 * collection); freed and allocated anew, they still grew the process by a batch per step, as glibc (2.36) does
 * not reuse a freed block for ND4J's next aligned allocation of the same size. One consumer thread only.
 */
public final class BatchIterator implements DataSetIterator, AutoCloseable {

    private static final long serialVersionUID = 1L;
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final transient ImageSource source;
    private final int classes;
    private final int batch;
    private final int channels;
    private final int height;
    private final int width;
    private final long seed;
    private final boolean shuffle;
    private final int[] subset;
    private final int numBatches;
    private final transient ThreadPoolExecutor workers;
    private final int prefetch;
    private final transient ArrayDeque<Future<DataSet>> pending = new ArrayDeque<>();
    /** Features of full batches handed back by {@link #recycle}, for the workers to fill again. */
    private final transient Queue<INDArray> spare = new ConcurrentLinkedQueue<>();
    private transient DataSetPreProcessor preProcessor;
    private int[] order;
    private int epoch;
    private int submitted;
    private int consumed;

    /**
     * @param limit how many images per epoch; {@code <= 0} for all of them
     */
    public BatchIterator(ImageSource src, int classes, int batch, int channels, int height, int width, long seed,
                         boolean shuffle, int limit) {
        if (batch < 1 || height < 1 || width < 1 || classes < 1) {
            throw new IllegalArgumentException("batch, height, width and classes must be positive");
        }
        Resizer.checkChannels(src.channels(), channels); // now, not later on a worker thread
        for (int i = 0; i < src.size(); i++) {
            if (src.label(i) >= classes) {
                throw new IllegalArgumentException("label " + src.label(i) + " of image " + i
                        + " is not below the class count " + classes);
            }
        }
        this.source = src.at(channels, height, width);
        this.classes = classes;
        this.batch = batch;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.seed = seed;
        this.shuffle = shuffle;
        this.subset = chooseSubset(src.size(), limit, seed);
        this.numBatches = (subset.length + batch - 1) / batch;
        int threads = threads();
        this.workers = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, "nin-batches-" + THREAD_IDS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // Idle iterators (finished runs, closed windows) should not keep threads alive.
        workers.allowCoreThreadTimeOut(true);
        this.prefetch = batchesHeld() - 1;
        prepareEpoch();
    }

    private static int threads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Batches alive at once per iterator: one being built on each thread, one more ahead, one in use. */
    public static int batchesHeld() {
        return threads() + 2;
    }

    private static int[] chooseSubset(int size, int limit, long seed) {
        int[] all = new int[size];
        Arrays.setAll(all, i -> i);
        if (limit <= 0 || limit >= size) {
            return all;
        }
        shuffle(all, new Random(seed));
        int[] chosen = Arrays.copyOf(all, limit);
        Arrays.sort(chosen); // unshuffled iteration then visits the subset in file order
        return chosen;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private void prepareEpoch() {
        order = subset.clone();
        if (shuffle) {
            shuffle(order, new Random(seed * 0x9E3779B97F4A7C15L + epoch));
        }
        submitted = 0;
        consumed = 0;
        topUp();
    }

    private void topUp() {
        while (submitted < numBatches && pending.size() < prefetch) {
            int from = submitted * batch;
            int[] indices = Arrays.copyOfRange(order, from, Math.min(from + batch, order.length));
            pending.add(workers.submit(() -> build(indices)));
            submitted++;
        }
    }

    private DataSet build(int[] indices) {
        int n = indices.length;
        int outLength = channels * height * width;
        // Written straight into the array's off-heap buffer: Nd4j.create(float[]) would copy a 25 MB batch again.
        INDArray features = n == batch ? spare.poll() : null;
        if (features == null) {
            features = Nd4j.createUninitialized(DataType.FLOAT, n, channels, height, width);
        }
        FloatBuffer target = features.data().asNioFloat();
        float[] labels = new float[n * classes];
        float[] image = new float[source.imageLength()];
        float[] resized = new float[outLength];
        Resizer resizer = new Resizer(source.channels(), source.height(), source.width(), channels, height, width);
        for (int i = 0; i < n; i++) {
            source.pixels(indices[i], image);
            resizer.apply(image, resized, 0);
            target.put(i * outLength, resized);
            labels[i * classes + source.label(indices[i])] = 1f;
        }
        return new DataSet(features, Nd4j.create(labels, new long[] {n, classes}, 'c'));
    }

    /**
     * Takes back a batch from {@link #next()} that nothing refers to any more (a net that trained on it must have
     * forgotten its input): its features are overwritten by a later batch, its labels freed.
     */
    public void recycle(DataSet set) {
        INDArray features = set.getFeatures();
        if (isOurs(features) && spare.size() < batchesHeld()) {
            spare.add(features);
        } else if (features.closeable()) {
            features.close();
        }
        if (set.getLabels().closeable()) {
            set.getLabels().close();
        }
    }

    /** A full batch's features as {@link #build} makes them (not replaced by a preprocessor, not closed). */
    private boolean isOurs(INDArray features) {
        return !features.wasClosed() && features.closeable() && features.dataType() == DataType.FLOAT
                && Arrays.equals(features.shape(), new long[] {batch, channels, height, width});
    }

    /** The images of an epoch by their index in the split, in file order: the order an unshuffled iterator visits. */
    public int[] subset() {
        return subset.clone();
    }

    @Override
    public boolean hasNext() {
        return consumed < numBatches;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch finished; call reset()");
        }
        Future<DataSet> head = pending.poll();
        consumed++;
        topUp();
        try {
            DataSet set = head.get();
            if (preProcessor != null) {
                preProcessor.preProcess(set);
            }
            return set;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("building a batch failed: " + e.getCause(), e.getCause());
        }
    }

    /** Not supported: the batch size is fixed at construction. */
    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("the batch size is fixed; construct a BatchIterator with batch " + num);
    }

    /** Starts the next epoch, reshuffled when shuffling. */
    @Override
    public void reset() {
        startEpoch(epoch + 1);
    }

    /** Starts epoch {@code index} (0 for the first, where a new iterator stands) of the seeded order. */
    public void startEpoch(int index) {
        if (index == epoch && consumed == 0) {
            return; // already prepared, batches on their way
        }
        pending.forEach(f -> f.cancel(false));
        pending.clear();
        epoch = index;
        prepareEpoch();
    }

    @Override
    public int inputColumns() {
        return channels * height * width;
    }

    @Override
    public int totalOutcomes() {
        return classes;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** False: batches are already prefetched here, so DL4J's async wrapper would only add a thread. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batch;
    }

    /** Images per epoch (the limit when one was given). */
    public int numExamples() {
        return subset.length;
    }

    public int numBatches() {
        return numBatches;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    /** Class names are kept by {@link Dataset}; DL4J only uses these for evaluation reports. */
    @Override
    public List<String> getLabels() {
        return null;
    }

    /** Stops the background threads; the iterator cannot be used afterwards. */
    @Override
    public void close() {
        pending.forEach(f -> f.cancel(false));
        pending.clear();
        workers.shutdownNow();
        for (INDArray unused = spare.poll(); unused != null; unused = spare.poll()) {
            unused.close(); // no worker holds one: a worker takes its array off the queue
        }
    }
}
