package org.ninexplorer.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.ninexplorer.model.Limits;
import org.ninexplorer.model.Shape;

/**
 * One epoch of a timeline as bytes: gzip of a big-endian stream of
 * <pre>
 * int samples, then per sample: int index, int truth, int classes, float[classes] probabilities,
 *     tensor input, int blocks, then per block: int layerIndex, tensor activations
 * boolean filters, then if set: int filters, int channels, int kernel, quantised(filters planes of channels·k·k)
 * </pre>
 * where a tensor is {@code int channels, height, width} and its channels quantised one map at a time, and a
 * quantised plane is {@code float min, float step} and one unsigned byte per value, value = min + byte·step
 * (step = (max − min)/255, so a value is off by at most step/2). Eight bits a value keep what a picture shows;
 * ReLU's zeros and flat maps make gzip shrink it further (about 24 KB a sample at {@code fashion-28}). The
 * probabilities stay exact floats: the prediction bar and its percentages must agree with the live view.
 */
final class TimelineCodec {

    private static final int LEVELS = 255;

    private TimelineCodec() {
    }

    static byte[] encode(Timeline.Epoch epoch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(epoch.samples().size());
            for (Timeline.Sample s : epoch.samples()) {
                out.writeInt(s.index());
                out.writeInt(s.truth());
                float[] p = s.maps().probabilities();
                out.writeInt(p.length);
                for (float v : p) {
                    out.writeFloat(v);
                }
                writeTensor(out, s.inputShape(), s.input());
                out.writeInt(s.maps().blocks().size());
                for (FeatureMaps.BlockActivation b : s.maps().blocks()) {
                    out.writeInt(b.layerIndex());
                    writeTensor(out, b.shape(), b.values());
                }
            }
            Optional<FirstLayerFilters> filters = epoch.filters();
            out.writeBoolean(filters.isPresent());
            if (filters.isPresent()) {
                FirstLayerFilters f = filters.get();
                out.writeInt(f.filters());
                out.writeInt(f.channels());
                out.writeInt(f.kernel());
                quantise(out, f.weights(), f.filters(), f.channels() * f.kernel() * f.kernel());
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream", e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** The epoch the bytes hold; an {@link IOException} (or {@link IllegalArgumentException}) says what is wrong. */
    static Timeline.Epoch decode(int epoch, byte[] frame) throws IOException {
        try (DataInputStream in = new DataInputStream(new Bounded(new GZIPInputStream(new ByteArrayInputStream(frame))))) {
            int count = in.readInt();
            check(count >= 0 && count <= PinnedSamples.MAX, "it claims " + count + " samples");
            List<Timeline.Sample> samples = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                int index = in.readInt();
                int truth = in.readInt();
                int classes = in.readInt();
                check(index >= 0 && truth >= -1 && classes >= Limits.MIN_CLASSES && classes <= Limits.MAX_CLASSES,
                        "sample " + s + " has index " + index + ", label " + truth + " and " + classes + " classes");
                float[] p = new float[classes];
                for (int c = 0; c < classes; c++) {
                    p[c] = in.readFloat();
                }
                Shape inputShape = readShape(in);
                float[] input = dequantise(in, inputShape.channels(), inputShape.height() * inputShape.width());
                int blockCount = in.readInt();
                check(blockCount >= 0 && blockCount <= Limits.MAX_LAYERS, "it claims " + blockCount + " blocks");
                List<FeatureMaps.BlockActivation> blocks = new ArrayList<>();
                for (int b = 0; b < blockCount; b++) {
                    int layer = in.readInt();
                    Shape shape = readShape(in);
                    blocks.add(new FeatureMaps.BlockActivation(layer, shape,
                            dequantise(in, shape.channels(), shape.height() * shape.width())));
                }
                samples.add(new Timeline.Sample(index, truth, inputShape, input, new FeatureMaps(blocks, p)));
            }
            Optional<FirstLayerFilters> filters = Optional.empty();
            if (in.readBoolean()) {
                int n = in.readInt();
                int channels = in.readInt();
                int k = in.readInt();
                check(n > 0 && n <= Limits.MAX_CHANNELS && channels > 0 && channels <= Limits.MAX_CHANNELS
                        && k > 0 && k <= Limits.MAX_SIDE && (long) channels * k * k <= Limits.MAX_TIMELINE_FRAME_BYTES, "its filters claim " + n + " × " + channels + " × " + k + "²");
                filters = Optional.of(new FirstLayerFilters(n, channels, k, dequantise(in, n, channels * k * k)));
            }
            check(in.read() < 0, "it has bytes after its filters");
            return new Timeline.Epoch(epoch, samples, filters);
        }
    }

    private static void writeTensor(DataOutputStream out, Shape shape, float[] values) throws IOException {
        out.writeInt(shape.channels());
        out.writeInt(shape.height());
        out.writeInt(shape.width());
        quantise(out, values, shape.channels(), shape.height() * shape.width());
    }

    private static Shape readShape(DataInputStream in) throws IOException {
        int c = in.readInt();
        int h = in.readInt();
        int w = in.readInt();
        check(c > 0 && c <= Limits.MAX_CHANNELS && h > 0 && h <= Limits.MAX_SIDE && w > 0 && w <= Limits.MAX_SIDE,
                "a map claims the shape " + c + "×" + h + "×" + w);
        return new Shape(c, h, w);
    }

    /** {@code groups} planes of {@code size} values, each on its own 8-bit scale. */
    private static void quantise(DataOutputStream out, float[] values, int groups, int size) throws IOException {
        byte[] levels = new byte[size];
        for (int g = 0; g < groups; g++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = g * size; i < (g + 1) * size; i++) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
            float step = max > min ? (max - min) / LEVELS : 0;
            for (int i = 0; i < size; i++) {
                levels[i] = (byte) (step > 0 ? Math.round((values[g * size + i] - min) / step) : 0);
            }
            out.writeFloat(min);
            out.writeFloat(step);
            out.write(levels);
        }
    }

    private static float[] dequantise(DataInputStream in, int groups, int size) throws IOException {
        check((long) groups * size <= Limits.MAX_TIMELINE_FRAME_BYTES, "a map claims " + (long) groups * size + " values");
        float[] values = new float[groups * size];
        byte[] levels = new byte[size];
        for (int g = 0; g < groups; g++) {
            float min = in.readFloat();
            float step = in.readFloat();
            check(Float.isFinite(min) && Float.isFinite(step) && step >= 0, "a map's scale is " + min + " + n·" + step);
            in.readFully(levels);
            for (int i = 0; i < size; i++) {
                values[g * size + i] = min + (levels[i] & 0xFF) * step;
            }
        }
        return values;
    }

    private static void check(boolean ok, String problem) throws IOException {
        if (!ok) {
            throw new IOException(problem);
        }
    }

    /** Refuses to inflate more than a frame may hold, so a forged frame cannot fill the memory. */
    private static final class Bounded extends FilterInputStream {
        private long left = Limits.MAX_TIMELINE_FRAME_BYTES;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("it inflates to more than " + Limits.MAX_TIMELINE_FRAME_BYTES + " bytes");
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("it inflates to more than " + Limits.MAX_TIMELINE_FRAME_BYTES + " bytes");
            }
            return n;
        }
    }
}
