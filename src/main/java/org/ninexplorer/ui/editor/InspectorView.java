package org.ninexplorer.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.Limits;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.ui.common.Action;
import org.ninexplorer.ui.common.Spinners;

/**
 * Edits the selected card with spinners. The form is rebuilt only when the selection changes kind, and
 * otherwise refreshed in place, so that typing or holding a spinner arrow is not interrupted by its own edit.
 */
public final class InspectorView extends VBox {

    private static final int MAX_SIDE = Limits.MAX_SIDE;

    private final EditorViewModel editor;
    private final Label heading = new Label();
    private final GridPane form = new GridPane();
    private final List<Runnable> refreshers = new ArrayList<>();
    private String builtFor = "";
    private boolean updating;

    public InspectorView(EditorViewModel editor, EditorActions actions) {
        this.editor = editor;
        getStyleClass().add("inspector");
        getStylesheets().add(InspectorView.class.getResource("editor.css").toExternalForm());
        heading.getStyleClass().add("title-4");
        form.getStyleClass().add("form");
        form.setHgap(10);
        form.setVgap(8);
        form.disableProperty().bind(editor.readOnlyProperty());

        Label locked = new Label();
        locked.textProperty().bind(editor.readOnlyReasonProperty());
        locked.getStyleClass().add("locked-note");
        locked.setWrapText(true);
        locked.visibleProperty().bind(editor.readOnlyProperty());
        locked.managedProperty().bind(locked.visibleProperty());

        Label layersHeading = new Label("Layers");
        layersHeading.getStyleClass().add("title-4");
        FlowPane buttons = new FlowPane(6, 6,
                button("+ NiN block", "add-nin", "Insert a NiN block after the selected card (Ctrl+B)", actions.addBlock),
                button("+ Max pool", "add-pool", "Insert a 3×3 / 2 max pool after the selected card (Ctrl+P)",
                        actions.addPool),
                button("+ Dropout", "add-dropout", "Insert dropout after the selected card", actions.addDropout),
                button("+ Dense", "add-dense", "Insert a dense (fully connected) layer after the selected card; at the"
                        + " end of the net it gets one unit per class", actions.addDense),
                button("Move up", "move-up", "Move the selected layer one place earlier (Alt+Up)", actions.moveUp),
                button("Move down", "move-down", "Move the selected layer one place later (Alt+Down)", actions.moveDown),
                button("Remove", "remove", "Remove the selected layer (Delete)", actions.remove));
        getChildren().addAll(locked, heading, form, layersHeading, buttons);
        setSpacing(12);
        setPadding(new Insets(14));

        editor.selectionProperty().addListener((obs, old, index) -> refresh());
        editor.revisionProperty().addListener((obs, old, rev) -> refresh());
        refresh();
    }

    private void refresh() {
        int index = editor.selection();
        Layer layer = editor.selectedLayer();
        String key = (index == EditorViewModel.INPUT ? "input" : layer == null ? "classes" : layer.type()) + ":" + index;
        if (!key.equals(builtFor)) {
            builtFor = key;
            build(layer, index);
        }
        updating = true;
        try {
            refreshers.forEach(Runnable::run);
        } finally {
            updating = false;
        }
    }

    private void build(Layer layer, int index) {
        form.getChildren().clear();
        refreshers.clear();
        if (index == EditorViewModel.INPUT) {
            heading.setText("Input");
            intRow("Channels", "input-channels", 1, 3, "1 for grayscale, 3 for colour images",
                    () -> editor.architecture().input().channels(),
                    v -> editor.setInput(new InputSpec(v, input().height(), input().width())));
            intRow("Height", "input-height", 1, MAX_SIDE, "Images are resized to this height",
                    () -> input().height(), v -> editor.setInput(new InputSpec(input().channels(), v, input().width())));
            intRow("Width", "input-width", 1, MAX_SIDE, "Images are resized to this width",
                    () -> input().width(), v -> editor.setInput(new InputSpec(input().channels(), input().height(), v)));
            return;
        }
        if (layer == null) {
            heading.setText("Classes");
            intRow("Classes", "classes", Limits.MIN_CLASSES, Limits.MAX_CLASSES, "How many classes the net tells apart;"
                            + " the last NiN block before GAP needs one channel per class, a last dense layer one unit",
                    () -> editor.architecture().classes(), editor::setClasses);
            return;
        }
        switch (layer.kind()) {
            case NIN -> buildBlock(index);
            case MAXPOOL -> {
                heading.setText("Max pool · layer " + index);
                intRow("Kernel", "pool-kernel", 1, MAX_SIDE, "Side of the pooling window",
                        () -> pool().kernel(), v -> editor.editLayer(MaxPool.class, "kernel", p -> p.withKernel(v)));
                intRow("Stride", "pool-stride", 1, MAX_SIDE, "How far the window moves between outputs",
                        () -> pool().stride(), v -> editor.editLayer(MaxPool.class, "stride", p -> p.withStride(v)));
            }
            case DROPOUT -> buildDropout(index);
            case GAP -> heading.setText("Global average pooling · layer " + index
                    + "\nNothing to set: it averages each channel to one number.");
            case DENSE -> {
                heading.setText("Dense · layer " + index);
                intRow("Units", "units", 1, Limits.MAX_UNITS,
                        "Outputs of the layer; as the last layer, one per class (the class scores)",
                        () -> ((Dense) editor.selectedLayer()).units(),
                        v -> editor.editLayer(Dense.class, "units", d -> d.withUnits(v)));
            }
        }
    }

