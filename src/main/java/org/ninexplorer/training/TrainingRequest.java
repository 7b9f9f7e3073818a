package org.ninexplorer.training;

import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Architecture;

import java.nio.file.Path;

/**
 * Everything a run needs.
 *
 * @param datasetSpec  how to open the dataset again on resume: {@code sample}, {@code fashion-mnist}, {@code mnist} or a folder
 * @param runDirectory where the run keeps run.json, metrics.csv, checkpoints and the model
 * @param limitTrain   use only this many training images (0: all)
 * @param limitTest    use only this many test images (0: all)
 */
public record TrainingRequest(Architecture architecture, Hyperparameters hyperparameters, Dataset dataset,
                              String datasetSpec, Path runDirectory, int limitTrain, int limitTest) {

    public TrainingRequest withRunDirectory(Path value) {
        return new TrainingRequest(architecture, hyperparameters, dataset, datasetSpec, value, limitTrain, limitTest);
    }
}
