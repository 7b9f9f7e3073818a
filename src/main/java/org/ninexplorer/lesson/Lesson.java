package org.ninexplorer.lesson;

import java.nio.file.Path;
import java.util.List;
import org.ninexplorer.model.Architecture;

/**
 * What a lesson bundle holds.
 *
 * @param architectures the networks, the one to open first first
 * @param runs          run folders (on export: where they are; after opening: where they were unpacked)
 * @param withModels    whether the runs' trained models travel too (they are most of a bundle's size)
 */
public record Lesson(List<Named> architectures, List<Path> runs, boolean withModels, Presentation presentation) {

    /** An architecture and the name it is shown under. */
    public record Named(String name, Architecture architecture) {
    }

    /** The window's presentation settings: large text for a projector, the dark theme. */
    public record Presentation(boolean presentation, boolean dark) {
    }

    public Lesson {
        architectures = List.copyOf(architectures);
        runs = List.copyOf(runs);
    }
}
