package org.ninexplorer.training.perf;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.NetworkBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** A call limited to one OpenMP thread (as small one-sample passes are) is so for its own duration only, with the same results. */
class SingleThreadedTest {

    @Test
    void limitsOnlyTheCallAndRestoresTheThreadCount() {
        MultiLayerNetwork net = NetworkBuilder.build(Presets.FASHION_28, Hyperparameters.defaults(), 1);
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int before = ops.ompGetMaxThreads();

        assertThat(FastPath.singleThreaded(ops::ompGetMaxThreads)).isEqualTo(1);
        assertThat(ops.ompGetMaxThreads()).isEqualTo(before);
        assertThatThrownBy(() -> FastPath.singleThreaded(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(ops.ompGetMaxThreads()).isEqualTo(before);

        Nd4j.getRandom().setSeed(7);
        INDArray sample = Nd4j.rand(DataType.FLOAT, 1, 1, 28, 28);
        float[] threaded = net.output(sample, false).data().asFloat();
        float[] single = FastPath.singleThreaded(() -> net.output(sample, false)).data().asFloat();
        assertThat(single).containsExactly(threaded, offset(1e-6f));
    }
}
