package dev.kernels;

import dev.kernels.internal.KernelProvider;
import dev.kernels.internal.RowParallel;
import dev.kernels.internal.ScalarSoftmax;
import dev.kernels.internal.SoftmaxChecks;
import dev.kernels.internal.SoftmaxSupport;
import java.util.concurrent.Executor;

/**
 * Row-wise softmax, log-softmax, log-sum-exp and their backward passes over row-major float32 batches
 * (PyTorch's {@code softmax}/{@code log_softmax}/{@code logsumexp} over the last dimension).
 *
 * <p><b>Layout.</b> A batch is {@code rows x cols} in a {@code float[]}: row r starts at {@code off + r * stride},
 * stride &ge; cols; input and output each have their own offset and stride. rows = 0 is a no-op; cols must be &ge; 1.
 *
 * <p><b>Algorithm.</b> Per row: m = max (one pass; NaN wins), e_j = exp(x_j - m) with x_j - m split exactly into
 * two floats (so large |x_j - m| costs no accuracy) and gradual underflow for subnormal results (no slow path),
 * t = the sum of the e_j of the non-maximal elements in binary64, k = the number of maximal elements (each
 * contributes exactly 1). softmax = e_j * (1 / (k + t)), with e_j's unrounded 2^64-scaled form times the float
 * reciprocal rounded once (a subnormal e_j is not rounded twice); log-softmax = (x_j - m) - L, in that order, with
 * L = log1p(t) when k = 1 (accurate log-probabilities near 0: the max term is kept out of the sum) and log(k + t)
 * otherwise; logSumExp = m + L rounded once, with t summed from binary64 terms e^(x_j - m) (m + L can cancel
 * towards 0, where binary32 terms would show).
 *
 * <p><b>Identical bits everywhere.</b> Row sums use 16 binary64 partials (element j into partial j % 16) combined in
 * a fixed tree, identical on the scalar path, on 128-, 256- and 512-bit vectors and for any number of threads.
 *
 * <p><b>Special values</b> (as PyTorch): -&infin; entries are masked (probability 0, log-probability -&infin;); a row
 * of all -&infin; gives NaN; a row containing NaN or +&infin; gives NaN (other rows untouched); one column gives 1
 * (log 0). Logits up to &plusmn;Float.MAX_VALUE never overflow internally.
 *
 * <p><b>Errors</b> are thrown before anything is written: null arrays ({@link NullPointerException}), bad shapes
 * ({@link IllegalArgumentException}), ranges outside an array ({@link IndexOutOfBoundsException}).
 *
 * <p>The single-thread forms never start threads and do not allocate (after a per-thread 256-byte scratch on the
 * scalar path); the {@link Executor} forms split rows and return the same bits.
 */
public final class Softmax {
    private Softmax() {}

    private static final SoftmaxSupport IMPL =
            KernelProvider.load("PanamaSoftmax", SoftmaxSupport.class, ScalarSoftmax::new);

    /** Max error of softmax and log-softmax outputs, in ULP of each output's own value (subnormal spacing below 2^-126). */
    public static final float MAX_ULP_SOFTMAX = 4.0f;
    public static final float MAX_ULP_LOG_SOFTMAX = 4.0f;
    /** Max error of logSumExp in ULP, also where the result cancels towards 0 (see {@link #logSumExp}). */
    public static final float MAX_ULP_LOG_SUM_EXP = 4.0f;

    /**
     * Softmax of each row of a contiguous {@code rows x cols} batch: y = softmax(x) row-wise.
     *
     * <p>Accuracy: every output within {@value #MAX_ULP_SOFTMAX} ULP of its exact value (float64 oracle on the same
     * inputs), for any cols. {@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if rows &lt; 0, cols &lt; 1, or x.length or y.length != rows * cols
     */
    public static void softmax(float[] x, float[] y, int rows, int cols) {
        checkContiguous(x, y, rows, cols);
        IMPL.softmax(x, 0, cols, y, 0, cols, rows, cols);
    }

    /**
     * Softmax of each row, strided form; see {@link #softmax(float[], float[], int, int)}. {@code y} may be {@code x}
     * with the same offset and stride (in-place); other overlaps give unspecified results.
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if rows &lt; 0, cols &lt; 1, or a stride &lt; cols
     * @throws IndexOutOfBoundsException if a matrix lies outside its array
     */
    public static void softmax(float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int rows, int cols) {
        checkPair(x, "x", xOff, xStride, y, "y", yOff, yStride, rows, cols);
        IMPL.softmax(x, xOff, xStride, y, yOff, yStride, rows, cols);
    }

