package org.ninexplorer.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.ui.graph.DiffMark;
import org.ninexplorer.ui.graph.LayerCard;

/** The comparison's graph: a compared run's net marked against the earliest run's, on hand-made runs. */
class ComparedNetViewModelTest {

    @TempDir
    Path dir;
    private final ComparisonViewModel comparison = new ComparisonViewModel();
    private final ComparedNetViewModel net = comparison.net();

    private RunSummary run(String name, int minute, Architecture arch) {
        return new RunSummary(dir.resolve(name), name, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(60L * minute),
                arch, null, -1, -1, "sample", 0, 0, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, OptionalDouble.empty(), OptionalDouble.empty(), -1,
                RunSummary.State.COMPLETED, Optional.empty());
    }

    private List<DiffMark> marks() {
        return net.graph().cards().stream().map(c -> c.mark().mark()).toList();
    }

    @Test
    void theLaterRunsNetIsDrawnMarkedAgainstTheEarliest() {
        RunSummary base = run("baseline", 0, Presets.FASHION_28);
        RunSummary mlp = run("one 1×1 conv", 5, Presets.FASHION_28.withLayer(0, new NinBlock(32, 5, 1, 2, 1, 1)));
        comparison.compare(List.of(mlp, base)); // in any order: the earliest is the baseline

        assertThat(net.shownProperty().get()).isEqualTo(mlp);
        assertThat(net.titleProperty().get()).isEqualTo("one 1×1 conv’s network, marked against baseline");
        assertThat(net.net().readOnlyProperty().get()).as("a run's net, not for editing").isTrue();
        assertThat(net.graph().cards()).extracting(LayerCard::settings).element(1).isEqualTo("32 · 5×5 / 1 p2 · 1× 1×1");
        assertThat(marks().get(1)).isEqualTo(DiffMark.CHANGED);
        assertThat(marks().subList(2, marks().size())).containsOnly(DiffMark.UNCHANGED);
        assertThat(net.choicesProperty().get()).containsExactly(mlp);
    }

    @Test
    void withThreeRunsTheUserPicksWhichNetIsDrawn() {
        RunSummary base = run("baseline", 0, Presets.FASHION_28);
        RunSummary wider = run("wider", 5, Presets.FASHION_28.withLayer(0, new NinBlock(48, 5, 1, 2)));
        int gap = Presets.FASHION_28.layers().size() - 1;
        RunSummary dense = run("dense head", 10, Presets.FASHION_28.withRemoved(gap).withInserted(gap, new Dense(10)));
        comparison.compare(List.of(base, wider, dense));
        assertThat(net.choicesProperty().get()).containsExactly(wider, dense);
        assertThat(net.shownProperty().get()).isEqualTo(wider);

        net.shownProperty().set(dense);
        assertThat(marks().get(gap + 1)).as("the dense layer where GAP was").isEqualTo(DiffMark.ADDED);
        assertThat(net.graph().ghostsProperty().get()).singleElement()
                .satisfies(g -> assertThat(g.title()).isEqualTo("GAP"));

        comparison.alignmentProperty().set(ComparisonViewModel.Alignment.WALL_TIME);
        assertThat(net.shownProperty().get()).as("comparing again keeps the user's choice").isEqualTo(dense);
    }

    @Test
    void aBaselineWithoutANetDrawsNothing() {
        RunSummary damaged = run("damaged", 0, null);
        comparison.compare(List.of(damaged, run("other", 5, Presets.FASHION_28)));

        assertThat(net.shownProperty().get()).isNull();
        assertThat(net.titleProperty().get()).isEmpty();
        assertThat(net.graph().baselineProperty().get()).isNull();
    }
}
