package org.ninexplorer.training;

import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts ND4J once and says which backend it chose. The first start unpacks hundreds of MB of
 * natives, so call {@link #initialise()} from a background thread, never the FX thread.
 */
public final class Backends {

    private static BackendInfo info;

    private Backends() {
    }

    public static synchronized BackendInfo initialise() {
        if (info == null) {
            info = describe(Nd4j.getBackend().getClass().getSimpleName(),
                    Nd4j.getExecutioner().getEnvironmentInformation());
        }
        return info;
    }

    static BackendInfo describe(String backendClass, Properties env) {
        if (backendClass.contains("Cuda") || backendClass.contains("JCublas")) {
            return new BackendInfo("cuda", "CUDA · " + cudaDevice(env));
        }
        return new BackendInfo("cpu", "CPU · " + env.getOrDefault("omp.threads", "?") + " threads · "
                + env.getOrDefault("blas.vendor", "BLAS"));
    }

    private static String cudaDevice(Properties env) {
        if (env.get("cuda.devicesInformation") instanceof List<?> devices && !devices.isEmpty()
                && devices.get(0) instanceof Map<?, ?> device && device.get("cuda.deviceName") != null) {
            return device.get("cuda.deviceName").toString();
        }
        return "GPU";
    }
}