    /**
     * Softmax with rows split over {@code executor}; same bits as the single-thread form. The calling thread waits.
     *
     * @throws NullPointerException if an array or the executor is null
     */
    public static void softmax(float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int rows, int cols,
                               Executor executor) {
        checkPair(x, "x", xOff, xStride, y, "y", yOff, yStride, rows, cols);
        RowParallel.run(executor, rows, cols, (a, b) ->
                IMPL.softmax(x, xOff + a * xStride, xStride, y, yOff + a * yStride, yStride, b - a, cols));
    }

    /** The checks of the contiguous forms: shape, then x and y of exactly rows * cols elements. */
    private static void checkContiguous(float[] x, float[] y, int rows, int cols) {
        SoftmaxChecks.shape(rows, cols);
        SoftmaxChecks.exactLength(x, "x", (long) rows * cols);
        SoftmaxChecks.exactLength(y, "y", (long) rows * cols);
    }

    /**
     * Log-softmax of each row of a contiguous batch: y = (x - max) - log sum exp(x - max).
     *
     * <p>Accuracy: every output within {@value #MAX_ULP_LOG_SOFTMAX} ULP of its exact value, including
     * log-probabilities near 0 (the largest logit dominating by any margin: -log1p of the other terms). {@code y}
     * may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if rows &lt; 0, cols &lt; 1, or x.length or y.length != rows * cols
     */
    public static void logSoftmax(float[] x, float[] y, int rows, int cols) {
        checkContiguous(x, y, rows, cols);
        IMPL.logSoftmax(x, 0, cols, y, 0, cols, rows, cols);
    }

    /**
     * Log-softmax, strided form; see {@link #logSoftmax(float[], float[], int, int)}. In-place allowed (same offset
     * and stride).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if rows &lt; 0, cols &lt; 1, or a stride &lt; cols
     * @throws IndexOutOfBoundsException if a matrix lies outside its array
     */
    public static void logSoftmax(float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int rows, int cols) {
        checkPair(x, "x", xOff, xStride, y, "y", yOff, yStride, rows, cols);
        IMPL.logSoftmax(x, xOff, xStride, y, yOff, yStride, rows, cols);
    }

    /** Log-softmax with rows split over {@code executor}; same bits as the single-thread form. */
    public static void logSoftmax(float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int rows, int cols,
                                  Executor executor) {
        checkPair(x, "x", xOff, xStride, y, "y", yOff, yStride, rows, cols);
        RowParallel.run(executor, rows, cols, (a, b) ->
                IMPL.logSoftmax(x, xOff + a * xStride, xStride, y, yOff + a * yStride, yStride, b - a, cols));
    }

    /**
     * out[outOff + r] = log sum_j exp(x[r][j]), one value per row, computed as max + log(k + t) rounded once.
     *
     * <p>Special values: a row of all -&infin; gives -&infin;, a row containing +&infin; gives +&infin;, NaN gives
     * NaN (as torch.logsumexp). Accuracy: within {@value #MAX_ULP_LOG_SUM_EXP} ULP (measured at most 0.5 ULP on the
     * seeded batches of {@code report --batches}, including masked rows where max &lt; 0 and the result cancels towards
     * 0): the sum t takes binary64 terms e^(x_j - m), so m + log(k + t) has about 2^-45 relative error before the one
     * rounding.
     *
     * @throws NullPointerException if x or out is null
     * @throws IllegalArgumentException if rows &lt; 0, cols &lt; 1, or xStride &lt; cols
     * @throws IndexOutOfBoundsException if the matrix or [outOff, outOff + rows) lies outside its array
     */
    public static void logSumExp(float[] x, int xOff, int xStride, float[] out, int outOff, int rows, int cols) {
        SoftmaxChecks.shape(rows, cols);
        SoftmaxChecks.matrix(x, "x", xOff, xStride, rows, cols);
        SoftmaxChecks.range(out, "out", outOff, rows);
        IMPL.logSumExp(x, xOff, xStride, out, outOff, rows, cols);
    }

    /** logSumExp with rows split over {@code executor}; same bits. */
    public static void logSumExp(float[] x, int xOff, int xStride, float[] out, int outOff, int rows, int cols,
                                 Executor executor) {
        SoftmaxChecks.shape(rows, cols);
        SoftmaxChecks.matrix(x, "x", xOff, xStride, rows, cols);
        SoftmaxChecks.range(out, "out", outOff, rows);
        RowParallel.run(executor, rows, cols, (a, b) ->
                IMPL.logSumExp(x, xOff + a * xStride, xStride, out, outOff + a, b - a, cols));
    }

