package org.ninexplorer.ui.common;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;

/**
 * A slider over the epochs a run has, and the label that names the chosen one ("Epoch 2 of 3", {@code training.progress.epoch}), as the
 * confusion matrix and the timeline use them: the slider spans the epochs, moving it chooses one (only an epoch
 * there is), and a new range or a choice made elsewhere moves it without counting as the user's choice.
 */
public final class EpochSlider {

    private final Slider slider;
    private final Label label;
    private final ObservableList<Integer> epochs;
    private final IntegerProperty epoch;
    private boolean setting;

    private EpochSlider(Slider slider, Label label, ObservableList<Integer> epochs, IntegerProperty epoch) {
        this.slider = slider;
        this.label = label;
        this.epochs = epochs;
        this.epoch = epoch;
    }

    /** Ties {@code slider} and {@code label} to the {@code epochs} there are and the {@code epoch} chosen. */
    public static void bind(Slider slider, Label label, ObservableList<Integer> epochs, IntegerProperty epoch) {
        EpochSlider bound = new EpochSlider(slider, label, epochs, epoch);
        slider.valueProperty().addListener((obs, old, v) -> {
            int chosen = (int) Math.round(v.doubleValue());
            if (!bound.setting && epochs.contains(chosen)) {
                epoch.set(chosen);
            }
        });
        epochs.addListener((ListChangeListener<Integer>) change -> bound.show());
        epoch.addListener((obs, old, e) -> bound.show());
        bound.show();
    }

    private void show() {
        List<Integer> list = epochs;
        slider.setDisable(list.size() < 2);
        if (!list.isEmpty()) {
            setting = true; // a new range moves the value, which is not the user choosing an epoch
            slider.setMin(list.get(0));
            slider.setMax(Math.max(list.get(0) + 1, list.get(list.size() - 1)));
            slider.setValue(epoch.get());
            setting = false;
        }
        label.setText(list.isEmpty() ? "" : Messages.get("training.progress.epoch", String.valueOf(epoch.get()),
                String.valueOf(list.get(list.size() - 1))));
    }
}
