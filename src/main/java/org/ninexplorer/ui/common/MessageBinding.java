package org.ninexplorer.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/** A text that follows its arguments: {@code label.textProperty().bind(MessageBinding.of("main.x", name))}. */
public final class MessageBinding {

    private MessageBinding() {
    }

    public static StringBinding of(String key, ObservableValue<?>... arguments) {
        return Bindings.createStringBinding(() -> {
            Object[] values = new Object[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                values[i] = arguments[i].getValue();
            }
            return Messages.get(key, values);
        }, arguments);
    }
}
