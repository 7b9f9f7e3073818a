package org.ninexplorer.ui.featuremaps;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.ui.common.EpochSlider;
import org.ninexplorer.ui.common.Fxml;
import org.ninexplorer.ui.common.Messages;

/** A pinned test image's maps, prediction and the first layer's filters at the epoch the slider picks. */
public final class TimelineView extends BorderPane {

    private final TimelineViewModel viewModel;
    private final MapsPanel maps = new MapsPanel("timeline-", "timeline");
    private final BooleanProperty onScreen = new SimpleBooleanProperty(true);
    @FXML private ComboBox<Integer> timelineSample;
    @FXML private ToggleButton timelineSharedScale;
    @FXML private Label timelineEpochLabel;
    @FXML private Slider timelineEpoch;
    @FXML private Label timelineProblem;
    @FXML private VBox timelineContent;
    @FXML private Label timelineMessage;
    @FXML private StackPane timelineFilters;
    private FeatureMapsViewModel.Result shown;
    private boolean sharedScaleShown;

    public TimelineView(TimelineViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this, "TimelineView.fxml");
    }

    @FXML
    private void initialize() {
        timelineSample.setItems(viewModel.samples());
        timelineSample.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer index) {
                Dataset d = viewModel.datasetProperty().get();
                return index == null || index < 0 ? "" : d != null && index < d.test().size()
                        ? Messages.get("featuremaps.test-image", String.valueOf(index), d.className(d.test().label(index)))
                        : Messages.get("featuremaps.test-image.unlabelled", String.valueOf(index));
            }

            @Override
            public Integer fromString(String text) {
                return null; // not editable
            }
        });
        timelineSample.valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                viewModel.sampleProperty().set(v);
            }
        });
        viewModel.sampleProperty().addListener((obs, old, v) -> showSample());
        viewModel.samples().addListener((ListChangeListener<Integer>) change -> showSample());
        timelineSharedScale.selectedProperty().bindBidirectional(viewModel.sharedScaleProperty());
        timelineSharedScale.setTooltip(new Tooltip(Messages.get("featuremaps.shared-scale.tooltip")));
        timelineEpoch.setTooltip(new Tooltip(Messages.get("featuremaps.timeline.epoch.tooltip")));
        EpochSlider.bind(timelineEpoch, timelineEpochLabel, viewModel.epochs(), viewModel.epochProperty());
        timelineMessage.textProperty().bind(viewModel.messageProperty());
        timelineMessage.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        timelineProblem.textProperty().bind(viewModel.problemProperty());
        timelineProblem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        timelineProblem.managedProperty().bind(timelineProblem.visibleProperty());
        timelineFilters.getChildren().setAll(new FiltersView(viewModel.filters(), "timeline-"));
        viewModel.resultProperty().addListener((obs, old, r) -> showWhenVisible());
        viewModel.sharedScaleProperty().addListener((obs, old, v) -> showWhenVisible());
        onScreen.addListener((obs, old, v) -> showWhenVisible());
        showSample();
        showWhenVisible();
    }

    /** Whether the view is on screen; the feature-map view binds it to its tab. */
    public BooleanProperty onScreenProperty() {
        return onScreen;
    }

    private void showSample() {
        int index = viewModel.sampleProperty().get();
        timelineSample.setValue(index < 0 ? null : index);
        timelineSample.setDisable(viewModel.samples().size() < 2);
    }

    /** Hundreds of tiles are built only when someone looks, not at every epoch behind a hidden tab. */
    private void showWhenVisible() {
        FeatureMapsViewModel.Result result = viewModel.resultProperty().get();
        boolean shared = viewModel.sharedScaleProperty().get();
        if (onScreen.get() && (result != shown || shared != sharedScaleShown)) {
            shown = result;
            sharedScaleShown = shared;
            timelineContent.getChildren().setAll(maps.of(result, shared));
        }
    }
}
