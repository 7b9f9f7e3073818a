package org.ninexplorer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFullDatasetSaysWhatIsExpectedWhereAndHowToGetIt() {
        DataDirectory data = new DataDirectory(dir);
        assertThat(Datasets.isPresent(DatasetKind.MNIST, data)).isFalse();
        assertThatThrownBy(() -> Datasets.open("mnist", data))
                .isInstanceOf(DatasetException.class)
                
                .extracting(DatasetWords::english, STRING).startsWith("MNIST is not in " + dir.resolve("mnist") + ": missing "
                        + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, "
                        + "t10k-labels-idx1-ubyte (plain or .gz)")
                .contains("Download it from within NiN Explorer, or put the four files there by hand")
                .contains("https://ossci-datasets.s3.amazonaws.com/mnist/")
                .contains("--data-dir or NIN_EXPLORER_DATA");
    }

    @Test
    void openOrDownloadDownloadsOnlyWhatIsMissing() throws Exception {
        // A cancel flag that is already set stops the downloader before it touches the network.
        Path shared = Path.of(System.getProperty("nin.shared.datasets", "../shared/datasets"));
        Dataset present = Datasets.openOrDownload("fashion-mnist", new DataDirectory(shared), new Downloader(),
                ProgressListener.NONE, () -> true);
        assertThat(present.train().size()).isEqualTo(60_000);
        assertThatThrownBy(() -> Datasets.openOrDownload("fashion-mnist", new DataDirectory(dir), new Downloader(),
                ProgressListener.NONE, () -> true))
                .isInstanceOf(DatasetException.class)
                .extracting(DatasetWords::english, STRING).isEqualTo("download of Fashion-MNIST cancelled; the partial "
                        + "file is kept to resume");
        assertThat(Datasets.openOrDownload("sample", new DataDirectory(dir), new Downloader(), ProgressListener.NONE,
                () -> true).sample()).isTrue();
    }

    @Test
    void theTrainingImagesOfARunAreKnownBeforeTheDataIsOpenedWherePossible() throws Exception {
        int sample = Datasets.bundledSample().train().size();
        assertThat(Datasets.knownTrainImages("sample", 0)).isEqualTo(sample);
        assertThat(Datasets.knownTrainImages("sample", 1_000)).isEqualTo(1_000);
        assertThat(Datasets.knownTrainImages("sample", sample + 1)).as("a limit past the size").isEqualTo(sample);
        assertThat(Datasets.knownTrainImages("fashion-mnist", 0)).as("downloaded or not").isEqualTo(60_000);
        assertThat(Datasets.knownTrainImages("MNIST", 0)).isEqualTo(60_000);
        assertThat(Datasets.knownTrainImages(dir.toString(), 0)).as("a folder, before it is read").isZero();
        assertThat(Datasets.knownTrainImages(null, 500)).isEqualTo(500);
    }

    @Test
    void mnistFromTheDataDirectoryGetsDigitClassNames() throws Exception {
        IdxWriter.writeFolder(dir.resolve("mnist"), 20, 28, 28, 10, false);
        Dataset mnist = Datasets.open("MNIST", new DataDirectory(dir));
        assertThat(mnist.name()).isEqualTo("MNIST (20 train / 20 test)");
        assertThat(mnist.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void theFlagWinsOverTheEnvironment() {
        DataDirectory resolved = DataDirectory.resolve(dir, Map.of("NIN_EXPLORER_DATA", "/elsewhere"), "Linux",
                "/home/ada");
        assertThat(resolved.root()).isEqualTo(dir.toAbsolutePath());
        assertThat(resolved.fashionMnist()).isEqualTo(dir.toAbsolutePath().resolve("fashion-mnist"));
        assertThat(resolved.mnist()).isEqualTo(dir.toAbsolutePath().resolve("mnist"));
    }

    @Test
    void theEnvironmentWinsOverTheDefault() {
        assertThat(DataDirectory.resolve(null, Map.of("NIN_EXPLORER_DATA", "/data/nin"), "Linux", "/home/ada").root())
                .isEqualTo(Path.of("/data/nin"));
    }

    @Test
    void perUserDefaults() {
        assertThat(DataDirectory.resolve(null, Map.of(), "Linux", "/home/ada").root())
                .isEqualTo(Path.of("/home/ada/.local/share/nin-explorer"));
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/ada").root())
                .isEqualTo(Path.of("/xdg/nin-explorer"));
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/ada").root())
                .isEqualTo(Path.of("/home/ada/.local/share/nin-explorer"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Mac OS X", "/Users/ada").root())
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/NiN Explorer"));
        // Windows paths are checked by their parts, since this test also runs on Linux.
        Path windows = DataDirectory.resolve(null, Map.of("LOCALAPPDATA", "/appdata/local"), "Windows 11", "/u").root();
        assertThat(windows).isEqualTo(Path.of("/appdata/local/NiN Explorer"));
    }
}
