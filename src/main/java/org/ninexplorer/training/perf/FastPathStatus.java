package org.ninexplorer.training.perf;

import org.ninexplorer.training.RunMessage;
import org.ninexplorer.training.fused.Precision;

/**
 * What {@link FastPath} switched on.
 *
 * @param enabled        false when switched off with {@code -Dnin.fastpath=false}
 * @param nativeBuild    the libnd4j build JavaCPP loaded, e.g. {@code linux-x86_64-onednn}
 * @param instructionSet the widest instruction set the convolutions run ({@code OneDnnIsa}; without the fused
 *                       blocks, the one libnd4j was compiled for, as ND4J names it), e.g. AVX512
 * @param onednnHelpers  whether DL4J's convolution/pooling layers run through oneDNN
 * @param fusedBlocks    whether each NiN block runs as one oneDNN layer ({@code FusedNinBlock})
 * @param precision      the fused blocks' number format (always fp32 without them)
 * @param nativeBf16     whether the CPU runs bf16 convolutions natively (so bf16 could be chosen)
 * @param threads        OpenMP/BLAS threads
 * @param mallocTuned    whether glibc keeps freed memory instead of unmapping it
 */
public record FastPathStatus(boolean enabled, String nativeBuild, String instructionSet, boolean onednnHelpers,
                             boolean fusedBlocks, Precision precision, boolean nativeBf16, int threads,
                             boolean mallocTuned) {

    /** One line for logs, the backend panel and {@code bench}. */
    public String description() {
        return "fast path " + (enabled ? "on" : "off") + ": oneDNN helpers " + (onednnHelpers ? "on" : "off")
                + ", fused NiN blocks " + (fusedBlocks ? "on (" + precisionMessage().english() + ")" : "off") + ", native build "
                + nativeBuild + ", " + instructionSet + " kernels, " + threads + " threads, malloc " + (mallocTuned ? "tuned" : "default");
    }

    /** The fused blocks' precision and why: "bf16 mixed", "fp32, bf16 off" or "fp32, no native bf16". */
    public RunMessage precisionMessage() {
        return RunMessage.of(precision == Precision.BF16 ? RunMessage.Code.BF16_MIXED
                : nativeBf16 ? RunMessage.Code.FP32_BF16_OFF : RunMessage.Code.FP32_NO_NATIVE_BF16);
    }
}
