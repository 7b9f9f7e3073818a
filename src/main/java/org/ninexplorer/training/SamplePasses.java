package org.ninexplorer.training;

import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.fused.SampleForward;
import org.ninexplorer.training.perf.FastPath;
import org.ninexplorer.training.perf.PredictionThreads;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fast path of what looks inside a net one sample at a time (feature maps, step by step): a {@link SampleForward}
 * over parameters that never change, built the first time it is needed for a thread count ({@link PredictionThreads}),
 * since oneDNN fixes a primitive's threads when it builds it. It computes in the fused blocks' precision
 * ({@link FastPath#precision()}), so in bf16 its numbers differ from an fp32 evaluation's by bf16's rounding
 * (docs/performance.md); every view that looks inside one sample uses it, so they agree with each other. Not
 * thread-safe.
 */
final class SamplePasses {

    private static final Cleaner NATIVE_MEMORY = Cleaner.create();

    private final Architecture architecture;
    private final long macs;
    private final Supplier<float[]> params;
    private final SampleForward.Taps taps;
    private final Map<Integer, SampleForward> byThreads = new HashMap<>();
    /** Every pass built, closed by {@link #NATIVE_MEMORY} once this is unreachable. */
    private final List<SampleForward> built;

    private SamplePasses(Architecture architecture, Supplier<float[]> params, SampleForward.Taps taps) {
        this.architecture = architecture;
        this.macs = ShapeInference.analyze(architecture).totalMacs();
        this.params = params;
        this.taps = taps;
        List<SampleForward> passes = new ArrayList<>();
        NATIVE_MEMORY.register(this, () -> passes.forEach(SampleForward::close)); // not this: it would stay reachable
        this.built = passes;
    }

    /**
     * The fast path for a net of {@code architecture} whose parameters {@code params} gives (the same ones each time);
     * empty off the fused path, switched off ({@link FastPath#SAMPLE_PASS_PROPERTY}) or for layers it lacks.
     */
    static Optional<SamplePasses> of(Architecture architecture, Supplier<float[]> params, SampleForward.Taps taps) {
        return FastPath.samplePass() && SampleForward.covers(architecture)
                ? Optional.of(new SamplePasses(architecture, params, taps)) : Optional.empty();
    }

    SampleForward.Result run(float[] pixels) {
        int threads = PredictionThreads.forPass(macs);
        return FastPath.withThreads(threads, () -> pass(threads).run(pixels));
    }

    /** The pass for {@code threads}, built under that thread count (the caller's). */
    private SampleForward pass(int threads) {
        return byThreads.computeIfAbsent(threads, t -> {
            SampleForward pass = new SampleForward(architecture, params.get(), FastPath.precision(), taps);
            built.add(pass);
            return pass;
        });
    }
}
