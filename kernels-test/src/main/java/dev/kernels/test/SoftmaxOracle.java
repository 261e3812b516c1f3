package dev.kernels.test;

/**
 * binary64 oracles of the softmax family and the losses, computed from the same float inputs. Every reference keeps
 * its relative error near 2^-50 (exp/log from {@link StrictMath}, sums of positive terms, the max term kept out of
 * log sums and log1p used), far below a float ulp, so ULP distances measured against it are the kernels' own errors.
 */
public final class SoftmaxOracle {
    private SoftmaxOracle() {}

    /** ulp of the float binade of v (2^-149 below 2^-126); +-inf and NaN get NaN. */
    public static double ulpOf(double v) {
        double a = Math.abs(v);
        if (Double.isNaN(a) || Double.isInfinite(a)) return Double.NaN;
        int e = a == 0 ? -127 : Math.getExponent(a);
        return Math.scalb(1.0, Math.max(e, -126) - 23);
    }

    /**
     * Distance of a float result from the exact value in ULP of the exact value. NaN vs NaN and equal infinities
     * count 0; any other disagreement on NaN/inf counts +inf. Exact values beyond the float range compare with
     * +-inf (overflow is the right rounding) when |exact| &ge; MAX_VALUE + ulp/2.
     */
    public static double ulpError(float actual, double exact) {
        if (Double.isNaN(exact)) return Float.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
        if (Float.isNaN(actual)) return Double.POSITIVE_INFINITY;
        double roundedExact = (float) exact;
        if (Double.isInfinite(roundedExact) || Float.isInfinite(actual)) {
            return roundedExact == actual ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - exact) / ulpOf(exact);
    }

    /**
     * softmaxBackward of one row in binary64: gradIn_j = y_j (g_j - s), s = sum of g_k y_k (exact products, summed in
     * binary64), into ref; terms[j] = max(|y_j g_j|, |y_j s|), the scale of its possible cancellation.
     */
    public static void softmaxBackward(float[] y, float[] g, int off, int n, double[] ref, double[] terms) {
        double s = 0;
        for (int j = 0; j < n; j++) s += (double) g[off + j] * y[off + j];
        for (int j = 0; j < n; j++) {
            double yj = y[off + j], gj = g[off + j];
            ref[j] = yj * (gj - s);
            terms[j] = Math.max(Math.abs(yj * gj), Math.abs(yj * s));
        }
    }

    /**
     * logSoftmaxBackward of one row in binary64: gradIn_j = g_j - exp(out_j) s, s = sum of g_k, into ref;
     * terms[j] = max(|g_j|, |exp(out_j) s|).
     */
    public static void logSoftmaxBackward(float[] out, float[] g, int off, int n, double[] ref, double[] terms) {
        double s = 0;
        for (int j = 0; j < n; j++) s += g[off + j];
        for (int j = 0; j < n; j++) {
            double es = StrictMath.exp(out[off + j]) * s;
            ref[j] = g[off + j] - es;
            terms[j] = Math.max(Math.abs((double) g[off + j]), Math.abs(es));
        }
    }

    /** Row max, tie count k and t = sum of exp(x - max) over the non-max elements; returns {m, k, t}. */
    static double[] rowSums(float[] x, int off, int n) {
        double m = Double.NEGATIVE_INFINITY;
        boolean nan = false;
        for (int j = 0; j < n; j++) {
            float v = x[off + j];
            if (Float.isNaN(v)) nan = true;
            m = Math.max(m, v);
        }
        if (nan) return new double[] {Double.NaN, 0, Double.NaN};
        int k = 0;
        double t = 0;
        for (int j = 0; j < n; j++) {
            double v = x[off + j];
            if (v == m) k++;
            else t += StrictMath.exp(v - m);
        }
        return new double[] {m, k, t};
    }

    /** log(k + t) with log1p for k = 1. */
    static double logSum(double k, double t) {
        return StrictMath.log1p((k - 1) + t);
    }

    public static void softmax(float[] x, int off, int n, double[] out) {
        double[] s = rowSums(x, off, n);
        double m = s[0];
        double total = s[1] + s[2];
        for (int j = 0; j < n; j++) {
            double v = x[off + j];
            if (Double.isNaN(m) || Double.isInfinite(m)) { out[j] = Double.NaN; continue; }
            out[j] = (v == m ? 1.0 : StrictMath.exp(v - m)) / total;
        }
    }

    public static void logSoftmax(float[] x, int off, int n, double[] out) {
        double[] s = rowSums(x, off, n);
        double m = s[0];
        double lse = logSum(s[1], s[2]);
        for (int j = 0; j < n; j++) {
            if (Double.isNaN(m) || Double.isInfinite(m)) { out[j] = Double.NaN; continue; }
            out[j] = ((double) x[off + j] - m) - lse;
        }
    }

