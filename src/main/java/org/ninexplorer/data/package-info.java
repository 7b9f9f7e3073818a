/**
 * Datasets for training and the feature-map view, with no JavaFX: the bundled Fashion-MNIST sample, the full
 * Fashion-MNIST and MNIST in the data directory ({@link org.ninexplorer.data.DataDirectory}, fetched by
 * {@link org.ninexplorer.data.Downloader}), any folder of IDX files, and a user's class-per-folder PNG/JPEG images.
 * {@link org.ninexplorer.data.Datasets#open} gives a {@link org.ninexplorer.data.Dataset} whose splits are
 * {@link org.ninexplorer.data.ImageSource}s (random access to single images); {@link
 * org.ninexplorer.data.BatchIterator} turns a split into DL4J batches at the network's input size.
 *
 * <p>The bundled sample ({@code resources/org/ninexplorer/data/sample/}, about 1.1 MB) holds 200 training and 50
 * test images per class of the real Fashion-MNIST, chosen by {@code SampleGenerator} in the test sources, which
 * documents how to rebuild it; {@code FashionMnistTest} checks that the committed files are what it produces.
 */
package org.ninexplorer.data;
