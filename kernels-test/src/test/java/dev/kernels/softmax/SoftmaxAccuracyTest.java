package dev.kernels.softmax;

import static dev.kernels.softmax.SoftmaxTesting.SEED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kernels.Losses;
import dev.kernels.Reduction;
import dev.kernels.Softmax;
import dev.kernels.test.SoftmaxOracle;
import dev.kernels.test.report.BatchAccuracy;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Accuracy against the float64 oracle, the extreme inputs of issue 4 (each its own test), parallel bits, bad input. */
class SoftmaxAccuracyTest {

    @Test
    void seededBatchesWithinBounds() {
        List<BatchAccuracy.Result> results = BatchAccuracy.run(SEED, dev.kernels.test.SoftmaxBatches.DISTRIBUTIONS,
                new int[] {10, 1000, 32000});
        for (BatchAccuracy.Result r : results) {
            double bound = switch (r.kernel()) {
                case "softmax" -> Softmax.MAX_ULP_SOFTMAX;
                case "logSoftmax" -> Softmax.MAX_ULP_LOG_SOFTMAX;
                case "logSumExp" -> Softmax.MAX_ULP_LOG_SUM_EXP; // masked rows of 10 cancel towards 0: binary64 terms
                default -> 4.0;
            };
            assertTrue(r.maxError() <= bound, r + " seed=" + SEED);
        }
    }

    @Test
    void oneMillionColumns() {
        int cols = 1_000_000;
        float[] x = dev.kernels.test.SoftmaxBatches.batch("normal3", new Random(SEED), 1, cols);
        float[] y = new float[cols];
        double[] ref = new double[cols];
        Softmax.softmax(x, y, 1, cols);
        SoftmaxOracle.softmax(x, 0, cols, ref);
        assertTrue(maxUlp(y, ref) <= Softmax.MAX_ULP_SOFTMAX, "softmax 1e6: " + maxUlp(y, ref));
        Softmax.logSoftmax(x, y, 1, cols);
        SoftmaxOracle.logSoftmax(x, 0, cols, ref);
        assertTrue(maxUlp(y, ref) <= Softmax.MAX_ULP_LOG_SOFTMAX, "logSoftmax 1e6: " + maxUlp(y, ref));
    }

    static double maxUlp(float[] y, double[] ref) {
        double m = 0;
        for (int i = 0; i < y.length; i++) m = Math.max(m, SoftmaxOracle.ulpError(y[i], ref[i]));
        return m;
    }

    static void checkRow(float... x) {
        float[] y = new float[x.length];
        double[] ref = new double[x.length];
        Softmax.softmax(x, y, 1, x.length);
        SoftmaxOracle.softmax(x, 0, x.length, ref);
        assertTrue(maxUlp(y, ref) <= Softmax.MAX_ULP_SOFTMAX, "softmax " + Arrays.toString(x) + " -> " + Arrays.toString(y));
        Softmax.logSoftmax(x, y, 1, x.length);
        SoftmaxOracle.logSoftmax(x, 0, x.length, ref);
        assertTrue(maxUlp(y, ref) <= Softmax.MAX_ULP_LOG_SOFTMAX, "logSoftmax " + Arrays.toString(x) + " -> " + Arrays.toString(y));
    }

    @Test
    void hugeLogits() {
        checkRow(1e38f, -1e38f, 0f, 1e38f);
        checkRow(Float.MAX_VALUE, -Float.MAX_VALUE, 1f);
        checkRow(-1e38f, -1e38f, -3e38f);
    }

    @Test
    void infiniteLogits() {
        float[] y = new float[3];
        Softmax.softmax(new float[] {Float.POSITIVE_INFINITY, 1f, 2f}, y, 1, 3);
        for (float v : y) assertTrue(Float.isNaN(v), "+inf row is NaN (PyTorch)");
        Softmax.logSoftmax(new float[] {Float.NEGATIVE_INFINITY, 1f, 2f}, y, 1, 3);
        assertEquals(Float.NEGATIVE_INFINITY, y[0]);
        checkRow(Float.NEGATIVE_INFINITY, 1f, 2f, Float.NEGATIVE_INFINITY);
    }

