package dev.kernels.losses;

import static dev.kernels.softmax.SoftmaxTesting.SEED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kernels.Losses;
import dev.kernels.Reduction;
import dev.kernels.test.SoftmaxBatches;
import dev.kernels.test.SoftmaxOracle;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** PyTorch semantics, accuracy, gradients (oracle and finite differences), bad input and parallel bits of the losses. */
class LossesTest {
    static final int ROWS = 9, COLS = 23;

    float[] logits(Random r) {
        return SoftmaxBatches.normal(r, ROWS * COLS, 3);
    }

    int[] labels(Random r) {
        int[] l = new int[ROWS];
        for (int i = 0; i < ROWS; i++) l[i] = i % 4 == 1 ? -100 : r.nextInt(COLS);
        return l;
    }

    /** Weighted mean with ignoreIndex and smoothing, per PyTorch: sum_r loss_r / sum_r w[y_r] over non-ignored rows. */
    @Test
    void crossEntropyTorchSemantics() {
        Random r = new Random(SEED);
        float[] x = logits(r);
        int[] labels = labels(r);
        float[] w = new float[COLS];
        for (int j = 0; j < COLS; j++) w[j] = 0.25f + r.nextFloat();
        for (float eps : new float[] {0f, 0.1f}) {
            for (float[] weights : new float[][] {null, w}) {
                float[] rowLoss = new float[ROWS];
                float mean = Losses.crossEntropyWithLogits(x, 0, COLS, ROWS, COLS, labels, 0, -100, weights, eps,
                        Reduction.MEAN, rowLoss, 0, null, 0, COLS);
                float sum = Losses.crossEntropyWithLogits(x, 0, COLS, ROWS, COLS, labels, 0, -100, weights, eps,
                        Reduction.SUM, null, 0, null, 0, COLS);
                double num = 0, den = 0;
                for (int i = 0; i < ROWS; i++) {
                    if (labels[i] == -100) {
                        assertEquals(0f, rowLoss[i]);
                        continue;
                    }
                    double li = SoftmaxOracle.crossEntropy(x, i * COLS, COLS, labels[i], weights, eps);
                    assertTrue(SoftmaxOracle.ulpError(rowLoss[i], li) <= Losses.MAX_ULP_LOSS, "row " + i);
                    num += li;
                    den += weights == null ? 1 : weights[labels[i]];
                }
                assertTrue(SoftmaxOracle.ulpError(sum, num) <= Losses.MAX_ULP_LOSS, "sum eps=" + eps);
                assertTrue(SoftmaxOracle.ulpError(mean, num / den) <= Losses.MAX_ULP_LOSS, "mean eps=" + eps);
            }
        }
    }

    @Test
    void crossEntropyGradientMatchesOracleAndFiniteDifferences() {
        Random r = new Random(SEED + 1);
        float[] x = logits(r);
        int[] labels = labels(r);
        float[] w = new float[COLS];
        for (int j = 0; j < COLS; j++) w[j] = 0.5f + r.nextFloat();
        for (float eps : new float[] {0f, 0.2f}) {
            float[] grad = new float[x.length];
            Arrays.fill(grad, Float.NaN);
            Losses.crossEntropyWithLogits(x, 0, COLS, ROWS, COLS, labels, 0, -100, w, eps, Reduction.SUM, null, 0,
                    grad, 0, COLS);
            double[] g = new double[COLS];
            for (int i = 0; i < ROWS; i++) {
                if (labels[i] == -100) {
                    for (int j = 0; j < COLS; j++) assertEquals(0f, grad[i * COLS + j]);
                    continue;
                }
                SoftmaxOracle.crossEntropyGrad(x, i * COLS, COLS, labels[i], w, eps, 1.0, g);
                for (int j = 0; j < COLS; j++) {
                    // bound: MAX_ULP_GRAD ulps of the larger subtracted term (A p_j vs a_j), see Losses
                    double terms = Math.abs(g[j]) + 2 * (eps / COLS) * w[j] + Math.abs(g[j] + (j == labels[i] ? w[j] : 0));
                    assertEquals(g[j], grad[i * COLS + j], Losses.MAX_ULP_GRAD * SoftmaxOracle.ulpOf(terms),
                            "row " + i + " col " + j + " eps " + eps);
                    double h = 1e-3;
                    double fd = (ceD(x, i, j, h, labels[i], w, eps) - ceD(x, i, j, -h, labels[i], w, eps)) / (2 * h);
                    assertEquals(fd, grad[i * COLS + j], 1e-6 + 1e-6 * Math.abs(fd), "finite difference " + i + "," + j);
                }
            }
        }
    }

