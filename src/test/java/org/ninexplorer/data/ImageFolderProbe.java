package org.ninexplorer.data;

import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link LargeImagesTest}: opens an image folder and reads every image
 * at the size given, as training would. Prints "read N images" and exits 0 when that fits in the heap.
 */
public final class ImageFolderProbe {

    private ImageFolderProbe() {
    }

    public static void main(String[] args) throws Exception {
        Dataset data = Datasets.open(args[0], new DataDirectory(Path.of(args[0])));
        int channels = Integer.parseInt(args[1]);
        int side = Integer.parseInt(args[2]);
        int read = 0;
        for (ImageSource split : new ImageSource[] {data.train(), data.test()}) {
            ImageSource sized = split.at(channels, side, side);
            float[] pixels = new float[channels * side * side];
            for (int i = 0; i < sized.size(); i++) {
                sized.pixels(i, pixels);
                read++;
            }
        }
        System.out.println("read " + read + " images");
    }
}
