package org.ninexplorer.ui.graph;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.ConvReport;
import org.ninexplorer.model.Diagnostic;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.MemoryByLayer;
import org.ninexplorer.model.MemoryEstimate;
import org.ninexplorer.model.Shape;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.ui.common.Format;
import org.ninexplorer.ui.common.Arithmetic;
import org.ninexplorer.ui.common.LayerWords;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.editor.Baseline;
import org.ninexplorer.ui.editor.EditorViewModel;

/** Turns each analysis into the cards and the summary line the graph shows. */
public final class GraphViewModel {

    private final ReadOnlyObjectWrapper<List<LayerCard>> cards = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper memoryArithmetic = new ReadOnlyStringWrapper("");
    private final IntegerProperty memoryBatch = new SimpleIntegerProperty(1);
    private final IntegerProperty optimizerCopies = new SimpleIntegerProperty(2);
    private final GraphZoom zoom = new GraphZoom();
    private final ObjectProperty<Baseline> baseline = new SimpleObjectProperty<>();
    private final BooleanProperty marking = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<List<Ghost>> ghosts = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper("");
    private Analysis analysis;

    public GraphViewModel(EditorViewModel editor) {
        editor.analysisProperty().addListener((obs, old, now) -> update(now));
        memoryBatch.addListener((obs, old, now) -> update(analysis));
        optimizerCopies.addListener((obs, old, now) -> update(analysis));
        baseline.addListener((obs, old, now) -> update(analysis));
        marking.addListener((obs, old, now) -> update(analysis));
        update(editor.analysis());
    }

    // --- Marks against a baseline ------------------------------------------------------------------

    /** The net the cards are marked against (added, changed, unchanged, removed); null for no marks. */
    public ObjectProperty<Baseline> baselineProperty() {
        return baseline;
    }

    /** Whether the cards show their marks while there is a baseline; on by default. */
    public BooleanProperty markingProperty() {
        return marking;
    }

    /** The baseline's layers this net no longer has, each before the card that now follows it; empty unmarked. */
    public ReadOnlyObjectProperty<List<Ghost>> ghostsProperty() {
        return ghosts.getReadOnlyProperty();
    }

    /** What the marks add up to, in one line; empty when the cards are not marked. */
    public ReadOnlyStringProperty diffSummaryProperty() {
        return diffSummary.getReadOnlyProperty();
    }

    // --- The graph ---------------------------------------------------------------------------------

    /** The batch size the summary counts memory at (the training form's). */
    public IntegerProperty memoryBatchProperty() {
        return memoryBatch;
    }

    /** Values the optimizer keeps per weight, for the training memory: 2 for Adam, 1 for SGD. */
    public IntegerProperty optimizerCopiesProperty() {
        return optimizerCopies;
    }

    /** How the summary's memory figures add up, for its tooltip; empty when the net has none. */
    public ReadOnlyStringProperty memoryArithmeticProperty() {
        return memoryArithmetic.getReadOnlyProperty();
    }

    /** How large the graph is drawn. */
    public GraphZoom zoom() {
        return zoom;
    }

    public ReadOnlyObjectProperty<List<LayerCard>> cardsProperty() {
        return cards.getReadOnlyProperty();
    }

    public List<LayerCard> cards() {
        return cards.get();
    }

    /** Totals: params, MACs and activation memory per sample. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Every problem, one per line; empty when the net can train. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    private void update(Analysis analysis) {
        this.analysis = analysis;
        Baseline against = marking.get() ? baseline.get() : null;
        DiffMarks marks = against == null ? DiffMarks.NONE
                : new DiffMarks(ShapeInference.analyze(against.architecture()), analysis, against.name());
        // The ghosts first: the view redraws when the cards change, and then finds the ghosts that go with them.
        ghosts.set(marks.ghosts());
        diffSummary.set(marks.summary());
        cards.set(cardsOf(analysis, marks));
        boolean complete = analysis.reports().stream().allMatch(r -> r.output() != null);
        String memory = "";
        memoryArithmetic.set("");
        if (analysis.valid() && memoryBatch.get() >= 1) {
            MemoryByLayer m = MemoryByLayer.of(analysis, memoryBatch.get(), optimizerCopies.get());
            memory = Messages.get("graph.summary.memory", String.format(java.util.Locale.ROOT, "%,d", m.batch()),
                    MemoryEstimate.bytes(m.predictionBytes()), MemoryEstimate.bytes(m.trainingBytes()));
            memoryArithmetic.set(Messages.get("graph.summary.memory.arithmetic",
                    Arithmetic.prediction(Messages.current(), m), Arithmetic.training(Messages.current(), m)));
        }
        summary.set(Messages.get(complete ? "graph.summary" : "graph.summary.incomplete",
                Format.count(analysis.totalParams()), Format.count(analysis.totalMacs()),
                Format.bytes(analysis.activationBytes()), memory));
        problems.set(String.join("\n", analysis.diagnostics().stream().map(GraphViewModel::describe).toList()));
    }

    /** A diagnostic as a sentence: "Layer 3 (kernel): The 20×20 pool ..." */
    public static String describe(Diagnostic d) {
        return Messages.current().diagnostic(d);
    }

