package org.ninexplorer.ui.graph;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Draws a width-dependent content (a wrapping row of cards) {@code scale} times as large: lays it out at
 * its own width divided by the scale, so that it wraps as it will be seen, and scales the result.
 */
final class ZoomPane extends Region {

    private final Region content;
    private final ObservableDoubleValue scale;
    private final Scale transform = new Scale(1, 1, 0, 0);

    ZoomPane(Region content, ObservableDoubleValue scale) {
        this.content = content;
        this.scale = scale;
        content.getTransforms().add(transform);
        getChildren().add(content);
        scale.addListener((obs, old, value) -> requestLayout());
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected void layoutChildren() {
        double s = scale.get();
        transform.setX(s);
        transform.setY(s);
        double width = getWidth() / s;
        content.resizeRelocate(0, 0, width, content.prefHeight(width));
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * scale.get();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        double s = scale.get();
        return width < 0 ? content.prefHeight(-1) * s : content.prefHeight(width / s) * s;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
