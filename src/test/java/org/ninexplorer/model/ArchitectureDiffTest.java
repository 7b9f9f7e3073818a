package org.ninexplorer.model;

import org.junit.jupiter.api.Test;
import org.ninexplorer.model.LayerChange.Change;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The architecture diff on hand-made pairs of nets. */
class ArchitectureDiffTest {

    private static final Architecture BASE = Presets.FASHION_28;

    @Test
    void identicalNetsHaveOnlyUnchangedRows() {
        ArchitectureDiff diff = ArchitectureDiff.between(BASE, Presets.FASHION_28.withClasses(10));

        assertThat(diff.identical()).isTrue();
        assertThat(diff.rows()).hasSize(BASE.layers().size() + 1)
                .allSatisfy(r -> {
                    assertThat(r.change()).isEqualTo(Change.UNCHANGED);
                    assertThat(r.beforeIndex()).isEqualTo(r.afterIndex());
                    assertThat(r.shapeChanged()).isFalse();
                });
        assertThat(diff.paramsDelta()).isZero();
        assertThat(diff.macsDelta()).isZero();
        assertThat(diff.rows().get(diff.rows().size() - 1).kind()).isEqualTo("classes");
    }

    @Test
    void aBlockRemovedInTheMiddleIsOneRemovalNotEveryLaterLayerChanged() {
        // fashion-28 without its second block and the pool after it (layers 2 and 3).
        Architecture shorter = BASE.withRemoved(2).withRemoved(2);

        ArchitectureDiff diff = ArchitectureDiff.between(BASE, shorter);

        assertThat(diff.rows()).extracting(LayerChange::change).containsExactly(Change.UNCHANGED, Change.UNCHANGED,
                Change.REMOVED, Change.REMOVED, Change.UNCHANGED, Change.UNCHANGED, Change.UNCHANGED,
                Change.UNCHANGED, Change.UNCHANGED, Change.UNCHANGED);
        assertThat(diff.rows()).extracting(LayerChange::beforeIndex).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(diff.rows()).extracting(LayerChange::afterIndex).containsExactly(0, 1, -1, -1, 2, 3, 4, 5, 6, 7);
        assertThat(diff.count(Change.REMOVED)).isEqualTo(2);
        assertThat(diff.identical()).isFalse();

        // The removed block takes its parameters with it: 64·32·9 + 64 + 2·(64·64 + 64).
        LayerChange removedBlock = diff.rows().get(2);
        assertThat(removedBlock.paramsDelta()).isEqualTo(-(64L * 32 * 9 + 64 + 2 * (64L * 64 + 64)));
        assertThat(removedBlock.outputAfter()).isNull();
        // The 128-channel block now reads 32 channels at 13×13 instead of 64 at 6×6: same settings, other cost.
        LayerChange next = diff.rows().get(4);
        assertThat(next.kind()).isEqualTo("nin");
        assertThat(next.fields()).isEmpty();
        assertThat(next.shapeChanged()).isTrue();
        assertThat(next.outputBefore()).isEqualTo(new Shape(128, 6, 6));
        assertThat(next.outputAfter()).isEqualTo(new Shape(128, 13, 13));
        assertThat(next.paramsDelta()).isEqualTo((128L * 32 * 9) - (128L * 64 * 9));
        assertRowsAddUpToTotals(diff);
    }

    @Test
    void aChangedChannelCountIsOneChangedLayerWithItsDelta() {
        Architecture wider = BASE.withLayer(2, ((NinBlock) BASE.layers().get(2)).withChannels(96));

        ArchitectureDiff diff = ArchitectureDiff.between(BASE, wider);

        assertThat(diff.rows()).hasSize(10);
        assertThat(diff.count(Change.CHANGED)).isEqualTo(1);
        LayerChange changed = diff.forAfter(2).orElseThrow();
        assertThat(changed.change()).isEqualTo(Change.CHANGED);
        assertThat(changed.beforeIndex()).isEqualTo(2);
        assertThat(changed.fields()).containsExactly(new FieldChange("channels", 64, 96));
        assertThat(changed.field("channels").orElseThrow().delta()).isEqualTo(BigDecimal.valueOf(32));
        assertThat(changed.field("kernel")).isEmpty();
        assertThat(changed.fields().get(0)).hasToString("channels 64 → 96 (+32)");
        assertThat(changed.outputBefore()).isEqualTo(new Shape(64, 13, 13));
        assertThat(changed.outputAfter()).isEqualTo(new Shape(96, 13, 13));
        assertThat(changed.paramsDelta()).isEqualTo((96L * 32 * 9 + 96 + 2 * (96L * 96 + 96))
                - (64L * 32 * 9 + 64 + 2 * (64L * 64 + 64)));
        assertThat(changed.macsDelta()).isEqualTo((96L * 32 * 9 + 2 * 96L * 96) * 13 * 13
                - (64L * 32 * 9 + 2 * 64L * 64) * 13 * 13);
        // The next block keeps its settings; it pays for the wider input.
        LayerChange next = diff.forBefore(4).orElseThrow();
        assertThat(next.change()).isEqualTo(Change.UNCHANGED);
        assertThat(next.paramsDelta()).isEqualTo(128L * 32 * 9);
        assertRowsAddUpToTotals(diff);
    }

