package org.ninexplorer.training;

import org.bytedeco.javacpp.Pointer;
import org.ninexplorer.data.BatchIterator;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.MemoryEstimate;
import org.ninexplorer.model.ShapeInference;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a run's {@link MemoryEstimate} with what this JVM and machine can give, before anything is
 * allocated, so that a run too large for the machine is refused with numbers instead of growing until the
 * system kills it. DL4J's workspaces are native memory that JavaCPP's {@code maxbytes} does not count, so the
 * off-heap budget is the process limit (physical memory, or JavaCPP's {@code maxphysicalbytes} when lower)
 * less the Java heap and the runtime's own native memory.
 */
public final class MemoryCheck {

    private static final long MB = 1L << 20;
    /** Heap the app itself needs beside the data set (the CLI fits in 64 MB; the window grows the heap first). */
    static final long HEAP_RESERVE = 64 * MB;
    /** Native memory of the JVM, ND4J, OpenBLAS and oneDNN themselves (code, threads, caches). */
    static final long NATIVE_RESERVE = 384 * MB;

    private MemoryCheck() {
    }

    /** What this JVM can give: heap for the data set, off-heap for ND4J, and how that was worked out. */
    public record Budget(long heapBytes, long offHeapBytes, RunMessage explanation) {
    }

    /** Values the optimizer keeps per parameter: Adam's two moments, SGD's momentum. */
    public static int optimizerCopies(Optimizer optimizer) {
        return switch (optimizer) {
            case ADAM -> 2;
            case SGD -> 1;
        };
    }

    /** The estimate for a request whose architecture is valid. */
    public static MemoryEstimate estimate(TrainingRequest request) {
        Architecture arch = request.architecture();
        Dataset data = request.dataset();
        InputSpec in = arch.input();
        int train = count(data.train().size(), request.limitTrain());
        int test = count(data.test().size(), request.limitTest());
        long dataset = data.train().bytesHeld(in.channels(), in.height(), in.width(), train)
                + data.test().bytesHeld(in.channels(), in.height(), in.width(), test);
        return estimate(arch, request.hyperparameters(), train, dataset);
    }

    /**
     * @param trainImages images per epoch (a batch larger than that is only as large)
     * @param datasetBytes what the data set takes on the heap; 0 when there is none yet
     */
    public static MemoryEstimate estimate(Architecture arch, Hyperparameters hp, int trainImages, long datasetBytes) {
        Analysis analysis = ShapeInference.analyze(arch);
        int batch = Math.max(1, Math.min(hp.batchSize(), trainImages));
        // A training and a test iterator each build batches ahead.
        return MemoryEstimate.training(analysis, batch, optimizerCopies(hp.optimizer()),
                2 * BatchIterator.batchesHeld(), datasetBytes);
    }

    /** Refuses the request, saying the estimate, the limit and a batch size that would fit. */
    public static void check(TrainingRequest request) throws TrainingException {
        check(estimate(request), budget());
    }

    public static void check(MemoryEstimate estimate) throws TrainingException {
        check(estimate, budget());
    }

    /** Refuses batches of channels x height x width images that would not fit while they are built ahead. */
    public static void checkLoading(int batch, int channels, int height, int width) throws TrainingException {
        long perImage = 4L * BatchIterator.batchesHeld() * channels * height * width;
        Budget budget = budget();
        if (perImage * batch > budget.offHeapBytes()) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.MEMORY_LOADING, grouped(batch),
                    String.valueOf(channels), String.valueOf(height), String.valueOf(width),
                    String.valueOf(BatchIterator.batchesHeld()), MemoryEstimate.bytes(perImage * batch),
                    MemoryEstimate.bytes(budget.offHeapBytes()), budget.explanation(),
                    grouped(budget.offHeapBytes() / perImage)));
        }
    }

    static void check(MemoryEstimate estimate, Budget budget) throws TrainingException {
        if (estimate.heapBytes() > budget.heapBytes()) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.MEMORY_HEAP,
                    MemoryEstimate.bytes(estimate.heapBytes()), MemoryEstimate.bytes(budget.heapBytes())));
        }
        if (estimate.offHeapBytes() <= budget.offHeapBytes()) {
            return;
        }
        int fits = estimate.largestBatchWithin(budget.offHeapBytes());
        RunMessage advice = fits >= 1 ? RunMessage.of(RunMessage.Code.BATCH_FITS, grouped(fits))
                : RunMessage.of(RunMessage.Code.NOTHING_FITS);
        throw new TrainingException(RunMessage.of(RunMessage.Code.MEMORY_OFF_HEAP, describe(estimate),
                MemoryEstimate.bytes(budget.offHeapBytes()), budget.explanation(), advice));
    }

    /** E.g. "about 2.9 GB at batch 128: activations 2.7 GB (21.4 MB per image), input batches 96 MB, ...". */
    public static RunMessage describe(MemoryEstimate estimate) {
        List<Object> args = new ArrayList<>(List.of(MemoryEstimate.bytes(estimate.totalBytes()),
                grouped(estimate.batch()), MemoryEstimate.bytes(estimate.activationsBytes()),
                MemoryEstimate.bytes(estimate.activationsPerImageBytes()), MemoryEstimate.bytes(estimate.inputBytes()),
                MemoryEstimate.bytes(estimate.fixedBytes())));
        if (estimate.heapBytes() <= 0) {
            return new RunMessage(RunMessage.Code.ESTIMATE, args);
        }
        args.add(MemoryEstimate.bytes(estimate.heapBytes()));
        return new RunMessage(RunMessage.Code.ESTIMATE_WITH_DATA, args);
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** What this JVM and machine can give. Cheap; loads no native code. */
    public static Budget budget() {
        long heap = Runtime.getRuntime().maxMemory();
        long physical = physicalMemory();
        long javacpp = Pointer.maxPhysicalBytes();
        long process = javacpp > 0 ? Math.min(physical, javacpp) : physical;
        long offHeap = Math.max(0, process - heap - NATIVE_RESERVE);
        return new Budget(Math.max(0, heap - HEAP_RESERVE), offHeap, RunMessage.of(process < physical
                ? RunMessage.Code.BUDGET_JAVACPP : RunMessage.Code.BUDGET_PHYSICAL, MemoryEstimate.bytes(process),
                MemoryEstimate.bytes(heap), MemoryEstimate.bytes(NATIVE_RESERVE)));
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory() * 4; // the JVM's default heap is a quarter of it
    }

    private static int count(int size, int limit) {
        return limit > 0 ? Math.min(limit, size) : size;
    }
}
