package dev.kernels.wild;

import dev.kernels.Activations;
import dev.kernels.Losses;
import dev.kernels.Reduction;
import dev.kernels.Softmax;
import dev.kernels.test.ActivationOracle;
import dev.kernels.test.SoftmaxOracle;
import java.util.Random;

/**
 * The public kernels on inputs from the whole float range against the binary64 oracles: prints the largest error per
 * kernel (and the first cases above the documented bound). Not a test: it reports what {@code
 * reports/wild-inputs-x86-xeon.md} quotes, including the cases outside the bounds that the README lists.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp &lt;test classpath&gt; dev.kernels.wild.WildOracleProbe MODE SEED ROUNDS [ARG]
 *   rows                    softmax, logSoftmax, logSumExp on rows with random bit patterns, inf and NaN mixed in
 *   bce CAP                 BCE loss and gradient, weights and posWeight up to CAP (3.4e38: any finite)
 *   ce CAP                  cross-entropy losses, class weights up to CAP, smoothing 0, 0.1, 1 or random
 *   ceGrad WMAX             cross-entropy gradients (SUM) on N(0,30) rows, class weights uniform in [0, WMAX]
 *   backward wild|scaled|nll softmaxBackward and logSoftmaxBackward: gradOut wild, N(0, 65536), or -1024 on one label
 *   activations any|one     softplus (beta wild, or 1), leakyRelu, their backward; wild threshold and alpha
 * </pre>
 */
public final class WildOracleProbe {
    private WildOracleProbe() {}

    static float wild(Random r, double p, double sd) {
        return r.nextDouble() >= p ? (float) (sd * r.nextGaussian()) : Float.intBitsToFloat(r.nextInt());
    }

    static float finiteWild(Random r, double p, double sd) {
        float v;
        do v = wild(r, p, sd); while (!Float.isFinite(v));
        return v;
    }

    /** A weight of any finite magnitude up to cap, 0 and cap included. */
    static float weight(Random r, float cap) {
        int k = r.nextInt(6);
        if (k == 0) return 0f;
        if (k == 1) return cap;
        if (k == 2) return Math.min(cap, Math.abs((float) r.nextGaussian()));
        float m = Math.abs(Float.intBitsToFloat(r.nextInt()));
        return Float.isFinite(m) ? Math.min(m, cap) : Math.min(1f, cap);
    }

    static final class Worst {
        final String name;
        final double bound;
        double max;
        String where = "";
        int printed;

        Worst(String name, double bound) {
            this.name = name;
            this.bound = bound;
        }

        void add(double e, String what) {
            if (e > max) {
                max = e;
                where = what;
            }
            if (e > bound && printed++ < 5) System.out.println("above " + bound + ": " + name + " (" + e + ") " + what);
        }

        void print() {
            System.out.println(name + " max " + max + " (bound " + bound + ") " + where);
        }
    }

    static double p(int it) {
        return new double[] {0.01, 0.05, 0.3, 1.0}[it % 4];
    }

    static void rows(Random r, int rounds) {
        Worst ws = new Worst("softmax", 4), wl = new Worst("logSoftmax", 4), we = new Worst("logSumExp", 4);
        for (int it = 0; it < rounds; it++) {
            int cols = 1 + r.nextInt(r.nextBoolean() ? 20 : 300);
            double sd = r.nextBoolean() ? 3 : 30;
            boolean finite = r.nextBoolean();
            float[] x = new float[cols];
            for (int i = 0; i < cols; i++) x[i] = finite ? finiteWild(r, p(it), sd) : wild(r, p(it), sd);
            float[] y = new float[cols], l = new float[cols], lse = new float[1];
            Softmax.softmax(x, y, 1, cols);
            Softmax.logSoftmax(x, l, 1, cols);
            Softmax.logSumExp(x, 0, cols, lse, 0, 1, cols);
            double[] ry = new double[cols], rl = new double[cols];
            SoftmaxOracle.softmax(x, 0, cols, ry);
            SoftmaxOracle.logSoftmax(x, 0, cols, rl);
            for (int j = 0; j < cols; j++) {
                String at = "it=" + it + " j=" + j + " cols=" + cols + " x_j=" + x[j];
                ws.add(SoftmaxOracle.ulpError(y[j], ry[j]), at + " got " + y[j] + " exact " + ry[j]);
                wl.add(SoftmaxOracle.ulpError(l[j], rl[j]), at + " got " + l[j] + " exact " + rl[j]);
            }
            double re = SoftmaxOracle.logSumExp(x, 0, cols);
            we.add(SoftmaxOracle.ulpError(lse[0], re), "it=" + it + " got " + lse[0] + " exact " + re);
        }
        ws.print();
        wl.print();
        we.print();
    }

