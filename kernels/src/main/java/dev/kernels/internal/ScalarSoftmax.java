package dev.kernels.internal;

import static dev.kernels.internal.MathConstants.EXP_MAGIC_F;
import static dev.kernels.internal.MathConstants.LN2_HI_D;
import static dev.kernels.internal.MathConstants.LN2_HI_F;
import static dev.kernels.internal.MathConstants.LN2_LO_D;
import static dev.kernels.internal.MathConstants.LN2_LO_F;
import static dev.kernels.internal.MathConstants.LOG2E_F;
import static dev.kernels.internal.MathConstants.SQRT_HALF_BITS;
import static dev.kernels.internal.SoftmaxConstants.*;

/**
 * The scalar twin of the row-wise softmax family and of the fused losses. The row logic (what is summed, how the
 * sums become outputs) lives here only; the per-row passes are small overridable methods, and {@code PanamaSoftmax}
 * replaces exactly those passes with vector bodies that produce the same bits.
 *
 * <p>Bit-exactness rules every pass keeps: element-wise values use the same float operations and fmas in both
 * twins; every row sum is accumulated in binary64 in 16 partials, element j of the row into partial j % 16, in
 * increasing j, and the partials are combined by the fixed tree {@link #tree} (p[l] += p[l + h] for h = 8, 4, 2, 1).
 * Maxima are order-independent ({@link Math#max} semantics). Tie counts are integers.
 */
