package org.ninexplorer.ui.main;

import java.nio.file.Path;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.ninexplorer.training.RunDirectory;
import org.ninexplorer.training.RunStorageException;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.DialogService.FileKind;
import org.ninexplorer.ui.common.SnapshotExport;
import org.ninexplorer.ui.common.Messages;

/**
 * File ▸ Export: a submenu per picture on screen when the File menu opens (the same commands as the
 * picture's context menu), then the metrics of the run the window shows.
 */
final class ExportActions {

    private final Menu exportMenu;
    private final Node window;
    private final DialogService dialogs;
    private final ObservableObjectValue<Path> shownRun;

    private ExportActions(Menu exportMenu, Node window, DialogService dialogs, ObservableObjectValue<Path> shownRun) {
        this.exportMenu = exportMenu;
        this.window = window;
        this.dialogs = dialogs;
        this.shownRun = shownRun;
    }

    static void install(Menu fileMenu, Menu exportMenu, Node window, DialogService dialogs,
                        ObservableObjectValue<Path> shownRun) {
        ExportActions actions = new ExportActions(exportMenu, window, dialogs, shownRun);
        fileMenu.addEventHandler(Menu.ON_SHOWING, e -> actions.rebuild());
        actions.rebuild();
    }

    private void rebuild() {
        exportMenu.getItems().clear();
        for (SnapshotExport.Picture picture : SnapshotExport.shown(window)) {
            Menu sub = new Menu(picture.title());
            sub.setMnemonicParsing(false);
            sub.setId("export-" + picture.name());
            for (MenuItem item : SnapshotExport.items(picture, dialogs)) {
                item.setId(SnapshotExport.exportId(picture, item));
                sub.getItems().add(item);
            }
            exportMenu.getItems().add(sub);
        }
        if (exportMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("main.export.none"));
            none.setDisable(true);
            exportMenu.getItems().add(none);
        }
        MenuItem metrics = new MenuItem(Messages.get("main.export.metrics"));
        metrics.setId("export-run-metrics");
        metrics.setDisable(shownRun.get() == null);
        metrics.setOnAction(e -> exportMetrics(shownRun.get()));
        exportMenu.getItems().addAll(new SeparatorMenuItem(), metrics);
    }

    private void exportMetrics(Path run) {
        dialogs.chooseFileToSave(Messages.get("main.export.metrics.title", run.getFileName().toString()), null, run.getFileName() + "-metrics.csv",
                FileKind.CSV).ifPresent(file -> {
                    try {
                        RunDirectory.exportMetrics(run, file);
                    } catch (RunStorageException e) {
                        dialogs.showError(Messages.get("common.export.failed"), Messages.current().error(e));
                    }
                });
    }
}