    static double ceD(float[] x, int row, int j, double h, int label, float[] w, double eps) {
        double[] v = new double[COLS];
        for (int c = 0; c < COLS; c++) v[c] = x[row * COLS + c];
        v[j] += h;
        double m = Arrays.stream(v).max().getAsDouble();
        double s = 0;
        for (double d : v) s += Math.exp(d - m);
        double lse = m + Math.log(s);
        double loss = (1 - eps) * w[label] * (lse - v[label]);
        for (int c = 0; c < COLS; c++) loss += eps / COLS * w[c] * (lse - v[c]);
        return loss;
    }

    @Test
    void crossEntropySimpleFormAndDominantLabel() {
        // label = a logit dominating by 1e4: loss tiny but exact to ulps (log1p), gradient p - 1 without cancellation
        float[] x = {1e4f, 0f, 1f, 2f};
        float[] grad = new float[4];
        float loss = Losses.crossEntropyWithLogits(x, 1, 4, new int[] {0}, grad, Reduction.MEAN);
        assertEquals(0f, loss); // exp(-9998) underflows in binary64 too: the exact loss is below 2^-149
        float[] x2 = {20f, 0f, 1f, 2f};
        loss = Losses.crossEntropyWithLogits(x2, 1, 4, new int[] {0}, grad, Reduction.MEAN);
        double exact = SoftmaxOracle.crossEntropy(x2, 0, 4, 0, null, 0);
        assertTrue(SoftmaxOracle.ulpError(loss, exact) <= Losses.MAX_ULP_LOSS, loss + " vs " + exact);
        double[] g = new double[4];
        SoftmaxOracle.crossEntropyGrad(x2, 0, 4, 0, null, 0, 1, g);
        assertTrue(SoftmaxOracle.ulpError(grad[0], g[0]) <= Losses.MAX_ULP_GRAD, grad[0] + " vs " + g[0]);
    }

