package org.ninexplorer.ui.featuremaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ninexplorer.model.Shape;
import org.ninexplorer.training.FeatureMaps;
import org.ninexplorer.ui.common.SnapshotExport;
import org.ninexplorer.ui.common.Messages;

/**
 * One sample's pictures: its input beside the prediction and every class's bar, then each NiN block's maps; the
 * block-maps tab and the timeline draw them alike, their controls' ids apart by {@code idPrefix}.
 */
final class MapsPanel {

    /** One tooltip shared by all tiles, its text set on hover: hundreds of popups would slow every refresh. */
    private final Tooltip tileTip = new Tooltip();
    private final String idPrefix;
    private final String picturePrefix;

    /** @param picturePrefix the start of the file name each block's picture is exported as */
    MapsPanel(String idPrefix, String picturePrefix) {
        this.idPrefix = idPrefix;
        this.picturePrefix = picturePrefix;
        tileTip.setShowDelay(Duration.millis(100));
    }

    /** The header and one section a block, for {@code result}; nothing for null. */
    List<Node> of(FeatureMapsViewModel.Result result, boolean sharedScale) {
        List<Node> nodes = new ArrayList<>();
        if (result == null) {
            return nodes;
        }
        nodes.add(header(result));
        List<FeatureMaps.BlockActivation> blocks = result.maps().blocks();
        for (int b = 0; b < blocks.size(); b++) {
            nodes.add(blockSection(b, blocks.get(b), result, sharedScale));
        }
        return nodes;
    }

    private HBox header(FeatureMapsViewModel.Result result) {
        SampleImage in = result.input();
        ImageView input = PixelImages.view(ColorMap.grey(in.pixels(), in.channels(), in.height(), in.width()),
                in.width(), in.height(), 168);
        Label inputLabel = new Label(Messages.get("featuremaps.input", in.channels() + "×" + in.height() + "×" + in.width()));
        Label truth = new Label(result.truth());
        truth.setWrapText(true);
        truth.setMaxWidth(200);
        VBox inputBox = new VBox(4, inputLabel, input, truth);

        float[] p = result.maps().probabilities();
        int predicted = result.maps().predictedClass();
        String name = result.classNames().get(predicted);
        Label prediction = new Label(Messages.get("featuremaps.predicted", name, FeatureMapsViewModel.percent(p[predicted])));
        prediction.setId(idPrefix + "prediction");
        Boolean right = result.predictionRight();
        prediction.getStyleClass().addAll("prediction", right == null ? "neutral" : right ? "right" : "wrong");
        GridPane bars = new GridPane();
        bars.setHgap(8);
        bars.setVgap(2);
        for (int c = 0; c < p.length; c++) {
            Label className = new Label(result.classNames().get(c));
            ProgressBar bar = new ProgressBar(p[c]);
            bar.setPrefWidth(240);
            Label percent = new Label(FeatureMapsViewModel.percent(p[c]));
            if (c == predicted) {
                className.getStyleClass().add("predicted");
                percent.getStyleClass().add("predicted");
            }
            bars.addRow(c, className, bar, percent);
        }
        VBox predictionBox = new VBox(6, prediction, bars);
        HBox header = new HBox(24, inputBox, predictionBox);
        header.setAlignment(Pos.TOP_LEFT);
        return header;
    }

    private VBox blockSection(int number, FeatureMaps.BlockActivation block, FeatureMapsViewModel.Result result,
                              boolean sharedScale) {
        Shape s = block.shape();
        List<String> labels = result.labelsFor(block);
        Label title = new Label(Messages.get(labels != null ? "featuremaps.block.classes" : "featuremaps.block",
                String.valueOf(number + 1), String.valueOf(block.layerIndex()), s.toString()));
        title.getStyleClass().add("block-title");
        FlowPane grid = new FlowPane(4, 4);
        grid.setId(idPrefix + "block-" + number);
        double size = labels != null ? 72 : Math.max(40, Math.min(72, s.width() * 3.0));
        for (MapTiles.Tile tile : MapTiles.render(block, sharedScale, labels)) {
            ImageView view = PixelImages.view(tile.argb(), tile.width(), tile.height(), size);
            VBox cell = new VBox(1, view);
            cell.getStyleClass().add("map-tile");
            cell.setAlignment(Pos.CENTER);
            if (labels != null) {
                Label label = new Label(tile.label());
                label.setMaxWidth(size + 16);
                cell.getChildren().add(label);
            }
            String hover = Messages.get("featuremaps.tile", tile.label(), tile.width() + "×" + tile.height(),
                    String.format(Locale.ROOT, "%.3f", tile.min()), String.format(Locale.ROOT, "%.3f", tile.max()));
            cell.setOnMouseEntered(e -> tileTip.setText(hover));
            Tooltip.install(cell, tileTip);
            cell.setOnMouseClicked(e -> enlarge(cell, title.getText(), tile));
            grid.getChildren().add(cell);
        }
        VBox section = new VBox(6, title, grid);
        SnapshotExport.install(section, picturePrefix + "-block-" + (number + 1),
                Messages.get("featuremaps.block.export", String.valueOf(number + 1)));
        return section;
    }

    private static void enlarge(Node owner, String block, MapTiles.Tile tile) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", javafx.scene.control.ButtonType.CLOSE);
        alert.initOwner(owner.getScene().getWindow());
        alert.setTitle(tile.label());
        alert.setHeaderText(block + "\n" + Messages.get("featuremaps.tile.enlarged", tile.label(),
                String.format(Locale.ROOT, "%.3f", tile.min()), String.format(Locale.ROOT, "%.3f", tile.max())));
        alert.getDialogPane().setContent(PixelImages.view(tile.argb(), tile.width(), tile.height(), 420));
        alert.show();
    }
}