    @Test
    void allMaskedRowIsNaN() {
        float[] x = {0f, 1f, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float[] y = new float[4];
        Softmax.softmax(x, y, 2, 2);
        assertTrue(Float.isNaN(y[2]) && Float.isNaN(y[3]));
        assertTrue(!Float.isNaN(y[0]) && !Float.isNaN(y[1]));
        float[] lse = new float[2];
        Softmax.logSumExp(x, 0, 2, lse, 0, 2, 2);
        assertEquals(Float.NEGATIVE_INFINITY, lse[1]);
    }

    @Test
    void nanRowOnlyThatRow() {
        float[] x = {0f, Float.NaN, 3f, 1f, 2f, 3f};
        float[] y = new float[6];
        Softmax.logSoftmax(x, y, 2, 3);
        for (int j = 0; j < 3; j++) assertTrue(Float.isNaN(y[j]));
        for (int j = 3; j < 6; j++) assertTrue(Float.isFinite(y[j]));
    }

    @Test
    void oneColumn() {
        float[] x = {5f, -1e30f, 0f};
        float[] y = new float[3];
        Softmax.softmax(x, y, 3, 1);
        assertArrayEquals(new float[] {1f, 1f, 1f}, y);
        Softmax.logSoftmax(x, y, 3, 1);
        assertArrayEquals(new float[] {0f, 0f, 0f}, y);
    }

    @Test
    void nearTies() {
        float a = 0.7f;
        checkRow(a, Math.nextUp(a), Math.nextDown(a), a, Math.nextUp(Math.nextUp(a)));
    }

    @Test
    void dominantLogitMargin1e4() {
        float[] x = {1e4f, 0f, -1f, 0.5f};
        checkRow(x);
        // the max's log-probability is -log1p(tiny): exactly representable only through log1p, never a flat 0
        float[] x2 = {20f, 0f, 0f};
        float[] y = new float[3];
        Softmax.logSoftmax(x2, y, 1, 3);
        double exact = -Math.log1p(2 * Math.exp(-20));
        assertTrue(SoftmaxOracle.ulpError(y[0], exact) <= 1, y[0] + " vs " + exact);
    }

    /**
     * A single max whose other logits all lie 88-150 below it: its log-probability -log1p(t) ~ -t and the
     * cross-entropy of its label are tiny or subnormal, and t gathers terms e^d with d &lt; -104, each below half the
     * smallest subnormal (the exp pass rounds them to 0). Leaving them out was 200-310 ULP off on such rows.
     */
    @Test
    void isolatedMaxKeepsTheTermsBelowHalfTheSmallestSubnormal() {
        Random r = new Random(SEED + 5);
        int subnormal = 0;
        for (int it = 0; it < 300; it++) {
            int cols = 2 + r.nextInt(it % 3 == 0 ? 3000 : 300);
            float m = it % 4 == 0 ? 0f : (float) (r.nextGaussian() * (it % 2 == 0 ? 1 : 1000));
            int im = r.nextInt(cols);
            double gap = 88 + 20 * r.nextDouble(), span = 1 + 40 * r.nextDouble();
            float[] x = new float[cols];
            for (int j = 0; j < cols; j++) x[j] = j == im ? m : (float) (m - gap - span * r.nextDouble());
            float[] y = new float[cols];
            double[] ref = new double[cols];
            Softmax.logSoftmax(x, y, 1, cols);
            SoftmaxOracle.logSoftmax(x, 0, cols, ref);
            String what = "cols=" + cols + " m=" + m + " gap=" + gap + " span=" + span;
            assertTrue(maxUlp(y, ref) <= Softmax.MAX_ULP_LOG_SOFTMAX, "logSoftmax " + what + ": " + maxUlp(y, ref));
            if (y[im] != 0f && Math.abs(y[im]) < Float.MIN_NORMAL) subnormal++;
            float[] g = new float[cols], loss = new float[1];
            Losses.crossEntropyWithLogits(x, 0, cols, 1, cols, new int[] {im}, 0, Losses.DEFAULT_IGNORE_INDEX, null,
                    0f, Reduction.SUM, loss, 0, g, 0, cols);
            double exactLoss = SoftmaxOracle.crossEntropy(x, 0, cols, im, null, 0);
            assertTrue(SoftmaxOracle.ulpError(loss[0], exactLoss) <= Losses.MAX_ULP_LOSS, "cross-entropy " + what
                    + ": " + loss[0] + " vs " + exactLoss);
            double[] gref = new double[cols];
            SoftmaxOracle.crossEntropyGrad(x, 0, cols, im, null, 0, 1.0, gref);
            assertTrue(SoftmaxOracle.ulpError(g[im], gref[im]) <= Losses.MAX_ULP_GRAD, "gradient at the label " + what
                    + ": " + g[im] + " vs " + gref[im]);
            float[] q = new float[cols];
            q[im] = 1f;
            Losses.crossEntropyWithSoftTargets(x, 0, cols, q, 0, cols, 1, cols, null, 0f, Reduction.SUM, loss, 0,
                    null, 0, cols);
            double exactSoft = SoftmaxOracle.crossEntropySoft(x, 0, cols, q, 0, null, 0);
            assertTrue(SoftmaxOracle.ulpError(loss[0], exactSoft) <= Losses.MAX_ULP_LOSS, "soft targets " + what
                    + ": " + loss[0] + " vs " + exactSoft);
        }
        assertTrue(subnormal > 100, "the rows must give subnormal log-probabilities: " + subnormal);
    }

    @Test
    void wideNormal30SubnormalTerms() {
        float[] x = dev.kernels.test.SoftmaxBatches.batch("normal30", new Random(SEED), 8, 4099);
        float[] y = new float[x.length];
        double[] ref = new double[4099];
        Softmax.softmax(x, y, 8, 4099);
        int subnormals = 0;
        for (int r = 0; r < 8; r++) {
            SoftmaxOracle.softmax(x, r * 4099, 4099, ref);
            for (int j = 0; j < 4099; j++) {
                float v = y[r * 4099 + j];
                if (v != 0 && Math.abs(v) < Float.MIN_NORMAL) subnormals++;
                assertTrue(SoftmaxOracle.ulpError(v, ref[j]) <= Softmax.MAX_ULP_SOFTMAX, "row " + r + " col " + j);
            }
        }
        assertTrue(subnormals > 100, "the batch must exercise subnormal outputs: " + subnormals);
    }

    @Test
    void parallelSameBits() throws Exception {
        float[] x = dev.kernels.test.SoftmaxBatches.batch("normal3", new Random(SEED), 97, 1003);
        float[] a = new float[x.length], b = new float[x.length];
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Softmax.softmax(x, 0, 1003, a, 0, 1003, 97, 1003);
            Softmax.softmax(x, 0, 1003, b, 0, 1003, 97, 1003, pool);
            assertArrayEquals(a, b);
            Softmax.logSoftmax(x, 0, 1003, a, 0, 1003, 97, 1003);
            Softmax.logSoftmax(x, 0, 1003, b, 0, 1003, 97, 1003, pool);
            assertArrayEquals(a, b);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badInputThrowsBeforeWriting() {
        float[] x = new float[12];
        float[] y = new float[12];
        Arrays.fill(y, 7f);
        assertThrows(IllegalArgumentException.class, () -> Softmax.softmax(x, y, 3, 5));
        assertThrows(IllegalArgumentException.class, () -> Softmax.softmax(x, y, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> Softmax.softmax(x, 0, 3, y, 0, 4, 3, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> Softmax.softmax(x, 1, 4, y, 0, 4, 3, 4));
        assertThrows(NullPointerException.class, () -> Softmax.logSoftmax(null, y, 3, 4));
        for (float v : y) assertEquals(7f, v);
        Softmax.softmax(x, 0, 4, y, 0, 4, 0, 4); // rows = 0: no-op
        for (float v : y) assertEquals(7f, v);
    }

    /**
     * logSoftmaxBackward where e^out is subnormal and |sum g| above 1 (an NLL gradOut scaled as by a loss scale, on
     * N(0,30) rows), and sums up to 1e30: the fma of a subnormal-rounded e with s kept that rounding (512 ulp of a
     * gradient of 1.4e-38 with -1024), and e^out below e^-104 was 0 (1e-20 where the exact gradient is 5e-14).
     */
    @Test
    void logSoftmaxBackwardWithLargeGradientSumsWithinTheBound() {
        Random r = new Random(SEED + 17);
        int cols = 300, tinyTerms = 0;
        float[] x = new float[cols], out = new float[cols], g = new float[cols], gi = new float[cols];
        double[] ref = new double[cols], terms = new double[cols];
        for (float scale : new float[] {-1024f, -0x1p20f, 0x1p39f, 3e11f, -1e30f}) {
            for (int it = 0; it < 40; it++) {
                for (int j = 0; j < cols; j++) x[j] = (float) (30 * r.nextGaussian());
                Softmax.logSoftmax(x, out, 1, cols);
                Arrays.fill(g, 0f);
                g[r.nextInt(cols)] = scale;
                Softmax.logSoftmaxBackward(out, g, gi, 1, cols);
                SoftmaxOracle.logSoftmaxBackward(out, g, 0, cols, ref, terms);
                for (int j = 0; j < cols; j++) {
                    double err = Math.abs(gi[j] - ref[j]) / SoftmaxOracle.ulpOf(terms[j]);
                    assertTrue(err <= Softmax.MAX_ULP_BACKWARD, "scale=" + scale + " out=" + out[j] + " got " + gi[j]
                            + " exact " + ref[j] + ": " + err);
                    if (g[j] == 0f && out[j] < -87f && ref[j] != 0) tinyTerms++;
                }
            }
        }
        assertTrue(tinyTerms > 1000, "rows must give gradients from subnormal e^out: " + tinyTerms);
    }

    /**
     * Cross-entropy gradients with class weights 1 to 1024 (and 1e30) and SUM on N(0,30) rows, so the gradient scale
     * cA = w_y / s exceeds 1 where probabilities are subnormal: e rounded at subnormal spacing, then times cA, was 505
     * ulp off (and the exp pass's clamp at -104 counted as e^-104).
     */
    @Test
    void crossEntropyGradientWithLargeClassWeightsWithinTheBound() {
        Random r = new Random(SEED + 19);
        int cols = 300, tiny = 0;
        float[] x = new float[cols], w = new float[cols], g = new float[cols];
        double[] ref = new double[cols], p = new double[cols];
        for (int it = 0; it < 200; it++) {
            for (int j = 0; j < cols; j++) {
                x[j] = (float) (30 * r.nextGaussian());
                w[j] = it % 10 == 9 ? 1e30f : (float) (1 + 1023 * r.nextDouble());
            }
            int label = r.nextInt(cols);
            Losses.crossEntropyWithLogits(x, 0, cols, 1, cols, new int[] {label}, 0, Losses.DEFAULT_IGNORE_INDEX, w, 0f,
                    Reduction.SUM, null, 0, g, 0, cols);
            SoftmaxOracle.crossEntropyGrad(x, 0, cols, label, w, 0, 1.0, ref);
            SoftmaxOracle.softmax(x, 0, cols, p);
            for (int j = 0; j < cols; j++) {
                double terms = Math.max(w[label] * p[j], j == label ? w[label] : 0);
                double err = terms == 0 ? (g[j] == 0 ? 0 : Double.POSITIVE_INFINITY)
                        : Math.abs(g[j] - ref[j]) / SoftmaxOracle.ulpOf(terms);
                assertTrue(err <= Losses.MAX_ULP_GRAD, "it=" + it + " j=" + j + " got " + g[j] + " exact " + ref[j]
                        + ": " + err);
                if (ref[j] != 0 && Math.abs(ref[j]) < Float.MIN_NORMAL) tiny++;
            }
        }
        assertTrue(tiny > 1000, "rows must give subnormal gradients: " + tiny);
    }

    /** Finite differences in float64 of the backward kernels (loss = sum g * out, out = softmax / log-softmax). */
    @Test
    void backwardMatchesFiniteDifferences() {
        Random r = new Random(SEED);
        int cols = 37;
        float[] x = dev.kernels.test.SoftmaxBatches.normal(r, cols, 2);
        float[] g = dev.kernels.test.SoftmaxBatches.normal(r, cols, 1);
        for (boolean log : new boolean[] {false, true}) {
            float[] out = new float[cols], gi = new float[cols];
            if (log) {
                Softmax.logSoftmax(x, out, 1, cols);
                Softmax.logSoftmaxBackward(out, g, gi, 1, cols);
            } else {
                Softmax.softmax(x, out, 1, cols);
                Softmax.softmaxBackward(out, g, gi, 1, cols);
            }
            for (int j = 0; j < cols; j++) {
                double h = 1e-4;
                double fd = (objective(x, g, j, h, log) - objective(x, g, j, -h, log)) / (2 * h);
                assertEquals(fd, gi[j], 1e-6 + 1e-5 * Math.abs(fd), (log ? "logSoftmax" : "softmax") + " d/dx" + j);
            }
        }
    }

    static double objective(float[] x, float[] g, int j, double h, boolean log) {
        int n = x.length;
        double[] xd = new double[n];
        for (int i = 0; i < n; i++) xd[i] = x[i];
        xd[j] += h;
        double m = Double.NEGATIVE_INFINITY;
        for (double v : xd) m = Math.max(m, v);
        double s = 0;
        for (double v : xd) s += Math.exp(v - m);
        double obj = 0;
        for (int i = 0; i < n; i++) {
            double o = log ? xd[i] - m - Math.log(s) : Math.exp(xd[i] - m) / s;
            obj += g[i] * o;
        }
        return obj;
    }
}
