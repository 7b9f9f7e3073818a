package org.ninexplorer.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResizerTest {

    @Test
    void matchesPyTorchBilinearWithHalfPixelCentres() {
        // torch.nn.functional.interpolate(tensor([[[[0., 1.], [2., 3.]]]]), size=4, mode="bilinear",
        // align_corners=False)
        float[] out = new float[16];
        new Resizer(1, 2, 2, 1, 4, 4).apply(new float[] {0, 1, 2, 3}, out, 0);
        assertThat(out).containsExactly(new float[] {
                0.0f, 0.25f, 0.75f, 1.0f,
                0.5f, 0.75f, 1.25f, 1.5f,
                1.5f, 1.75f, 2.25f, 2.5f,
                2.0f, 2.25f, 2.75f, 3.0f}, within(1e-6f));
    }

    @Test
    void aConstantImageStaysConstantFrom28To224() {
        float[] in = new float[28 * 28];
        Arrays.fill(in, 0.375f);
        float[] out = new float[224 * 224];
        new Resizer(1, 28, 28, 1, 224, 224).apply(in, out, 0);
        for (float v : out) {
            assertThat(v).isEqualTo(0.375f);
        }
    }

    @Test
    void eachSourcePixelCentreIsReproducedAt8x() {
        float[] in = new float[28 * 28];
        for (int i = 0; i < in.length; i++) {
            in[i] = (i * 37 % 256) / 255f;
        }
        float[] out = new float[224 * 224];
        new Resizer(1, 28, 28, 1, 224, 224).apply(in, out, 0);
        // With scale 8, source pixel (y, x) lies between outputs 8y+3 and 8y+4 at weights 1/16 and 15/16 either
        // side; the edges clamp, so the corner block copies the corner pixel.
        assertThat(out[0]).isEqualTo(in[0]);
        assertThat(out[224 * 224 - 1]).isEqualTo(in[28 * 28 - 1]);
        int y = 10;
        int x = 17;
        float expectedRow = in[y * 28 + x] + (in[y * 28 + x + 1] - in[y * 28 + x]) / 16f;
        float below = in[(y + 1) * 28 + x] + (in[(y + 1) * 28 + x + 1] - in[(y + 1) * 28 + x]) / 16f;
        float expected = expectedRow + (below - expectedRow) / 16f;
        assertThat(out[(8 * y + 4) * 224 + 8 * x + 4]).isCloseTo(expected, within(1e-6f));
    }

    @Test
    void aHorizontalRampStaysMonotonicAndRowsStayEqual() {
        float[] in = new float[28 * 28];
        for (int i = 0; i < in.length; i++) {
            in[i] = (i % 28) / 27f;
        }
        float[] out = new float[224 * 224];
        new Resizer(1, 28, 28, 1, 224, 224).apply(in, out, 0);
        for (int x = 1; x < 224; x++) {
            assertThat(out[x]).isGreaterThanOrEqualTo(out[x - 1]);
            assertThat(out[100 * 224 + x]).isEqualTo(out[x]);
        }
    }

    @Test
    void grayBecomesRgbByRepeatingThePlane() {
        float[] out = new float[3 * 4 * 4];
        new Resizer(1, 2, 2, 3, 4, 4).apply(new float[] {0, 1, 2, 3}, out, 0);
        assertThat(Arrays.copyOfRange(out, 16, 32)).containsExactly(Arrays.copyOfRange(out, 0, 16));
        assertThat(Arrays.copyOfRange(out, 32, 48)).containsExactly(Arrays.copyOfRange(out, 0, 16));
    }

    @Test
    void rgbBecomesGrayByLuma() {
        float[] rgb = {1, 0, 0, 1, 0, 0}; // planes R, G, B of a 1x2 image: red then green
        float[] out = new float[2];
        new Resizer(3, 1, 2, 1, 1, 2).apply(rgb, out, 0);
        assertThat(out).containsExactly(new float[] {0.299f, 0.587f}, within(1e-6f));
    }

    @Test
    void sameSizeIsACopyAtTheOffset() {
        float[] out = new float[7];
        new Resizer(1, 2, 2, 1, 2, 2).apply(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, out, 3);
        assertThat(out).containsExactly(0, 0, 0, 0.1f, 0.2f, 0.3f, 0.4f);
    }
}