    @Test
    void crossEntropyBadInputWritesNothing() {
        float[] x = new float[12];
        float[] grad = new float[12];
        Arrays.fill(grad, 3f);
        assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropyWithLogits(x, 3, 4, new int[] {0, 4, 1}, grad, Reduction.SUM));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropyWithLogits(x, 3, 4, new int[] {0, -1, 1}, grad, Reduction.SUM));
        // the simple form takes exactly one label per row; the full form's labels are a range at an offset
        assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropyWithLogits(x, 3, 4, new int[] {0, 1}, grad, Reduction.SUM));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropyWithLogits(x, 3, 4, new int[] {0, 1, 2, 3}, grad, Reduction.SUM));
        assertThrows(IndexOutOfBoundsException.class, () -> Losses.crossEntropyWithLogits(x, 0, 4, 3, 4,
                new int[] {0, 1, 2}, 1, -100, null, 0f, Reduction.SUM, null, 0, grad, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropyWithLogits(x, 0, 4, 3, 4,
                new int[] {0, 1, 2}, 0, -100, new float[] {1, -1, 1, 1}, 0f, Reduction.MEAN, null, 0, grad, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropyWithLogits(x, 0, 4, 3, 4,
                new int[] {0, 1, 2}, 0, -100, new float[] {1, 1, 1}, 0f, Reduction.MEAN, null, 0, grad, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropyWithLogits(x, 0, 4, 3, 4,
                new int[] {0, 1, 2}, 0, -100, null, 1.5f, Reduction.MEAN, null, 0, grad, 0, 4));
        for (float v : grad) assertEquals(3f, v);
    }

    @Test
    void softTargetsMatchOracle() {
        Random r = new Random(SEED + 2);
        float[] x = logits(r);
        float[] q = new float[x.length];
        for (int i = 0; i < ROWS; i++) {
            float s = 0;
            for (int j = 0; j < COLS; j++) s += q[i * COLS + j] = r.nextFloat();
            for (int j = 0; j < COLS; j++) q[i * COLS + j] /= s;
        }
        float[] rowLoss = new float[ROWS];
        float mean = Losses.crossEntropyWithSoftTargets(x, 0, COLS, q, 0, COLS, ROWS, COLS, null, 0.1f, Reduction.MEAN,
                rowLoss, 0, null, 0, COLS);
        double sum = 0;
        for (int i = 0; i < ROWS; i++) {
            double li = SoftmaxOracle.crossEntropySoft(x, i * COLS, COLS, q, i * COLS, null, 0.1);
            assertTrue(SoftmaxOracle.ulpError(rowLoss[i], li) <= Losses.MAX_ULP_LOSS, "row " + i);
            sum += li;
        }
        assertTrue(SoftmaxOracle.ulpError(mean, sum / ROWS) <= Losses.MAX_ULP_LOSS);
    }

    @Test
    void bceMatchesOracleWithWeightsAndPosWeight() {
        Random r = new Random(SEED + 3);
        int n = ROWS * COLS;
        float[] z = SoftmaxBatches.normal(r, n, 30);
        z[0] = 1e38f;
        z[1] = -1e38f;
        z[2] = -120f;
        z[3] = 95f;
        float[] t = new float[n], w = new float[n], pw = new float[COLS];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextInt(3) / 2f;
            w[i] = 0.5f + r.nextFloat();
        }
        for (int j = 0; j < COLS; j++) pw[j] = 0.5f + 3 * r.nextFloat();
        float[] loss = new float[n], grad = new float[n];
        float mean = Losses.bceWithLogits(z, t, w, pw, ROWS, COLS, Reduction.MEAN, loss, grad);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double li = SoftmaxOracle.bce(z[i], t[i], w[i], pw[i % COLS]);
            assertTrue(SoftmaxOracle.ulpError(loss[i], li) <= Losses.MAX_ULP_LOSS, "loss " + i + " z=" + z[i]);
            sum += li;
            double gi = SoftmaxOracle.bceGrad(z[i], t[i], w[i], pw[i % COLS]) / n;
            double sigma = SoftmaxOracle.bceGrad(z[i], 0f, 1, 1);
            double lw = pw[i % COLS] * t[i] + (1 - (double) t[i]);
            double terms = Math.max(lw * sigma, pw[i % COLS] * t[i]) * w[i] / n;
            assertEquals(gi, grad[i], Losses.MAX_ULP_GRAD * SoftmaxOracle.ulpOf(terms) + SoftmaxOracle.ulpOf(gi), "grad " + i);
        }
        assertTrue(SoftmaxOracle.ulpError(mean, sum / n) <= Losses.MAX_ULP_LOSS);
    }

    /**
     * Tiny posWeight with targets at or near 1: lw = 1 + (pw - 1) y evaluated as written lost pw's bits below 2^-30 and
     * all of pw below 2^-54 (a loss of 0 for pw softplus(-z)); pw y + (1 - y) keeps them (both terms exact).
     */
    @Test
    void bceTinyPosWeightKeepsItsLoss() {
        int cols = 64;
        float[] z = new float[cols], t = new float[cols], pw = new float[cols];
        for (int j = 0; j < cols; j++) {
            z[j] = (j % 2 == 0 ? 1 : -1) * (0.5f + j / 4f);
            t[j] = j % 3 == 0 ? 1f : 1f - 0x1p-24f * (j % 5);
            pw[j] = (float) Math.scalb(1.0 + j / 64.0, -20 - 2 * j);
        }
        float[] loss = new float[cols];
        Losses.bceWithLogits(z, t, null, pw, 1, cols, Reduction.NONE, loss, null);
        for (int j = 0; j < cols; j++) {
            double li = SoftmaxOracle.bce(z[j], t[j], 1, pw[j]);
            assertTrue(SoftmaxOracle.ulpError(loss[j], li) <= Losses.MAX_ULP_LOSS,
                    "loss " + j + " z=" + z[j] + " y=" + t[j] + " pw=" + pw[j] + ": " + loss[j] + " vs " + li);
        }
    }

    /**
     * BCE on logits of any finite magnitude (random bit patterns mixed into N(0, 30)), targets 0, 1 or uniform, weights
     * and posWeight of any magnitude up to 1 (0 and tiny ones included), against the oracle: losses within
     * MAX_ULP_LOSS, gradients within MAX_ULP_GRAD ulp of their terms: WildOracleProbe's {@code bce} mode with cap 1, 400
     * rounds. (Above 1, w lw scales the subnormal rounding of terms below 2^-126: outside the bound, see the README.)
     */
    @Test
    void bceOnLogitsOfAnyMagnitudeWithinTheBound() {
        double[] max = dev.kernels.wild.WildOracleProbe.bce(new Random(SEED + 17), 400, 1f);
        assertTrue(max[0] <= Losses.MAX_ULP_LOSS, "loss " + max[0]);
        assertTrue(max[1] <= Losses.MAX_ULP_GRAD, "gradient " + max[1]);
    }

    /**
     * BCE with weights and posWeight up to 2^10 on logits whose unweighted loss or gradient e^-|z| is subnormal or
     * below the float range (|z| in [80, 140], target on z's side), mixed with N(0, 30), and with some subnormal
     * posWeight columns: every per-element loss within MAX_ULP_LOSS ULP, every gradient (SUM) within MAX_ULP_GRAD ulp
     * of its terms. A subnormal e rounded before its weight was 68 ULP off with w = pw = 16, a subnormal pw y 20 ulp.
     */
    @Test
    void bceWithWeightsAboveOneOnSubnormalTermsWithinTheBound() {
        Random r = new Random(SEED + 18);
        int rows = 7, cols = 301, n = rows * cols;
        for (int round = 0; round < 4; round++) {
            float[] z = new float[n], y = new float[n], w = new float[n], pw = new float[cols];
            for (int i = 0; i < n; i++) {
                boolean far = r.nextInt(3) > 0;
                float mag = far ? (float) (80 + 60 * r.nextDouble()) : (float) Math.abs(30 * r.nextGaussian());
                z[i] = r.nextBoolean() ? mag : -mag;
                int k = r.nextInt(5);
                y[i] = k == 0 ? 0f : k == 1 ? 1f : k == 4 ? r.nextFloat() : z[i] >= 0 ? 1f : 0f; // mostly on z's side
                w[i] = (float) Math.scalb(r.nextDouble(), r.nextInt(11));
            }
            for (int c = 0; c < cols; c++) { // some subnormal: pw y subnormal, then scaled by w
                pw[c] = c % 7 == 0 ? Float.MIN_VALUE * (1 + r.nextInt(1 << 22)) : (float) Math.scalb(r.nextDouble(), r.nextInt(11));
            }
            boolean hasW = round % 2 == 0, hasPw = round >= 2;
            float[] loss = new float[n], g = new float[n];
            Losses.bceWithLogits(z, y, hasW ? w : null, hasPw ? pw : null, rows, cols, Reduction.NONE, loss, null);
            Losses.bceWithLogits(z, y, hasW ? w : null, hasPw ? pw : null, rows, cols, Reduction.SUM, null, g);
            for (int i = 0; i < n; i++) {
                double wi = hasW ? w[i] : 1, pi = hasPw ? pw[i % cols] : 1;
                String at = "round=" + round + " i=" + i + " z=" + z[i] + " y=" + y[i] + " w=" + wi + " pw=" + pi;
                double ref = SoftmaxOracle.bce(z[i], y[i], wi, pi);
                double el = SoftmaxOracle.ulpError(loss[i], ref);
                assertTrue(el <= Losses.MAX_ULP_LOSS, at + ": loss " + loss[i] + " exact " + ref + " (" + el + " ULP)");
                double eg = SoftmaxOracle.bceGradErrorUlpOfTerms(g[i], z[i], y[i], wi, pi);
                assertTrue(eg <= Losses.MAX_ULP_GRAD, at + ": gradient " + g[i] + " exact "
                        + SoftmaxOracle.bceGrad(z[i], y[i], wi, pi) + " (" + eg + " ulp)");
            }
        }
    }

    @Test
    void bceGradientFiniteDifferences() {
        Random r = new Random(SEED + 4);
        int n = 50;
        float[] z = SoftmaxBatches.normal(r, n, 3);
        float[] t = new float[n];
        for (int i = 0; i < n; i++) t[i] = r.nextFloat();
        float[] grad = new float[n];
        Losses.bceWithLogits(z, t, grad, Reduction.SUM);
        for (int i = 0; i < n; i++) {
            double h = 1e-4;
            double fd = (bceD(z[i] + h, t[i]) - bceD(z[i] - h, t[i])) / (2 * h);
            assertEquals(fd, grad[i], 1e-6, "d/dz " + i);
        }
    }

    static double bceD(double z, double y) {
        return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Test
    void bceBadInput() {
        float[] z = new float[6];
        float[] grad = new float[6];
        Arrays.fill(grad, 3f);
        assertThrows(IllegalArgumentException.class, () -> Losses.bceWithLogits(z, new float[5], grad, Reduction.SUM));
        assertThrows(IllegalArgumentException.class, () -> Losses.bceWithLogits(z, new float[6], new float[] {1, 1, 1, 1, 1, -1},
                null, 2, 3, Reduction.SUM, null, grad));
        assertThrows(IllegalArgumentException.class, () -> Losses.bceWithLogits(z, new float[6], null, new float[2],
                2, 3, Reduction.SUM, null, grad));
        for (float v : grad) assertEquals(3f, v);
    }

    @Test
    void infiniteLogitsAndIgnoredNaNRowsAsDocumented() {
        // 64 elements so the vector path meets the infinite logits in full vectors and in the tail
        float inf = Float.POSITIVE_INFINITY;
        float[][] cases = {{-inf, 1f}, {-inf, 0.5f}, {-inf, 0f}, {inf, 0f}, {inf, 0.5f}, {inf, 1f}};
        float[] expectLoss = {inf, inf, Float.NaN, inf, inf, Float.NaN};
        float[] expectGrad = {-1f, -0.5f, 0f, 1f, 0.5f, 0f};
        for (boolean posWeight : new boolean[] {false, true}) {
            for (int k = 0; k < cases.length; k++) {
                float[] z = new float[64], t = new float[64], loss = new float[64], grad = new float[64];
                for (int i = 0; i < 64; i++) z[i] = (i % 3) - 1f;
                for (int at : new int[] {5, 37, 63}) {
                    z[at] = cases[k][0];
                    t[at] = cases[k][1];
                }
                float[] pw = null;
                if (posWeight) {
                    pw = new float[8];
                    Arrays.fill(pw, 1f); // pw = 1 gives the unweighted values through the binary64 posWeight loss
                }
                Losses.bceWithLogits(z, t, null, pw, 8, 8, Reduction.NONE, loss, grad);
                for (int at : new int[] {5, 37, 63}) {
                    String what = "posWeight " + posWeight + ", z " + z[at] + ", y " + t[at] + " at " + at;
                    assertEquals(expectLoss[k], loss[at], what);
                    assertEquals(expectGrad[k], grad[at], what);
                }
                for (int i = 0; i < 64; i++) if (i != 5 && i != 37 && i != 63) assertTrue(Float.isFinite(loss[i]));
            }
        }
        // an ignored row with NaN and +inf logits: zero gradient row, loss 0; the other row is ordinary
        float[] x = {Float.NaN, inf, 0f, 1f, 0f, 1f, 2f, 3f};
        float[] grad = new float[8];
        Arrays.fill(grad, 7f);
        float[] lossOut = new float[2];
        Losses.crossEntropyWithLogits(x, 0, 4, 2, 4, new int[] {-100, 2}, 0, -100, null, 0f, Reduction.SUM, lossOut, 0,
                grad, 0, 4);
        assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, Arrays.copyOf(grad, 4));
        assertEquals(0f, lossOut[0]);
        assertTrue(Float.isFinite(lossOut[1]) && grad[6] < 0f && grad[7] > 0f);
        // every row ignored: MEAN is 0/0 = NaN, as PyTorch; the gradient stays all zeros
        Arrays.fill(grad, 7f);
        float mean = Losses.crossEntropyWithLogits(new float[] {0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f}, 2, 4,
                new int[] {-100, -100}, grad, Reduction.MEAN);
        assertTrue(Float.isNaN(mean), "mean " + mean);
        assertArrayEquals(new float[8], grad);
    }

    @Test
    void parallelSameBits() {
        Random r = new Random(SEED + 5);
        int rows = 301, cols = 517;
        float[] x = SoftmaxBatches.normal(r, rows * cols, 3);
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = i % 7 == 0 ? -100 : r.nextInt(cols);
        float[] t = new float[x.length];
        for (int i = 0; i < t.length; i++) t[i] = r.nextInt(2);
        float[] g1 = new float[x.length], g2 = new float[x.length];
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            float a = Losses.crossEntropyWithLogits(x, 0, cols, rows, cols, labels, 0, -100, null, 0.05f, Reduction.MEAN,
                    null, 0, g1, 0, cols);
            float b = Losses.crossEntropyWithLogits(x, 0, cols, rows, cols, labels, 0, -100, null, 0.05f, Reduction.MEAN,
                    null, 0, g2, 0, cols, pool);
            assertEquals(Float.floatToIntBits(a), Float.floatToIntBits(b));
            assertArrayEquals(g1, g2);
            a = Losses.bceWithLogits(x, t, null, null, 1, x.length, Reduction.MEAN, null, g1);
            b = Losses.bceWithLogits(x, t, null, null, 1, x.length, Reduction.MEAN, null, g2, pool);
            assertEquals(Float.floatToIntBits(a), Float.floatToIntBits(b));
            assertArrayEquals(g1, g2);
        } finally {
            pool.shutdown();
        }
    }
}