    static List<LayerCard> cardsOf(Analysis analysis, DiffMarks marks) {
        List<LayerReport> reports = analysis.reports();
        long largest = Math.max(analysis.architecture().input().shape().elements(), reports.stream()
                .filter(r -> r.output() != null).mapToLong(r -> r.output().elements()).max().orElse(1));
        List<LayerCard> cards = new ArrayList<>();
        Shape in = analysis.architecture().input().shape();
        String inputProblem = String.join("\n", analysis.globalDiagnostics().stream()
                .filter(d -> "input".equals(d.field())).map(Messages.current()::sentence).toList());
        cards.add(new LayerCard(EditorViewModel.INPUT, "input", Messages.get("graph.title.input"),
                Messages.get(in.channels() == 1 ? "graph.input.grayscale" : "graph.input.channels", in.height(),
                        in.width(), in.channels()), in.toString(), Messages.get("graph.input.stats"), "", inputProblem.isEmpty() ? LayerReport.Status.VALID : LayerReport.Status.INVALID,
                inputProblem, Teaching.input(), relative(in.elements(), largest), List.of(),
                marks.of(EditorViewModel.INPUT)));
        int firstInvalid = -1;
        for (LayerReport r : reports) {
            String problem = String.join("\n", r.diagnostics().stream().map(Messages.current()::sentence).toList());
            if (r.status() == LayerReport.Status.INVALID && firstInvalid < 0) {
                firstInvalid = r.index();
            }
            if (r.status() == LayerReport.Status.UNREACHABLE) {
                // One line: the red card before it says what is wrong, and every card must stay in view.
                problem = firstInvalid >= 0 ? Messages.get("graph.needs-layer", String.valueOf(firstInvalid))
                        : Messages.get("graph.needs-impossible-setting");
            }
            if ("classes".equals(r.kind())) {
                String global = String.join("\n", analysis.globalDiagnostics().stream()
                        .filter(d -> !"input".equals(d.field())).map(Messages.current()::sentence).toList());
                if (!global.isEmpty()) {
                    // With no impossible layer before it, the network's own problem is the whole story.
                    problem = firstInvalid < 0 || problem.isEmpty() ? global : problem + "\n" + global;
                }
            }
            LayerReport.Status status = r.status() == LayerReport.Status.VALID && !problem.isEmpty()
                    ? LayerReport.Status.INVALID : r.status();
            List<Layer> layers = analysis.architecture().layers();
            Layer layer = r.index() < layers.size() ? layers.get(r.index()) : null;
            cards.add(new LayerCard(r.index(), r.kind(), layer == null ? Messages.get("graph.title.classes")
                    : Teaching.title(layer.kind()), summary(layer, r, analysis), shape(r), stats(r), Messages.current().formula(r.formula()), status, problem,
                    layer == null ? Teaching.classes() : Teaching.of(layer, r.index() == layers.size() - 1),
                    r.output() == null ? 0 : relative(r.output().elements(), largest), convs(r), marks.of(r.index())));
        }
        return cards;
    }

    /** A flat output (the class scores, a dense layer's) is its length, as in the book: 10 numbers, not 10×1×1. */
    private static String shape(LayerReport r) {
        return r.output() == null ? "?" : r.output().toString();
    }

    private static String stats(LayerReport r) {
        if (r.output() == null) {
            return Messages.get("graph.stats.unknown");
        }
        return r.params() == 0 && r.macs() == 0 ? Messages.get("graph.stats.none")
                : Messages.get("graph.stats", Format.count(r.params()), Format.count(r.macs()));
    }

    /** The card's second line: the model's notation ("32 · 5×5 / 1 p2"), in words where it has words. */
    private static String summary(Layer layer, LayerReport r, Analysis analysis) {
        return LayerWords.settings(Messages.current(), layer, r.summary(), analysis.architecture().classes());
    }

    /** Each convolution of a block, in full: the block's own description as shape inference computed it. */
    private static List<LayerCard.Conv> convs(LayerReport r) {
        List<LayerCard.Conv> convs = new ArrayList<>();
        for (ConvReport c : r.convs()) {
            boolean first = convs.isEmpty();
            String kernel = c.kernel() + "×" + c.kernel() + (first ? " / " + c.stride() : "")
                    + (c.padding() > 0 ? " p" + c.padding() : "");
            convs.add(new LayerCard.Conv(Messages.get("graph.conv", kernel, c.output().toString(),
                    String.format(java.util.Locale.ROOT, "%,d", c.params()),
                    String.format(java.util.Locale.ROOT, "%,d", c.macs())),
                    first ? Teaching.firstConv() : Teaching.sizeKeeping(c.kernel())));
        }
        return convs;
    }

    /** Log scale, so that a 1×1×10 score and a 96×54×54 map both stay visible. */
    private static double relative(long elements, long largest) {
        return largest <= 1 ? 1 : Math.log1p(elements) / Math.log1p(largest);
    }
}
