package org.ninexplorer.ui.graph;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The nodes of the marks against a baseline: a card's strip saying what changed, and a removed layer's ghost.
 * Their colours come from the marks' style classes in {@code graph.css}; their signs (+ ~ = −) and the ghost's
 * dashed outline tell them apart without colour.
 */
final class DiffMarkNodes {

    private DiffMarkNodes() {
    }

    /** Puts {@code mark}'s strip, with id {@code id}, at the top of {@code card} and its style class on it. */
    static void mark(VBox card, String id, CardMark mark) {
        if (mark.mark() == DiffMark.NONE) {
            return;
        }
        card.getStyleClass().add(mark.mark().styleClass());
        Label badge = new Label(mark.badge());
        badge.getStyleClass().add("diff-badge");
        VBox strip = new VBox(badge);
        strip.setId(id);
        strip.getStyleClass().add("diff-strip");
        if (!mark.delta().isEmpty()) {
            strip.getChildren().add(delta(mark.delta()));
        }
        card.getChildren().add(0, strip);
    }

    private static Label delta(String text) {
        Label delta = new Label(text);
        delta.getStyleClass().add("diff-delta");
        delta.setWrapText(true);
        return delta;
    }

    /** A removed layer, where it was: its kind and settings struck through, and what removing it changed. */
    static VBox ghost(Ghost ghost, String id) {
        Label badge = new Label(Ghost.BADGE);
        badge.getStyleClass().add("diff-badge");
        Label title = new Label(ghost.title());
        title.getStyleClass().addAll("card-title", "ghost-struck");
        Label settings = new Label(ghost.settings());
        settings.getStyleClass().addAll("card-settings", "ghost-struck");
        VBox box = new VBox(badge, title, settings);
        if (!ghost.delta().isEmpty()) {
            box.getChildren().add(delta(ghost.delta()));
        }
        box.getStyleClass().addAll("diff-ghost", DiffMark.REMOVED.styleClass());
        box.setId(id);
        return box;
    }
}
