package org.ninexplorer.model;

import java.math.BigDecimal;

/**
 * One setting that differs between two aligned layers (or between two architectures' input or class count).
 *
 * @param field  the setting's name as in the architecture file: {@code channels}, {@code kernel}, {@code p},
 *               {@code input.height}, {@code classes} ...
 * @param before its value in the first architecture
 * @param after  its value in the second
 */
public record FieldChange(String field, Number before, Number after) {

    /** {@code after − before}; exact for whole numbers, and for a drop probability without binary noise (0.5 → 0.3 is −0.2). */
    public BigDecimal delta() {
        return decimal(after).subtract(decimal(before));
    }

    /** E.g. {@code channels 64 → 128 (+64)}. */
    @Override
    public String toString() {
        BigDecimal delta = delta();
        return fromTo() + " (" + (delta.signum() > 0 ? "+" : "") + delta.stripTrailingZeros().toPlainString() + ")";
    }

    /** E.g. {@code channels 64 → 128}, for where the delta is shown apart or would be noise. */
    public String fromTo() {
        return field + " " + plain(before) + " → " + plain(after);
    }

    private static String plain(Number value) {
        return decimal(value).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(Number value) {
        return value instanceof Double || value instanceof Float ? BigDecimal.valueOf(value.doubleValue())
                : BigDecimal.valueOf(value.longValue());
    }
}
