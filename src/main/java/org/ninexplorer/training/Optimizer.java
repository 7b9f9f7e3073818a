package org.ninexplorer.training;

/** The optimizers a user can pick. */
public enum Optimizer {
    ADAM, SGD;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optimizer parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "adam" -> ADAM;
            case "sgd" -> SGD;
            default -> throw new IllegalArgumentException("unknown optimizer '" + text + "'; choose adam or sgd");
        };
    }
}
