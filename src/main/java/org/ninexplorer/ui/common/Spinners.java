package org.ninexplorer.ui.common;

import java.math.BigDecimal;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.IntegerProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Spinners that accept typing. Text that is not a number in the spinner's range is refused as a whole:
 * the value stays what it was (no edit, so no undo step and nothing for a view to disagree about), the
 * text goes back to it, and the field is marked {@code :refused} for a moment with the allowed range.
 */
public final class Spinners {

    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final Duration REFUSAL_SHOWN = Duration.seconds(2.5);
    /** Where a refused spinner keeps its own tooltip while it shows the reason instead. */
    private static final String HELP = Spinners.class.getName() + ".help";

    private Spinners() {
    }

    public static Spinner<Integer> integer(int min, int max, int value) {
        Spinner<Integer> spinner = new Spinner<>();
        setUpInteger(spinner, min, max, value);
        return spinner;
    }

    public static Spinner<Double> decimal(double min, double max, double value, double step) {
        Spinner<Double> spinner = new Spinner<>();
        setUpDecimal(spinner, min, max, value, step);
        return spinner;
    }

    /** Gives a spinner (made in FXML, say) a guarded whole-number factory. */
    public static void setUpInteger(Spinner<Integer> spinner, int min, int max, int value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value);
        factory.setConverter(converter(spinner, factory, Integer::valueOf, String::valueOf,
                v -> v >= factory.getMin() && v <= factory.getMax(),
                () -> Messages.get("common.spinner.integer", String.valueOf(factory.getMin()), String.valueOf(factory.getMax()))));
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
    }

    /** A guarded whole-number spinner that follows {@code property} and sets it, with {@code help} as its tooltip. */
    public static void bindInteger(Spinner<Integer> spinner, int min, int max, IntegerProperty property, String help) {
        setUpInteger(spinner, min, max, property.get());
        spinner.getValueFactory().valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                property.set(v);
            }
        });
        property.addListener((obs, old, v) -> spinner.getValueFactory().setValue(v.intValue()));
        spinner.setTooltip(new Tooltip(help));
    }

    /** Gives a spinner a guarded decimal factory; a comma is read as the decimal point. */
    public static void setUpDecimal(Spinner<Double> spinner, double min, double max, double value, double step) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step);
        factory.setConverter(converter(spinner, factory, text -> Double.valueOf(text.replace(',', '.')),
                Spinners::stripZeros, v -> v >= factory.getMin() && v <= factory.getMax(),
                () -> Messages.get("common.spinner.decimal", stripZeros(factory.getMin()), stripZeros(factory.getMax()))));
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
    }

    private static <T> StringConverter<T> converter(Spinner<T> spinner, SpinnerValueFactory<T> factory,
                                                    Function<String, T> parse, Function<T, String> format,
                                                    java.util.function.Predicate<T> allowed,
                                                    java.util.function.Supplier<String> rule) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : format.apply(v);
            }

            @Override
            public T fromString(String text) {
                try {
                    T parsed = parse.apply(text.trim());
                    if (allowed.test(parsed)) {
                        return parsed;
                    }
                } catch (NumberFormatException e) {
                    // refused below, like a number out of range
                }
                T kept = factory.getValue();
                // The spinner leaves its text alone when the value does not change: put the kept value back.
                spinner.getEditor().setText(toString(kept));
                refuse(spinner, Messages.get("common.spinner.refused", text.trim(), rule.get(), String.valueOf(toString(kept))));
                return kept;
            }
        };
    }

    private static void refuse(Spinner<?> spinner, String why) {
        spinner.pseudoClassStateChanged(REFUSED, true);
        if (!spinner.getProperties().containsKey(HELP)) {
            spinner.getProperties().put(HELP, spinner.getTooltip());
        }
        Tooltip reason = new Tooltip(why);
        spinner.setTooltip(reason);
        if (spinner.getScene() != null && spinner.getScene().getWindow() != null) {
            var bounds = spinner.localToScreen(spinner.getBoundsInLocal());
            reason.show(spinner, bounds.getMinX(), bounds.getMaxY() + 2);
        }
        PauseTransition clear = new PauseTransition(REFUSAL_SHOWN);
        clear.setOnFinished(e -> {
            reason.hide();
            spinner.pseudoClassStateChanged(REFUSED, false);
            if (spinner.getTooltip() == reason) {
                spinner.setTooltip((Tooltip) spinner.getProperties().remove(HELP));
            }
        });
        clear.play();
    }

    private static String stripZeros(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
