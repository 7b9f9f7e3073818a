package org.ninexplorer.ui.common;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/** Spinners that accept typing: a value that is not a number reverts instead of throwing on the FX thread. */
public final class Spinners {

    private Spinners() {
    }

    public static Spinner<Integer> integer(int min, int max, int value) {
        Spinner<Integer> spinner = new Spinner<>();
        spinner.setValueFactory(integerFactory(min, max, value));
        spinner.setEditable(true);
        return spinner;
    }

    public static SpinnerValueFactory<Integer> integerFactory(int min, int max, int value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        return factory;
    }

    public static SpinnerValueFactory<Double> doubleFactory(double min, double max, double value, double step) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : stripZeros(v);
            }

            @Override
            public Double fromString(String text) {
                try {
                    return Double.valueOf(text.trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        return factory;
    }

    private static String stripZeros(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
