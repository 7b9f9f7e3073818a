package org.ninexplorer.ui.featuremaps;

import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.ninexplorer.training.FirstLayerFilters;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.Messages;

/** The first layer's filters, one pixel-exact picture per filter (and input channel), with the colour legend. */
public final class FiltersView extends BorderPane {

    /** A filter's picture is at most this wide, each weight a whole number of pixels. */
    private static final int PICTURE = 72;
    private static final int LEGEND_STEPS = 101;
    private static final String[] RGB = {"R", "G", "B"};

    private final FiltersViewModel viewModel;
    private final String idPrefix;
    @FXML private Label filtersTitle;
    @FXML private ToggleButton filtersSharedScale;
    @FXML private Label legendMin;
    @FXML private StackPane legendBar;
    @FXML private Label legendMax;
    @FXML private FlowPane filterGrid;
    @FXML private Label filtersMessage;

    public FiltersView(FiltersViewModel viewModel) {
        this(viewModel, "");
    }

    /** @param idPrefix sets the ids of this view's pictures apart from another filters view's in the same window */
    public FiltersView(FiltersViewModel viewModel, String idPrefix) {
        this.viewModel = viewModel;
        this.idPrefix = idPrefix;
        Fxml.loadInto(this, "FiltersView.fxml");
    }

    @FXML
    private void initialize() {
        filtersSharedScale.selectedProperty().bindBidirectional(viewModel.sharedScaleProperty());
        filtersSharedScale.setTooltip(new Tooltip(Messages.get("featuremaps.filters.shared-scale.tooltip")));
        filtersMessage.textProperty().bind(viewModel.messageProperty());
        filtersMessage.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        int[] legend = new int[LEGEND_STEPS];
        for (int i = 0; i < LEGEND_STEPS; i++) {
            legend[i] = ColorMap.diverging(2.0 * i / (LEGEND_STEPS - 1) - 1);
        }
        legendBar.getChildren().setAll(PixelImages.canvas(legend, LEGEND_STEPS, 1, 2, 14));
        viewModel.filtersProperty().addListener((obs, old, f) -> show());
        viewModel.sharedScaleProperty().addListener((obs, old, v) -> show());
        show();
    }

    private void show() {
        FirstLayerFilters f = viewModel.filtersProperty().get();
        filterGrid.getChildren().clear();
        String range = viewModel.legendRange();
        legendMin.setText("−" + range);
        legendMax.setText("+" + range);
        if (f == null) {
            filtersTitle.setText(Messages.get("featuremaps.tab.filters"));
            return;
        }
        filtersTitle.setText(Messages.get(f.channels() > 1 ? "featuremaps.filters.title.channels" : "featuremaps.filters.title",
                String.valueOf(f.filters()), f.kernel() + "×" + f.kernel(), String.valueOf(f.channels())));
        int pixels = Math.max(1, PICTURE / f.kernel());
        for (int filter = 0; filter < f.filters(); filter++) {
            HBox planes = new HBox(2);
            for (int channel = 0; channel < f.channels(); channel++) {
                Canvas plane = PixelImages.canvas(viewModel.picture(filter, channel), f.kernel(), f.kernel(), pixels, pixels);
                plane.setId(idPrefix + "filter-" + filter + "-" + channel);
                planes.getChildren().add(f.channels() == RGB.length
                        ? new VBox(new Label(RGB[channel]), plane) : plane);
            }
            VBox cell = new VBox(2, planes, new Label(Integer.toString(filter)));
            cell.setAlignment(Pos.CENTER);
            Tooltip.install(cell, new Tooltip(viewModel.describe(filter)));
            filterGrid.getChildren().add(cell);
        }
    }
}
