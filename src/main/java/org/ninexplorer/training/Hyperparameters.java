package org.ninexplorer.training;

import java.util.ArrayList;
import java.util.List;

/**
 * How to train: the reference recipe of Dive into Deep Learning (Adam, lr 0.002, batch 128,
 * 5 epochs) is {@link #defaults()}. SGD uses momentum 0.9.
 */
public record Hyperparameters(Optimizer optimizer, double learningRate, int batchSize, int epochs, long seed,
                              WeightInitChoice weightInit) {

    public enum WeightInitChoice {
        /** Glorot uniform, as Dive into Deep Learning initialises its nets. */
        XAVIER,
        /** He (Kaiming) normal, scaled for ReLU. */
        HE,
        /** U(−1/√fan-in, 1/√fan-in): PyTorch's default for convolutions, the smallest of the three. */
        UNIFORM;

        public static WeightInitChoice parse(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "xavier" -> XAVIER;
                case "he" -> HE;
                case "uniform" -> UNIFORM;
                default -> throw new IllegalArgumentException(
                        "unknown weight init '" + text + "'; choose xavier, he or uniform");
            };
        }
    }

    public static Hyperparameters defaults() {
        return new Hyperparameters(Optimizer.ADAM, 0.002, 128, 5, 42, WeightInitChoice.XAVIER);
    }

    /** What is wrong with these settings, in words; empty when they can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problems.add("learning rate must be a positive number, got " + learningRate);
        }
        if (batchSize < 1) {
            problems.add("batch size must be at least 1, got " + batchSize);
        }
        if (epochs < 1) {
            problems.add("epochs must be at least 1, got " + epochs);
        }
        return problems;
    }

    public Hyperparameters withOptimizer(Optimizer value) {
        return new Hyperparameters(value, learningRate, batchSize, epochs, seed, weightInit);
    }

    public Hyperparameters withLearningRate(double value) {
        return new Hyperparameters(optimizer, value, batchSize, epochs, seed, weightInit);
    }

    public Hyperparameters withBatchSize(int value) {
        return new Hyperparameters(optimizer, learningRate, value, epochs, seed, weightInit);
    }

    public Hyperparameters withEpochs(int value) {
        return new Hyperparameters(optimizer, learningRate, batchSize, value, seed, weightInit);
    }

    public Hyperparameters withSeed(long value) {
        return new Hyperparameters(optimizer, learningRate, batchSize, epochs, value, weightInit);
    }
}
