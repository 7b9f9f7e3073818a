package org.ninexplorer.training.fused;

import org.bytedeco.dnnl.global.dnnl;

import java.util.List;

/**
 * The widest instruction set oneDNN runs its kernels with on this CPU, as it sees it ({@code DNNL_MAX_CPU_ISA}
 * lowers it): what the convolutions, where the time goes, actually use. libnd4j's own build is generic x86-64
 * and says nothing about that. Needs the {@code dnnl} library loaded.
 */
public final class OneDnnIsa {

    private record Level(dnnl.cpu_isa isa, String name) {
    }

    /** Widest first. */
    private static final List<Level> LEVELS = List.of(
            new Level(dnnl.cpu_isa.avx512_core_amx, "AMX"),
            new Level(dnnl.cpu_isa.avx512_core, "AVX512"),
            new Level(dnnl.cpu_isa.avx2, "AVX2"),
            new Level(dnnl.cpu_isa.avx, "AVX"),
            new Level(dnnl.cpu_isa.sse41, "SSE4.1"));

    private OneDnnIsa() {
    }

    /** "AMX", "AVX512", "AVX2", "AVX", "SSE4.1" or "x86-64". */
    public static String widest() {
        return LEVELS.stream().filter(l -> runs(l.isa())).map(Level::name).findFirst().orElse("x86-64");
    }

    /** Whether oneDNN runs {@code isa}'s kernels here: cpu_isa values are bit masks, each wider one including the narrower ones' bits. */
    static boolean runs(dnnl.cpu_isa isa) {
        return (dnnl.get_effective_cpu_isa().value & isa.value) == isa.value;
    }
}