public class ScalarSoftmax implements SoftmaxSupport {
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[2 * PARTIALS]);

    // ============================================================================================ element functions

    /** e^(d + lo) for d &le; 0 (or NaN), |lo| &le; ulp(d)/2; d below -104 (including -inf) gives +0. */
    public static float expNeg(float d, float lo) {
        return unscale(expNegScaled(d, lo));
    }

    /**
     * u = e^(d + lo) * 2^64, a normal float for every d &le; 0 (d is clamped at -104, where e itself rounds to +0): the
     * row sums add u in binary64 and scale by 2^-64 once, so a subnormal e never costs accuracy or an integer detour.
     */
    public static float expNegScaled(float d, float lo) {
        return expNegScaled(d, lo, true);
    }

    /**
     * u = e^(d + lo) 2^64 as {@link #expNegScaled}, by VectorMath.exp's polynomial 1 + r (1 + r P(r)) on r = rHi + rLo
     * rounded once, instead of the compensated 1 + c: the term of the softmax family's row sums. 6 vector operations
     * fewer per element in its exp pass, for about 0.9 instead of 0.77 ULP per term (their bounds are 4 ULP);
     * p 2^(n+64) is exact (p in [0.7, 1.42], n in [-150, 0]).
     */
    public static float expNegScaledHorner(float d, float lo) {
        return expNegScaled(d, lo, false);
    }

    /** The two forms share the reduction and the scale; only e^r differs. */
    private static float expNegScaled(float d, float lo, boolean compensated) {
        float loc = d >= EXP_NEG_MIN ? lo : 0f; // lo is NaN for d = -inf (inf - inf): drop it with the clamp
        float dc = Math.max(d, EXP_NEG_MIN);
        float nb = Math.fma(dc, LOG2E_F, EXP_MAGIC_F);
        float n = nb - EXP_MAGIC_F;
        float rHi = Math.fma(n, -LN2_HI_F, dc);
        float rLo = Math.fma(n, -LN2_LO_F, loc);
        // n in [-150, 0]: 2^(n+64) and 2^-64 are both normal, one path for normal and subnormal results
        float s1 = Float.intBitsToFloat((Float.floatToRawIntBits(nb) + EXP_NEG_SCALE_BIAS) << 23);
        if (!compensated) return ScalarMath.expPolyF(rHi + rLo) * s1;
        float hi = 1f + rHi;
        float c = ScalarMath.expTail(rHi, rLo, hi);
        return Math.fma(c, s1, hi * s1);
    }

    /**
     * u = e^d 2^64 for d in [-131, 0] (n in [-189, 0]: 2^(n+64) and p 2^(n+64) are normal), by ScalarMath.exp's
     * reduction and polynomial: equal to exp(d) 2^64 where that is normal, unrounded where exp(d) is subnormal. The
     * terms below e^-104 that expSum leaves out ({@link #withFarTerms}) and logSoftmaxBackward's tiny e.
     */
    static float expFarScaled(float d) {
        float nb = Math.fma(d, LOG2E_F, EXP_MAGIC_F);
        float n = nb - EXP_MAGIC_F;
        float r = Math.fma(n, -LN2_LO_F, Math.fma(n, -LN2_HI_F, d));
        float s1 = Float.intBitsToFloat((Float.floatToRawIntBits(nb) + EXP_NEG_SCALE_BIAS) << 23);
        return ScalarMath.expPolyF(r) * s1;
    }

    /** e = u * 2^-64 from u of {@link #expNegScaled}, rounded once, without subnormal float arithmetic. */
    public static float unscale(float u) {
        // subnormal results rounded by integer means (2^23 magic), bit-identical to u * 2^-64 but without the slow
        // subnormal arithmetic of x86; the vector twin does the same
        if (u < EXP_NEG_U_MIN) {
            return Float.intBitsToFloat(Float.floatToRawIntBits(Math.fma(u, EXP_NEG_TO_SUBNORMAL, 0x1p23f)) - 0x4b000000);
        }
        return u * EXP_NEG_SCALE_DOWN;
    }

    /** log(1 + t) in binary64 for t &ge; 0, relatively accurate for tiny t (the max term kept out of t). */
    public static double log1pD(double t) {
        double w = 1.0 + t;
        double c = t - (w - 1.0); // what 1 + t lost; exact
        return ScalarMath.logD(w) + c / w;
    }

    /**
     * log(k + t): k = number of row elements equal to the max (each contributes exactly 1), t = sum of the other
     * exp(x - max). With k = 1 it is log1p(t), accurate even when t is far below 2^-24 (log-softmax of a dominant
     * logit). NaN when t is NaN or k = 0 (a NaN row).
     */
    public static double logOfSum(int k, double t) {
        if (!(t >= 0.0) || k == 0) return Double.NaN;
        return k == 1 ? log1pD(t) : ScalarMath.logD(k + t);
    }

    /**
     * log1p(e) for e = {@link #expNeg}(-|z|, 0) in [0, 1], in float: w1 = 1 + e in [1, 2] gives ScalarMath.logCore's
     * exponent k = 0 or 1, so hi = k LN2_HI + f is exact (multiples of 2^-24 below 1), and the other terms (k LN2_LO,
     * the polynomial, -f^2/2, what 1 + e lost over w1) are rounded once into lo: 1.62 ULP max over all floats, most of
     * it e's own rounding (logCore(w1) + (bits lost) / w1 gave 2.01; carrying e's low part too gave 1.14 at 13% more
     * time). The vector twins compute e at 2^n where it is normal: the same rounding as expNeg's u 2^-64.
     */
    static float softplusNegAbs(float e) {
        float w1 = 1f + e;
        float cc = e - (w1 - 1f); // exact: 1 + e lost these bits
        float r = 1f / w1;
        int ix = Float.floatToRawIntBits(w1) - SQRT_HALF_BITS;
        float k = (float) (ix >> 23);
        float f = Float.intBitsToFloat((ix & 0x007fffff) + SQRT_HALF_BITS) - 1f;
        float f2 = f * f;
        float b = Math.fma(k, LN2_LO_F, f2 * f * ScalarMath.logPolyF(f, f2));
        float t = Math.fma(f, -0.5f * f, b); // b - f^2/2, f^2 exact inside the fma
        return Math.fma(k, LN2_HI_F, f) + Math.fma(cc, r, t);
    }

    /** A +inf logit makes the row NaN (inf - inf, as PyTorch): its own term is a "tie" and would be skipped. */
    static double plusInfIsNaN(float m, double t) {
        return m == Float.POSITIVE_INFINITY ? Double.NaN : t;
    }

    // ================================================================================================= partial sums

    static double[] scratch() {
        return SCRATCH.get();
    }

    /** The fixed combination of the 16 partials: p[l] += p[l + h] for h = 8, 4, 2, 1; returns p[0]. */
    public static double tree(double[] p) {
        for (int h = PARTIALS / 2; h >= 1; h >>= 1) {
            for (int l = 0; l < h; l++) p[l] += p[l + h];
        }
        return p[0];
    }

    static void clear(double[] p) {
        for (int i = 0; i < PARTIALS; i++) p[i] = 0.0;
    }

    // ======================================================================================= passes (overridable)

    /** Pass 1: the row max m (Math.max semantics: NaN wins, +0 over -0). */
    protected float rowMax(float[] x, int o, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) m = Math.max(m, x[o + j]);
        return m;
    }

    /** The number k of elements == m that the last expSum or expSumD into p counted (they leave it in p[TIES]). */
    static int ties(double[] p) {
        return (int) p[TIES];
    }

    /**
     * Pass 2: stores the scaled u_j = exp(x_j - m) 2^64 (always normal; {@link #unscale} gives e_j) to y if not
     * null, and returns t = sum of e_j over x_j != m. The sum adds the u_j (terms below 2^-150, d &lt; -104, left
     * out; NaN kept) and scales once. The max terms are counted instead: k is left in p[TIES], which every override
     * must write (callers read it with {@link #ties}).
     */
    protected double expSum(float[] x, int xo, int n, float m, float[] y, int yo, double[] p) {
        clear(p);
        int k = 0;
        for (int j = 0; j < n; j++) {
            float xj = x[xo + j];
            float d = xj - m;
            float bv = d - xj;
            float av = d - bv;
            float lo = (xj - av) - (bv + m); // TwoSum error of x + (-m)
            float u = expNegScaledHorner(d, lo);
            if (y != null) y[yo + j] = u;
            if (xj == m) k++;
            p[j & 15] += xj == m || d < EXP_NEG_MIN ? 0.0 : (double) u; // the max terms (exactly 1 each) stay out of t
        }
        p[TIES] = k;
        return tree(p) * EXP_NEG_SUM_SCALE_DOWN;
    }

    /**
     * Pass 2 of logSumExp: t = sum over x_j != m of exp(x_j - m), every term in binary64 (x_j - m exact, e^d to about
     * 2^-45; terms below e^-708 left out). m + log(k + t) may cancel to near 0, so t needs more than binary32 terms.
     * For a finite m, so no x_j is NaN. Counts the max terms into p[TIES] as expSum does.
     */
    protected double expSumD(float[] x, int xo, int n, float m, double[] p) {
        clear(p);
        int k = 0;
        double md = m;
        for (int j = 0; j < n; j++) {
            float xj = x[xo + j];
            double d = (double) xj - md;
            if (xj == m) k++;
            p[j & 15] += xj == m || d < EXP_D_NEG_MIN ? 0.0 : ScalarMath.expD(d);
        }
        p[TIES] = k;
        return tree(p);
    }

    /**
     * t plus the terms expSum left out, x_j - m in [-131, -104), where they matter: with a single max (k = 1) and
     * t below n 2^-120, log1p(t) ~ t is tiny or subnormal and a few hundred such terms (each below half the smallest
     * subnormal) move it by hundreds of subnormal ulps (rows whose other logits all lie 88-150 below the max: 310 ULP
     * on the max's log-probability before); below -131 a term is under 2^-189. A pass of its own, so the exp pass
     * keeps its clamp at -104 and every u it stores at least 2^-86 (a clamp at -131 there made cross-entropy's
     * gradient multiply u near 2^-125: assists, 4.1-4.7x on N(0,30) rows).
     */
    final double withFarTerms(float[] x, int xo, int n, float m, double t, int k, double[] p) {
        if (k != 1 || !(t < n * FAR_T_PER_TERM)) return t;
        clear(p);
        farTerms(x, xo, 0, n, m, p);
        return t + tree(p) * EXP_NEG_SUM_SCALE_DOWN; // + 0.0 where there are none: t unchanged
    }

    /** Adds u_j = {@link #expFarScaled}(x_j - m) for the x_j - m (in float) in [-131, -104), j in [from, n), to p[j % 16]. */
    protected void farTerms(float[] x, int xo, int from, int n, float m, double[] p) {
        for (int j = from; j < n; j++) {
            float d = x[xo + j] - m;
            if (d >= EXP_FAR_MIN && d < EXP_NEG_MIN) p[j & 15] += expFarScaled(d);
        }
    }

    /**
     * Pass 3 of softmax (and the unsmoothed cross-entropy gradient): y_j = u_j r 2^-64 rounded once, u_j = e_j 2^64
     * as expSum left it, r in [2^-40, 1]. u_j r is normal (u_j &ge; 2^-86), so no step does subnormal float arithmetic.
     */
    protected void scale(float[] y, int yo, int n, float r) {
        float rSub = r * EXP_NEG_TO_SUBNORMAL; // exact
        for (int j = 0; j < n; j++) y[yo + j] = scaleDown(y[yo + j], r, rSub);
    }

    /** u r 2^-64 rounded once: a product below 2^-62 gives a subnormal, rounded as the integer u r 2^85 = y 2^149. */
    static float scaleDown(float u, float r, float rSub) {
        float pr = u * r;
        if (pr < EXP_NEG_U_MIN) {
            return Float.intBitsToFloat(Float.floatToRawIntBits(Math.fma(u, rSub, 0x1p23f)) - 0x4b000000);
        }
        return pr * EXP_NEG_SCALE_DOWN;
    }

    /** Pass 3 of log-softmax: y_j = (x_j - m) - lf. */
    protected void shiftLog(float[] x, int xo, float[] y, int yo, int n, float m, float lf) {
        for (int j = 0; j < n; j++) y[yo + j] = (x[xo + j] - m) - lf;
    }

    /** sum_j (double) a_j * (double) b_j (b null: sum_j a_j); every product is exact in binary64. */
    protected double dot(float[] a, int ao, float[] b, int bo, int n) {
        double[] p = scratch();
        clear(p);
        for (int j = 0; j < n; j++) {
            double v = b == null ? (double) a[ao + j] : (double) a[ao + j] * (double) b[bo + j];
            p[j & 15] += v;
        }
        return tree(p);
    }

    /** gi_j = y_j * (g_j - s). */
    protected void softmaxBackwardRow(float[] y, int yo, float[] g, int go, float[] gi, int gio, int n, float s) {
        for (int j = 0; j < n; j++) gi[gio + j] = y[yo + j] * (g[go + j] - s);
    }

    /** gi_j = {@link #logSoftmaxGradIn}(o_j, s, g_j). */
    protected void logSoftmaxBackwardRow(float[] o, int oo, float[] g, int go, float[] gi, int gio, int n, float s) {
        for (int j = 0; j < n; j++) gi[gio + j] = logSoftmaxGradIn(o[oo + j], s, g[go + j]);
    }

    /**
     * g - e^o s rounded once. Where e^o is subnormal (o &lt; -87) and |s| in [2^-60, 2^39], e enters unrounded, as
     * u = e^o 2^64 ({@link #expFarScaled}, down to {@link #lsbScaledOMin}; below, e |s| &lt; 2^-150) times s 2^-64 (exact): the
     * fma of a subnormal-rounded e with |s| above 1 kept that rounding, up to 512 ulp of a gradient of 1.4e-38 (an NLL
     * gradOut of -1024 on N(0,30) rows). For finite |s| above 2^39 (sums of huge gradOut) e s is formed in binary64
     * (e^o to about 2^-45 down to o = -708; it was 0 below o = -104, a gradient of 1e-20 for 5e-14), its one
     * rounding to float after binary64's. Elsewhere e is normal (u 2^-64 = e: the same value) or |s| below 2^-60
     * (e s below 2^-186) or not finite.
     */
    static float logSoftmaxGradIn(float o, float s, float g) {
        float sa = Math.abs(s);
        if (!(o < LSB_SCALED_O_MAX) || !(sa >= LSB_SCALED_S_MIN && sa <= Float.MAX_VALUE)) {
            return Math.fma(-ScalarMath.exp(o), s, g);
        }
        if (sa > FAR_FACTOR_MAX) { // the vector twin's scaled form sends such rows here lane by lane
            return (float) ((double) g - (o < EXP_D_NEG_MIN ? 0.0 : ScalarMath.expD(o)) * (double) s);
        }
        float u = o < lsbScaledOMin(s) ? 0f : expFarScaled(o);
        return Math.fma(-u, s * EXP_NEG_SCALE_DOWN, g);
    }

    /**
     * The o below which logSoftmaxGradIn's scaled form takes e^o as 0: e^o |s| &lt; 2^-150 there (|s| &lt; 2^(k+1),
     * k = s's exponent), and at and above it u |s| = e^o 2^64 |s| &ge; 2^-88, so no product is subnormal (a fixed -131
     * made u s subnormal for |s| &lt; 1: Intel assists, N(0,30) rows 1.5-1.8x); never below -131 (u normal), nor
     * above -87, below which the scaled form starts (above it u 2^-64 = e exactly; for |s| &ge; 2^-60, u |s| &ge; 2^-122).
     */
    static float lsbScaledOMin(float s) {
        return farOMin(s, LSB_SCALED_O_MAX);
    }

    /**
     * The target sums of cross-entropy, sum_j a_j (m - x_j) in binary64, partial j % 16: a_j = {@link #softTarget}
     * of q_j with q, else w_j (1 without w); without x the factor m - x_j is 1 (the sum of the a_j). Every term is
     * &ge; 0 for x_j &le; m and a_j &ge; 0.
     */
    protected double targetSum(float[] x, int xo, float[] q, int qo, int n, float m, float[] w, float omEps,
                               float epsC) {
        double[] p = scratch();
        clear(p);
        double md = m;
        for (int j = 0; j < n; j++) p[j & 15] += targetTerm(x, xo, q, qo, j, md, w, omEps, epsC);
        return tree(p);
    }

    /** Term j of {@link #targetSum}: a_j (m - x_j), a_j in float, the product in binary64 (also the vector tails'). */
    static double targetTerm(float[] x, int xo, float[] q, int qo, int j, double md, float[] w, float omEps,
                             float epsC) {
        float a = q != null ? softTarget(q[qo + j], w, j, omEps, epsC) : w != null ? w[j] : 1f;
        return (double) a * (x != null ? md - (double) x[xo + j] : 1.0);
    }

    /**
     * Cross-entropy gradient row from the u_j expSum left in g: g_j = e_j * cA (no smoothing; {@link #ceGradAbove1}
     * for cA &gt; 1) or fma(e_j, cA, -(w_j * sEps)), e_j = unscale(u_j).
     */
    protected void ceGradRow(float[] x, int xo, float m, float[] g, int go, int n, float cA, boolean smooth,
                             float[] w, float sEps) {
        if (!smooth && cA >= CE_SCALE_MIN && cA <= 1f) { // the usual case: softmax's one rounding of u cA 2^-64
            scale(g, go, n, cA);
            return;
        }
        if (!smooth && cA > 1f) {
            ceGradAbove1(x, xo, m, g, go, 0, n, cA);
            return;
        }
        if (!smooth) {
            for (int j = 0; j < n; j++) g[go + j] = unscale(g[go + j]) * cA;
        } else if (w == null) {
            for (int j = 0; j < n; j++) g[go + j] = Math.fma(unscale(g[go + j]), cA, -sEps);
        } else {
            for (int j = 0; j < n; j++) g[go + j] = Math.fma(unscale(g[go + j]), cA, -(w[j] * sEps));
        }
    }

    /**
     * Unsmoothed gradients e_j cA for cA &gt; 1 (class weights or a gradient scale above the row sum), j in [from, n),
     * rounded once: u_j (cA 2^-64), u_j = e_j 2^64 unrounded, as expSum stored it for x_j - m &ge; -104 and
     * {@link #expFarScaled} below, down to {@link #farOMin}(cA) (under it e cA &lt; 2^-150). unscale(u) cA rounded e
     * at subnormal spacing first and took the clamp at -104 as e: 505 ulp of 8e-39 with class weights up to 1024,
     * and its subnormal factor cost Intel assists (N(0,30) rows with weights 4 and SUM: 4.6x their MEAN time). For
     * cA above 2^39 (e^-131 cA could reach 2^-150) e_j cA is formed in binary64.
     */
    static void ceGradAbove1(float[] x, int xo, float m, float[] g, int go, int from, int n, float cA) {
        if (cA > FAR_FACTOR_MAX) {
            double md = m;
            for (int j = from; j < n; j++) {
                double d = (double) x[xo + j] - md;
                g[go + j] = (float) (d < EXP_D_NEG_MIN ? 0.0 : ScalarMath.expD(d) * cA);
            }
            return;
        }
        float oMin = farOMin(cA, EXP_NEG_MIN);
        float c64 = cA * EXP_NEG_SCALE_DOWN;
        for (int j = from; j < n; j++) {
            float d = x[xo + j] - m;
            float u = d >= EXP_NEG_MIN ? g[go + j] : d >= oMin ? expFarScaled(d) : 0f;
            g[go + j] = u * c64;
        }
    }

    /**
     * The d below which e^d f (f &ge; 2^-60) is taken as 0: e^d |f| &lt; 2^-150 there (|f| &lt; 2^(k+1), k = f's
     * exponent), and at and above it e^d 2^64 |f| &ge; 2^-88, so no product with u = e^d 2^64 is subnormal; within
     * [-131, hi] (u normal; at and above hi the caller's u is exact anyway). Two edges give one subnormal ulp at
     * most instead of none: the clamp at -131 for |f| in (2^38.993, 2^39] (e^-131 = 2^-188.993), and the float
     * rounding of (-151 - k) ln 2 for |f| just below 2^(k+1).
     */
    static float farOMin(float f, float hi) {
        float o = (float) ((-151 - Math.getExponent(f)) * (LN2_HI_D + LN2_LO_D));
        return Math.min(hi, Math.max(EXP_FAR_MIN, o));
    }

    /**
     * One BCE row: writes per-element losses (lossOut != null) and gradients (grad != null), returns the row sum of
     * the binary64 losses (16 partials + tree). See {@link #bceLoss} and {@link #bceGrad} for the element formulas.
     */
    protected double bceRow(float[] z, int zo, float[] t, int to, float[] w, int wo, float[] pw, int n,
                            float[] lossOut, int lo, float[] grad, int go, float sf) {
        double[] p = scratch();
        clear(p);
        bceElements(z, zo, t, to, w, wo, pw, 0, n, lossOut, lo, grad, go, sf, p);
        return tree(p);
    }

    /** Elements [from, n) of a BCE row: outputs written, each binary64 loss added to partial p[j % 16]. */
    static void bceElements(float[] z, int zo, float[] t, int to, float[] w, int wo, float[] pw, int from, int n,
                            float[] lossOut, int lo, float[] grad, int go, float sf, double[] p) {
        for (int j = from; j < n; j++) {
            float zj = z[zo + j];
            float yj = t[to + j];
            float wj = w == null ? 1f : w[wo + j];
            float pj = pw == null ? 1f : pw[j];
            float a = Math.abs(zj);
            float e = expNeg(-a, 0f);
            float sp = softplusNegAbs(e);
            // with posWeight a subnormal e (sp = e) enters the binary64 loss unrounded
            double loss = pw == null ? bceLossF(zj, yj, wj, a, e, sp)
                    : bceLoss(zj, yj, wj, pj, a, e < Float.MIN_NORMAL ? bceFarScaled(a) * EXP_NEG_SUM_SCALE_DOWN : sp);
            if (lossOut != null) lossOut[lo + j] = (float) loss;
            if (grad != null) grad[go + j] = bceGrad(zj, yj, w == null ? sf : wj * sf, pw != null, pj, e);
            p[j & 15] += loss;
        }
    }

    /**
     * u = e^-a 2^64 for a &gt; 87 (where BCE's e = {@link #expNeg}(-a) may be subnormal): {@link #expFarScaled}(-a) down
     * to a = 131, 0 beyond (e^-131 f &le; 2^-149.99 for factors f &le; FAR_FACTOR_MAX: one subnormal ulp at most, near
     * f = 2^39, as {@link #farOMin}'s clamp). BCE's weighted products of a
     * subnormal e are formed from it, rounded once, as cross-entropy's gradient is.
     */
    static float bceFarScaled(float a) {
        return a <= -EXP_FAR_MIN ? expFarScaled(-a) : 0f;
    }

    /**
     * f (e^-a - y) rounded once, for a subnormal float e^-a, |y| &lt; 2^-60 and f in (1, FAR_FACTOR_MAX]: u - y 2^64
     * (u = {@link #bceFarScaled}(a); one rounding, none for y = 0) times f 2^-64, the product rounded once (binary64
     * holds it exactly); in binary64 for f above FAR_FACTOR_MAX. A subnormal e rounded first kept its rounding
     * through f: 68 ULP of a loss of 7e-42 with w = pw = 16.
     */
    static float bceTimesTiny(float a, float y, float f) {
        if (f > FAR_FACTOR_MAX) return (float) (((a > -EXP_D_NEG_MIN ? 0.0 : ScalarMath.expD(-a)) - y) * f);
        float d64 = bceFarScaled(a) - y * 0x1p64f;
        return (float) ((double) d64 * f * EXP_NEG_SUM_SCALE_DOWN);
    }

    /**
     * w * (lin + lw * sp) in binary64, lin = (1 - y) |z| for z &ge; 0, pw y |z| for z &lt; 0, lw = pw y + (1 - y),
     * sp = log1p(exp(-|z|)): PyTorch's (1 - y) z + lw softplus(-z) rearranged so that for y, pw &ge; 0 both terms are
     * &ge; 0 (no cancellation, no overflow for any finite z). Where e = exp(-|z|) is subnormal, sp = e is passed
     * unrounded ({@link #bceFarScaled} 2^-64), so w lw &gt; 1 does not scale a subnormal rounding; e^-|z| below e^-131 is
     * left out, which costs one subnormal ulp at most for w lw &le; FAR_FACTOR_MAX.
     */
    static double bceLoss(float z, float y, float w, float pw, float a, double sp) {
        double ad = a;
        double yd = y;
        double pwd = pw;
        double lin = z >= 0f ? (1.0 - yd) * ad : (pwd * yd) * ad;
        // both terms exact and >= 0 for y in [0, 1]; 1 + (pw - 1) y lost bits of pw < 2^-30 (all of them below 2^-54)
        double lw = pwd * yd + (1.0 - yd);
        return (double) w * (lin + lw * sp);
    }

    /**
     * Without posWeight: w fma(c, |z|, sp), c = 1 - y for z &ge; 0, y for z &lt; 0 (lw = 1). For y in [0, 1] both terms
     * are &ge; 0: at most 0.5 ULP for the fma, 1.62 for sp, 1 for a rounded 1 - y (0.5 more with w). With the same sp,
     * the same value as {@link #bceLoss} rounded to float except where 1 - y or the binary64 sum rounds (3 of the 196
     * seeded batch digests, equal max errors), and the vector pass needs no binary64 blends, so every width runs it.
     * Where c = 0, |z| is finite, e = exp(-|z|) is subnormal and w &gt; 1, the loss w e is {@link #bceTimesTiny}.
     */
    static float bceLossF(float z, float y, float w, float a, float e, float sp) {
        float c = z >= 0f ? 1f - y : y;
        if (c == 0f && w > 1f && e < Float.MIN_NORMAL && a <= Float.MAX_VALUE) return bceTimesTiny(a, 0f, w);
        return w * Math.fma(c, a, sp);
    }

    /**
     * (sigma(z) - y) * ws, or with pos_weight fma(pw y + 1 - y, sigma, -pw y) * ws (PyTorch's form); e = exp(-|z|).
     * Where sigma = e is subnormal (z &lt; -87) and the result is f (e - y) with |y| &lt; 2^-60 and f = ws &gt; 1, or
     * with pos_weight f e with pw y = 0 and f = (pw y + 1 - y) ws &gt; 1, it is {@link #bceTimesTiny}: e unrounded.
     * With pos_weight, a subnormal pw y beside sigma &lt; 2^-100 is taken exactly, in binary64.
     */
    static float bceGrad(float z, float y, float ws, boolean hasPw, float pw, float e) {
        boolean tiny = z < 0f && e < Float.MIN_NORMAL;
        float r = 1f / (1f + e);
        float sigma = z >= 0f ? r : e * r; // sigma(-|z|) = e / (1 + e): never 1 - tiny, never overflows
        if (!hasPw) {
            if (tiny && ws > 1f && Math.abs(y) < 0x1p-60f) return bceTimesTiny(-z, y, ws);
            return (sigma - y) * ws;
        }
        float aCoef = Math.fma(pw, y, 1f - y);
        float b = -(pw * y);
        if (tiny && b == 0f && aCoef * ws > 1f) return bceTimesTiny(-z, 0f, aCoef * ws);
        if (b != 0f && Math.abs(b) < Float.MIN_NORMAL && sigma < 0x1p-100f) {
            // pw y subnormal (a posWeight or target below 2^-126) and A sigma no larger: binary64, not B rounded at
            // subnormal spacing and then scaled by ws (7.9 ulp of the terms with w = 16, 20 with w = 1024)
            double s = tiny ? bceFarScaled(-z) * EXP_NEG_SUM_SCALE_DOWN : sigma;
            return (float) (((double) aCoef * s - (double) pw * y) * ws);
        }
        return Math.fma(aCoef, sigma, b) * ws;
    }

    // ============================================================================================ row-wise kernels

    @Override
    public void softmax(float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int rows, int cols) {
        double[] p = scratch();
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * xStride;
            int yo = yOff + r * yStride;
            float m = rowMax(x, xo, cols);
            double t = plusInfIsNaN(m, expSum(x, xo, cols, m, y, yo, p));
            // the max terms are exactly 1 each: s = k + t exactly enough, one rounding to the float reciprocal
            scale(y, yo, cols, (float) (1.0 / (ties(p) + t)));
        }
    }

    @Override
    public void logSoftmax(float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int rows, int cols) {
        double[] p = scratch();
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * xStride;
            int yo = yOff + r * yStride;
            float m = rowMax(x, xo, cols);
            double t = plusInfIsNaN(m, expSum(x, xo, cols, m, null, 0, p));
            int k = ties(p);
            t = withFarTerms(x, xo, cols, m, t, k, p);
            shiftLog(x, xo, y, yo, cols, m, (float) logOfSum(k, t));
        }
    }

    @Override
    public void logSumExp(float[] x, int xOff, int xStride, float[] out, int outOff, int rows, int cols) {
        double[] p = scratch();
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * xStride;
            float m = rowMax(x, xo, cols);
            if (Float.isInfinite(m) || Float.isNaN(m)) {
                out[outOff + r] = m; // all -inf: log 0 = -inf; any +inf: +inf; NaN: NaN (as torch.logsumexp)
                continue;
            }
            double t = expSumD(x, xo, cols, m, p);
            out[outOff + r] = (float) ((double) m + logOfSum(ties(p), t));
        }
    }

    @Override
    public void softmaxBackward(float[] y, int yOff, int yStride, float[] g, int gOff, int gStride,
                                float[] gi, int giOff, int giStride, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int yo = yOff + r * yStride;
            int go = gOff + r * gStride;
            float s = (float) dot(g, go, y, yo, cols);
            softmaxBackwardRow(y, yo, g, go, gi, giOff + r * giStride, cols, s);
        }
    }

    @Override
    public void logSoftmaxBackward(float[] out, int oOff, int oStride, float[] g, int gOff, int gStride,
                                   float[] gi, int giOff, int giStride, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int go = gOff + r * gStride;
            float s = (float) dot(g, go, null, 0, cols);
            logSoftmaxBackwardRow(out, oOff + r * oStride, g, go, gi, giOff + r * giStride, cols, s);
        }
    }

    @Override
    public double crossEntropy(float[] x, int xOff, int xStride, int rows, int cols, int[] labels, int labelOff,
                               int ignoreIndex, float[] w, float smoothing, double weightSum,
                               float[] lossOut, int lossOff, double[] rowLoss, int rowLossOff,
                               float[] grad, int gOff, int gStride, double gradScale) {
        boolean smooth = smoothing != 0f;
        double oneMinusEps = 1.0 - (double) smoothing;
        double epsC = (double) smoothing / cols;
        float sEps = (float) (gradScale * epsC);
        double total = 0.0;
        double[] p = scratch();
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * xStride;
            int go = gOff + r * gStride;
            int label = labels[labelOff + r];
            double loss;
            if (label == ignoreIndex) {
                loss = 0.0;
                if (grad != null) for (int j = 0; j < cols; j++) grad[go + j] = 0f;
            } else {
                float m = rowMax(x, xo, cols);
                double t = plusInfIsNaN(m, expSum(x, xo, cols, m, grad, go, p));
                int k = ties(p);
                t = withFarTerms(x, xo, cols, m, t, k, p);
                double lse = logOfSum(k, t);
                float xy = x[xo + label];
                double wy = w == null ? 1.0 : w[label];
                double nll = ((double) m - (double) xy) + lse; // both terms >= 0: no cancellation
                if (!smooth) {
                    loss = wy * nll;
                } else {
                    double gaps = targetSum(x, xo, null, 0, cols, m, w, 0f, 0f);
                    loss = oneMinusEps * wy * nll + epsC * (gaps + lse * weightSum);
                }
                if (grad != null) {
                    double s = k + t;
                    double aSum = oneMinusEps * wy + epsC * weightSum;
                    float ey = unscale(grad[go + label]);
                    ceGradRow(x, xo, m, grad, go, cols, (float) (gradScale * aSum / s), smooth, w, sEps);
                    // the label entry A p_y - a_y, rearranged so that p_y - 1 never cancels: s - e_y is t itself
                    // when the label is the only max
                    double sMinusEy = xy == m ? (k - 1) + t : s - ey;
                    double ay = oneMinusEps * wy + epsC * wy;
                    double aMinusAy = epsC * (weightSum - wy);
                    grad[go + label] = (float) (gradScale * ((aMinusAy * ey - ay * sMinusEy) / s));
                }
            }
            if (lossOut != null) lossOut[lossOff + r] = (float) loss;
            if (rowLoss != null) rowLoss[rowLossOff + r] = loss;
            total += loss;
        }
        return total;
    }

    @Override
    public double crossEntropySoft(float[] x, int xOff, int xStride, float[] q, int qOff, int qStride, int rows,
                                   int cols, float[] w, float smoothing,
                                   float[] lossOut, int lossOff, double[] rowLoss, int rowLossOff,
                                   float[] grad, int gOff, int gStride, double gradScale) {
        float omEps = 1f - smoothing;
        float epsC = smoothing / cols;
        float sf = (float) gradScale;
        double total = 0.0;
        double[] p = scratch();
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * xStride;
            int qo = qOff + r * qStride;
            int go = gOff + r * gStride;
            float m = rowMax(x, xo, cols);
            double t = plusInfIsNaN(m, expSum(x, xo, cols, m, grad, go, p));
            int k = ties(p); // before p is cleared for the target sums below
            t = withFarTerms(x, xo, cols, m, t, k, p);
            double lse = logOfSum(k, t);
            // a_j = w_j ((1 - eps) q_j + eps / C) in float, then A = sum a_j and B = sum a_j (m - x_j) in binary64
            double aSum = targetSum(null, 0, q, qo, cols, m, w, omEps, epsC);
            double loss = targetSum(x, xo, q, qo, cols, m, w, omEps, epsC) + aSum * lse; // both >= 0 for targets >= 0
            if (grad != null) softGradRow(grad, go, q, qo, cols, w, omEps, epsC, (float) (gradScale * aSum / (k + t)), sf);
            if (lossOut != null) lossOut[lossOff + r] = (float) loss;
            if (rowLoss != null) rowLoss[rowLossOff + r] = loss;
            total += loss;
        }
        return total;
    }

    /** Soft-target gradient: grad_j = e_j cA - a_j sf, e_j = {@link #unscale} of what expSum left in grad. */
    protected void softGradRow(float[] grad, int go, float[] q, int qo, int n, float[] w, float omEps, float epsC,
                               float cA, float sf) {
        for (int j = 0; j < n; j++) {
            grad[go + j] = Math.fma(unscale(grad[go + j]), cA, -(softTarget(q[qo + j], w, j, omEps, epsC) * sf));
        }
    }

    static float softTarget(float q, float[] w, int j, float omEps, float epsC) {
        float a = Math.fma(omEps, q, epsC);
        return w == null ? a : w[j] * a;
    }

    @Override
    public double bce(float[] z, int zOff, float[] t, int tOff, float[] weight, int wOff, float[] posWeight,
                      int n, int cols, float[] lossOut, int lossOff, double[] rowLoss, int rowLossOff,
                      float[] grad, int gOff, double gradScale) {
        float sf = (float) gradScale;
        double total = 0.0;
        int r = 0;
        for (int start = 0; start < n; start += cols, r++) {
            int len = Math.min(cols, n - start);
            double s = bceRow(z, zOff + start, t, tOff + start, weight, wOff + start, posWeight, len,
                    lossOut, lossOff + start, grad, gOff + start, sf);
            if (rowLoss != null) rowLoss[rowLossOff + r] = s;
            total += s;
        }
        return total;
    }
}