    private void buildBlock(int index) {
        heading.setText("NiN block · layer " + index);
        intRow("Channels", "channels", 1, Limits.MAX_CHANNELS, "Output channels of every convolution of the block",
                () -> block().channels(), v -> editor.editLayer(NinBlock.class, "channels", b -> b.withChannels(v)));
        intRow("Kernel", "kernel", 1, MAX_SIDE, "Side of the first convolution's square window",
                () -> block().kernel(), v -> editor.editLayer(NinBlock.class, "kernel", b -> b.withKernel(v)));
        intRow("Stride", "stride", 1, MAX_SIDE, "How far the window moves between outputs",
                () -> block().stride(), v -> editor.editLayer(NinBlock.class, "stride", b -> b.withStride(v)));
        intRow("Padding", "padding", 0, MAX_SIDE, "Zeros added around the input on each side",
                () -> block().padding(), v -> editor.editLayer(NinBlock.class, "padding", b -> b.withPadding(v)));
        intRow("Convs after", "mlp", 0, Limits.MAX_MLP, "How many size-keeping convolutions follow the first"
                        + " (the book's block has two 1×1 ones)", () -> block().mlp(),
                v -> editor.editLayer(NinBlock.class, "the convolutions after the first", b -> b.withMlp(v)));
        ChoiceBox<Integer> kernel = new ChoiceBox<>(FXCollections.observableList(Limits.MLP_KERNELS));
        kernel.setId("mlp-kernel");
        kernel.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer k) {
                return k == null ? "" : k + "×" + k + (k / 2 > 0 ? ", padding " + k / 2 : "");
            }

            @Override
            public Integer fromString(String text) {
                throw new UnsupportedOperationException("a choice box does not parse");
            }
        });
        kernel.setTooltip(new Tooltip("Kernel of the convolutions after the first: 1×1, or 3×3 with padding 1;"
                + " both keep the size"));
        kernel.valueProperty().addListener((obs, old, v) -> {
            if (!updating && v != null) {
                editor.editLayer(NinBlock.class, "the kernel after the first", b -> b.withMlpKernel(v));
            }
        });
        refreshers.add(() -> kernel.setValue(block().mlpKernel()));
        Label label = new Label("Their kernel");
        label.setLabelFor(kernel);
        form.addRow(form.getRowCount(), label, kernel);
    }

    private void buildDropout(int index) {
        heading.setText("Dropout · layer " + index);
        Spinner<Double> p = Spinners.decimal(0, 0.95, 0.5, 0.05);
        p.setId("dropout-p");
        p.setTooltip(new Tooltip("Probability of zeroing each activation during training"));
        p.valueProperty().addListener((obs, old, v) -> {
            if (!updating && v != null) {
                editor.editLayer(Dropout.class, "p", d -> new Dropout(Math.round(v * 100) / 100.0));
            }
        });
        refreshers.add(() -> {
            if (editor.selectedLayer() instanceof Dropout d) {
                p.getValueFactory().setValue(d.p());
            }
        });
        form.addRow(0, new Label("p"), p);
    }

    private void intRow(String name, String id, int min, int max, String help, IntSupplier value, IntConsumer set) {
        Spinner<Integer> spinner = Spinners.integer(min, max, value.getAsInt());
        spinner.setId(id);
        spinner.setPrefWidth(130);
        spinner.setTooltip(new Tooltip(help));
        spinner.valueProperty().addListener((obs, old, v) -> {
            if (!updating && v != null) {
                set.accept(v);
            }
        });
        refreshers.add(() -> spinner.getValueFactory().setValue(value.getAsInt()));
        Label label = new Label(name);
        label.setLabelFor(spinner);
        form.addRow(form.getRowCount(), label, spinner);
    }

    private InputSpec input() {
        return editor.architecture().input();
    }

    private NinBlock block() {
        return (NinBlock) editor.selectedLayer();
    }

    private MaxPool pool() {
        return (MaxPool) editor.selectedLayer();
    }

    private static Button button(String text, String id, String help, Action action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(help));
        action.bind(button);
        return button;
    }
}
