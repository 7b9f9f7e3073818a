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
import javafx.scene.layout.Region;
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
import org.ninexplorer.ui.common.Messages;

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

        Label layersHeading = new Label(Messages.get("editor.layers"));
        layersHeading.getStyleClass().add("title-4");
        FlowPane buttons = new FlowPane(6, 6,
                button(Messages.get("editor.add-nin"), "add-nin", Messages.get("editor.add-nin.tooltip"), actions.addBlock),
                button(Messages.get("editor.add-pool"), "add-pool", Messages.get("editor.add-pool.tooltip"),
                        actions.addPool),
                button(Messages.get("editor.add-dropout"), "add-dropout", Messages.get("editor.add-dropout.tooltip"), actions.addDropout),
                button(Messages.get("editor.add-dense"), "add-dense", Messages.get("editor.add-dense.tooltip"), actions.addDense),
                button(Messages.get("editor.move-up"), "move-up", Messages.get("editor.move-up.tooltip"), actions.moveUp),
                button(Messages.get("editor.move-down"), "move-down", Messages.get("editor.move-down.tooltip"), actions.moveDown),
                button(Messages.get("editor.remove"), "remove", Messages.get("editor.remove.tooltip"), actions.remove));
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
            heading.setText(Messages.get("editor.input"));
            intRow(Messages.get("editor.input-channels"), "input-channels", 1, 3, Messages.get("editor.input-channels.tooltip"),
                    () -> editor.architecture().input().channels(),
                    v -> editor.setInput(new InputSpec(v, input().height(), input().width())));
            intRow(Messages.get("editor.height"), "input-height", 1, MAX_SIDE, Messages.get("editor.height.tooltip"),
                    () -> input().height(), v -> editor.setInput(new InputSpec(input().channels(), v, input().width())));
            intRow(Messages.get("editor.width"), "input-width", 1, MAX_SIDE, Messages.get("editor.width.tooltip"),
                    () -> input().width(), v -> editor.setInput(new InputSpec(input().channels(), input().height(), v)));
            return;
        }
        if (layer == null) {
            heading.setText(Messages.get("editor.classes"));
            intRow(Messages.get("editor.classes"), "classes", Limits.MIN_CLASSES, Limits.MAX_CLASSES,
                    Messages.get("editor.classes.tooltip"),
                    () -> editor.architecture().classes(), editor::setClasses);
            return;
        }
        switch (layer.kind()) {
            case NIN -> buildBlock(index);
            case MAXPOOL -> {
                heading.setText(Messages.get("editor.heading.pool", String.valueOf(index)));
                intRow(Messages.get("editor.kernel"), "pool-kernel", 1, MAX_SIDE, Messages.get("editor.pool-kernel.tooltip"),
                        () -> pool().kernel(), v -> editor.editLayer(MaxPool.class, Messages.get("editor.what.kernel"), p -> p.withKernel(v)));
                intRow(Messages.get("editor.stride"), "pool-stride", 1, MAX_SIDE, Messages.get("editor.stride.tooltip"),
                        () -> pool().stride(), v -> editor.editLayer(MaxPool.class, Messages.get("editor.what.stride"), p -> p.withStride(v)));
            }
            case DROPOUT -> buildDropout(index);
            case GAP -> heading.setText(Messages.get("editor.heading.gap", String.valueOf(index)));
            case DENSE -> {
                heading.setText(Messages.get("editor.heading.dense", String.valueOf(index)));
                intRow(Messages.get("editor.units"), "units", 1, Limits.MAX_UNITS, Messages.get("editor.units.tooltip"),
                        () -> ((Dense) editor.selectedLayer()).units(),
                        v -> editor.editLayer(Dense.class, Messages.get("editor.what.units"), d -> d.withUnits(v)));
            }
        }
    }

    private void buildBlock(int index) {
        heading.setText(Messages.get("editor.heading.nin", String.valueOf(index)));
        intRow(Messages.get("editor.channels"), "channels", 1, Limits.MAX_CHANNELS, Messages.get("editor.channels.tooltip"),
                () -> block().channels(), v -> editor.editLayer(NinBlock.class, Messages.get("editor.what.channels"), b -> b.withChannels(v)));
        intRow(Messages.get("editor.kernel"), "kernel", 1, MAX_SIDE, Messages.get("editor.kernel.tooltip"),
                () -> block().kernel(), v -> editor.editLayer(NinBlock.class, Messages.get("editor.what.kernel"), b -> b.withKernel(v)));
        intRow(Messages.get("editor.stride"), "stride", 1, MAX_SIDE, Messages.get("editor.stride.tooltip"),
                () -> block().stride(), v -> editor.editLayer(NinBlock.class, Messages.get("editor.what.stride"), b -> b.withStride(v)));
        intRow(Messages.get("editor.padding"), "padding", 0, MAX_SIDE, Messages.get("editor.padding.tooltip"),
                () -> block().padding(), v -> editor.editLayer(NinBlock.class, Messages.get("editor.what.padding"), b -> b.withPadding(v)));
        intRow(Messages.get("editor.mlp"), "mlp", 0, Limits.MAX_MLP, Messages.get("editor.mlp.tooltip"),
                () -> block().mlp(),
                v -> editor.editLayer(NinBlock.class, Messages.get("editor.what.mlp"), b -> b.withMlp(v)));
        ChoiceBox<Integer> kernel = new ChoiceBox<>(FXCollections.observableList(Limits.MLP_KERNELS));
        kernel.setId("mlp-kernel");
        kernel.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer k) {
                return k == null ? "" : Messages.get(k / 2 > 0 ? "editor.mlp-kernel.padded" : "editor.mlp-kernel.plain",
                        String.valueOf(k), String.valueOf(k / 2));
            }

            @Override
            public Integer fromString(String text) {
                throw new UnsupportedOperationException("a choice box does not parse");
            }
        });
        kernel.setTooltip(new Tooltip(Messages.get("editor.mlp-kernel.tooltip")));
        kernel.valueProperty().addListener((obs, old, v) -> {
            if (!updating && v != null) {
                editor.editLayer(NinBlock.class, Messages.get("editor.what.mlp-kernel"), b -> b.withMlpKernel(v));
            }
        });
        refreshers.add(() -> kernel.setValue(block().mlpKernel()));
        Label label = new Label(Messages.get("editor.mlp-kernel"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(kernel);
        form.addRow(form.getRowCount(), label, kernel);
    }

    private void buildDropout(int index) {
        heading.setText(Messages.get("editor.heading.dropout", String.valueOf(index)));
        Spinner<Double> p = Spinners.decimal(0, 0.95, 0.5, 0.05);
        p.setId("dropout-p");
        p.setTooltip(new Tooltip(Messages.get("editor.p.tooltip")));
        p.valueProperty().addListener((obs, old, v) -> {
            if (!updating && v != null) {
                editor.editLayer(Dropout.class, Messages.get("editor.what.p"), d -> new Dropout(Math.round(v * 100) / 100.0));
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
        label.setMinWidth(Region.USE_PREF_SIZE); // the spinner gives way, not the setting's name
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