    @Test
    void anInsertedDropoutIsOneAddition() {
        Architecture withDropout = BASE.withInserted(2, new Dropout(0.3));

        ArchitectureDiff diff = ArchitectureDiff.between(BASE, withDropout);

        assertThat(diff.count(Change.ADDED)).isEqualTo(1);
        assertThat(diff.count(Change.UNCHANGED)).isEqualTo(10);
        LayerChange added = diff.rows().get(2);
        assertThat(added.change()).isEqualTo(Change.ADDED);
        assertThat(added.beforeIndex()).isEqualTo(-1);
        assertThat(added.afterIndex()).isEqualTo(2);
        assertThat(added.kind()).isEqualTo("dropout");
        assertThat(added.outputAfter()).isEqualTo(new Shape(32, 13, 13));
        assertThat(diff.forAfter(3).orElseThrow().beforeIndex()).isEqualTo(2);
        assertThat(diff.rows()).allSatisfy(r -> assertThat(r.shapeChanged()).isEqualTo(r == added));
        assertThat(diff.paramsDelta()).isZero();
        assertThat(diff.forBefore(2).orElseThrow().afterIndex()).isEqualTo(3);
    }

    @Test
    void aBlockAddedInFrontShiftsTheAlignmentNotTheSettings() {
        Architecture deeper = BASE.withInserted(0, new NinBlock(16, 3, 1, 1));

        ArchitectureDiff diff = ArchitectureDiff.between(BASE, deeper);

        assertThat(diff.rows().get(0).change()).isEqualTo(Change.ADDED);
        assertThat(diff.rows().subList(1, diff.rows().size())).allSatisfy(r -> {
            assertThat(r.change()).isEqualTo(Change.UNCHANGED);
            assertThat(r.afterIndex()).isEqualTo(r.beforeIndex() + 1);
        });
    }

    @Test
    void settingsOfEveryKindAreCompared() {
        Architecture edited = BASE
                .withLayer(0, new NinBlock(32, 3, 1, 1))
                .withLayer(1, new MaxPool(2, 2))
                .withLayer(6, new Dropout(0.3));

        ArchitectureDiff diff = ArchitectureDiff.between(BASE, edited);

        assertThat(diff.forAfter(0).orElseThrow().fields())
                .containsExactly(new FieldChange("kernel", 5, 3), new FieldChange("padding", 2, 1));
        assertThat(diff.forAfter(1).orElseThrow().fields()).containsExactly(new FieldChange("kernel", 3, 2));
        FieldChange p = diff.forAfter(6).orElseThrow().field("p").orElseThrow();
        assertThat(p.delta()).isEqualByComparingTo("-0.2");
        assertThat(p).hasToString("p 0.5 → 0.3 (-0.2)");
        assertThat(diff.count(Change.CHANGED)).isEqualTo(3);
    }

    @Test
    void theExercisesVariantsShowAsTheirSettings() {
        NinBlock second = (NinBlock) BASE.layers().get(2);
        Architecture oneConv = BASE.withLayer(2, second.withMlp(1));
        Architecture threeByThree = BASE.withLayer(2, second.withMlpKernel(3));

        LayerChange fewer = ArchitectureDiff.between(BASE, oneConv).forAfter(2).orElseThrow();
        LayerChange wider = ArchitectureDiff.between(BASE, threeByThree).forAfter(2).orElseThrow();

        assertThat(fewer.fields()).containsExactly(new FieldChange("mlp", 2, 1));
        assertThat(fewer.paramsDelta()).isEqualTo(-(64L * 64 + 64));
        assertThat(fewer.macsDelta()).isEqualTo(-64L * 64 * 13 * 13);
        assertThat(wider.fields()).containsExactly(new FieldChange("mlpKernel", 1, 3));
        assertThat(wider.paramsDelta()).isEqualTo(2 * (64L * 64 * 9 - 64L * 64));
        assertThat(wider.shapeChanged()).isFalse();
    }

