package org.ninexplorer.training;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.fused.FusedNinBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-epoch checkpoints of a run ({@code checkpoints/epoch-N.zip}, updater state included): the newest
 * one that opens, and a check that it holds the network the run's record describes, so that a resume never
 * trains something other than what {@code run.json} says.
 */
final class Checkpoints {

    static final String FOLDER = "checkpoints";
    private static final Pattern NAME = Pattern.compile("epoch-(\\d+)\\.zip");
    private static final Logger LOGGER = LoggerFactory.getLogger(Checkpoints.class);

    /** A checkpoint that opened; {@code notices} say which newer ones did not, and why. */
    record Loaded(int epoch, MultiLayerNetwork net, List<RunMessage> notices) {
    }

    private Checkpoints() {
    }

    static Path file(Path runDir, int epoch) {
        return runDir.resolve(FOLDER).resolve("epoch-" + epoch + ".zip");
    }

    /**
     * The newest checkpoint that can be read, newer unreadable ones named in its notices; empty when
     * there are none. Refuses a checkpoint whose network differs from {@code arch}, and a run whose
     * checkpoints are all unreadable.
     */
    static Optional<Loaded> newestIntact(Path runDir, Architecture arch, Path record) throws TrainingException {
        List<Path> files = newestFirst(runDir);
        List<RunMessage> notices = new ArrayList<>();
        List<String> unreadable = new ArrayList<>(); // for the exception when none can be read
        for (Path file : files) {
            MultiLayerNetwork net;
            try {
                net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
            } catch (IOException | RuntimeException e) {
                LOGGER.debug("Cannot read checkpoint {}", file, e); // the notice tells the user
                notices.add(RunMessage.of(RunMessage.Code.CHECKPOINT_UNREADABLE, file.toString(), RunMessage.of(e)));
                unreadable.add(file + " (" + e.getMessage() + ")");
                continue;
            }
            RunMessage difference = difference(arch, net);
            if (difference != null) {
                throw new TrainingException(RunMessage.of(RunMessage.Code.CHECKPOINT_OF_ANOTHER_NET, file.toString(),
                        record.toString(), difference));
            }
            int epoch = epoch(file);
            if (!notices.isEmpty()) {
                notices.add(RunMessage.of(RunMessage.Code.CONTINUING_FROM, file.getFileName().toString(),
                        String.valueOf(epoch)));
            }
            return Optional.of(new Loaded(epoch, net, List.copyOf(notices)));
        }
        if (!files.isEmpty()) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.NO_READABLE_CHECKPOINT,
                    runDir.resolve(FOLDER).toString(), String.join(", ", unreadable)));
        }
        return Optional.empty();
    }

    /** The run's checkpoint files, the newest first. */
    static List<Path> newestFirst(Path runDir) throws TrainingException {
        Path folder = runDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(Checkpoints::epoch).reversed()).toList();
        } catch (IOException e) {
            throw new TrainingException(RunFiles.cannotRead(folder, e), e);
        }
    }

    private static int epoch(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** How {@code net} differs from {@code arch}; null when it is that network. */
    static RunMessage difference(Architecture arch, MultiLayerNetwork net) {
        List<Layer> saved = new ArrayList<>();
        long inChannels = -1;
        var confs = net.getLayerWiseConfigurations().getConfs();
        for (int i = 0; i < confs.size(); i++) {
            var layer = confs.get(i).getLayer();
            if (layer instanceof FusedNinBlock block) {
                saved.addAll(block.layers());
            } else if (layer instanceof ConvolutionLayer conv) {
                if (inChannels < 0) {
                    inChannels = conv.getNIn();
                }
                // How many convolutions after the first belong to this block, the record says; a checkpoint of
                // another form then differs in a later layer or in the parameter count.
                NinBlock recorded = saved.size() < arch.layers().size()
                        && arch.layers().get(saved.size()) instanceof NinBlock b ? b : new NinBlock(0, 0, 0, 0);
                int mlp = 0;
                int mlpKernel = recorded.mlpKernel();
                while (mlp < recorded.mlp() && i + 1 < confs.size()
                        && confs.get(i + 1).getLayer() instanceof ConvolutionLayer next) {
                    mlpKernel = next.getKernelSize()[0];
                    mlp++;
                    i++;
                }
                saved.add(new NinBlock((int) conv.getNOut(), conv.getKernelSize()[0], conv.getStride()[0],
                        conv.getPadding()[0], mlp, mlpKernel));
            } else if (layer instanceof DenseLayer dense) {
                saved.add(new Dense((int) dense.getNOut()));
            } else if (layer instanceof SubsamplingLayer pool && pool.getPoolingType() == PoolingType.MAX) {
                saved.add(new MaxPool(pool.getKernelSize()[0], pool.getStride()[0]));
            } else if (layer instanceof DropoutLayer dropout
                    && dropout.getIDropout() instanceof org.deeplearning4j.nn.conf.dropout.Dropout d) {
                saved.add(new Dropout(1 - d.getP())); // DL4J keeps the retain probability
            } else if (layer instanceof GlobalPoolingLayer) {
                saved.add(new GlobalAvgPool());
            } else if (!(layer instanceof LossLayer)) {
                return RunMessage.of(RunMessage.Code.CHECKPOINT_FOREIGN_LAYER, layer.getClass().getSimpleName());
            }
        }
        List<Layer> recorded = arch.layers();
        for (int i = 0; i < Math.min(saved.size(), recorded.size()); i++) {
            if (!same(recorded.get(i), saved.get(i))) {
                return RunMessage.of(RunMessage.Code.CHECKPOINT_OTHER_LAYER, String.valueOf(i),
                        describe(recorded.get(i)), describe(saved.get(i)));
            }
        }
        if (saved.size() != recorded.size()) {
            return RunMessage.of(RunMessage.Code.CHECKPOINT_OTHER_DEPTH, String.valueOf(recorded.size()),
                    String.valueOf(saved.size()));
        }
        if (inChannels >= 0 && inChannels != arch.input().channels()) {
            return RunMessage.of(RunMessage.Code.CHECKPOINT_OTHER_CHANNELS, String.valueOf(arch.input().channels()),
                    String.valueOf(inChannels));
        }
        long expected = ShapeInference.analyze(arch).totalParams();
        if (expected != net.numParams()) {
            return RunMessage.of(RunMessage.Code.CHECKPOINT_OTHER_PARAMETERS, String.format(Locale.ROOT, "%,d", expected),
                    String.format(Locale.ROOT, "%,d", net.numParams()));
        }
        return null;
    }

    private static boolean same(Layer recorded, Layer saved) {
        if (recorded instanceof Dropout a && saved instanceof Dropout b) {
            return Math.abs(a.p() - b.p()) < 1e-9;
        }
        return recorded.equals(saved);
    }

    private static String describe(Layer layer) {
        return layer.type() + " " + (layer instanceof Dropout d ? "p " + Math.round(d.p() * 1e6) / 1e6 : layer.summary());
    }
}
