package org.ninexplorer.ui.featuremaps;

import java.util.ArrayList;
import java.util.List;
import org.ninexplorer.training.FeatureMaps;
import org.ninexplorer.ui.common.Messages;

/** Turns a block's activations into coloured tiles, one per channel, with a per-channel or shared scale. */
public final class MapTiles {

    /** One channel's map as ARGB, with the range its colours span. */
    public record Tile(int channel, String label, int width, int height, int[] argb, float min, float max) {
    }

    private MapTiles() {
    }

    /** @param labels a name per channel (class names for the last block) or null for channel numbers */
    public static List<Tile> render(FeatureMaps.BlockActivation block, boolean sharedScale, List<String> labels) {
        int h = block.shape().height();
        int w = block.shape().width();
        int plane = h * w;
        float[] v = block.values();
        float sharedMin = Float.POSITIVE_INFINITY;
        float sharedMax = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            sharedMin = Math.min(sharedMin, x);
            sharedMax = Math.max(sharedMax, x);
        }
        List<Tile> tiles = new ArrayList<>();
        for (int c = 0; c < block.shape().channels(); c++) {
            float min = sharedMin;
            float max = sharedMax;
            if (!sharedScale) {
                min = Float.POSITIVE_INFINITY;
                max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < plane; i++) {
                    min = Math.min(min, v[c * plane + i]);
                    max = Math.max(max, v[c * plane + i]);
                }
            }
            int[] argb = ColorMap.viridis(v, c * plane, plane, min, max);
            String label = labels != null && c < labels.size() ? labels.get(c)
                    : Messages.get("featuremaps.channel", String.valueOf(c));
            tiles.add(new Tile(c, label, w, h, argb, min, max));
        }
        return tiles;
    }
}
