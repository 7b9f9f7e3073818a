package org.ninexplorer.training;

import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Presets;

import java.util.ArrayList;
import java.util.List;

/**
 * How to train: the reference recipe of Dive into Deep Learning (Adam, lr 0.002, batch 128,
 * 5 epochs, constant rate) is {@link #defaults()}. SGD uses momentum 0.9.
 */
public record Hyperparameters(Optimizer optimizer, double learningRate, LearningRateSchedule schedule, int batchSize,
                              int epochs, long seed, WeightInitChoice weightInit) {

    public enum WeightInitChoice {
        /** Glorot uniform, as Dive into Deep Learning initialises its nets. */
        XAVIER,
        /** He (Kaiming) normal, scaled for ReLU. */
        HE,
        /** Weights U(−1/√fan-in, 1/√fan-in), PyTorch's default bound, the smallest of these; biases 0. */
        UNIFORM,
        /** PyTorch's default for {@code Conv2d} and {@code Linear}: weights and biases U(−1/√fan-in, 1/√fan-in). */
        PYTORCH;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static WeightInitChoice parse(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "xavier" -> XAVIER;
                case "he" -> HE;
                case "uniform" -> UNIFORM;
                case "pytorch" -> PYTORCH;
                default -> throw new IllegalArgumentException(
                        "unknown weight init '" + text + "'; choose xavier, he, uniform or pytorch");
            };
        }
    }

    public static Hyperparameters defaults() {
        return new Hyperparameters(Optimizer.ADAM, 0.002, LearningRateSchedule.CONSTANT, 128, 5, 42, WeightInitChoice.XAVIER);
    }

    /**
     * Fewest optimiser steps a recipe plans for. A NiN spends its first few hundred steps near chance (its class
     * scores pass a ReLU before the average pool and start out nearly equal), so a run of fewer steps ends before
     * it has learned much: 5 epochs of the old 2,000-image sample at batch 64 (160 steps) ended at 0.27 test accuracy.
     */
    static final int MIN_STEPS = 1_500;
    /**
     * Batch size for small data: twice the steps of batch 64 from the same images at ~0.8 of its images per second;
     * on the bundled sample 1,500 steps of it reached 0.836 test accuracy where 1,000 of batch 64 reached 0.704.
     */
    static final int SMALL_DATA_BATCH = 32;
    /** Most epochs a recipe asks for, however small the data: each epoch keeps a checkpoint on disk. */
    static final int MAX_EPOCHS = 20;

    /**
     * The recipe to start from for {@code arch} on {@code trainImages} training images (0 when not known, taken as
     * plenty). The net decides the base: for {@code d2l-224}, the reference with PyTorch's default initialisation,
     * as the book's own run; for nets of the user's own, the reference; for {@code fashion-28}, He initialisation,
     * batch 64 and a cosine schedule after a warm-up. He and the cosine took it from 0.888 to 0.907 test accuracy
     * in the same 5 epochs of Fashion-MNIST (README, Presets); the warm-up took it from 0.78 to 0.989 in 2 epochs
     * of MNIST digits, where two class channels had died in the first steps. Data too small for
     * {@link #MIN_STEPS} steps in the base's epochs gets batch {@value #SMALL_DATA_BATCH} and as many more epochs
     * as make up the steps (at most {@value #MAX_EPOCHS}); everything else stays, so small and full data differ
     * only in how long they train.
     */
    public static Hyperparameters recommendedFor(Architecture arch, int trainImages) {
        Hyperparameters base;
        if (arch.equals(Presets.FASHION_28)) {
            base = defaults().withSchedule(LearningRateSchedule.WARMUP_COSINE).withWeightInit(WeightInitChoice.HE)
                    .withBatchSize(64);
        } else if (arch.equals(Presets.D2L_224)) {
            base = defaults().withWeightInit(WeightInitChoice.PYTORCH);
        } else {
            base = defaults();
        }
        if (trainImages <= 0 || base.steps(trainImages) >= MIN_STEPS) {
            return base;
        }
        int batch = Math.min(base.batchSize, SMALL_DATA_BATCH);
        long perEpoch = (trainImages + batch - 1) / batch;
        int epochs = (int) Math.min(MAX_EPOCHS, Math.max(base.epochs, (MIN_STEPS + perEpoch - 1) / perEpoch));
        return base.withBatchSize(batch).withEpochs(epochs);
    }

    /** Optimiser steps of a run over {@code trainImages} images (the last batch of an epoch may be short). */
    public long steps(int trainImages) {
        return (long) epochs * ((trainImages + batchSize - 1) / batchSize);
    }

    /** One line for logs and the CLI, e.g. {@code adam, lr 0.002 cosine, batch 64, 5 epochs, he init, seed 42}. */
    public String summary() {
        return recipe().english();
    }

    /** The same line as a message, for the window to word: the settings' own names and numbers in both languages. */
    public RunMessage recipe() {
        return RunMessage.of(RunMessage.Code.RECIPE, optimizer.label(),
                java.math.BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString(), schedule.label(),
                String.valueOf(batchSize), epochs, weightInit.label(), String.valueOf(seed));
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
        return new Hyperparameters(value, learningRate, schedule, batchSize, epochs, seed, weightInit);
    }

    public Hyperparameters withLearningRate(double value) {
        return new Hyperparameters(optimizer, value, schedule, batchSize, epochs, seed, weightInit);
    }

    public Hyperparameters withSchedule(LearningRateSchedule value) {
        return new Hyperparameters(optimizer, learningRate, value, batchSize, epochs, seed, weightInit);
    }

    public Hyperparameters withBatchSize(int value) {
        return new Hyperparameters(optimizer, learningRate, schedule, value, epochs, seed, weightInit);
    }

    public Hyperparameters withEpochs(int value) {
        return new Hyperparameters(optimizer, learningRate, schedule, batchSize, value, seed, weightInit);
    }

    public Hyperparameters withWeightInit(WeightInitChoice value) {
        return new Hyperparameters(optimizer, learningRate, schedule, batchSize, epochs, seed, value);
    }
}