    /** Prints, and returns, the largest loss error (ULP) and gradient error (ulp of the terms); also LossesTest's. */
    public static double[] bce(Random r, int rounds, float cap) {
        Worst wl = new Worst("bce loss", Losses.MAX_ULP_LOSS), wg = new Worst("bce grad (ulp of terms)", Losses.MAX_ULP_GRAD);
        for (int it = 0; it < rounds; it++) {
            int cols = 16 + r.nextInt(100), rows = 1 + r.nextInt(3), n = rows * cols;
            float[] z = new float[n], y = new float[n], w = new float[n], pw = new float[cols];
            for (int i = 0; i < n; i++) {
                z[i] = finiteWild(r, p(it), 30);
                int k = r.nextInt(3);
                y[i] = k == 0 ? 0f : k == 1 ? 1f : r.nextFloat();
                w[i] = r.nextDouble() < p(it) ? weight(r, cap) : Math.min(cap, (float) (2 * r.nextDouble()));
            }
            for (int c = 0; c < cols; c++) pw[c] = r.nextDouble() < p(it) ? weight(r, cap) : Math.min(cap, (float) (3 * r.nextDouble()));
            boolean hasW = r.nextBoolean(), hasPw = r.nextBoolean();
            float[] loss = new float[n], g = new float[n];
            Losses.bceWithLogits(z, y, hasW ? w : null, hasPw ? pw : null, rows, cols, Reduction.NONE, loss, g);
            for (int i = 0; i < n; i++) {
                double wi = hasW ? w[i] : 1, pi = hasPw ? pw[i % cols] : 1;
                String at = "it=" + it + " z=" + z[i] + " y=" + y[i] + " w=" + wi + " pw=" + pi;
                double ref = SoftmaxOracle.bce(z[i], y[i], wi, pi);
                wl.add(SoftmaxOracle.ulpError(loss[i], ref), at + " loss " + loss[i] + " exact " + ref);
                double eg = SoftmaxOracle.bceGradErrorUlpOfTerms(g[i], z[i], y[i], wi, pi);
                wg.add(eg, at + " grad " + g[i] + " exact " + SoftmaxOracle.bceGrad(z[i], y[i], wi, pi));
            }
        }
        wl.print();
        wg.print();
        return new double[] {wl.max, wg.max};
    }

    static void ce(Random r, int rounds, float cap) {
        Worst wl = new Worst("crossEntropy loss", Losses.MAX_ULP_LOSS);
        for (int it = 0; it < rounds; it++) {
            int cols = 1 + r.nextInt(r.nextBoolean() ? 20 : 300), rows = 1 + r.nextInt(3);
            float[] x = new float[rows * cols];
            for (int i = 0; i < x.length; i++) x[i] = finiteWild(r, p(it), r.nextBoolean() ? 3 : 30);
            float[] w = null;
            if (r.nextBoolean()) {
                w = new float[cols];
                for (int c = 0; c < cols; c++) w[c] = r.nextDouble() < p(it) ? weight(r, cap) : Math.min(cap, 0.5f + r.nextFloat());
            }
            float eps = new float[] {0f, 0.1f, 1f, r.nextFloat()}[r.nextInt(4)];
            int[] labels = new int[rows];
            for (int i = 0; i < rows; i++) labels[i] = r.nextInt(cols);
            float[] loss = new float[rows];
            Losses.crossEntropyWithLogits(x, 0, cols, rows, cols, labels, 0, -100, w, eps, Reduction.NONE, loss, 0,
                    null, 0, cols);
            for (int i = 0; i < rows; i++) {
                double ref = SoftmaxOracle.crossEntropy(x, i * cols, cols, labels[i], w, eps);
                wl.add(SoftmaxOracle.ulpError(loss[i], ref), "it=" + it + " cols=" + cols + " eps=" + eps + " got "
                        + loss[i] + " exact " + ref);
            }
        }
        wl.print();
    }

