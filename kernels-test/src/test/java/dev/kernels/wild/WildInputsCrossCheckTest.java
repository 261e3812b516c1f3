package dev.kernels.wild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kernels.internal.ActivationSupport;
import dev.kernels.internal.KernelProvider;
import dev.kernels.internal.ScalarActivations;
import dev.kernels.internal.ScalarSoftmax;
import dev.kernels.internal.ScalarVectorMath;
import dev.kernels.internal.SoftmaxSupport;
import dev.kernels.internal.VectorMathSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Vector path vs scalar twin, bit for bit, on inputs drawn from the whole float range: arrays of ordinary values with
 * a varying share of random bit patterns (every magnitude from subnormal to 2^128, NaN, inf) and of boundary values
 * (zeros, MIN_VALUE, MIN_NORMAL, MAX_VALUE, +-inf, NaN), for every element-wise function, activation (forward and
 * backward), row-wise kernel and loss, with the scalar parameters (alpha, beta, threshold, weights, gradient scales)
 * drawn the same way within what the facades accept, and the row-wise kernels also at random offsets and strides. The
 * seeded batches and crafted cases of the other cross-checks stay inside magnitudes someone chose: the scaled forms'
 * overflows at weights of 2^43 and 2^124 and at |g - s| of 2^39, and the cross-entropy gradient of a row holding +inf
 * (0x1.8p-22 for NaN), were outside them; this test, run on the code before their fixes, reports all four within its
 * 400 rounds. {@code -Dwild.rounds=N} sets the rounds; main(seed, rounds) runs it alone.
 */
