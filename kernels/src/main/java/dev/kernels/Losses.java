package dev.kernels;

import dev.kernels.internal.KernelProvider;
import dev.kernels.internal.RowParallel;
import dev.kernels.internal.ScalarSoftmax;
import dev.kernels.internal.SoftmaxChecks;
import dev.kernels.internal.SoftmaxConstants;
import dev.kernels.internal.SoftmaxSupport;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Fused losses with logits: cross-entropy (class indices or soft targets) and binary cross-entropy, loss and
 * gradient in one call, with PyTorch's semantics ({@code CrossEntropyLoss}, {@code BCEWithLogitsLoss}).
 *
 * <p><b>Gradient.</b> When a gradient array is given (null: loss only) it receives the gradient of the returned
 * value with respect to the logits: for {@link Reduction#MEAN} divided by the same denominator as the loss, for
 * {@link Reduction#SUM} and {@link Reduction#NONE} the gradient of the sum of the per-row (per-element) losses.
 *
 * <p><b>Reductions</b> are accumulated in binary64 in a fixed order (per-row losses in row order; BCE elements in 16
 * partials per row, rows in order) and rounded once: identical bits on every path, width and thread count. With
 * {@link Reduction#NONE} the return value is the sum of the losses.
 *
 * <p><b>Errors</b> are thrown before anything is written: labels outside [0, cols) other than ignoreIndex, arrays of
 * the wrong length, negative / non-finite weights, smoothing outside [0, 1] ({@link IllegalArgumentException}),
 * nulls ({@link NullPointerException}), ranges outside arrays ({@link IndexOutOfBoundsException}).
 *
 * <p><b>Where results differ from PyTorch's</b> (deliberately): NONE returns the sum (per-row losses go to
 * {@code lossOut}); weights must be finite and &ge; 0 and smoothing in [0, 1] (PyTorch accepts negative weights and
 * treats a negative or NaN smoothing as none); BCE weights are per element and posWeight per column, not broadcast.
 * Ignored cross-entropy rows get a zero gradient row whatever their logits (PyTorch's log_softmax backward gives
 * NaN there for a row holding NaN or +&infin;). BCE with an infinite logit gives the limit where it is +&infin;
 * (z = -&infin; with y &gt; 0, z = +&infin; with y &lt; 1) and NaN where the limit 0 would need 0 &middot; &infin; (y = 0
 * at z = -&infin;, y = 1 at z = +&infin;); PyTorch's (1 - y) z - logsigmoid(z) gives NaN for every infinite z except
 * z = +&infin; with y &lt; 1. Gradients at infinite logits are sigma(z) - y as in PyTorch.
 */
public final class Losses {
    private Losses() {}

    private static final SoftmaxSupport IMPL =
            KernelProvider.load("PanamaSoftmax", SoftmaxSupport.class, ScalarSoftmax::new);

    /** PyTorch's default ignore_index. */
    public static final int DEFAULT_IGNORE_INDEX = -100;
    /** Max error of per-row / reduced cross-entropy losses and of per-element / reduced BCE losses, in ULP. */
    public static final float MAX_ULP_LOSS = 4.0f;
    /**
     * Gradient bound: within this many ULP of the exact gradient where it is well-conditioned; where p - target
     * (cross-entropy with smoothing or soft targets) or sigma - y (BCE) cancels, the error is at most this many ulp
     * of the larger of the two subtracted terms (times the scale).
     */
    public static final float MAX_ULP_GRAD = 4.0f;

    /**
     * Cross-entropy of a contiguous {@code rows x cols} batch of logits against class indices (ignoreIndex -100, no
     * weights, no smoothing): loss_r = logsumexp(x_r) - x_r[label_r].
     *
     * @param gradOrNull if not null, {@code rows * cols} floats receiving the gradient (softmax - onehot) * scale
     * @return the reduced loss (NONE: the sum)
     * @throws IllegalArgumentException if a length is wrong (logits and grad: rows * cols; labels: rows) or a label is
     *                                  outside [0, cols) and not -100
     */
    public static float crossEntropyWithLogits(float[] logits, int rows, int cols, int[] labels, float[] gradOrNull,
                                               Reduction reduction) {
        SoftmaxChecks.shape(rows, cols);
        SoftmaxChecks.exactLength(logits, "logits", (long) rows * cols);
        Objects.requireNonNull(labels, "labels");
        // one label per row, as for the logits: a longer array is a shape mismatch too (PyTorch rejects it)
        if (labels.length != rows) {
            throw new IllegalArgumentException("labels.length is " + labels.length + ", expected rows = " + rows);
        }
        if (gradOrNull != null) SoftmaxChecks.exactLength(gradOrNull, "grad", (long) rows * cols);
        return crossEntropyWithLogits(logits, 0, cols, rows, cols, labels, 0, DEFAULT_IGNORE_INDEX, null, 0f,
                reduction, null, 0, gradOrNull, 0, cols);
    }

    /**
     * Cross-entropy with class indices, full form.
     *
     * <p>Per non-ignored row r with label y: loss_r = (1 - eps) w_y (-log p_y) + (eps / C) sum_c w_c (-log p_c)
     * (w = 1 without weights); ignored rows contribute 0 and get a zero gradient row. MEAN divides the sum by
     * sum of w_y over non-ignored rows (NaN when that is 0, as PyTorch). Gradient row:
     * scale (A p - a) with a_c = (1 - eps) w_y [c = y] + (eps / C) w_c, A = sum_c a_c; the label entry is computed
     * as -(scale / s)(a_y (s - e_y) - (A - a_y) e_y) so that p_y - 1 never cancels.
     *
     * <p>Accuracy: per-row and reduced losses within {@value #MAX_ULP_LOSS} ULP; gradients within
     * {@value #MAX_ULP_GRAD} ULP without smoothing, else {@value #MAX_ULP_GRAD} ulp of max(scale A p_c, scale a_c).
     * Where scale A / s exceeds 1 (class weights above 1 with SUM or NONE) the unsmoothed gradient is e_c times it
     * rounded once, e_c unrounded (no subnormal rounding scaled up).
     *
     * @param lossOut  if not null, receives the per-row losses at lossOff (any reduction)
     * @param grad     if not null, receives the gradient; must not be the logits array
     * @throws IllegalArgumentException for invalid labels, weights (length != cols, negative, non-finite),
     *                                  smoothing outside [0, 1], grad == logits, bad shapes
     */
    public static float crossEntropyWithLogits(float[] logits, int off, int stride, int rows, int cols,
                                               int[] labels, int labelOff, int ignoreIndex, float[] classWeights,
                                               float labelSmoothing, Reduction reduction, float[] lossOut, int lossOff,
                                               float[] grad, int gOff, int gStride) {
        return ce(logits, off, stride, rows, cols, labels, labelOff, ignoreIndex, classWeights, labelSmoothing,
                reduction, lossOut, lossOff, grad, gOff, gStride, null);
    }

    /** {@link #crossEntropyWithLogits(float[], int, int, int, int, int[], int, int, float[], float, Reduction, float[], int, float[], int, int)} with rows split over {@code executor}; same bits. */
    public static float crossEntropyWithLogits(float[] logits, int off, int stride, int rows, int cols,
                                               int[] labels, int labelOff, int ignoreIndex, float[] classWeights,
                                               float labelSmoothing, Reduction reduction, float[] lossOut, int lossOff,
                                               float[] grad, int gOff, int gStride, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return ce(logits, off, stride, rows, cols, labels, labelOff, ignoreIndex, classWeights, labelSmoothing,
                reduction, lossOut, lossOff, grad, gOff, gStride, executor);
    }

    private static float ce(float[] x, int off, int stride, int rows, int cols, int[] labels, int labelOff,
                            int ignoreIndex, float[] w, float eps, Reduction reduction, float[] lossOut, int lossOff,
                            float[] grad, int gOff, int gStride, Executor executor) {
        SoftmaxChecks.shape(rows, cols);
        SoftmaxChecks.matrix(x, "logits", off, stride, rows, cols);
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(reduction, "reduction");
        if (labelOff < 0 || (long) labelOff + rows > labels.length) {
            throw new IndexOutOfBoundsException("labels: offset " + labelOff + " + rows " + rows + " exceeds length " + labels.length);
        }
        SoftmaxChecks.smoothing(eps);
        if (w != null) {
            SoftmaxChecks.exactLength(w, "classWeights", cols);
            SoftmaxChecks.weights(w, "classWeights", 0, cols);
        }
        if (lossOut != null) SoftmaxChecks.range(lossOut, "lossOut", lossOff, rows);
        if (grad != null) {
            if (grad == x) throw new IllegalArgumentException("grad must not be the logits array");
            SoftmaxChecks.matrix(grad, "grad", gOff, gStride, rows, cols);
        }
        double denom = 0.0; // sum of w_y over non-ignored rows, in row order
        for (int r = 0; r < rows; r++) {
            int y = labels[labelOff + r];
            if (y == ignoreIndex) continue;
            if (y < 0 || y >= cols) {
                throw new IllegalArgumentException("labels[" + (labelOff + r) + "] = " + y + " is outside [0, " + cols
                        + ") and not ignoreIndex " + ignoreIndex);
            }
            denom += w == null ? 1.0 : w[y];
        }
        double weightSum = cols;
        if (w != null) {
            weightSum = 0.0;
            for (float v : w) weightSum += v;
        }
        double scale = reduction == Reduction.MEAN ? 1.0 / denom : 1.0;
        double total;
        if (executor == null) {
            total = IMPL.crossEntropy(x, off, stride, rows, cols, labels, labelOff, ignoreIndex, w, eps, weightSum,
                    lossOut, lossOff, null, 0, grad, gOff, gStride, scale);
        } else {
            double[] rowLoss = new double[rows];
            double ws = weightSum;
            RowParallel.run(executor, rows, cols, (a, b) -> IMPL.crossEntropy(x, off + a * stride, stride, b - a, cols,
                    labels, labelOff + a, ignoreIndex, w, eps, ws, lossOut, lossOff + a, rowLoss, a,
                    grad, gOff + a * gStride, gStride, scale));
            total = RowParallel.sumInOrder(rowLoss);
        }
        return (float) (reduction == Reduction.MEAN ? total / denom : total);
    }

    /**
     * Cross-entropy with soft targets (class probabilities, {@code rows x cols} with their own offset and stride):
     * loss_r = -sum_c w_c q'_c log p_c with q' = (1 - eps) q + eps / C; MEAN divides by rows (PyTorch). Gradient
     * row: scale (A p - a), a_c = w_c q'_c, A = sum a_c. Accuracy: losses within {@value #MAX_ULP_LOSS} ULP for
     * targets &ge; 0; gradients within {@value #MAX_ULP_GRAD} ulp of max(scale A p_c, scale a_c).
     *
     * @throws IllegalArgumentException for bad weights, smoothing, shapes, or grad == logits
     */
    public static float crossEntropyWithSoftTargets(float[] logits, int off, int stride, float[] targets, int tOff,
                                                    int tStride, int rows, int cols, float[] classWeights,
                                                    float labelSmoothing, Reduction reduction, float[] lossOut,
                                                    int lossOff, float[] grad, int gOff, int gStride) {
        SoftmaxChecks.shape(rows, cols);
        SoftmaxChecks.matrix(logits, "logits", off, stride, rows, cols);
        SoftmaxChecks.matrix(targets, "targets", tOff, tStride, rows, cols);
        Objects.requireNonNull(reduction, "reduction");
        SoftmaxChecks.smoothing(labelSmoothing);
        if (classWeights != null) {
            SoftmaxChecks.exactLength(classWeights, "classWeights", cols);
            SoftmaxChecks.weights(classWeights, "classWeights", 0, cols);
        }
        if (lossOut != null) SoftmaxChecks.range(lossOut, "lossOut", lossOff, rows);
        if (grad != null) {
            if (grad == logits) throw new IllegalArgumentException("grad must not be the logits array");
            SoftmaxChecks.matrix(grad, "grad", gOff, gStride, rows, cols);
        }
        double scale = reduction == Reduction.MEAN ? 1.0 / rows : 1.0;
        double total = IMPL.crossEntropySoft(logits, off, stride, targets, tOff, tStride, rows, cols, classWeights,
                labelSmoothing, lossOut, lossOff, null, 0, grad, gOff, gStride, scale);
        return (float) (reduction == Reduction.MEAN ? total / rows : total);
    }

    /**
     * Binary cross-entropy with logits over a flat array (no weights): loss_i = max(z,0) - z y + log1p(exp(-|z|)),
     * gradient sigma(z) - y (times 1/n for MEAN). Stable for every finite z.
     *
     * @throws IllegalArgumentException if targets or grad have a different length than logits
     */
    public static float bceWithLogits(float[] logits, float[] targets, float[] gradOrNull, Reduction reduction) {
        Objects.requireNonNull(logits, "logits");
        int n = logits.length;
        return bce(logits, targets, null, null, n == 0 ? 0 : 1, n, reduction, null, gradOrNull, null, true);
    }

    /**
     * Binary cross-entropy with logits on a contiguous {@code rows x cols} batch (PyTorch's BCEWithLogitsLoss):
     * loss = w [(1 - y) z + lw softplus(-z)], lw = 1 + (pw - 1) y (as pw y + (1 - y)), evaluated as w [lin + lw log1p(exp(-|z|))] with
     * lin = (1 - y)|z| (z &ge; 0) or pw y |z| (z &lt; 0), so that no term cancels for y in [0, 1]; in binary64 with
     * posWeight, else in float as w fma(c, |z|, log1p(exp(-|z|))), c = 1 - y or y (one rounding of both terms). Gradient:
     * w (sigma(z) - y), with posWeight w ((pw y + 1 - y) sigma(z) - pw y); times 1/n for MEAN.
     *
     * <p>Accuracy: per-element and reduced losses within {@value #MAX_ULP_LOSS} ULP (targets in [0, 1]); gradient
     * within {@value #MAX_ULP_GRAD} ulp of max(lw sigma, pw y) times |w scale| (sigma - y cancels by nature), also
     * where the unweighted term e^-|z| is subnormal and a weight above 1 scales it (e enters such products unrounded).
     * Outside the bounds: with posWeight, losses with w lw above 2^39 at |z| &gt; 131 (e^-|z| below e^-131 is left
     * out there).
     * {@code grad} and {@code lossOut} may be {@code logits} (in-place).
     *
     * @param weight    per-element weights (length rows * cols) or null
     * @param posWeight per-column positive weights (length cols), broadcast over rows, or null
     * @param lossOut   per-element losses (length rows * cols) or null
     * @throws IllegalArgumentException for wrong lengths or negative / non-finite weights
     */
    public static float bceWithLogits(float[] logits, float[] targets, float[] weight, float[] posWeight, int rows,
                                      int cols, Reduction reduction, float[] lossOut, float[] grad) {
        return bce(logits, targets, weight, posWeight, rows, cols, reduction, lossOut, grad, null, false);
    }

    /** The {@link Executor} form of {@link #bceWithLogits(float[], float[], float[], float[], int, int, Reduction, float[], float[])}; same bits. */
    public static float bceWithLogits(float[] logits, float[] targets, float[] weight, float[] posWeight, int rows,
                                      int cols, Reduction reduction, float[] lossOut, float[] grad, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return bce(logits, targets, weight, posWeight, rows, cols, reduction, lossOut, grad, executor, false);
    }

    private static float bce(float[] z, float[] t, float[] w, float[] pw, int rows, int cols, Reduction reduction,
                             float[] lossOut, float[] grad, Executor executor, boolean flat) {
        Objects.requireNonNull(reduction, "reduction");
        if (!flat) SoftmaxChecks.shape(rows, cols);
        long n = (long) rows * cols;
        SoftmaxChecks.exactLength(z, "logits", n);
        SoftmaxChecks.exactLength(t, "targets", n);
        if (w != null) {
            SoftmaxChecks.exactLength(w, "weight", n);
            SoftmaxChecks.weights(w, "weight", 0, (int) n);
        }
        if (pw != null) {
            SoftmaxChecks.exactLength(pw, "posWeight", cols);
            SoftmaxChecks.weights(pw, "posWeight", 0, cols);
        }
        if (lossOut != null) SoftmaxChecks.exactLength(lossOut, "lossOut", n);
        if (grad != null) SoftmaxChecks.exactLength(grad, "grad", n);
        int len = (int) n;
        // without posWeight the columns do not matter: fixed segments make the summation blocks shape-independent
        int seg = pw == null ? SoftmaxConstants.BCE_SEGMENT : cols;
        double scale = reduction == Reduction.MEAN ? 1.0 / len : 1.0;
        double total;
        if (executor == null || len == 0) {
            total = IMPL.bce(z, 0, t, 0, w, 0, pw, len, seg, lossOut, 0, null, 0, grad, 0, scale);
        } else {
            int segs = (len + seg - 1) / seg;
            double[] segLoss = new double[segs];
            RowParallel.run(executor, segs, seg, (a, b) -> {
                int start = a * seg;
                int count = (int) Math.min(len, (long) b * seg) - start;
                IMPL.bce(z, start, t, start, w, start, pw, count, seg, lossOut, start, segLoss, a, grad, start, scale);
            });
            total = RowParallel.sumInOrder(segLoss);
        }
        return (float) (reduction == Reduction.MEAN ? total / len : total);
    }
}
