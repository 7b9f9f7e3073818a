package org.ninexplorer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class PanelsTest {

    private final SimpleBooleanProperty presentation = new SimpleBooleanProperty();
    private final Panels panels = new Panels(presentation);

    @Test
    void everythingShowsOutsidePresentationMode() {
        panels.closeInspector();

        assertThat(panels.inspectorShownProperty().get()).isTrue();
        assertThat(panels.detailsShownProperty().get()).isTrue();
    }

    @Test
    void inPresentationModeTheInspectorOpensForAChosenCardUntilClosed() {
        presentation.set(true);
        assertThat(panels.inspectorShownProperty().get()).isFalse();
        assertThat(panels.detailsShownProperty().get()).isFalse();

        panels.openInspector();
        assertThat(panels.inspectorShownProperty().get()).isTrue();
        panels.closeInspector();
        assertThat(panels.inspectorShownProperty().get()).isFalse();

        panels.openInspector();
        presentation.set(false);
        presentation.set(true);
        assertThat(panels.inspectorShownProperty().get()).as("presentation starts with the graph alone").isFalse();
    }
}
