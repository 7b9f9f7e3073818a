package org.ninexplorer.ui.exercises;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ninexplorer.model.Exercise;
import org.ninexplorer.training.RunCatalog;
import org.ninexplorer.training.RunRecord;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.runs.RunWords;
import org.ninexplorer.ui.training.RunPlan;
import org.ninexplorer.ui.training.TrainingSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exercise set-up at a time: reuses a completed baseline run of the same net, recipe and data or trains one,
 * then trains the variant, both through the training session as Start would; names the runs it made; and hands
 * the two runs on. Files are read on the background executor, never on the FX thread.
 */
final class ExerciseSetUp {

    private static final Logger LOGGER = LoggerFactory.getLogger(ExerciseSetUp.class);

    /** Where a set-up stands. */
    enum Phase {
        IDLE, LOOKING_FOR_BASELINE, TRAINING_BASELINE, TRAINING_VARIANT, DONE, CANCELLED, FAILED;

        boolean running() {
            return this == LOOKING_FOR_BASELINE || this == TRAINING_BASELINE || this == TRAINING_VARIANT;
        }
    }

    /**
     * What one set-up trains, and the names its runs get. {@code variant} is null for an exercise that only
     * needs a run of the net itself (the resource count, for its measured peak).
     */
    record Job(Exercise exercise, RunPlan baseline, String baselineName, RunPlan variant, String variantName) {

        int steps(boolean baselineReused) {
            return (baselineReused ? 0 : 1) + (variant == null ? 0 : 1);
        }
    }

    private final TrainingSession session;
    private final Path runsRoot;
    private final TaskExecutor background;
    private final Consumer<Runnable> fxThread;
    private final BiConsumer<Exercise, List<RunSummary>> finished;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final DoubleBinding progress;
    private Job job;
    private boolean cancelled;
    private int steps = 1;

    /** @param finished gets the exercise and its runs, the baseline first, on the FX thread */
    ExerciseSetUp(TrainingSession session, Path runsRoot, TaskExecutor background, Consumer<Runnable> fxThread,
                  BiConsumer<Exercise, List<RunSummary>> finished) {
        this.session = session;
        this.runsRoot = runsRoot;
        this.background = background;
        this.fxThread = fxThread;
        this.finished = finished;
        progress = Bindings.createDoubleBinding(() -> {
            double run = Math.max(0, session.progressProperty().get());
            return switch (phase.get()) {
                case TRAINING_BASELINE -> run / steps;
                case TRAINING_VARIANT -> (steps - 1 + run) / steps;
                case DONE -> 1.0;
                case IDLE, LOOKING_FOR_BASELINE, CANCELLED, FAILED -> 0.0;
            };
        }, phase, session.progressProperty());
    }

    ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** The whole set-up's progress, 0 to 1: each run it trains is an equal share. */
    DoubleBinding progress() {
        return progress;
    }

    void start(Job next) {
        job = next;
        cancelled = false;
        phase.set(Phase.LOOKING_FOR_BASELINE);
        say(Messages.get("exercises.looking", next.baseline().label()), false);
        background.execute(() -> {
            Optional<Path> found = completedRunOf(runsRoot, next.baseline());
            fxThread.accept(() -> {
                if (job != next) {
                    return;
                }
                if (cancelled) {
                    end(Phase.CANCELLED, Messages.get("exercises.cancelled-before"));
                } else if (found.isPresent()) {
                    steps = next.steps(true);
                    variant(next, found.get(), Messages.get("exercises.reused", found.get().getFileName().toString()));
                } else {
                    steps = next.steps(false);
                    phase.set(Phase.TRAINING_BASELINE);
                    say(Messages.get("exercises.step.baseline", String.valueOf(steps), next.baseline().label()), false);
                    train(next, next.baseline(), next.baselineName(), baseline -> variant(next, baseline,
                            Messages.get("exercises.trained.baseline", next.baseline().label())));
                }
            });
        });
    }

