package org.ninexplorer.ui.training;

import org.ninexplorer.data.Dataset;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.TrainingRequest;

/**
 * A run for {@link TrainingSession#train}: a net, the name its folder takes, its recipe, its data and limits.
 *
 * @param label      the net's name in the run folder's name
 * @param limitTrain train on only this many images (0: all)
 * @param limitTest  test on only this many images (0: all)
 */
public record RunPlan(Architecture architecture, String label, Hyperparameters hyperparameters,
                      DatasetSelection.Plan data, int limitTrain, int limitTest) {

    /** The request to train on {@code dataset}, once it is open; its folder is chosen after its checks pass. */
    TrainingRequest request(Dataset dataset) {
        return new TrainingRequest(architecture, hyperparameters, dataset, data.spec(), null, limitTrain, limitTest);
    }
}
