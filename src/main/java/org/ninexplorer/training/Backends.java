package org.ninexplorer.training;

import org.nd4j.linalg.factory.Nd4j;
import org.ninexplorer.training.perf.FastPath;
import org.ninexplorer.training.perf.FastPathStatus;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts ND4J once, on the fast CPU path unless it is switched off, and says which backend it
 * chose. The first start unpacks hundreds of MB of natives, so call {@link #initialise()} from a
 * background thread, never the FX thread. Every network is built after it (see {@link NetworkBuilder}).
 */
public final class Backends {

    private static BackendInfo info;

    private Backends() {
    }

    public static synchronized BackendInfo initialise() {
        if (info == null) {
            FastPathStatus fastPath = FastPath.enable(); // must come before anything else loads ND4J
            CrashDumps.outsideRuns();
            info = describe(Nd4j.getBackend().getClass().getSimpleName(),
                    Nd4j.getExecutioner().getEnvironmentInformation(), fastPath);
        }
        return info;
    }

    static BackendInfo describe(String backendClass, Properties env, FastPathStatus fastPath) {
        if (backendClass.contains("Cuda") || backendClass.contains("JCublas")) {
            return new BackendInfo("cuda", List.of(RunMessage.text("CUDA"), RunMessage.text(cudaDevice(env))));
        }
        BackendInfo cpu = new BackendInfo("cpu", List.of(RunMessage.text("CPU"),
                RunMessage.of(RunMessage.Code.THREADS, fastPath.threads()), RunMessage.text(fastPath.instructionSet()),
                RunMessage.of(fastPath.onednnHelpers() ? RunMessage.Code.FAST_PATH : RunMessage.Code.FAST_PATH_OFF)));
        return fastPath.fusedBlocks() ? cpu.with(RunMessage.of(RunMessage.Code.FUSED_BLOCKS),
                fastPath.precisionMessage()) : cpu;
    }

    private static String cudaDevice(Properties env) {
        if (env.get("cuda.devicesInformation") instanceof List<?> devices && !devices.isEmpty()
                && devices.get(0) instanceof Map<?, ?> device && device.get("cuda.deviceName") != null) {
            return device.get("cuda.deviceName").toString();
        }
        return "GPU";
    }
}