    /** A set-up that cannot begin, said in a sentence. */
    void refuse(String why) {
        job = null;
        end(Phase.FAILED, why);
    }

    /** Stops the run in progress, keeping what it trained; nothing after it starts. */
    void cancel() {
        if (phase.get().running()) {
            cancelled = true;
            session.stop();
        }
    }

    private void variant(Job current, Path baseline, String sofar) {
        if (current.variant() == null) {
            compare(current, List.of(baseline), sofar);
            return;
        }
        phase.set(Phase.TRAINING_VARIANT);
        String label = current.variant().label();
        say(Messages.get("common.sentences", sofar, Messages.get("exercises.step.variant", String.valueOf(steps), label)),
                false);
        train(current, current.variant(), current.variantName(), variant -> compare(current, List.of(baseline, variant),
                Messages.get("common.sentences", sofar, Messages.get("exercises.trained.variant", label))));
    }

    /** Trains {@code plan}; once it has ended, gives its run {@code runName} and goes on with it if it completed. */
    private void train(Job current, RunPlan plan, String runName, Consumer<Path> then) {
        String name = plan.label();
        if (session.state().busy()) {
            end(Phase.FAILED, Messages.get("exercises.blocked.dashboard"));
            return;
        }
        session.train(plan, folder -> {
            if (job != current) {
                return;
            }
            if (folder.isEmpty()) {
                end(cancelled ? Phase.CANCELLED : Phase.FAILED,
                        Messages.get("exercises.did-not-start", name, session.statusProperty().get()));
                return;
            }
            background.execute(() -> {
                RunSummary run = RunCatalog.summarise(folder.get());
                if (run.state() == RunSummary.State.COMPLETED) {
                    rename(folder.get(), runName);
                }
                fxThread.accept(() -> {
                    if (run.state() == RunSummary.State.COMPLETED) {
                        then.accept(folder.get());
                    } else if (cancelled || run.state() == RunSummary.State.STOPPED) {
                        end(Phase.CANCELLED, Messages.get("exercises.stopped", name));
                    } else {
                        end(Phase.FAILED, RunWords.ended(name, run));
                    }
                });
            });
        });
    }

    private void compare(Job current, List<Path> folders, String sofar) {
        background.execute(() -> {
            List<RunSummary> runs = folders.stream().map(RunCatalog::summarise).toList();
            fxThread.accept(() -> {
                if (job == current) {
                    finished.accept(current.exercise(), runs);
                    end(Phase.DONE, sofar);
                }
            });
        });
    }

    private void end(Phase outcome, String text) {
        phase.set(outcome);
        say(text, outcome == Phase.FAILED);
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    /** The display name is a courtesy: a run that cannot take it keeps its folder's name. */
    private static void rename(Path folder, String name) {
        try {
            RunCatalog.rename(folder, name);
        } catch (TrainingException e) {
            LOGGER.warn("Cannot name the run in {}: {}", folder, e.getMessage());
        }
    }

    /**
     * The newest completed run in {@code runsRoot} of the plan's net with its recipe, data and limits: a baseline
     * that need not be trained again.
     */
    static Optional<Path> completedRunOf(Path runsRoot, RunPlan plan) {
        return new RunCatalog(List.of(runsRoot)).list().stream()
                .filter(r -> r.state() == RunSummary.State.COMPLETED && plan.architecture().equals(r.architecture())
                        && plan.hyperparameters().equals(r.hyperparameters()))
                .map(RunSummary::folder).filter(folder -> sameData(folder, plan)).findFirst();
    }

    private static boolean sameData(Path folder, RunPlan plan) {
        try {
            RunRecord record = RunRecord.read(folder);
            return record.datasetSpec().equals(plan.data().spec()) && record.limitTrain() == plan.limitTrain()
                    && record.limitTest() == plan.limitTest();
        } catch (TrainingException e) {
            return false;
        }
    }
}