    /** Absolute error bound factor of the backward kernels, see {@link #softmaxBackward}. */
    public static final float MAX_ULP_BACKWARD = 4.0f;

    /**
     * Softmax backward: gradIn = y * (gradOut - sum_j gradOut_j * y_j) per row, y the softmax output.
     *
     * <p>The row sum s is accumulated exactly-rounded in binary64 (16 partials), rounded to float, then
     * gi_j = y_j * (g_j - s) in float. Error: within {@value #MAX_ULP_BACKWARD} ULP where g_j - s does not cancel;
     * in general |error| &le; 1 ulp(gi_j) + |y_j| (ulp(g_j) + ulp(s)) / 2.
     * {@code gradIn} may be {@code gradOut} or {@code y} (same offset and stride).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if rows &lt; 0, cols &lt; 1, or a stride &lt; cols
     * @throws IndexOutOfBoundsException if a matrix lies outside its array
     */
    public static void softmaxBackward(float[] y, int yOff, int yStride, float[] gradOut, int gOff, int gStride,
                                       float[] gradIn, int giOff, int giStride, int rows, int cols) {
        SoftmaxChecks.shape(rows, cols);
        SoftmaxChecks.matrix(y, "y", yOff, yStride, rows, cols);
        SoftmaxChecks.matrix(gradOut, "gradOut", gOff, gStride, rows, cols);
        SoftmaxChecks.matrix(gradIn, "gradIn", giOff, giStride, rows, cols);
        IMPL.softmaxBackward(y, yOff, yStride, gradOut, gOff, gStride, gradIn, giOff, giStride, rows, cols);
    }

    /** Contiguous form of {@link #softmaxBackward(float[], int, int, float[], int, int, float[], int, int, int, int)}. */
    public static void softmaxBackward(float[] y, float[] gradOut, float[] gradIn, int rows, int cols) {
        softmaxBackward(y, 0, cols, gradOut, 0, cols, gradIn, 0, cols, rows, cols);
    }

    /**
     * Log-softmax backward: gradIn = gradOut - exp(out) * sum_j gradOut_j per row, out the log-softmax output.
     *
     * <p>The row sum S is accumulated in binary64 (16 partials) and rounded to float; gi_j = fma(-exp(o_j), S, g_j)
     * rounds once; where exp(o_j) would be subnormal (o_j &lt; -87) it enters unrounded (as exp(o_j) 2^64), and
     * for |S| above 2^39 the product is formed in binary64, so |S| never scales a subnormal rounding. Error: within
     * {@value #MAX_ULP_BACKWARD} ULP where g_j and exp(o_j) S do not cancel; in general
     * |error| &le; 1 ulp(gi_j) + 2^-22 |exp(o_j) S|. {@code gradIn} may be {@code gradOut} or {@code out}.
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if rows &lt; 0, cols &lt; 1, or a stride &lt; cols
     * @throws IndexOutOfBoundsException if a matrix lies outside its array
     */
    public static void logSoftmaxBackward(float[] out, int oOff, int oStride, float[] gradOut, int gOff, int gStride,
                                          float[] gradIn, int giOff, int giStride, int rows, int cols) {
        SoftmaxChecks.shape(rows, cols);
        SoftmaxChecks.matrix(out, "out", oOff, oStride, rows, cols);
        SoftmaxChecks.matrix(gradOut, "gradOut", gOff, gStride, rows, cols);
        SoftmaxChecks.matrix(gradIn, "gradIn", giOff, giStride, rows, cols);
        IMPL.logSoftmaxBackward(out, oOff, oStride, gradOut, gOff, gStride, gradIn, giOff, giStride, rows, cols);
    }

    /** Contiguous form of {@link #logSoftmaxBackward(float[], int, int, float[], int, int, float[], int, int, int, int)}. */
    public static void logSoftmaxBackward(float[] out, float[] gradOut, float[] gradIn, int rows, int cols) {
        logSoftmaxBackward(out, 0, cols, gradOut, 0, cols, gradIn, 0, cols, rows, cols);
    }

    private static void checkPair(float[] x, String xn, int xOff, int xStride, float[] y, String yn, int yOff,
                                  int yStride, int rows, int cols) {
        SoftmaxChecks.shape(rows, cols);
        SoftmaxChecks.matrix(x, xn, xOff, xStride, rows, cols);
        SoftmaxChecks.matrix(y, yn, yOff, yStride, rows, cols);
    }
}