class WildInputsCrossCheckTest {
    static final SoftmaxSupport SM_VECTOR = KernelProvider.load("PanamaSoftmax", SoftmaxSupport.class, ScalarSoftmax::new);
    static final SoftmaxSupport SM_SCALAR = new ScalarSoftmax();
    static final ActivationSupport ACT_VECTOR =
            KernelProvider.load("PanamaActivations", ActivationSupport.class, ScalarActivations::new);
    static final ActivationSupport ACT_SCALAR = new ScalarActivations();
    static final VectorMathSupport MATH_VECTOR = KernelProvider.vectorMath();
    static final VectorMathSupport MATH_SCALAR = new ScalarVectorMath();
    static final float[] BOUNDARY = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL,
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1f, -1f};

    /** Values: ordinary N(0, sd) with probability 1 - pWild, else random bits or a boundary value. */
    static float[] wild(Random r, int n, double pWild, double sd) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = wildValue(r, pWild, sd);
        return a;
    }

    static float wildValue(Random r, double pWild, double sd) {
        if (r.nextDouble() >= pWild) return (float) (sd * r.nextGaussian());
        int k = r.nextInt(4);
        if (k == 0) return BOUNDARY[r.nextInt(BOUNDARY.length)];
        // random bits: every binade about as likely, subnormals, +-inf, NaNs with either sign bit and any payload
        return Float.intBitsToFloat(r.nextInt());
    }

    /** Finite and >= 0, any magnitude: what the facades accept as a weight. */
    static float weight(Random r) {
        return WildOracleProbe.weight(r, Float.MAX_VALUE);
    }

    static final class Mismatches {
        final List<String> found = new ArrayList<>();

        void compare(String what, float[] a, float[] b) {
            for (int i = 0; i < a.length && found.size() < 20; i++) {
                if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                    found.add(what + " index " + i + ": vector " + Float.toHexString(a[i]) + " scalar "
                            + Float.toHexString(b[i]));
                    return;
                }
            }
        }

        void compare(String what, double a, double b) {
            if (Double.doubleToLongBits(a) != Double.doubleToLongBits(b) && found.size() < 20) {
                found.add(what + ": vector " + a + " scalar " + b);
            }
        }
    }

    interface Activation {
        void run(ActivationSupport im, float[] x, float[] g, float[] out, int n);
    }

    static void activations(Random r, Mismatches m, int round) {
        int n = 1 + r.nextInt(300);
        double p = new double[] {0.01, 0.05, 0.3, 1.0}[round % 4];
        float[] x = wild(r, n, p, 3), g = wild(r, n, p, 1);
        float alpha = wildFinite(r), beta = Math.abs(wildFinite(r)), threshold = wildValue(r, 0.5, 20);
        if (beta == 0f) beta = 1f;
        if (Float.isNaN(threshold)) threshold = 20f;
        final float fb = beta, ft = threshold;
        String params = " alpha=" + alpha + " beta=" + beta + " threshold=" + threshold + " n=" + n + " round=" + round;
        check(m, true, "sigmoidBackward" + params, x, g, n, (im, a, b, o, k) -> im.sigmoidBackward(a, 0, b, 0, o, 0, k));
        check(m, true, "tanhBackward" + params, x, g, n, (im, a, b, o, k) -> im.tanhBackward(a, 0, b, 0, o, 0, k));
        check(m, true, "reluBackward" + params, x, g, n, (im, a, b, o, k) -> im.reluBackward(a, 0, b, 0, o, 0, k));
        check(m, true, "leakyReluBackward" + params, x, g, n,
                (im, a, b, o, k) -> im.leakyReluBackward(a, 0, b, 0, o, 0, k, alpha));
        check(m, true, "geluBackward" + params, x, g, n, (im, a, b, o, k) -> im.geluBackward(a, 0, b, 0, o, 0, k));
        check(m, true, "geluTanhBackward" + params, x, g, n, (im, a, b, o, k) -> im.geluTanhBackward(a, 0, b, 0, o, 0, k));
        check(m, true, "siluBackward" + params, x, g, n, (im, a, b, o, k) -> im.siluBackward(a, 0, b, 0, o, 0, k));
        check(m, true, "softplusBackward" + params, x, g, n,
                (im, a, b, o, k) -> im.softplusBackward(a, 0, b, 0, o, 0, k, fb, ft));
        check(m, true, "softplusBackward beta=1" + params, x, g, n,
                (im, a, b, o, k) -> im.softplusBackward(a, 0, b, 0, o, 0, k, 1f, 20f));
        check(m, true, "logSigmoidBackward" + params, x, g, n, (im, a, b, o, k) -> im.logSigmoidBackward(a, 0, b, 0, o, 0, k));
        check(m, false, "relu" + params, x, g, n, (im, a, b, o, k) -> im.relu(a, 0, o, 0, k));
        check(m, false, "leakyRelu" + params, x, g, n, (im, a, b, o, k) -> im.leakyRelu(a, 0, o, 0, k, alpha));
        check(m, false, "gelu" + params, x, g, n, (im, a, b, o, k) -> im.gelu(a, 0, o, 0, k));
        check(m, false, "geluTanh" + params, x, g, n, (im, a, b, o, k) -> im.geluTanh(a, 0, o, 0, k));
        check(m, false, "silu" + params, x, g, n, (im, a, b, o, k) -> im.silu(a, 0, o, 0, k));
        check(m, false, "softplus" + params, x, g, n, (im, a, b, o, k) -> im.softplus(a, 0, o, 0, k, fb, ft));
        check(m, false, "logSigmoid" + params, x, g, n, (im, a, b, o, k) -> im.logSigmoid(a, 0, o, 0, k));
        // the element-wise functions: their exhaustive sweeps feed neighbouring floats into each vector, so vectors
        // mixing ordinary and special lanes (where a kernel picks a form per vector) are looked at here
        float[] a = new float[n], b = new float[n];
        String[] names = {"exp", "expm1", "log", "log1p", "sigmoid", "tanh", "erf"};
        for (int f = 0; f < names.length; f++) {
            mathRun(MATH_VECTOR, f, x, a, n);
            mathRun(MATH_SCALAR, f, x, b, n);
            m.compare(names[f] + params, a, b);
            float[] buf = x.clone();
            mathRun(MATH_VECTOR, f, buf, buf, n);
            m.compare(names[f] + " in place" + params, buf, b);
        }
    }

    static void mathRun(VectorMathSupport im, int f, float[] x, float[] y, int n) {
        switch (f) {
            case 0 -> im.exp(x, 0, y, 0, n);
            case 1 -> im.expm1(x, 0, y, 0, n);
            case 2 -> im.log(x, 0, y, 0, n);
            case 3 -> im.log1p(x, 0, y, 0, n);
            case 4 -> im.sigmoid(x, 0, y, 0, n);
            case 5 -> im.tanh(x, 0, y, 0, n);
            default -> im.erf(x, 0, y, 0, n);
        }
    }

    static float wildFinite(Random r) {
        float v = wildValue(r, 0.5, 1);
        return Float.isFinite(v) ? v : 0.5f;
    }

    /** Vector vs scalar, then the vector path in place (gradIn = gradOut for backward kernels, y = x otherwise). */
    static void check(Mismatches m, boolean backward, String what, float[] x, float[] g, int n, Activation k) {
        float[] a = new float[n], b = new float[n];
        k.run(ACT_VECTOR, x, g, a, n);
        k.run(ACT_SCALAR, x, g, b, n);
        m.compare(what, a, b);
        float[] buf = (backward ? g : x).clone();
        if (backward) k.run(ACT_VECTOR, x, buf, buf, n);
        else k.run(ACT_VECTOR, buf, g, buf, n);
        m.compare(what + " in place", buf, b);
    }

    static void rowwise(Random r, Mismatches m, int round) {
        int rows = 1 + r.nextInt(3), cols = 1 + r.nextInt(r.nextBoolean() ? 40 : 400);
        int n = rows * cols;
        double p = new double[] {0.01, 0.05, 0.3, 1.0}[round % 4];
        double sd = r.nextBoolean() ? 3 : 30;
        float[] x = wild(r, n, p, sd), g = wild(r, n, p, 1);
        String shape = " rows=" + rows + " cols=" + cols + " p=" + p + " round=" + round;
        float[] a = new float[n], b = new float[n];
        SM_VECTOR.softmax(x, 0, cols, a, 0, cols, rows, cols);
        SM_SCALAR.softmax(x, 0, cols, b, 0, cols, rows, cols);
        m.compare("softmax" + shape, a, b);
        float[] buf = x.clone();
        SM_VECTOR.softmax(buf, 0, cols, buf, 0, cols, rows, cols);
        m.compare("softmax in place" + shape, buf, b);
        float[] y = b.clone();
        SM_VECTOR.logSoftmax(x, 0, cols, a, 0, cols, rows, cols);
        SM_SCALAR.logSoftmax(x, 0, cols, b, 0, cols, rows, cols);
        m.compare("logSoftmax" + shape, a, b);
        buf = x.clone();
        SM_VECTOR.logSoftmax(buf, 0, cols, buf, 0, cols, rows, cols);
        m.compare("logSoftmax in place" + shape, buf, b);
        float[] out = b.clone();
        float[] la = new float[rows], lb = new float[rows];
        SM_VECTOR.logSumExp(x, 0, cols, la, 0, rows, cols);
        SM_SCALAR.logSumExp(x, 0, cols, lb, 0, rows, cols);
        m.compare("logSumExp" + shape, la, lb);
        // backward from real forward outputs with wild gradOut, and from wild saved outputs
        for (boolean log : new boolean[] {false, true}) {
            for (float[] fwd : new float[][] {log ? out : y, x}) {
                String what = (log ? "logSoftmaxBackward" : "softmaxBackward") + (fwd == x ? " wild forward" : "");
                rowBackward(SM_VECTOR, log, fwd, g, a, rows, cols);
                rowBackward(SM_SCALAR, log, fwd, g, b, rows, cols);
                m.compare(what + shape, a, b);
                buf = g.clone();
                rowBackward(SM_VECTOR, log, fwd, buf, buf, rows, cols);
                m.compare(what + " in place" + shape, buf, b);
            }
        }
        strided(r, m, x, g, rows, cols, shape);
        // cross-entropy: labels in range or ignored, class weights of any finite magnitude, smoothing in [0, 1]
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = r.nextInt(8) == 0 ? -100 : r.nextInt(cols);
        float[] cw = null;
        double weightSum = cols;
        if (r.nextBoolean()) {
            cw = new float[cols];
            weightSum = 0;
            for (int i = 0; i < cols; i++) weightSum += cw[i] = weight(r);
        }
        float eps = new float[] {0f, 0.1f, 1f, r.nextFloat()}[r.nextInt(4)];
        double scale = new double[] {1.0, 1.0 / rows, 1e30, 1e-30, Double.POSITIVE_INFINITY}[r.nextInt(5)];
        float[] lossA = new float[rows], lossB = new float[rows];
        String ce = shape + " eps=" + eps + " scale=" + scale + " weights=" + (cw != null);
        double sa = SM_VECTOR.crossEntropy(x, 0, cols, rows, cols, labels, 0, -100, cw, eps, weightSum, lossA, 0, null, 0,
                a, 0, cols, scale);
        double sb = SM_SCALAR.crossEntropy(x, 0, cols, rows, cols, labels, 0, -100, cw, eps, weightSum, lossB, 0, null, 0,
                b, 0, cols, scale);
        m.compare("crossEntropy sum" + ce, sa, sb);
        m.compare("crossEntropy loss" + ce, lossA, lossB);
        m.compare("crossEntropy grad" + ce, a, b);
        float[] q = new float[n];
        // soft targets: the facade takes any value (its accuracy bound assumes q >= 0)
        for (int i = 0; i < n; i++) q[i] = r.nextInt(6) == 0 ? wildValue(r, 1, 1) : r.nextInt(3) == 0 ? weight(r) : r.nextFloat();
        sa = SM_VECTOR.crossEntropySoft(x, 0, cols, q, 0, cols, rows, cols, cw, eps, lossA, 0, null, 0, a, 0, cols, scale);
        sb = SM_SCALAR.crossEntropySoft(x, 0, cols, q, 0, cols, rows, cols, cw, eps, lossB, 0, null, 0, b, 0, cols, scale);
        m.compare("crossEntropySoft sum" + ce, sa, sb);
        m.compare("crossEntropySoft loss" + ce, lossA, lossB);
        m.compare("crossEntropySoft grad" + ce, a, b);
        // BCE: targets anything (PyTorch does not check them), weights and posWeight finite >= 0
        float[] t = new float[n], w = new float[n], pw = new float[cols];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(4);
            t[i] = k == 0 ? 0f : k == 1 ? 1f : k == 2 ? r.nextFloat() : wildValue(r, 1, 1);
            w[i] = weight(r);
        }
        for (int i = 0; i < cols; i++) pw[i] = weight(r);
        double bScale = new double[] {1.0, 1.0 / n, 0x1p-30}[r.nextInt(3)];
        for (int variant = 0; variant < 4; variant++) {
            float[] fw = variant % 2 == 1 ? w : null, fpw = variant >= 2 ? pw : null;
            float[] ga = new float[n], gb = new float[n], ea = new float[n], eb = new float[n];
            sa = SM_VECTOR.bce(x, 0, t, 0, fw, 0, fpw, n, cols, ea, 0, null, 0, ga, 0, bScale);
            sb = SM_SCALAR.bce(x, 0, t, 0, fw, 0, fpw, n, cols, eb, 0, null, 0, gb, 0, bScale);
            String bce = shape + " weights=" + (fw != null) + " posWeight=" + (fpw != null) + " scale=" + bScale;
            m.compare("bce sum" + bce, sa, sb);
            m.compare("bce loss" + bce, ea, eb);
            m.compare("bce grad" + bce, ga, gb);
            // losses into the logits array, then gradients into it (both allowed; where both are, the gradient wins)
            float[] zl = x.clone(), zg = x.clone();
            SM_VECTOR.bce(zl, 0, t, 0, fw, 0, fpw, n, cols, zl, 0, null, 0, null, 0, bScale);
            m.compare("bce loss in place" + bce, zl, eb);
            SM_VECTOR.bce(zg, 0, t, 0, fw, 0, fpw, n, cols, null, 0, null, 0, zg, 0, bScale);
            m.compare("bce grad in place" + bce, zg, gb);
            // losses into the logits array while a gradient is formed elsewhere (a pass reading z after the losses
            // overwrote it gave gradients of 1 for -1e-12)
            float[] zlg = x.clone(), glg = new float[n];
            SM_VECTOR.bce(zlg, 0, t, 0, fw, 0, fpw, n, cols, zlg, 0, null, 0, glg, 0, bScale);
            m.compare("bce loss in place with grad" + bce, zlg, eb);
            m.compare("bce grad beside loss in place" + bce, glg, gb);
        }
    }

    /** x's rows at offset off with the given stride, NaN between and around them. */
    static float[] embed(float[] x, int rows, int cols, int off, int stride) {
        float[] e = new float[off + rows * stride + 3];
        java.util.Arrays.fill(e, Float.NaN);
        for (int i = 0; i < rows; i++) System.arraycopy(x, i * cols, e, off + i * stride, cols);
        return e;
    }

    static float[] extract(float[] e, int rows, int cols, int off, int stride) {
        float[] x = new float[rows * cols];
        for (int i = 0; i < rows; i++) System.arraycopy(e, off + i * stride, x, i * cols, cols);
        return x;
    }

    /**
     * The row-wise kernels with inputs and outputs at their own offsets and strides (vector path) against the scalar
     * twin on contiguous rows: which form a row takes depends on its values, so row starts matter.
     */
    static void strided(Random r, Mismatches m, float[] x, float[] g, int rows, int cols, String shape) {
        int xo = r.nextInt(4), xs = cols + r.nextInt(4), go = r.nextInt(4), gs = cols + r.nextInt(4);
        int oo = r.nextInt(4), os = cols + r.nextInt(4);
        String lay = shape + " layout=" + xo + "/" + xs + "," + go + "/" + gs + "," + oo + "/" + os;
        float[] ex = embed(x, rows, cols, xo, xs), eg = embed(g, rows, cols, go, gs);
        int n = rows * cols;
        float[] b = new float[n];
        for (int k = 0; k < 4; k++) {
            float[] eo = new float[oo + rows * os + 3];
            switch (k) {
                case 0 -> {
                    SM_VECTOR.softmax(ex, xo, xs, eo, oo, os, rows, cols);
                    SM_SCALAR.softmax(x, 0, cols, b, 0, cols, rows, cols);
                }
                case 1 -> {
                    SM_VECTOR.logSoftmax(ex, xo, xs, eo, oo, os, rows, cols);
                    SM_SCALAR.logSoftmax(x, 0, cols, b, 0, cols, rows, cols);
                }
                case 2 -> { // wild saved outputs
                    SM_VECTOR.softmaxBackward(ex, xo, xs, eg, go, gs, eo, oo, os, rows, cols);
                    SM_SCALAR.softmaxBackward(x, 0, cols, g, 0, cols, b, 0, cols, rows, cols);
                }
                default -> {
                    SM_VECTOR.logSoftmaxBackward(ex, xo, xs, eg, go, gs, eo, oo, os, rows, cols);
                    SM_SCALAR.logSoftmaxBackward(x, 0, cols, g, 0, cols, b, 0, cols, rows, cols);
                }
            }
            m.compare(new String[] {"softmax", "logSoftmax", "softmaxBackward", "logSoftmaxBackward"}[k] + lay,
                    extract(eo, rows, cols, oo, os), b);
        }
        float[] la = new float[rows + oo], lb = new float[rows];
        SM_VECTOR.logSumExp(ex, xo, xs, la, oo, rows, cols);
        SM_SCALAR.logSumExp(x, 0, cols, lb, 0, rows, cols);
        m.compare("logSumExp" + lay, java.util.Arrays.copyOfRange(la, oo, oo + rows), lb);
        int[] labels = new int[rows + 1];
        for (int i = 0; i < rows; i++) labels[i + 1] = r.nextInt(cols);
        float[] eo = new float[oo + rows * os + 3];
        double sa = SM_VECTOR.crossEntropy(ex, xo, xs, rows, cols, labels, 1, -100, null, 0f, cols, null, 0, null, 0,
                eo, oo, os, 1.0 / rows);
        double sb = SM_SCALAR.crossEntropy(x, 0, cols, rows, cols, labels, 1, -100, null, 0f, cols, null, 0, null, 0,
                b, 0, cols, 1.0 / rows);
        m.compare("crossEntropy sum" + lay, sa, sb);
        m.compare("crossEntropy grad" + lay, extract(eo, rows, cols, oo, os), b);
    }

    static void rowBackward(SoftmaxSupport im, boolean log, float[] fwd, float[] g, float[] gi, int rows, int cols) {
        if (log) im.logSoftmaxBackward(fwd, 0, cols, g, 0, cols, gi, 0, cols, rows, cols);
        else im.softmaxBackward(fwd, 0, cols, g, 0, cols, gi, 0, cols, rows, cols);
    }

    static List<String> run(long seed, int rounds) {
        Random r = new Random(seed);
        Mismatches m = new Mismatches();
        for (int round = 0; round < rounds; round++) {
            activations(r, m, round);
            rowwise(r, m, round);
        }
        return m.found;
    }

    @Test
    void wildInputsGiveTheScalarTwinsBits() {
        // warm-up so that C2's code, not the interpreter's, is compared
        run(1, 300);
        List<String> found = run(Long.getLong("tests.seed", 20261207L), Integer.getInteger("wild.rounds", 400));
        assertEquals(List.of(), found);
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        List<String> found = run(seed, rounds);
        found.forEach(System.out::println);
        System.out.println(found.size() + " mismatches");
    }
}
