package org.ninexplorer.training.perf;

import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.ninexplorer.training.fused.OneDnnIsa;
import org.ninexplorer.training.fused.Precision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The fast CPU path for DL4J 1.0.0-M2.1: libnd4j's oneDNN build ({@link NativeBuild}), DL4J's oneDNN
 * layer helpers (off by default in M2.1, and unreachable without the {@link org.nd4j.nativeblas.Nd4jCpu}
 * shim), no repeated forward convolution in the backward pass ({@link #cacheMode()}), a vectorised
 * ReLU backward pass ({@link #relu()}), an updater that makes its views once ({@link CachedViewsUpdater}), an
 * explicit thread count, OpenMP workers that spin briefly, then sleep ({@link #openMpWaiting}), and glibc malloc
 * tuning. Trains the NiN nets over 10x faster than DL4J's defaults; see docs/performance.md.
 *
 * <p>Call {@link #enable()} once, before anything else touches ND4J (it points JavaCPP at the native library and
 * sets properties DL4J reads once), off the JavaFX thread: it initialises ND4J, which takes seconds.
 *
 * <p>Switches (system properties): {@code nin.fastpath=false} keeps DL4J's defaults (for comparing
 * results); {@code nin.threads=N} sets the thread count;
 * {@code nin.fastpath.malloc=false} leaves glibc's allocator alone; {@code nin.fastpath.bf16} chooses the
 * fused blocks' precision ({@link #BF16_PROPERTY}); {@code nin.fastpath.fusedPools=false} keeps their
 * pooling apart; {@code nin.fastpath.handOvers=false} makes neighbouring blocks convert what crosses between them;
 * {@code nin.fastpath.samplePass=false} maps one sample through DL4J's layers ({@link #SAMPLE_PASS_PROPERTY}).
 */
public final class FastPath {

    public static final String PROPERTY = "nin.fastpath";
    public static final String THREADS_PROPERTY = "nin.threads";
    public static final String MALLOC_PROPERTY = "nin.fastpath.malloc";
    public static final String FUSED_PROPERTY = "nin.fastpath.fused";
    /** {@code false}: a max pooling after a fused block runs as DL4J's layer, not inside the block's. */
    public static final String FUSED_POOLS_PROPERTY = "nin.fastpath.fusedPools";
    /** {@code false}: neighbouring fused blocks pass each other NCHW arrays only (FusedNinBlockLayer.link). */
    public static final String HAND_OVERS_PROPERTY = "nin.fastpath.handOvers";
    /** {@code false}: nets train with DL4J's own updater, which makes new views of the gradient on every step. */
    public static final String CACHED_VIEWS_PROPERTY = "nin.fastpath.cachedViews";
    /** {@code false}: the views that look inside one sample run DL4J's layers in fp32, not SampleForward. */
    public static final String SAMPLE_PASS_PROPERTY = "nin.fastpath.samplePass";
    /**
     * {@code false}: the fused blocks compute in fp32; {@code true}: bf16 mixed precision where the CPU
     * has native bf16 (never elsewhere). Default: {@link #BF16_DEFAULT}.
     */
    public static final String BF16_PROPERTY = "nin.fastpath.bf16";
    public static final boolean BF16_DEFAULT = true;
    /** Read by DL4J's HelperUtils whenever a layer is created; DL4J's default is "true". */
    static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    /** libgomp's spin count before a passive worker sleeps (measurements in docs/performance.md). */
    static final String SPINS_BEFORE_SLEEP = "1000";

    private static final Logger LOG = LoggerFactory.getLogger(FastPath.class);
    private static FastPathStatus status;

    private FastPath() {
    }

    /**
     * Points JavaCPP at the shipped native build without loading ND4J. Called first thing at start-up,
     * so that whatever touches ND4J first (a data iterator, a model file) finds it.
     */
    public static void selectNativeBuild() {
        NativeBuild.select();
    }

    /** Switches the fast path on (unless {@code -Dnin.fastpath=false}), initialises ND4J, says what is active. */
    public static synchronized FastPathStatus enable() {
        if (status != null) {
            return status;
        }
        boolean on = Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
        String extension = NativeBuild.select();
        boolean mallocTuned = false;
        if (on) {
            System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
            openMpWaiting(System.getenv()).forEach(Libc::setenvIfAbsent);
            mallocTuned = Boolean.parseBoolean(System.getProperty(MALLOC_PROPERTY, "true")) && Libc.keepFreedMemory();
        }

        Nd4j.getExecutioner(); // initialises ND4J: loads the native build chosen above
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int threads = on ? applyThreads(Integer.getInteger(THREADS_PROPERTY, Loader.totalCores())) : ops.ompGetMaxThreads();
        boolean fused = on && Boolean.parseBoolean(System.getProperty(FUSED_PROPERTY, "true")) && oneDnnLoads();
        boolean nativeBf16 = fused && Precision.nativeBf16();
        boolean bf16 = nativeBf16 && Boolean.parseBoolean(System.getProperty(BF16_PROPERTY, String.valueOf(BF16_DEFAULT)));
        String isa = fused ? OneDnnIsa.widest() : levelName(ops.binaryLevel());
        status = new FastPathStatus(on, Loader.getPlatform() + extension, isa,
                on && BaseMKLDNNHelper.mklDnnEnabled(), fused, bf16 ? Precision.BF16 : Precision.FP32, nativeBf16,
                threads, mallocTuned);
        LOG.info(status.description());
        return status;
    }

    /**
     * How idle OpenMP workers wait, as environment variables for libgomp (which reads them when loaded), unless
     * {@code env} (the user's) sets a policy: they sleep, since spinning ones collapsed throughput 3-5x whenever
     * anything else wanted the CPU, as on a student's laptop; but they spin {@link #SPINS_BEFORE_SLEEP} times
     * first (tens of microseconds), because waking a sleeping worker costs more than that and fashion-28 pays it
     * in each of the ~100 oneDNN calls of a step. Longer spins lost throughput beside a busy process.
     */
    static Map<String, String> openMpWaiting(Map<String, String> env) {
        if (env.containsKey("OMP_WAIT_POLICY")) {
            return Map.of();
        }
        return env.containsKey("GOMP_SPINCOUNT") ? Map.of("OMP_WAIT_POLICY", "PASSIVE")
                : Map.of("OMP_WAIT_POLICY", "PASSIVE", "GOMP_SPINCOUNT", SPINS_BEFORE_SLEEP);
    }

    /** The ReLU for convolutions: {@link VectorisedRelu} on the fast path, DL4J's own otherwise. */
    public static synchronized IActivation relu() {
        return status != null && status.enabled() ? new VectorisedRelu() : new ActivationReLU();
    }

    /**
     * On the fast path, convolutions keep their pre-activation output from the forward pass for the
     * backward pass ({@code CacheMode.DEVICE}); with DL4J's default (NONE) the backward pass runs
     * the forward convolution a second time.
     */
    public static synchronized CacheMode cacheMode() {
        return status != null && status.enabled() ? CacheMode.DEVICE : CacheMode.NONE;
    }

    /** Whether NiN blocks are built as one fused oneDNN layer each ({@code FusedNinBlock}) rather than three convolutions. */
    public static synchronized boolean fusedBlocks() {
        return status != null && status.fusedBlocks();
    }

    /** Whether a fused block also computes the max pooling right after it, in its own layout and precision. */
    public static synchronized boolean fusedPools() {
        return fusedBlocks() && Boolean.parseBoolean(System.getProperty(FUSED_POOLS_PROPERTY, "true"));
    }

    /** Whether nets train with {@link CachedViewsUpdater} rather than DL4J's own updater. */
    public static synchronized boolean cachedUpdaterViews() {
        return status != null && status.enabled() && Boolean.parseBoolean(System.getProperty(CACHED_VIEWS_PROPERTY, "true"));
    }

    /** Whether one sample's feature maps and steps run as one oneDNN pass ({@code SampleForward}) where it covers the net. */
    public static synchronized boolean samplePass() {
        return fusedBlocks() && Boolean.parseBoolean(System.getProperty(SAMPLE_PASS_PROPERTY, "true"));
    }

    /** Whether neighbouring fused blocks hand each other their output and input gradient in their own layout. */
    public static synchronized boolean blockHandOvers() {
        return fusedBlocks() && Boolean.parseBoolean(System.getProperty(HAND_OVERS_PROPERTY, "true"));
    }

    /** The number format of the fused blocks' convolutions: bf16 mixed only where the CPU runs bf16 natively and it is not switched off. */
    public static synchronized Precision precision() {
        return status != null ? status.precision() : Precision.FP32;
    }

    /** The threads training runs on (what {@link #enable()} set). */
    public static synchronized int threads() {
        return status != null ? status.threads() : 1;
    }

    /**
     * Runs {@code work} with OpenMP (which oneDNN runs on) limited to one thread for the calling thread
     * only, as OpenMP keeps the thread count per thread, then restores it. For a single sample, waking
     * the second thread for each small op costs more than it saves.
     */
    public static <T> T singleThreaded(Supplier<T> work) {
        return withThreads(1, work);
    }

    /**
     * Runs {@code work} with OpenMP limited to {@code threads} for the calling thread, as {@link #singleThreaded}.
     * oneDNN fixes a primitive's thread count when it builds it, so build and run under the same count.
     */
    public static <T> T withThreads(int threads, Supplier<T> work) {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int before = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(threads);
        try {
            return work.get();
        } finally {
            ops.setOmpNumThreads(before);
        }
    }

    /** oneDNN's own library (JavaCPP's dnnl presets), on the CPU backend only: it works on host memory. */
    private static boolean oneDnnLoads() {
        if (!Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu")) {
            return false;
        }
        try {
            Loader.load(org.bytedeco.dnnl.global.dnnl.class);
            return true;
        } catch (Throwable e) { // UnsatisfiedLinkError and friends: carry on with three convolutions per block
            LOG.warn("oneDNN library not loaded, NiN blocks stay three DL4J convolutions: {}", e.toString());
            return false;
        }
    }

    /** OpenMP, ND4J's own and OpenBLAS's thread counts, set in code since installed launchers cannot set OMP_NUM_THREADS. */
    private static int applyThreads(int threads) {
        int n = Math.max(1, threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        // ND4J has already given OpenBLAS cores/chips threads; setting it again walks every loaded
        // library four times with dlopen (see ExplorerApp.afterFirstFrame for why that is to be avoided).
        if (Nd4j.factory().blas().getMaxThreads() != n) {
            Nd4j.factory().blas().setMaxThreads(n);
        }
        return n;
    }

    /** ND4J's numbering of libnd4j's compile target (CpuNDArrayFactory logs the same names), where oneDNN cannot say more. */
    private static String levelName(int level) {
        return switch (level) {
            case 3 -> "AVX512";
            case 2 -> "AVX/AVX2";
            default -> "generic x86";
        };
    }
}