    static void ceGrad(Random r, int rounds, float wmax) {
        Worst wg = new Worst("crossEntropy grad (ulp of terms)", Losses.MAX_ULP_GRAD);
        for (int it = 0; it < rounds; it++) {
            int cols = 2 + r.nextInt(300);
            float[] x = new float[cols], w = new float[cols];
            for (int i = 0; i < cols; i++) {
                x[i] = (float) (30 * r.nextGaussian());
                w[i] = (float) (wmax * r.nextDouble());
            }
            float eps = r.nextBoolean() ? 0f : 0.1f;
            int[] labels = {r.nextInt(cols)};
            float[] g = new float[cols];
            Losses.crossEntropyWithLogits(x, 0, cols, 1, cols, labels, 0, -100, w, eps, Reduction.SUM, null, 0, g, 0, cols);
            double[] ref = new double[cols], p = new double[cols];
            SoftmaxOracle.crossEntropyGrad(x, 0, cols, labels[0], w, eps, 1.0, ref);
            SoftmaxOracle.softmax(x, 0, cols, p);
            double wsum = 0;
            for (float v : w) wsum += v;
            double a = (1 - eps) * w[labels[0]] + eps / cols * wsum;
            for (int c = 0; c < cols; c++) {
                double ac = eps / cols * w[c] + (c == labels[0] ? (1 - eps) * w[c] : 0);
                double terms = Math.max(a * p[c], ac);
                double e = terms == 0 ? (g[c] == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(g[c] - ref[c]) / SoftmaxOracle.ulpOf(terms);
                wg.add(e, "it=" + it + " c=" + c + " cols=" + cols + " eps=" + eps + " got " + g[c] + " exact " + ref[c]);
            }
        }
        wg.print();
    }

    static void backward(Random r, int rounds, String mode) {
        Worst[] worst = {new Worst("softmaxBackward (ulp of terms)", Softmax.MAX_ULP_BACKWARD),
                new Worst("logSoftmaxBackward (ulp of terms)", Softmax.MAX_ULP_BACKWARD)};
        for (int it = 0; it < rounds; it++) {
            int cols = 1 + r.nextInt(r.nextBoolean() ? 20 : 300);
            float[] x = new float[cols], g = new float[cols];
            for (int i = 0; i < cols; i++) {
                x[i] = mode.equals("wild") ? finiteWild(r, p(it), r.nextBoolean() ? 3 : 30) : (float) (30 * r.nextGaussian());
                g[i] = mode.equals("wild") ? finiteWild(r, p(it), 1) : mode.equals("scaled") ? (float) (65536 * r.nextGaussian()) : 0f;
            }
            if (mode.equals("nll")) g[r.nextInt(cols)] = -1024f;
            float[] y = new float[cols], o = new float[cols], gy = new float[cols], go = new float[cols];
            Softmax.softmax(x, y, 1, cols);
            Softmax.logSoftmax(x, o, 1, cols);
            Softmax.softmaxBackward(y, g, gy, 1, cols);
            Softmax.logSoftmaxBackward(o, g, go, 1, cols);
            double[] ref = new double[cols], terms = new double[cols];
            for (int k = 0; k < 2; k++) {
                if (k == 0) SoftmaxOracle.softmaxBackward(y, g, 0, cols, ref, terms);
                else SoftmaxOracle.logSoftmaxBackward(o, g, 0, cols, ref, terms);
                float[] got = k == 0 ? gy : go;
                for (int j = 0; j < cols; j++) {
                    double e = terms[j] == 0 ? (got[j] == 0 ? 0 : Double.POSITIVE_INFINITY)
                            : !Double.isFinite(terms[j]) || Double.isInfinite((float) ref[j]) ? SoftmaxOracle.ulpError(got[j], ref[j])
                            : Math.abs(got[j] - ref[j]) / SoftmaxOracle.ulpOf(terms[j]);
                    worst[k].add(e, "it=" + it + " j=" + j + " cols=" + cols + " g=" + g[j] + " got " + got[j] + " exact " + ref[j]);
                }
            }
        }
        worst[0].print();
        worst[1].print();
    }

    static void activations(Random r, int rounds, boolean betaOne) {
        Worst[] w = {new Worst("softplus", Activations.MAX_ULP_SOFTPLUS), new Worst("softplusBackward", 4),
                new Worst("leakyRelu", Activations.MAX_ULP_LEAKY_RELU), new Worst("leakyReluBackward", 0.5)};
        for (int it = 0; it < rounds; it++) {
            int n = 1 + r.nextInt(200);
            float[] x = new float[n], g = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = wild(r, p(it), 5);
                g[i] = wild(r, p(it), 1);
            }
            float beta = 1f;
            if (!betaOne) do beta = Math.abs(wild(r, 0.7, 2)); while (!(beta > 0 && Float.isFinite(beta)));
            float thr;
            do thr = wild(r, 0.5, 20); while (Float.isNaN(thr));
            float alpha = finiteWild(r, 0.5, 0.1);
            float[] y = new float[n], gi = new float[n], ly = new float[n], lg = new float[n];
            Activations.softplus(x, y, beta, thr);
            Activations.softplusBackward(x, g, gi, beta, thr);
            Activations.leakyRelu(x, ly, alpha);
            Activations.leakyReluBackward(x, g, lg, alpha);
            for (int i = 0; i < n; i++) {
                String at = "x=" + x[i] + " g=" + g[i] + " beta=" + beta + " threshold=" + thr + " alpha=" + alpha;
                w[0].add(SoftmaxOracle.ulpError(y[i], ActivationOracle.softplus(x[i], beta, thr)), at);
                w[1].add(SoftmaxOracle.ulpError(gi[i], ActivationOracle.softplusBackward(x[i], g[i], beta, thr)), at);
                w[2].add(SoftmaxOracle.ulpError(ly[i], ActivationOracle.leakyRelu(x[i], alpha)), at);
                w[3].add(SoftmaxOracle.ulpError(lg[i], ActivationOracle.leakyReluBackward(x[i], g[i], alpha)), at);
            }
        }
        for (Worst k : w) k.print();
    }

    public static void main(String[] a) {
        Random r = new Random(Long.parseLong(a[1]));
        int rounds = Integer.parseInt(a[2]);
        switch (a[0]) {
            case "rows" -> rows(r, rounds);
            case "bce" -> bce(r, rounds, Float.parseFloat(a[3]));
            case "ce" -> ce(r, rounds, Float.parseFloat(a[3]));
            case "ceGrad" -> ceGrad(r, rounds, Float.parseFloat(a[3]));
            case "backward" -> backward(r, rounds, a[3]);
            case "activations" -> activations(r, rounds, a[3].equals("one"));
            default -> throw new IllegalArgumentException(a[0]);
        }
    }
}
