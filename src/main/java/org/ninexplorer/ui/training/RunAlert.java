package org.ninexplorer.ui.training;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.ui.common.Messages;

/**
 * What is wrong with the current (or last) run that lasts, such as classes it can no longer learn: the status
 * line moves on with every piece of news, this stays until the next run starts. Empty when nothing is wrong.
 */
final class RunAlert {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    void apply(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started) {
            text.set("");
        } else if (event instanceof TrainingEvent.Alert a) {
            text.set(Messages.current().engine(a.message()));
        }
    }
}
