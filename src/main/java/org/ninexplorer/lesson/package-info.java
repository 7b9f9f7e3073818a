/**
 * Lesson bundles: one {@code .ninlesson} file (a zip) with a teacher's architectures, chosen runs and
 * presentation settings, written by {@link org.ninexplorer.lesson.LessonWriter} and opened, safely and
 * offline, by {@link org.ninexplorer.lesson.LessonReader}. Plain Java over the run storage; no JavaFX.
 */
package org.ninexplorer.lesson;
