package dev.kernels.test.report;

import dev.kernels.Losses;
import dev.kernels.Reduction;
import dev.kernels.Softmax;
import dev.kernels.test.SoftmaxBatches;
import dev.kernels.test.SoftmaxOracle;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Accuracy of the row-wise kernels (issue 4) on seeded batches: per kernel, distribution and cols, the max error
 * against {@link SoftmaxOracle}, the row where it occurs, and a SHA-256 digest of the output bits in order (equal
 * digests across machines / widths / thread counts prove identical bits).
 *
 * <p>Errors are in ULP of the exact value (unit "ulp"), except for gradients where the exact value is a difference
 * that may cancel: there the unit is "ulp-of-terms", the error divided by ulp(max(|scale A p|, |scale a|)) for
 * cross-entropy, ulp(max(sigma, y)) * |scale| for BCE (the documented bound, {@link Losses#MAX_ULP_GRAD}), and the
 * larger of the two terms for softmaxBackward and logSoftmaxBackward ({@link Softmax#MAX_ULP_BACKWARD}).
 */
public final class BatchAccuracy {
    private BatchAccuracy() {}

    public record Result(String kernel, String distribution, int rows, int cols, double maxError, String unit,
                         int worstRow, String digest) {}

    /** The shapes: cols 10, 1000, 32000 and 10^6. */
    public static final int[] COLS = {10, 1000, 32000, 1_000_000};

    /** Rows per batch: about 2^18 elements, at least one row. */
    static int rowsFor(int cols) {
        return Math.max(1, (1 << 18) / cols);
    }

    public static List<Result> run(long seed, String[] distributions, int[] colsList) {
        List<Result> out = new ArrayList<>();
        for (String dist : distributions) {
            for (int cols : colsList) {
                int rows = rowsFor(cols);
                float[] x = SoftmaxBatches.batch(dist, new Random(seed ^ (31L * cols) ^ dist.hashCode()), rows, cols);
                out.add(softmax(dist, x, rows, cols, false));
                out.add(softmax(dist, x, rows, cols, true));
                out.add(logSumExp(dist, x, rows, cols));
                out.add(crossEntropy(dist, x, rows, cols, new Random(seed + cols), false));
                out.add(crossEntropy(dist, x, rows, cols, new Random(seed + cols), true));
                out.add(bce(dist, x, rows, cols, new Random(seed - cols), false));
                out.add(bce(dist, x, rows, cols, new Random(seed - cols), true));
                out.add(backward(dist, x, rows, cols, new Random(seed + 7L * cols), false));
                out.add(backward(dist, x, rows, cols, new Random(seed + 7L * cols), true));
            }
        }
        return out;
    }

    public static List<Result> run(long seed) {
        return run(seed, SoftmaxBatches.DISTRIBUTIONS, COLS);
    }

    static Result softmax(String dist, float[] x, int rows, int cols, boolean log) {
        float[] y = new float[x.length];
        if (log) Softmax.logSoftmax(x, y, rows, cols); else Softmax.softmax(x, y, rows, cols);
        double[] ref = new double[cols];
        Worst w = new Worst();
        for (int r = 0; r < rows; r++) {
            if (log) SoftmaxOracle.logSoftmax(x, r * cols, cols, ref); else SoftmaxOracle.softmax(x, r * cols, cols, ref);
            for (int j = 0; j < cols; j++) w.add(SoftmaxOracle.ulpError(y[r * cols + j], ref[j]), r);
        }
        return new Result(log ? "logSoftmax" : "softmax", dist, rows, cols, w.max, "ulp", w.row, digest(y));
    }

    static Result logSumExp(String dist, float[] x, int rows, int cols) {
        float[] out = new float[rows];
        Softmax.logSumExp(x, 0, cols, out, 0, rows, cols);
        Worst w = new Worst();
        for (int r = 0; r < rows; r++) w.add(SoftmaxOracle.ulpError(out[r], SoftmaxOracle.logSumExp(x, r * cols, cols)), r);
        return new Result("logSumExp", dist, rows, cols, w.max, "ulp", w.row, digest(out));
    }

    static Result crossEntropy(String dist, float[] x, int rows, int cols, Random r, boolean gradient) {
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = r.nextInt(cols);
        float[] loss = new float[rows];
        float[] grad = new float[x.length];
        Losses.crossEntropyWithLogits(x, 0, cols, rows, cols, labels, 0, Losses.DEFAULT_IGNORE_INDEX, null, 0f,
                Reduction.SUM, loss, 0, grad, 0, cols);
        Worst w = new Worst();
        double[] g = new double[cols];
        for (int row = 0; row < rows; row++) {
            if (!gradient) {
                w.add(SoftmaxOracle.ulpError(loss[row], SoftmaxOracle.crossEntropy(x, row * cols, cols, labels[row], null, 0)), row);
            } else {
                SoftmaxOracle.crossEntropyGrad(x, row * cols, cols, labels[row], null, 0, 1.0, g);
                for (int j = 0; j < cols; j++) w.add(SoftmaxOracle.ulpError(grad[row * cols + j], g[j]), row);
            }
        }
        return new Result(gradient ? "crossEntropyWithLogits.grad" : "crossEntropyWithLogits", dist, rows, cols,
                w.max, "ulp", w.row, digest(gradient ? grad : loss));
    }

    static Result bce(String dist, float[] z, int rows, int cols, Random r, boolean gradient) {
        float[] t = new float[z.length];
        for (int i = 0; i < t.length; i++) t[i] = r.nextInt(4) == 0 ? r.nextFloat() : r.nextInt(2);
        float[] loss = new float[z.length];
        float[] grad = new float[z.length];
        Losses.bceWithLogits(z, t, null, null, rows, cols, Reduction.SUM, loss, grad);
        Worst w = new Worst();
        for (int i = 0; i < z.length; i++) {
            if (!gradient) {
                w.add(SoftmaxOracle.ulpError(loss[i], SoftmaxOracle.bce(z[i], t[i], 1, 1)), i / cols);
            } else {
                double exact = SoftmaxOracle.bceGrad(z[i], t[i], 1, 1);
                double terms = Math.max(Math.abs(exact + t[i]), Math.abs(t[i])); // max(sigma, y)
                double err = Math.abs(grad[i] - exact);
                w.add(Double.isNaN(exact) ? 0 : err / SoftmaxOracle.ulpOf(terms), i / cols);
            }
        }
        return new Result(gradient ? "bceWithLogits.grad" : "bceWithLogits", dist, rows, cols, w.max,
                gradient ? "ulp-of-terms" : "ulp", w.row, digest(gradient ? grad : loss));
    }

    /**
     * softmaxBackward on y = softmax(x) with gradOut N(0, 1), or logSoftmaxBackward on out = logSoftmax(x) with
     * gradOut as NLL's (-1 on a random label, 0 elsewhere) in three rows of four and N(0, 1) in the fourth. Both
     * subtract nearly equal values at times (g_j - s; g_j - e_j s): errors in ulp of the larger term.
     */
    static Result backward(String dist, float[] x, int rows, int cols, Random r, boolean log) {
        float[] fwd = new float[x.length];
        if (log) Softmax.logSoftmax(x, fwd, rows, cols); else Softmax.softmax(x, fwd, rows, cols);
        float[] g = new float[x.length];
        for (int row = 0; row < rows; row++) {
            boolean nll = log && r.nextInt(4) != 0;
            int label = r.nextInt(cols);
            for (int j = 0; j < cols; j++) g[row * cols + j] = nll ? (j == label ? -1f : 0f) : (float) r.nextGaussian();
        }
        float[] gi = new float[x.length];
        if (log) Softmax.logSoftmaxBackward(fwd, g, gi, rows, cols); else Softmax.softmaxBackward(fwd, g, gi, rows, cols);
        double[] ref = new double[cols], terms = new double[cols];
        Worst w = new Worst();
        for (int row = 0; row < rows; row++) {
            if (log) SoftmaxOracle.logSoftmaxBackward(fwd, g, row * cols, cols, ref, terms);
            else SoftmaxOracle.softmaxBackward(fwd, g, row * cols, cols, ref, terms);
            for (int j = 0; j < cols; j++) {
                double exact = ref[j];
                float got = gi[row * cols + j];
                double err = Double.isNaN(exact) ? (Float.isNaN(got) ? 0 : Double.POSITIVE_INFINITY)
                        : Math.abs(got - exact) / SoftmaxOracle.ulpOf(terms[j]);
                w.add(err, row);
            }
        }
        return new Result(log ? "logSoftmaxBackward" : "softmaxBackward", dist, rows, cols, w.max, "ulp-of-terms",
                w.row, digest(gi));
    }

    static final class Worst {
        double max;
        int row = -1;

        void add(double err, int r) {
            if (err > max || row < 0 && err >= max) {
                max = err;
                row = r;
            }
        }
    }

    static String digest(float[] v) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] b = new byte[4];
            for (float f : v) {
                int bits = Float.floatToIntBits(f); // NaN payloads are unspecified (x86 and ARM differ): canonical NaN
                b[0] = (byte) (bits >>> 24);
                b[1] = (byte) (bits >>> 16);
                b[2] = (byte) (bits >>> 8);
                b[3] = (byte) bits;
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints the table for a seed (default 1): kernel, distribution, cols, max error, unit, worst row, digest. */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1L;
        int[] cols = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray() : COLS;
        for (Result r : run(seed, SoftmaxBatches.DISTRIBUTIONS, cols)) {
            System.out.printf("%-28s %-10s %8d %10.3f %-13s %6d %s%n", r.kernel(), r.distribution(), r.cols(),
                    r.maxError(), r.unit(), r.worstRow(), r.digest().substring(0, 16));
        }
    }
}
