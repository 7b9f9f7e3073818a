package org.ninexplorer.training;

import java.util.ArrayList;
import java.util.List;

/**
 * How to train: the reference recipe of Dive into Deep Learning (Adam, lr 0.002, batch 128,
 * 5 epochs) is {@link #defaults()}. SGD uses momentum 0.9.
 */
public record Hyperparameters(Optimizer optimizer, double learningRate, int batchSize, int epochs, long seed,
                              WeightInitChoice weightInit) {

    public enum WeightInitChoice { XAVIER, HE }

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
