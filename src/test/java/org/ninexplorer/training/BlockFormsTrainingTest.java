package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.training.perf.FastPath;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The exercises' variants train, save and resume like the book's net (real runs on the sample). */
class BlockFormsTrainingTest {

    /** A 3×3 block with one size-keeping convolution, a book's block, then a dense head instead of GAP. */
    private static final Architecture VARIANT = new Architecture(new InputSpec(1, 28, 28), 10, List.of(
            new NinBlock(12, 5, 2, 2, 1, 3),
            new MaxPool(3, 2),
            new NinBlock(16, 3, 1, 1),
            new Dropout(0.3),
            new Dense(32),
            new Dense(10)));

    @Test
    void aVariantWithADenseHeadTrainsAndResumes(@TempDir Path dir) throws Exception {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        Path run = dir.resolve("run");

        TrainingEvent.Finished first = new TrainingRun(RunFixtures.request(VARIANT, run, 1), events::add).call();
        TrainingEvent.Finished resumed = RunFixtures.resume(run, 2, events::add);

        assertThat(first.outcome()).as(English.of(first)).isEqualTo(TrainingEvent.Outcome.COMPLETED);
        assertThat(resumed.outcome()).as(English.of(resumed)).isEqualTo(TrainingEvent.Outcome.COMPLETED);
        assertThat(RunFixtures.epochRows(run)).hasSize(2);
        assertThat(RunRecord.read(run).architecture()).isEqualTo(VARIANT);
        String backend = ((TrainingEvent.Started) events.get(0)).backend().description();
        assertThat(backend.contains("block 0 as DL4J convolutions")).as(backend).isEqualTo(FastPath.fusedBlocks());
    }

    @Test
    void aCheckpointIsCheckedAgainstTheBlocksForm() {
        Backends.initialise();
        for (NetworkBuilder.Form form : List.of(NetworkBuilder.Form.FUSED_POOLS, NetworkBuilder.Form.FUSED_BLOCKS,
                NetworkBuilder.Form.LAYERS)) {
            MultiLayerNetwork net = new MultiLayerNetwork(NetworkBuilder.configuration(VARIANT,
                    Hyperparameters.defaults(), 1, form));
            net.init();

            assertThat(Checkpoints.difference(VARIANT, net)).isNull();
            assertThat(English.of(Checkpoints.difference(VARIANT.withLayer(0, new NinBlock(12, 5, 2, 2, 2, 3)), net)))
                    .isEqualTo("layers[0] is nin 12 · 5×5 / 2 p2 · 2× 3×3 in the record but nin 12 · 5×5 / 2 p2 · 1× 3×3"
                            + " in the checkpoint");
            assertThat(English.of(Checkpoints.difference(VARIANT.withLayer(4, new Dense(33)), net)))
                    .isEqualTo("layers[4] is dense 33 units in the record but dense 32 units in the checkpoint");
        }
    }
}