    public static double logSumExp(float[] x, int off, int n) {
        double[] s = rowSums(x, off, n);
        double m = s[0];
        if (Double.isNaN(m) || Double.isInfinite(m)) return m;
        return m + logSum(s[1], s[2]);
    }

    /** Cross-entropy of one row against a class index, PyTorch's formula with weights and smoothing. */
    public static double crossEntropy(float[] x, int off, int n, int label, float[] w, double eps) {
        double[] logp = new double[n];
        logSoftmax(x, off, n, logp);
        double wy = w == null ? 1 : w[label];
        double nll = (1 - eps) * wy * -logp[label];
        if (eps == 0) return nll; // 0 * inf (a masked class) must not turn the loss into NaN
        double smooth = 0;
        for (int c = 0; c < n; c++) smooth += (w == null ? 1 : w[c]) * -logp[c];
        return nll + eps / n * smooth;
    }

    /** Gradient of {@link #crossEntropy} with respect to the row's logits, times scale. */
    public static void crossEntropyGrad(float[] x, int off, int n, int label, float[] w, double eps, double scale,
                                        double[] out) {
        double[] p = new double[n];
        softmaxExact(x, off, n, p);
        double wsum = 0;
        for (int c = 0; c < n; c++) wsum += w == null ? 1 : w[c];
        double wy = w == null ? 1 : w[label];
        double a = (1 - eps) * wy + eps / n * wsum;
        double[] s = rowSums(x, off, n);
        for (int c = 0; c < n; c++) {
            double ac = eps / n * (w == null ? 1 : w[c]);
            if (c == label) {
                // p_y - 1 without cancellation: -(sum of the other terms) / total
                double ey = x[off + c] == s[0] ? 1.0 : StrictMath.exp(x[off + c] - s[0]);
                double total = s[1] + s[2];
                double other = x[off + c] == s[0] ? (s[1] - 1) + s[2] : total - ey;
                double ay = (1 - eps) * wy + ac;
                out[c] = scale * (((a - ay) * ey - ay * other) / total);
            } else {
                out[c] = scale * (a * p[c] - ac);
            }
        }
    }

    static void softmaxExact(float[] x, int off, int n, double[] p) {
        softmax(x, off, n, p);
    }

    /** Soft-target cross-entropy of one row. */
    public static double crossEntropySoft(float[] x, int off, int n, float[] q, int qo, float[] w, double eps) {
        double[] logp = new double[n];
        logSoftmax(x, off, n, logp);
        double loss = 0;
        for (int c = 0; c < n; c++) {
            double qc = (1 - eps) * q[qo + c] + eps / n;
            loss += (w == null ? 1 : w[c]) * qc * -logp[c];
        }
        return loss;
    }

    /** BCE with logits for one element (PyTorch's formula, evaluated without cancellation). */
    public static double bce(float z, float y, double w, double pw) {
        double a = Math.abs((double) z);
        double sp = StrictMath.log1p(StrictMath.exp(-a));
        double lin = z >= 0 ? (1 - (double) y) * a : pw * y * a;
        double lw = pw * y + (1 - (double) y); // exact terms, no cancellation (1 + (pw - 1) y lost bits of pw < 2^-30)
        return w * (lin + lw * sp);
    }

    /** d BCE / dz for one element. */
    public static double bceGrad(float z, float y, double w, double pw) {
        double e = StrictMath.exp(-Math.abs((double) z));
        double sigma = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        return w * ((pw * y + (1 - (double) y)) * sigma - pw * y); // (pw y + 1) - y lost bits of pw < 2^-30
    }

    /**
     * Error of a BCE gradient g in ulp of its terms, max(lw sigma, pw y) w (sigma - y cancels: the bound is stated in
     * ulps of the operands); 0 or infinite where the terms are 0, ULP of the value where it or g leaves float range.
     */
    public static double bceGradErrorUlpOfTerms(float g, float z, float y, double w, double pw) {
        double e = StrictMath.exp(-Math.abs((double) z));
        double sigma = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        double terms = Math.max((pw * y + (1 - (double) y)) * sigma, pw * y) * w;
        double exact = bceGrad(z, y, w, pw);
        if (terms == 0) return g == 0 ? 0 : Double.POSITIVE_INFINITY;
        if (Double.isInfinite((float) exact) || Float.isInfinite(g)) return ulpError(g, exact);
        return Math.abs(g - exact) / ulpOf(terms);
    }
}
