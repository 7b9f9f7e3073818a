package org.nd4j.nativeblas;

/**
 * Compatibility shim for DL4J 1.0.0-M2.1. {@code BaseMKLDNNHelper.mklDnnEnabled()} asks, by reflection,
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}: the binding's pre-M1 name.
 * Since M1 the binding is {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and the flag is
 * {@code isUseONEDNN()}, so the lookup fails and DL4J never uses its oneDNN layer helpers. This class
 * answers that lookup with the real flag; nothing else uses it.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The old name of the native environment, as DL4J's reflection expects it. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the loaded libnd4j was built with oneDNN and has it switched on. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