    @Test
    void aDenseHeadInsteadOfGapIsTwoRemovalsAndAnAddition() {
        // The last block and GAP give way to a fully connected layer from the 128×2×2 map to the 10 scores.
        Architecture dense = BASE.withRemoved(8).withRemoved(7).withInserted(7, new Dense(10));
        assertThat(ShapeInference.analyze(dense).valid()).isTrue();

        ArchitectureDiff diff = ArchitectureDiff.between(BASE, dense);

        assertThat(diff.rows()).extracting(LayerChange::change).containsExactly(Change.UNCHANGED, Change.UNCHANGED,
                Change.UNCHANGED, Change.UNCHANGED, Change.UNCHANGED, Change.UNCHANGED, Change.UNCHANGED,
                Change.REMOVED, Change.REMOVED, Change.ADDED, Change.UNCHANGED);
        LayerChange head = diff.forAfter(7).orElseThrow();
        assertThat(head.kind()).isEqualTo("dense");
        assertThat(head.paramsDelta()).isEqualTo(128L * 2 * 2 * 10 + 10);
        assertThat(head.outputAfter()).isEqualTo(Shape.flat(10));
        assertRowsAddUpToTotals(diff);

        LayerChange units = ArchitectureDiff.between(dense.withInserted(7, new Dense(64)),
                dense.withInserted(7, new Dense(32))).forAfter(7).orElseThrow();
        assertThat(units.fields()).containsExactly(new FieldChange("units", 64, 32));
        assertThat(units.paramsDelta()).isEqualTo((512L * 32 + 32) - (512L * 64 + 64));
    }

    @Test
    void layersOfDifferentKindsAreNeverPaired() {
        // The pool after the first block becomes a dropout.
        Architecture swapped = BASE.withLayer(1, new Dropout(0.5));

        ArchitectureDiff diff = ArchitectureDiff.between(BASE, swapped);

        assertThat(diff.rows()).extracting(LayerChange::change).startsWith(Change.UNCHANGED, Change.REMOVED,
                Change.ADDED, Change.UNCHANGED);
        assertThat(diff.rows()).hasSize(11);
        assertRowsAddUpToTotals(diff);
    }

    @Test
    void inputAndClassChangesAreReported() {
        Architecture other = BASE.withInput(new InputSpec(3, 32, 32)).withClasses(20)
                .withLayer(7, new NinBlock(20, 3, 1, 1));

        ArchitectureDiff diff = ArchitectureDiff.between(BASE, other);

        assertThat(diff.inputChanges()).containsExactly(new FieldChange("input.channels", 1, 3),
                new FieldChange("input.height", 28, 32), new FieldChange("input.width", 28, 32));
        LayerChange scores = diff.rows().get(diff.rows().size() - 1);
        assertThat(scores.change()).isEqualTo(Change.CHANGED);
        assertThat(scores.fields()).containsExactly(new FieldChange("classes", 10, 20));
        assertThat(diff.forAfter(0).orElseThrow().change()).isEqualTo(Change.UNCHANGED);
        assertThat(diff.forAfter(0).orElseThrow().shapeChanged()).isTrue();
        assertThat(diff.identical()).isFalse();
        assertRowsAddUpToTotals(diff);
    }

    @Test
    void anImpossibleNetIsStillCompared() {
        Architecture tooSmall = Presets.D2L_224.withInput(new InputSpec(1, 28, 28));

        ArchitectureDiff diff = ArchitectureDiff.between(Presets.D2L_224, tooSmall);

        assertThat(diff.after().valid()).isFalse();
        assertThat(diff.rows()).allSatisfy(r -> assertThat(r.change()).isEqualTo(Change.UNCHANGED));
        assertThat(diff.rows().get(3).outputAfter()).isNull();
        assertThat(diff.identical()).isFalse();
    }

    @Test
    void everyLayerKindIsARecordOfNumbers() {
        // The diff compares a layer's record components; a kind that is not a record would have no settings.
        assertThat(Layer.class.getPermittedSubclasses()).allSatisfy(kind -> {
            assertThat(kind.isRecord()).as(kind.getName()).isTrue();
            assertThat(List.of(kind.getRecordComponents())).allSatisfy(c ->
                    assertThat(c.getType() == int.class || c.getType() == double.class).as(c.toString()).isTrue());
        });
    }

    private static void assertRowsAddUpToTotals(ArchitectureDiff diff) {
        assertThat(diff.rows().stream().mapToLong(LayerChange::paramsDelta).sum()).isEqualTo(diff.paramsDelta());
        assertThat(diff.rows().stream().mapToLong(LayerChange::macsDelta).sum()).isEqualTo(diff.macsDelta());
        assertThat(diff.paramsDelta()).isEqualTo(diff.after().totalParams() - diff.before().totalParams());
    }
}
