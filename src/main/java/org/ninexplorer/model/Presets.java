package org.ninexplorer.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in architectures. */
public final class Presets {

    /** The NiN of Dive into Deep Learning (chapter "Network in Network"), on 1×224×224 input. */
    public static final Architecture D2L_224 = new Architecture(new InputSpec(1, 224, 224), 10, List.of(
            new NinBlock(96, 11, 4, 0),
            new MaxPool(3, 2),
            new NinBlock(256, 5, 1, 2),
            new MaxPool(3, 2),
            new NinBlock(384, 3, 1, 1),
            new MaxPool(3, 2),
            new Dropout(0.5),
            new NinBlock(10, 3, 1, 1),
            new GlobalAvgPool()));

    /**
     * The same four-block design scaled to native 28×28 Fashion-MNIST so that it trains in minutes
     * on a laptop CPU: 5×5 then 3×3 kernels at stride 1 keep enough resolution for the small input
     * (28 → 13 → 6 → 2), and 32/64/128 channels cut the MACs ~70× against {@code d2l-224}.
     */
    public static final Architecture FASHION_28 = new Architecture(new InputSpec(1, 28, 28), 10, List.of(
            new NinBlock(32, 5, 1, 2),
            new MaxPool(3, 2),
            new NinBlock(64, 3, 1, 1),
            new MaxPool(3, 2),
            new NinBlock(128, 3, 1, 1),
            new MaxPool(3, 2),
            new Dropout(0.5),
            new NinBlock(10, 3, 1, 1),
            new GlobalAvgPool()));

    private static final Map<String, Architecture> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("fashion-28", FASHION_28);
        BY_NAME.put("d2l-224", D2L_224);
    }

    private Presets() {
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<Architecture> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
