package org.ninexplorer.ui.exercises;

import org.ninexplorer.model.Exercise;
import org.ninexplorer.ui.common.Messages;

/** An {@link Exercise}'s words, from the bundles' {@code exercises.<id>.*} keys, and why one cannot be done. */
final class ExerciseWords {

    private ExerciseWords() {
    }

    static String title(Exercise exercise) {
        return Messages.get(key(exercise, "title"));
    }

    static String question(Exercise exercise) {
        return Messages.get(key(exercise, "question"));
    }

    /** What the variant changes, introduced as the variant where there is one. */
    static String change(Exercise exercise) {
        String change = Messages.get(key(exercise, "change"), String.valueOf(Exercise.CHANNEL_STEP));
        return exercise.trains() ? Messages.get("exercises.variant", change) : change;
    }

    /** The problem in a sentence, with the diagnostic behind it as the editor says it. */
    static String problem(Exercise.Problem problem) {
        String diagnostic = problem.diagnostic() == null ? "" : Messages.current().diagnostic(problem.diagnostic());
        return Messages.get("exercises.problem." + problem.refusal().key(), diagnostic);
    }

    static String key(Exercise exercise, String part) {
        return "exercises." + exercise.id() + "." + part;
    }
}
