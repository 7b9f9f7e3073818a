package org.ninexplorer.ui.training;

import java.nio.file.Path;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;

/**
 * The training dashboard's view-models, made together: the hyper-parameter {@link #form()}, the
 * {@link #data()} to train on, the {@link #session()} that runs one training at a time, and the
 * {@link #charts()} it feeds.
 */
public final class TrainingViewModel {

    private final HyperparameterForm form;
    private final DatasetSelection data;
    private final TrainingCharts charts = new TrainingCharts();
    private final TrainingSession session;

    public TrainingViewModel(EditorViewModel editor, TaskExecutor executor, DataDirectory dataDirectory, Path runsRoot) {
        data = new DatasetSelection(dataDirectory);
        form = new HyperparameterForm(editor, data.datasetProperty());
        session = new TrainingSession(editor, form, data, charts, executor, runsRoot);
    }

    public HyperparameterForm form() {
        return form;
    }

    public DatasetSelection data() {
        return data;
    }

    public TrainingSession session() {
        return session;
    }

    public TrainingCharts charts() {
        return charts;
    }
}
