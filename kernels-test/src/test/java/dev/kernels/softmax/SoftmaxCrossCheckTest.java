package dev.kernels.softmax;

import static dev.kernels.softmax.SoftmaxTesting.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kernels.internal.SoftmaxSupport;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vector path vs scalar twin, bit for bit: every cols in 1..4*lanes+1 and larger odd sizes, offsets {0, 1, 3},
 * strides cols and cols + 3, outputs pre-filled with NaN, sentinels after the end, in-place.
 */
class SoftmaxCrossCheckTest {
    static final int[] OFFSETS = {0, 1, 3};
    static final int ROWS = 3;

    @BeforeAll
    static void warm() {
        warmUp();
    }

    static int[] sizes() {
        int max = 4 * LANES + 1;
        int[] extra = {100, 207, 1001, 4099};
        int[] s = new int[max + extra.length];
        for (int i = 0; i < max; i++) s[i] = i + 1;
        System.arraycopy(extra, 0, s, max, extra.length);
        return s;
    }

    interface Kernel {
        /** Runs on impl with input x (offset xo, stride xs) into out (offset oo, stride os). */
        double run(SoftmaxSupport impl, float[] x, int xo, int xs, float[] out, int oo, int os, int cols);
    }

    private static void crossCheck(String name, Kernel k, boolean inPlace) {
        Random r = new Random(SEED);
        for (int cols : sizes()) {
            for (int off : OFFSETS) {
                for (int pad : new int[] {0, 3}) {
                    int stride = cols + pad;
                    String[] dists = {"normal3", "normal30", "masked", "tiny", "isolated"};
                    float[] x = SoftmaxBatches(dists[(cols + off + pad) % dists.length], r, ROWS, stride, off);
                    float[] a = new float[x.length + 8], b = new float[x.length + 8];
                    Arrays.fill(a, Float.NaN);
                    Arrays.fill(b, Float.NaN);
                    float sentinel = 12345.678f;
                    for (int i = x.length; i < a.length; i++) a[i] = b[i] = sentinel;
                    double ra, rb;
                    if (inPlace) {
                        System.arraycopy(x, 0, a, 0, x.length);
                        System.arraycopy(x, 0, b, 0, x.length);
                        ra = k.run(VECTOR, a, off, stride, a, off, stride, cols);
                        rb = k.run(SCALAR, b, off, stride, b, off, stride, cols);
                    } else {
                        ra = k.run(VECTOR, x, off, stride, a, off, stride, cols);
                        rb = k.run(SCALAR, x, off, stride, b, off, stride, cols);
                    }
                    assertEquals(Double.doubleToLongBits(rb), Double.doubleToLongBits(ra), name + ": returned sum "
                            + ra + " vs " + rb + " cols=" + cols + " off=" + off + " stride=" + stride);
                    for (int i = 0; i < a.length; i++) {
                        if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                            assertEquals(Float.toHexString(b[i]), Float.toHexString(a[i]), name + ": index " + i
                                    + " cols=" + cols + " off=" + off + " stride=" + stride + " inPlace=" + inPlace
                                    + " seed=" + SEED);
                        }
                    }
                    for (int i = x.length; i < a.length; i++) assertEquals(sentinel, a[i], name + ": sentinel " + i);
                }
            }
        }
    }

    static float[] SoftmaxBatches(String dist, Random r, int rows, int stride, int off) {
        float[] body = dev.kernels.test.SoftmaxBatches.batch(dist, r, rows, stride);
        float[] x = new float[off + rows * stride];
        System.arraycopy(body, 0, x, off, body.length);
        return x;
    }

    @Test
    void softmax() {
        crossCheck("softmax", (im, x, xo, xs, o, oo, os, c) -> { im.softmax(x, xo, xs, o, oo, os, ROWS, c); return 0; }, false);
        crossCheck("softmax in-place", (im, x, xo, xs, o, oo, os, c) -> { im.softmax(x, xo, xs, o, oo, os, ROWS, c); return 0; }, true);
    }

    @Test
    void logSoftmax() {
        crossCheck("logSoftmax", (im, x, xo, xs, o, oo, os, c) -> { im.logSoftmax(x, xo, xs, o, oo, os, ROWS, c); return 0; }, false);
        crossCheck("logSoftmax in-place", (im, x, xo, xs, o, oo, os, c) -> { im.logSoftmax(x, xo, xs, o, oo, os, ROWS, c); return 0; }, true);
    }

    @Test
    void logSumExp() {
        crossCheck("logSumExp", (im, x, xo, xs, o, oo, os, c) -> { im.logSumExp(x, xo, xs, o, oo, ROWS, c); return 0; }, false);
    }

    @Test
    void backward() {
        // y = x itself as "probabilities" is enough for bits; gradOut is a fixed function of x
        crossCheck("softmaxBackward", (im, x, xo, xs, o, oo, os, c) -> {
            float[] g = gradOut(x);
            im.softmaxBackward(x, xo, xs, g, xo, xs, o, oo, os, ROWS, c);
            return 0;
        }, false);
        crossCheck("logSoftmaxBackward", (im, x, xo, xs, o, oo, os, c) -> {
            float[] g = gradOut(x);
            float[] out = x.clone();
            for (int i = 0; i < out.length; i++) out[i] = -Math.abs(out[i]);
            im.logSoftmaxBackward(out, xo, xs, g, xo, xs, o, oo, os, ROWS, c);
            return 0;
        }, false);
    }

    /**
     * The forward exp pass on rows whose max decides its form (PanamaSoftmax.expSum): a max of +0 with -0 entries
     * (ties whose x - m is -0), of -0 only, a tiny max, masked and far-below entries, x - m overflowing to -inf, and
     * rows with +inf, NaN or only -inf (NaN rows). softmax, logSoftmax and logSumExp bit for bit as the scalar twin.
     */
    @Test
    void forwardRowsWithSignedZeroTiesAndSpecialMaximaMatchTheScalarTwin() {
        Random r = new Random(SEED + 17);
        int n = 16 * LANES + 5;
        for (int variant = 0; variant < 9; variant++) {
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                float v = -Math.abs((float) (3 * r.nextGaussian()));
                int k = r.nextInt(8);
                x[i] = switch (variant) {
                    case 0 -> k == 0 ? 0f : k == 1 ? -0f : v; // max +0, ties of both signs
                    case 1 -> k < 2 ? -0f : v; // max -0
                    case 2 -> k == 0 ? 0x1p-110f : k == 1 ? -0f : k == 2 ? 0f : v * 0x1p-120f; // tiny max
                    case 3 -> k == 0 ? Float.NEGATIVE_INFINITY : k == 1 ? v - 200f : v; // masked, below -104
                    case 4 -> k == 0 ? 3e38f : k == 1 ? -3e38f : v; // x - m overflows to -inf
                    case 5 -> k == 0 ? Float.POSITIVE_INFINITY : v;
                    case 6 -> i == n / 2 ? Float.NaN : v;
                    case 7 -> Float.NEGATIVE_INFINITY;
                    default -> k == 0 ? 7f : v + 7f; // ordinary, several ties at 7
                };
            }
            String what = "variant=" + variant;
            float[] a = new float[n], b = new float[n];
            VECTOR.softmax(x, 0, n, a, 0, n, 1, n);
            SCALAR.softmax(x, 0, n, b, 0, n, 1, n);
            assertSameBits(b, a, "softmax " + what);
            VECTOR.logSoftmax(x, 0, n, a, 0, n, 1, n);
            SCALAR.logSoftmax(x, 0, n, b, 0, n, 1, n);
            assertSameBits(b, a, "logSoftmax " + what);
            VECTOR.logSumExp(x, 0, n, a, 0, 1, n);
            SCALAR.logSumExp(x, 0, n, b, 0, 1, n);
            assertSameBits(b, a, "logSumExp " + what); // element 0; the rest hold logSoftmax's, already equal
        }
    }

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                assertEquals(Float.toHexString(expected[i]), Float.toHexString(actual[i]), what + ": index " + i);
            }
        }
    }

    /**
     * logSoftmaxBackward's scaled form (vectors with some log-probability below -40): log-probabilities of wide and
     * masked rows (e = exp(out) subnormal, tiny or 0), gradOut mostly zero as NLL's (one entry per row; e s then
     * rounds to a subnormal) or dense, row sums s from 0 and 2^-70 (scalar method) through 2^-8 to 2^59, tiny and huge
     * gradOut and NaN / positive out (scalar method per vector). Bit for bit as the scalar twin.
     */
    @Test
    void logSoftmaxBackwardOnWideAndMaskedRowsMatchesTheScalarTwin() {
        Random r = new Random(SEED + 9);
        int n = 64 * LANES + 7;
        // s = 1 + 2^-23 with g = 0: e s 2^149 = E + E 2^-23 for an even subnormal pattern E in (2^22, 1.5 2^22) rounds
        // up once, but to E + 0.5 and then down (a tie) if first rounded to 24 bits at a normal scale
        // -1024 and 2^39 take e^o unrounded (o < -87), 0x1.000002p39 and 1e30 the binary64 form of the scalar method
        float[] rowGrad = {-1f / 256, 0x1p-59f, 0x1p-70f, 0x1p59f, -3f, 0f, 0x1.8p-61f, 0x1p61f, 1f + 0x1p-23f,
                -1024f, 0x1p39f, 0x1.000002p39f, -1e30f};
        for (int variant = 0; variant < rowGrad.length * 2; variant++) {
            boolean dense = variant >= rowGrad.length;
            float[] out = new float[n], g = new float[n];
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(10);
                out[i] = switch (k) {
                    case 0 -> Float.NEGATIVE_INFINITY;
                    case 1 -> (float) (r.nextBoolean() ? -86 - 18.5 * r.nextDouble() // e subnormal or tiny
                            : -87.62 - 0.41 * r.nextDouble()); // e in (2^-127, 1.5 2^-127): see s = 1 + 2^-23
                    case 2 -> (float) (r.nextBoolean() ? -40 - 70 * r.nextDouble() : -100 - 40 * r.nextDouble());
                    case 3 -> -Math.abs((float) (3 * r.nextGaussian()));
                    case 4 -> r.nextInt(20) == 0 ? (r.nextBoolean() ? Float.NaN : 0.5f) : -104f;
                    case 5 -> r.nextBoolean() ? 0f : -0f;
                    default -> (float) (-30 * Math.abs(r.nextGaussian()));
                };
                int q = r.nextInt(16);
                g[i] = !dense ? (r.nextInt(8) == 0 ? -0f : 0f)
                        : q == 0 ? 0f : q == 1 ? -0f : q == 2 ? 0x1p-70f : q == 3 ? -0x1p70f : q == 4 ? 0x1p-60f
                        : (float) r.nextGaussian();
            }
            g[n / 2] = rowGrad[variant % rowGrad.length]; // s = this (+ the dense entries' sum)
            if (variant % rowGrad.length == 5) { g[n / 3] = 1f; g[n / 4] = -1f; } // s = 0 when not dense
            backwardRowMatches(true, out, g, "logSoftmaxBackward variant=" + variant);
        }
    }

    /**
     * softmaxBackward's scaled form (vectors from the first with some 0 &lt; |y| &lt; 2^-60 on): softmax outputs of wide
     * rows, and crafted rows of subnormal, tiny, zero, negative and ordinary y with gradOut N(0, 1), zero, NaN, tiny
     * (then d = g - s may be tiny: scalar method) or 1 + 2^-23 (Y |d| = E + E 2^-23 for an even subnormal pattern E in
     * (2^22, 1.5 2^22): rounded once up, twice down), huge (2^20 to 2^99: Y |d| overflowed and gave inf). Bit for bit as
     * the scalar twin.
     */
    @Test
    void softmaxBackwardOnWideRowsMatchesTheScalarTwin() {
        Random r = new Random(SEED + 13);
        int n = 64 * LANES + 7;
        for (int variant = 0; variant < 7; variant++) {
            float[] y = new float[n], g = new float[n];
            if (variant == 0) {
                float[] x = new float[n];
                for (int i = 0; i < n; i++) x[i] = (float) (30 * r.nextGaussian());
                dev.kernels.Softmax.softmax(x, y, 1, n);
            } else {
                for (int i = 0; i < n; i++) {
                    int k = r.nextInt(8);
                    y[i] = switch (k) {
                        case 0 -> Float.intBitsToFloat(((1 << 22) + 2 * r.nextInt(1 << 20)) | (r.nextInt(6) == 0 ? 0x80000000 : 0));
                        case 1 -> Float.intBitsToFloat(1 + r.nextInt(0x7fffff));
                        case 2 -> (float) Math.scalb(1 + r.nextDouble(), -126 + r.nextInt(66)); // 2^-126 .. 2^-60
                        case 3 -> r.nextBoolean() ? 0f : -0f;
                        case 4 -> -(float) Math.scalb(1 + r.nextDouble(), -100);
                        default -> (float) r.nextDouble();
                    };
                }
            }
            for (int i = 0; i < n; i++) {
                int q = r.nextInt(50);
                g[i] = variant == 2 || variant == 3 ? 1f + 0x1p-23f
                        : variant == 4 && q < 10 ? 0x1p-70f * (q + 1)
                        : variant == 6 && q < 10 ? (float) Math.scalb(r.nextBoolean() ? 1.5 : -1.25, 20 + r.nextInt(80))
                        : q == 0 ? Float.NaN : q < 4 ? 0f : (float) r.nextGaussian();
            }
            if (variant == 3) for (int i = 0; i < n; i++) if (y[i] > 0x1p-60f) y[i] = 0f; // s tiny: d = 1 + 2^-23
            backwardRowMatches(false, y, g, "softmaxBackward variant=" + variant);
        }
    }

    /** One row: logSoftmaxBackward (log) or softmaxBackward of fwd with gradOut g, vector path vs scalar twin. */
    private static void backwardRowMatches(boolean log, float[] fwd, float[] g, String what) {
        int n = fwd.length;
        float[] a = new float[n], b = new float[n];
        if (log) {
            VECTOR.logSoftmaxBackward(fwd, 0, n, g, 0, n, a, 0, n, 1, n);
            SCALAR.logSoftmaxBackward(fwd, 0, n, g, 0, n, b, 0, n, 1, n);
        } else {
            VECTOR.softmaxBackward(fwd, 0, n, g, 0, n, a, 0, n, 1, n);
            SCALAR.softmaxBackward(fwd, 0, n, g, 0, n, b, 0, n, 1, n);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(Float.toHexString(b[i]), Float.toHexString(a[i]), what + " index " + i + " fwd=" + fwd[i]
                    + " g=" + g[i]);
        }
    }

    static float[] gradOut(float[] x) {
        float[] g = new float[x.length];
        for (int i = 0; i < g.length; i++) g[i] = (float) Math.sin(i * 0.37) * 2f;
        return g;
    }

    @Test
    void crossEntropy() {
        for (float eps : new float[] {0f, 0.1f}) {
            for (boolean weighted : new boolean[] {false, true}) {
                crossCheck("crossEntropy eps=" + eps + " weighted=" + weighted, (im, x, xo, xs, o, oo, os, c) -> {
                    int[] labels = new int[ROWS];
                    for (int r = 0; r < ROWS; r++) labels[r] = r == 1 ? -100 : (r * 7 + c / 2) % c;
                    float[] w = null;
                    double wsum = c;
                    if (weighted) {
                        w = new float[c];
                        wsum = 0;
                        // zeros (smoothed gradient e cA alone; a label's weight 0 gives cA = 0) and 1e-35 (cA < 2^-105)
                        for (int j = 0; j < c; j++) wsum += w[j] = j % 7 == 3 ? 1e-35f : (j % 5) * 0.25f;
                    }
                    return im.crossEntropy(x, xo, xs, ROWS, c, labels, 0, -100, w, eps, wsum, null, 0,
                            null, 0, o, oo, os, 0.25);
                }, false);
            }
        }
        crossCheck("crossEntropySoft", (im, x, xo, xs, o, oo, os, c) -> {
            float[] q = new float[x.length];
            for (int i = 0; i < q.length; i++) q[i] = (i % 7) / 7f;
            return im.crossEntropySoft(x, xo, xs, q, xo, xs, ROWS, c, null, 0.05f, null, 0, null, 0, o, oo, os, 0.5);
        }, false);
        crossCheck("crossEntropySoft weighted, no smoothing", (im, x, xo, xs, o, oo, os, c) -> {
            float[] q = new float[x.length];
            for (int i = 0; i < q.length; i++) q[i] = (i % 5) / 5f;
            float[] w = new float[c];
            for (int j = 0; j < c; j++) w[j] = 0.5f + (j % 3) * 0.75f;
            return im.crossEntropySoft(x, xo, xs, q, xo, xs, ROWS, c, w, 0f, null, 0, null, 0, o, oo, os, 1.0 / 3);
        }, false);
    }

    /**
     * Cross-entropy on rows holding +inf, -inf or NaN (softmax NaN or masked, as PyTorch) beside ordinary and wide ones:
     * a row with +inf gave gradients of 0x1.8p-22 where the scalar twin gives NaN (its NaN cA took the integer form).
     * Losses, gradients and the sum bit for bit as the scalar twin's, without and with weights and smoothing.
     */
    @Test
    void crossEntropyOnRowsWithInfAndNaNMatchesTheScalarTwin() {
        int rows = 6, cols = 4 * LANES + 3;
        Random r = new Random(SEED + 21);
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) x[i] = (float) ((i / cols % 2 == 0 ? 3 : 30) * r.nextGaussian());
        x[5] = Float.POSITIVE_INFINITY;
        x[cols + 7] = Float.NEGATIVE_INFINITY;
        x[2 * cols + 1] = Float.NaN;
        x[3 * cols] = Float.POSITIVE_INFINITY;
        x[3 * cols + 9] = Float.POSITIVE_INFINITY;
        for (int j = 0; j < cols; j++) x[4 * cols + j] = Float.NEGATIVE_INFINITY;
        int[] labels = {5, 2, 1, 0, 3, 4};
        float[] w = new float[cols];
        for (int j = 0; j < cols; j++) w[j] = 0.25f + (j % 4);
        double wsum = 0;
        for (float v : w) wsum += v;
        for (float eps : new float[] {0f, 0.1f}) {
            for (float[] cw : new float[][] {null, w}) {
                float[] la = new float[rows], lb = new float[rows], ga = new float[x.length], gb = new float[x.length];
                double ws = cw == null ? cols : wsum;
                double sa = VECTOR.crossEntropy(x, 0, cols, rows, cols, labels, 0, -100, cw, eps, ws, la, 0, null, 0, ga, 0,
                        cols, 1.0);
                double sb = SCALAR.crossEntropy(x, 0, cols, rows, cols, labels, 0, -100, cw, eps, ws, lb, 0, null, 0, gb, 0,
                        cols, 1.0);
                String what = "eps=" + eps + " weighted=" + (cw != null);
                assertEquals(Double.doubleToLongBits(sb), Double.doubleToLongBits(sa), what + ": sum " + sa + " vs " + sb);
                assertSameBits(lb, la, what + " losses");
                assertSameBits(gb, ga, what + " gradients");
            }
        }
    }

    /**
     * Cross-entropy gradients with gradient scales cA = w_y / s above 1 (class weights 1 to 2^10 with SUM, and 1e30 for
     * the binary64 form) on ordinary, wide, masked, isolated and tiny rows, every cols up to 4 vectors and more: the
     * far terms (x - m below -104), the integer-rounded subnormal results and the tails, bit for bit.
     */
    @Test
    void crossEntropyWithGradientScalesAboveOneMatchesTheScalarTwin() {
        Random r = new Random(SEED + 23);
        String[] dists = {"normal3", "normal30", "masked", "isolated", "tiny"};
        for (int cols : sizes()) {
            for (String dist : dists) {
                int rows = 3;
                float[] x = dev.kernels.test.SoftmaxBatches.batch(dist, r, rows, cols);
                float[] w = new float[cols];
                for (int j = 0; j < cols; j++) w[j] = j % 11 == 5 ? 1e30f : (float) Math.scalb(1 + r.nextDouble(), r.nextInt(11));
                int[] labels = new int[rows];
                for (int i = 0; i < rows; i++) labels[i] = r.nextInt(cols);
                float[] la = new float[rows], lb = new float[rows], ga = new float[x.length], gb = new float[x.length];
                double sa = VECTOR.crossEntropy(x, 0, cols, rows, cols, labels, 0, -100, w, 0f, 0, la, 0, null, 0, ga, 0,
                        cols, 1.0);
                double sb = SCALAR.crossEntropy(x, 0, cols, rows, cols, labels, 0, -100, w, 0f, 0, lb, 0, null, 0, gb, 0,
                        cols, 1.0);
                String what = dist + " cols=" + cols;
                assertEquals(Double.doubleToLongBits(sb), Double.doubleToLongBits(sa), what + ": sum " + sa + " vs " + sb);
                assertSameBits(lb, la, what + " losses");
                assertSameBits(gb, ga, what + " gradients");
            }
        }
    }

    /** BCE inputs for a batch x: targets in {0, 1/2, 1}, optional weights in [0.5, 1.5], optional posWeight per column. */
    private record BceInputs(float[] t, float[] w, float[] pw) {
        static BceInputs of(int length, int cols, boolean weighted, boolean pos) {
            float[] t = new float[length];
            for (int i = 0; i < t.length; i++) t[i] = (i % 3) / 2f;
            float[] w = weighted ? t.clone() : null;
            if (w != null) for (int i = 0; i < w.length; i++) w[i] += 0.5f;
            float[] pw = pos ? new float[cols] : null;
            if (pw != null) for (int j = 0; j < cols; j++) pw[j] = 0.5f + j % 4;
            return new BceInputs(t, w, pw);
        }
    }

    @Test
    void bce() {
        for (boolean weighted : new boolean[] {false, true}) {
            for (boolean pos : new boolean[] {false, true}) {
                crossCheck("bce weighted=" + weighted + " pos=" + pos, (im, x, xo, xs, o, oo, os, c) -> {
                    int n = ROWS * c;
                    BceInputs in = BceInputs.of(x.length, c, weighted, pos);
                    // contiguous rows of the batch (BCE has no stride): gradients, then per-element losses
                    double g = im.bce(x, xo, in.t(), xo, in.w(), xo, in.pw(), n, c, null, 0, null, 0, o, oo, 1.0 / 3);
                    float[] loss = new float[o.length];
                    double l = im.bce(x, xo, in.t(), xo, in.w(), xo, in.pw(), n, c, loss, oo, null, 0, null, 0, 1.0);
                    for (int i = 0; i < n; i++) o[oo + i] += loss[oo + i];
                    return g + 1e-3 * l;
                }, false);
            }
        }
    }

    /**
     * BCE without posWeight on logits around and past the edges of the fused loop's small-e form (|z| from 60 to 140,
     * where exp(-|z|) falls below 2^-100 and 2^-126, so losses and gradients may be subnormal, and is 0 past 104; the
     * unrounded e of weighted products ends at 131; some
     * of them integers, so that c |z| is often a tie; and 40 to 46, e near 2^-62), mixed with N(0, 3):
     * hard, soft, tiny and negative targets (0 < |c| < 2^-24 sends a vector to the scalar twin), no weights, weights
     * with zeros, tiny and huge ones (w 2^85 overflowed from 2^43 on: a zero loss with such a weight came out -3.6e-7;
     * a 2^64 w from 2^124 on: inf),
     * gradient scales 1, 1/n and 2^-30, loss only and loss with gradient, without and (variants 6-11) with posWeight,
     * in [0, 3), 2^k for k up to 45 (w lw and A ws around FAR_FACTOR_MAX = 2^39, the end of the scaled forms) or
     * subnormal (pw y subnormal: taken in binary64 beside a tiny sigma);
     * variants 12, 13: targets 0, 1 and soft, weights 2^k, k in [-2, 20], scale 1, so that no vector leaves for the
     * scalar twin as a whole and the lanes of weighted subnormal terms take their lane-by-lane form; variant 14 the
     * same with weights in [1/4, 1) and scale 4 (a gradient factor above 1 where the loss's weight is not), variant 15
     * without weights and scale 4.
     * Losses, gradients and the returned sum bit for bit as the scalar twin's.
     */
    @Test
    void bceWithLargeLogitsMatchesTheScalarTwin() {
        Random r = new Random(SEED + 5);
        int n = 64 * LANES + 7;
        for (int variant = 0; variant < 16; variant++) {
            boolean plain = variant >= 12;
            float[] z = new float[n], t = new float[n], w = new float[n];
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(5);
                double mag = kind == 4 ? 40 + 6 * r.nextDouble() : 60 + 80 * r.nextDouble(); // 40-46: e near 2^-62
                z[i] = kind == 0 ? (float) (r.nextGaussian() * 3)
                        : (float) ((r.nextBoolean() ? 1 : -1) * (kind == 1 ? Math.rint(mag) : mag)); // integers: c |z| ties
                int k = r.nextInt(12);
                t[i] = k < 2 ? 0f : k < 4 ? 1f : k < 8 ? r.nextFloat() : k == 8 ? 0x1p-30f : k == 9 ? -0x1p-40f
                        : (float) (r.nextDouble() * (k == 10 ? 0x1p-100 : 0x1p-130));
                if (plain && k >= 8) t[i] = k % 2;
                int q = r.nextInt(12);
                w[i] = q == 0 ? 0f : q == 1 ? 1e-30f : q == 2 ? 0x1p43f * (1 + r.nextInt(1 << 20))
                        : q == 3 ? Float.MAX_VALUE : q >= 10 ? (float) Math.scalb(1 + r.nextDouble(), 30 + r.nextInt(12))
                        : (float) (2 * r.nextDouble());
                if (plain) w[i] = variant == 14 ? (float) (0.25 + 0.75 * r.nextDouble())
                        : (float) Math.scalb(1 + r.nextDouble(), r.nextInt(23) - 2);
            }
            float[] weights = variant % 2 == 0 && !plain || variant == 15 ? null : w;
            double scale = variant >= 14 ? 4.0 : variant < 2 || variant >= 8 ? 1.0 : variant < 4 ? 1.0 / n : 0x1p-30;
            float[] pw = null;
            if (variant >= 6 && variant < 12 || variant == 13) { // posWeight, per column of a single row
                pw = new float[n];
                for (int i = 0; i < n; i++) {
                    pw[i] = variant < 10 || r.nextBoolean() ? (float) (3 * r.nextDouble())
                            : r.nextInt(4) == 0 ? Float.MIN_VALUE * (1 + r.nextInt(1 << 22)) // pw y subnormal
                            : (float) Math.scalb(1.0, r.nextInt(46));
                }
            }
            for (boolean withGrad : new boolean[] {false, true}) {
                float[] la = new float[n], lb = new float[n], ga = new float[n], gb = new float[n];
                double sa = VECTOR.bce(z, 0, t, 0, weights, 0, pw, n, n, la, 0, null, 0, withGrad ? ga : null, 0, scale);
                double sb = SCALAR.bce(z, 0, t, 0, weights, 0, pw, n, n, lb, 0, null, 0, withGrad ? gb : null, 0, scale);
                String what = "variant=" + variant + " grad=" + withGrad;
                assertEquals(Double.doubleToLongBits(sb), Double.doubleToLongBits(sa), what + ": sum " + sa + " vs " + sb);
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.toHexString(lb[i]), Float.toHexString(la[i]), what + ": loss " + i + " z=" + z[i]
                            + " t=" + t[i] + " w=" + (weights == null ? 1 : weights[i]));
                    assertEquals(Float.toHexString(gb[i]), Float.toHexString(ga[i]), what + ": grad " + i + " z=" + z[i]
                            + " t=" + t[i] + " w=" + (weights == null ? 1 : weights[i]));
                }
            }
        }
    }

    /**
     * BCE on tiny logits, |z| = 2^u with u in [-150, -10] (subnormal ones and zeros included): the vector exp takes |z|
     * below 2^-26 as 0 (e^-|z| rounds to 1 either way); a larger threshold would change e where 1 - |z| no longer
     * rounds to 1. Targets 0, 1 and soft, with and without weights and posWeight; losses, gradients and the returned
     * sum bit for bit as the scalar twin's.
     */
    @Test
    void bceWithTinyLogitsMatchesTheScalarTwin() {
        Random r = new Random(SEED + 6);
        int n = 32 * LANES + 5;
        for (int variant = 0; variant < 4; variant++) {
            float[] z = new float[n], t = new float[n], w = new float[n], pw = new float[n];
            for (int i = 0; i < n; i++) {
                float mag = i % 17 == 0 ? 0f : (float) Math.scalb(1 + r.nextDouble(), -10 - r.nextInt(141));
                z[i] = r.nextBoolean() ? mag : -mag;
                int k = r.nextInt(3);
                t[i] = k == 0 ? 0f : k == 1 ? 1f : r.nextFloat();
                w[i] = (float) (2 * r.nextDouble());
                pw[i] = (float) (3 * r.nextDouble());
            }
            float[] weights = variant % 2 == 0 ? null : w;
            float[] posWeight = variant < 2 ? null : pw;
            float[] la = new float[n], lb = new float[n], ga = new float[n], gb = new float[n];
            double sa = VECTOR.bce(z, 0, t, 0, weights, 0, posWeight, n, n, la, 0, null, 0, ga, 0, 1.0 / n);
            double sb = SCALAR.bce(z, 0, t, 0, weights, 0, posWeight, n, n, lb, 0, null, 0, gb, 0, 1.0 / n);
            String what = "variant=" + variant;
            assertEquals(Double.doubleToLongBits(sb), Double.doubleToLongBits(sa), what + ": sum " + sa + " vs " + sb);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.toHexString(lb[i]), Float.toHexString(la[i]), what + ": loss " + i + " z=" + z[i]);
                assertEquals(Float.toHexString(gb[i]), Float.toHexString(ga[i]), what + ": grad " + i + " z=" + z[i]);
            }
        }
    }

    /**
     * Losses written over the logits while a gradient is formed, on logits whose tiny-gradient form hands lanes to the
     * scalar formula (|z| in [60, 140], tiny targets, weights past FAR_FACTOR_MAX): that formula reads z after the
     * loss passes, so it must read a copy. Without posWeight and with it, vector and twin both in place, bit for bit.
     */
    @Test
    void bceLossOverLogitsWithGradientOnLargeLogitsMatchesTheScalarTwin() {
        Random r = new Random(SEED + 7);
        int n = 16 * LANES + 16;
        for (int variant = 0; variant < 4; variant++) {
            float[] z = new float[n], t = new float[n], w = new float[n], pw = new float[n];
            for (int i = 0; i < n; i++) {
                float mag = r.nextInt(4) == 0 ? (float) Math.abs(3 * r.nextGaussian()) : (float) (60 + 80 * r.nextDouble());
                z[i] = r.nextBoolean() ? mag : -mag;
                int k = r.nextInt(6);
                t[i] = k < 2 ? 0f : k < 4 ? 1f : k == 4 ? r.nextFloat() : 0x1p-40f;
                w[i] = r.nextInt(8) == 0 ? 0x1p40f : (float) (3 * r.nextDouble());
                pw[i] = (float) (3 * r.nextDouble());
            }
            float[] weights = variant % 2 == 0 ? null : w;
            float[] posWeight = variant < 2 ? null : pw;
            float[] za = z.clone(), zb = z.clone(), ga = new float[n], gb = new float[n];
            double sa = VECTOR.bce(za, 0, t, 0, weights, 0, posWeight, n, n, za, 0, null, 0, ga, 0, 1.0);
            double sb = SCALAR.bce(zb, 0, t, 0, weights, 0, posWeight, n, n, zb, 0, null, 0, gb, 0, 1.0);
            String what = "variant=" + variant;
            assertEquals(Double.doubleToLongBits(sb), Double.doubleToLongBits(sa), what + ": sum " + sa + " vs " + sb);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.toHexString(zb[i]), Float.toHexString(za[i]), what + ": loss " + i + " z=" + z[i]);
                assertEquals(Float.toHexString(gb[i]), Float.toHexString(ga[i]), what + ": grad " + i + " z=" + z[i]
                        + " t=" + t[i]);
            }
        }
    }

    @Test
    void bceInPlace() {
        for (boolean weighted : new boolean[] {false, true}) {
            for (boolean pos : new boolean[] {false, true}) {
                for (boolean lossInPlace : new boolean[] {false, true}) {
                    // the vector passes read z more than once: lossOut or grad being the logits must not change a bit
                    crossCheck("bce in place weighted=" + weighted + " pos=" + pos + " loss=" + lossInPlace,
                            (im, x, xo, xs, o, oo, os, c) -> {
                                int n = ROWS * c;
                                BceInputs in = BceInputs.of(x.length, c, weighted, pos);
                                return lossInPlace
                                        ? im.bce(x, xo, in.t(), xo, in.w(), xo, in.pw(), n, c, o, oo, null, 0, null, 0, 1.0)
                                        : im.bce(x, xo, in.t(), xo, in.w(), xo, in.pw(), n, c, null, 0, null, 0, o, oo,
                                                1.0 / 3);
                            }, true);
                }
            }
        }
    }
}
