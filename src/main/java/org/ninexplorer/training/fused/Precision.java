package org.ninexplorer.training.fused;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;

/**
 * The number format inside a fused NiN block's convolutions. {@link #BF16} is mixed precision: the
 * convolutions read and write bfloat16 activations, gradients and weights, while the net keeps fp32
 * master weights, fp32 weight and bias gradients (so the updater is fp32) and fp32 everything outside
 * the blocks (pooling, the loss).
 */
public enum Precision {
    FP32(memory.data_type.f32),
    BF16(memory.data_type.bf16);

    private final memory.data_type activations;

    Precision(memory.data_type activations) {
        this.activations = activations;
    }

    /**
     * The number format of a block's convolutions of {@code channels} outputs. bf16 only where oneDNN 2.7's bf16 kernels suit the block: channels
     * in multiples of 16. A class block of 10 channels (padded to 16 inside) ran its bf16 weight gradients 10–200×
     * slower than fp32, so it stays fp32; small maps are fine (fashion-28's 128 channels on 6×6 train twice as fast
     * in bf16, as in PyTorch).
     */
    memory.data_type activations(int channels) {
        return channels % 16 == 0 ? activations : memory.data_type.f32;
    }

    /**
     * Whether this CPU runs bf16 convolutions natively (avx512_bf16 or AMX), as oneDNN sees it:
     * {@code DNNL_MAX_CPU_ISA} lowers what it sees. Without native support oneDNN emulates bf16, which
     * is slower than fp32. Needs the {@code dnnl} library loaded.
     */
    public static boolean nativeBf16() {
        return OneDnnIsa.runs(dnnl.cpu_isa.avx512_core_bf16); // AMX and avx512_fp16 include its bits
    }
}
