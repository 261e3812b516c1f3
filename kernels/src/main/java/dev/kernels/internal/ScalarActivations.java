package dev.kernels.internal;

import static dev.kernels.internal.ActivationConstants.*;
import static dev.kernels.internal.MathConstants.*;
import static dev.kernels.internal.SoftmaxConstants.EXP_NEG_SCALE_BIAS;

/**
 * The scalar twin of the activation kernels: per-element methods with the same constants, operation order and fused
 * multiply-adds as the lanes of {@code PanamaActivations} (whose tails call them), so every element has the same bits
 * on every path. In binary32: relu/leakyRelu and their derivatives (exact, or one rounding), silu, logSigmoidBackward
 * and softplusBackward with beta = 1, siluBackward ({@link #plainSigmoidFamily}), softplus
 * with beta = 1 and logSigmoid (ScalarSoftmax.softplusNegAbs), sigmoidBackward and tanhBackward in range; everything
 * else, and those outside their binary32 ranges, is evaluated in binary64 and rounded once.
 */
public final class ScalarActivations implements ActivationSupport {

    // ------------------------------------------------------------------------------------------- element functions

    /** x &lt;= 0 (including -0) gives +0; NaN passes through. */
    public static float relu(float x) {
        return x <= 0f ? 0f : x;
    }

    public static float leakyRelu(float x, float alpha) {
        return x <= 0f ? x * alpha : x;
    }

    /** H(a) = e^(a^2/2) Q(a) as the polynomial c in y = (a - k)/(a + k), Horner from the top coefficient. */
    private static double gaussTailH(double a, double k, double[] c) {
        double y = (a - k) / (a + k);
        double h = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) h = Math.fma(h, y, c[i]);
        return h;
    }

    /**
     * H(a) for a in [0, 20], fitted for geluBackward: |P - H| &lt;= 2^-29.65 max(|h|, 0.0178), h(a) = H(a) - a/sqrt(2
     * pi) (the factor of gelu'(-a) it feeds), so H alone is only 2^-21.5 relative where a/sqrt(2 pi) dominates; see
     * {@link ActivationConstants#GELU_BWD_H0}.
     */
    static double gaussTailHBackward(double a) {
        return gaussTailH(a, GELU_BWD_H_K, GELU_BWD_H);
    }

    /** H(a) for a in [0, 14.375] to 2^-27.45 relative, gelu's own; see {@link ActivationConstants#GELU_FWD_H0}. */
    static double gaussTailHForward(double a) {
        return gaussTailH(a, GELU_FWD_H_K, GELU_FWD_H);
    }

    public static float gelu(float x) {
        double xd = x;
        double a = Math.min(Math.abs(xd), GELU_FWD_A_MAX);
        // a*a is exact (24-bit a), so the Gaussian factor carries no argument error however far into the tail
        double q = ScalarMath.expD5((a * a) * -0.5) * gaussTailHForward(a);
        double p = xd >= 0.0 ? 1.0 - q : q; // Phi(x): Q(|x|) directly for x < 0, no cancellation
        return (float) (Math.max(xd, -GELU_FWD_A_MAX) * p);
    }

    public static float geluBackward(float x, float g) {
        double xd = x;
        double a = Math.min(Math.abs(xd), GELU_A_MAX);
        double e = ScalarMath.expD5((a * a) * -0.5);
        double hDirect = Math.fma(a, -INV_SQRT_2PI, gaussTailHBackward(a));
        double d = (a - GELU_ROOT_HI) - GELU_ROOT_LO;
        double w = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                GELU_W5, d, GELU_W4), d, GELU_W3), d, GELU_W2), d, GELU_W1), d, GELU_W0);
        // near the root of gelu' the direct form cancels; the factored form d * W(d) does not
        double h = Math.abs(d) < ROOT_WINDOW ? d * w : hDirect;
        double dd = e * h; // Q(a) - a phi(a) = gelu'(-a)
        double fp = xd >= 0.0 ? 1.0 - dd : dd;
        return (float) (g * fp);
    }

    /**
     * geluTanh(x) = x sigmoid(u), u = 2z = 2K x (1 + C x^2), in binary32 on silu's plain core ({@link
     * #plainSigmoidFamily}). With a = |x| clamped to [2^-30, 11.5] as integers: -|u| = a (NA + NB a^2) as the float
     * pair dc + dl (a^2 split exactly, NB a^2 + NA by TwoSum, the product by a split exactly; 2^-44 relative: past
     * x = -5 a relative error d in u moves the result by |u| d, so a plain binary32 u would cost dozens of ULP);
     * e^-|u| = p 2^n, its reduced argument (dc - n ln2_hi) + (dl - n ln2_lo) rounded once; then 1 + e = w + lo,
     * 1/(w + lo) = r0 (1 + delta), and the numerator x (x &ge; 0) or -a p (x &lt; 0, split exactly) times r0 (1 + delta),
     * rounded once, as silu. The vector loops (tools/gen_panama_activations.py) run the same operations per lane.
     */
    public static float geluTanh(float x) {
        int xBits = Float.floatToRawIntBits(x);
        int aBits = xBits & ~SIGN_BIT_F;
        float a = Float.intBitsToFloat(Math.min(Math.max(aBits, TINY_BITS), GELU_TANH_F_A_MAX_BITS));
        float s = a * a;
        float sl = Math.fma(a, a, -s);
        float bh = s * GELU_TANH_F_NB_HI;
        float bl = Math.fma(s, GELU_TANH_F_NB_HI, -bh);
        float qh = bh + GELU_TANH_F_NA_HI; // TwoSum: either term may be the larger
        float bb = qh - bh;
        float ql = (bh - (qh - bb)) + (GELU_TANH_F_NA_HI - bb)
                + Math.fma(sl, GELU_TANH_F_NB_HI, Math.fma(s, GELU_TANH_F_NB_LO, bl + GELU_TANH_F_NA_LO));
        float dc = a * qh; // -|u|, in [-126.9, -2^-29.3]
        float dl = Math.fma(a, ql, Math.fma(a, qh, -dc));
        float nb = Math.fma(dc, LOG2E_F, EXP_MAGIC_F);
        float n = nb - EXP_MAGIC_F;
        float p = ScalarMath.expPolyF(Math.fma(n, -LN2_HI_F, dc) + Math.fma(n, -LN2_LO_F, dl));
        int sUpBits = (Float.floatToRawIntBits(nb) + EXP_NEG_SCALE_BIAS) << 23; // 2^(n+64), n >= -183
        float sDen = Float.intBitsToFloat(Math.max(sUpBits - (EXP_NEG_SCALE_BIAS << 23), SIGMOID_DEN_MIN_BITS));
        float e = p * sDen;
        float w = 1f + e;
        float lo = e - (w - 1f); // exact: Fast2Sum, 1 >= e
        float r0 = 1f / w;
        float nr0 = -r0;
        float delta = Math.fma(lo, nr0, Math.fma(w, nr0, 1f)); // 1/(w + lo) = r0 (1 + delta + O(2^-46))
        boolean xNeg = x < 0f;
        float na = -a;
        float nph = na * p;
        float nh = xNeg ? nph : x;
        float nl = xNeg ? Math.fma(na, p, -nph) : 0f;
        float core = Math.fma(nh, r0, r0 * Math.fma(nh, delta, nl)); // geluTanh(x), at 2^-n for x < 0
        return halfNearZero(x, xNeg ? -ScalarSoftmax.unscale(-core * Float.intBitsToFloat(sUpBits)) : core);
    }

    /**
     * The end of silu and geluTanh, x f(x) with f(0) = 1/2 and f'(0) &gt; 0: y, except x/2 for |x| &lt; 2^-30 and x for
     * NaN and +inf. There x/2 + c x^2 (c &gt; 0) rounds as x/2, made in integers (it may be subnormal); a tie of a
     * subnormal x/2 is broken by c x^2 &gt; 0: away from 0 for x &gt; 0, towards 0 for x &lt; 0.
     */
    private static float halfNearZero(float x, float y) {
        int xBits = Float.floatToRawIntBits(x);
        int aBits = xBits & ~SIGN_BIT_F;
        int halfBits = aBits >= HALF_EXACT_BITS ? aBits - (1 << 23) : (aBits + (xBits > 0 ? 1 : 0)) >> 1;
        y = aBits < TINY_BITS ? Float.intBitsToFloat(halfBits | (xBits & SIGN_BIT_F)) : y;
        return aBits > INF_BITS || xBits == INF_BITS ? x : y; // NaN, +inf
    }

    public static float geluTanhBackward(float x, float g) {
        double xd = x;
        double xc = Math.min(Math.max(xd, -GELU_TANH_X_MAX), GELU_TANH_X_MAX);
        double x2 = xc * xc;
        double e = ScalarMath.expD5(xc * Math.fma(x2, GELU_TANH_C, 1.0) * GELU_TANH_M2K);
        double s = 1.0 / (1.0 + e);
        // f' = s (1 + 2 x z'(x) (1 - s)), 1 - s = e s
        double hDirect = Math.fma(xc * GELU_TANH_2K * Math.fma(x2, GELU_TANH_3C, 1.0), e * s, 1.0);
        double d = (xc - GELU_TANH_ROOT_HI) - GELU_TANH_ROOT_LO;
        double w = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                GELU_TANH_W5, d, GELU_TANH_W4), d, GELU_TANH_W3), d, GELU_TANH_W2), d, GELU_TANH_W1), d, GELU_TANH_W0);
        double h = Math.abs(d) < ROOT_WINDOW ? d * w : hDirect;
        return (float) (g * (s * h));
    }

    /** What {@link #plainSigmoidFamily} returns. */
    private static final int SILU = 0, LOG_SIGMOID_BACKWARD = 1, SILU_BACKWARD = 2;

    /** x sigmoid(x) in binary32 (see {@link #plainSigmoidFamily}). */
    public static float silu(float x) {
        return plainSigmoidFamily(x, 0f, SILU);
    }

    /**
     * silu(x), g sigmoid(-x) (logSigmoid's derivative, |g| &le; 2^37) or g silu'(x) (|g| &le; 2^29, below) in binary32
     * on exp's plain polynomial and a corrected reciprocal. With a = |x| clamped to [2^-30, 130] as integers (no float
     * op sees a subnormal x): e^-a = p 2^n, p = 1 + r (1 + r P(r)) rounded once (ScalarMath.exp's); 1 + e = w + lo
     * (Fast2Sum, e &le; 1); 1/(w + lo) = r0 (1 + delta) with the exact reciprocal residual. The result is
     * N r0 (1 + delta), rounded once, with N = nh + nl: silu: x for x &ge; 0, -a p 2^n for x &lt; 0; g sigmoid(-x): g
     * for x &lt; 0 (sigmoid(a)), g 2^n p for x &ge; 0 (sigmoid(-a)), products split exactly. Values that may be
     * subnormal are formed at 2^64 (g scaled first, so no partial product underflows before the last rounding) and
     * scaled down by ScalarSoftmax.unscale (subnormal results in integers). p's rounding (up to 2^-24 relative) is the
     * error sigmoid's compensated e^-a avoids; the bounds (2 ULP, siluBackward's 3) have room for it, and the vector
     * loops are some 15 operations shorter than sigmoid's core.
     *
     * <p>g silu'(x) = g sigmoid(x) (1 + x sigmoid(-x)): with c = x sigmoid(-x) / sigmoid(a) (a e for x &ge; 0, -a for
     * x &lt; 0) and h = 1 + c r0 (1 + delta) = hh + hl (hh = 1 + c r0 rounded once by an fma), g S N r0 (1 + delta)
     * (hh + hl), N = 1 and S = 1 for x &ge; 0 (no cancellation: h &ge; 1), N = p and S = 2^(n+64) for x &lt; 0 (scaled
     * down as above), N hh and g S N hh split exactly, rounded once. For x = -a p's rounding (about 2^-24 of e) moves
     * the result by sigmoid(a) (1 + a sigmoid(-a) / h) of it: at most 1.05 outside |x - x0| &lt; 1/2 (x0 = -1.278, the
     * root), where h = d + d^2 P(d), d = x - x0 = dh - lo (dh = x - hi exact: Sterbenz). siluBackward ran on sigmoid's
     * compensated core before (ScalarMath.sigmoid's, 2.44 ULP, a window of 1/32), some 20 vector operations more.
     */
    private static float plainSigmoidFamily(float x, float g, int kind) {
        int xBits = Float.floatToRawIntBits(x);
        int dBits = xBits | SIGN_BIT_F; // -|x|: as a signed int, larger for larger |x|
        float dc = Float.intBitsToFloat(Math.min(Math.max(dBits, NEG_TINY_BITS), SIGMOID_NEG_MIN_BITS)); // -a
        float nb = Math.fma(dc, LOG2E_F, EXP_MAGIC_F);
        float n = nb - EXP_MAGIC_F;
        float p = ScalarMath.expPolyF(Math.fma(n, -LN2_LO_F, Math.fma(n, -LN2_HI_F, dc)));
        int sUpBits = (Float.floatToRawIntBits(nb) + EXP_NEG_SCALE_BIAS) << 23; // 2^(n+64)
        // the denominator's 2^n stays normal: below 2^-60, e changes 1 + e by less than 2^-60 relative either way
        float sDen = Float.intBitsToFloat(Math.max(sUpBits - (EXP_NEG_SCALE_BIAS << 23), SIGMOID_DEN_MIN_BITS));
        float e = p * sDen;
        float w = 1f + e;
        float lo = e - (w - 1f); // exact: Fast2Sum, 1 >= e
        float r0 = 1f / w;
        float nr0 = -r0;
        float delta = Math.fma(lo, nr0, Math.fma(w, nr0, 1f)); // 1/(w + lo) = r0 (1 + delta + O(2^-46))
        boolean xNeg = xBits < 0;
        if (kind == SILU_BACKWARD) {
            float c = xNeg ? dc : -dc * e;
            float hh = Math.fma(c, r0, 1f);
            float hl = c * r0 * delta;
            float dh = x - SILU_F_ROOT_HI; // d = dh - lo
            if (Math.abs(dh) < SILU_F_ROOT_WINDOW) { // h = dh + (dh^2 P - lo): one rounding that matters
                float pw = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(SILU_F_W8, dh, SILU_F_W7), dh,
                        SILU_F_W6), dh, SILU_F_W5), dh, SILU_F_W4), dh, SILU_F_W3), dh, SILU_F_W2), dh, SILU_F_W1);
                hh = dh + Math.fma(dh, dh * pw, -SILU_F_ROOT_LO);
                hl = 0f;
            }
            float num = xNeg ? p : 1f;
            // exact, unless it underflows (|g| 2^n < 2^-190): then |g silu'(x)| < 2^-182 rounds to 0 either way
            float q = g * (xNeg ? Float.intBitsToFloat(sUpBits) : 1f);
            float mh = num * hh;
            float corr = Math.fma(num, hl, Math.fma(num * delta, hh, Math.fma(num, hh, -mh)));
            float qh = q * mh;
            float ql = Math.fma(q, mh, -qh); // q mh = qh + ql exactly: no rounding of g r0 on its own
            float up = Math.abs(Math.fma(r0, qh, r0 * Math.fma(q, corr, ql))); // |g silu'(x)|, at 2^64 for x < 0
            // the sign of g f'(x), f' < 0 exactly where hh < 0, set from the signs: with g = +-0 the fmas above add a
            // zero product to a zero tail of either sign and may give +0
            int sign = (Float.floatToRawIntBits(g) ^ (xNeg ? Float.floatToRawIntBits(hh) : 0)) & SIGN_BIT_F;
            float y = Float.intBitsToFloat(Float.floatToRawIntBits(xNeg ? ScalarSoftmax.unscale(up) : up) | sign);
            return dBits > NEG_INF_BITS ? x : y; // NaN
        }
        if (kind == LOG_SIGMOID_BACKWARD) {
            float gNeg = g * Float.intBitsToFloat(sUpBits);
            float gh = gNeg * p;
            float nh = xNeg ? g * 0x1p64f : gh;
            float nl = xNeg ? 0f : Math.fma(gNeg, p, -gh);
            float up = Math.fma(nh, r0, r0 * Math.fma(nh, delta, nl)); // g sigmoid(-x) 2^64
            float down = ScalarSoftmax.unscale(Math.abs(up));
            float y = Float.floatToRawIntBits(g) < 0 ? -down : down; // g's sign, also on zeros (sigmoid > 0)
            return dBits > NEG_INF_BITS ? x : y; // NaN
        }
        float ph = dc * p;
        float nh = xNeg ? ph : x;
        float nl = xNeg ? Math.fma(dc, p, -ph) : 0f;
        float core = Math.fma(nh, r0, r0 * Math.fma(nh, delta, nl)); // silu(x), at 2^-n for x < 0
        return halfNearZero(x, xNeg ? -ScalarSoftmax.unscale(-core * Float.intBitsToFloat(sUpBits)) : core);
    }

    /** g silu'(x): binary32 on silu's plain core (see {@link #plainSigmoidFamily}) unless |g| &gt; 2^29, inf or NaN. */
    public static float siluBackward(float x, float g) {
        return (Float.floatToRawIntBits(g) & ~SIGN_BIT_F) > SILU_GRAD_MAX_BITS
                ? siluBackwardD(x, g) : plainSigmoidFamily(x, g, SILU_BACKWARD);
    }

    /** g silu'(x) in binary64, rounded once: gradOut outside the binary32 form's range (see its caller). */
    static float siluBackwardD(float x, float g) {
        double xd = x;
        double xc = Math.min(Math.max(xd, -SILU_X_MAX), SILU_X_MAX);
        double e = ScalarMath.expD(-xc);
        double s = 1.0 / (1.0 + e);
        // f' = s (1 + x (1 - s)), 1 - s = e s
        double hDirect = Math.fma(xc, e * s, 1.0);
        double d = (xc - SILU_ROOT_HI) - SILU_ROOT_LO;
        double w = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                SILU_W5, d, SILU_W4), d, SILU_W3), d, SILU_W2), d, SILU_W1), d, SILU_W0);
        double h = Math.abs(d) < ROOT_WINDOW ? d * w : hDirect;
        return (float) (g * (s * h));
    }

    /** log(1 + e^-a) for a &gt;= 0 (clamped), relatively accurate when e^-a is tiny. */
    static double log1pExpNeg(double a) {
        double w = ScalarMath.expD(-Math.min(a, EXP_ARG_MAX));
        double w1 = 1.0 + w;
        // the bits of w lost in 1 + w (Fast2Sum, w <= 1); adding them undivided costs at most w * 2^-53
        return ScalarMath.logD(w1) + (w - (w1 - 1.0));
    }

    /** invBeta = 1.0 / beta, computed once per call by the caller. */
    public static float softplus(float x, double beta, double invBeta, double threshold) {
        if (beta == 1.0) return softplusUnitBeta(x, (float) threshold);
        double u = x * beta; // exact: 24-bit times 24-bit
        double r = (Math.max(u, 0.0) + log1pExpNeg(Math.abs(u))) * invBeta;
        return (float) (u > threshold ? x : r);
    }

    public static float softplusBackward(float x, float g, double beta, double threshold) {
        // beta = 1: g sigmoid(x) = logSigmoidBackward(-x, g), binary32 on plainSigmoidFamily (1.72 ULP)
        if (beta == 1.0) return x > threshold ? g : logSigmoidBackward(-x, g);
        double u = x * beta;
        double e = ScalarMath.expD(-Math.min(Math.max(u, -EXP_ARG_MAX), EXP_ARG_MAX));
        double r = g / (1.0 + e); // sigmoid(u) g, one rounding
        return (float) (u > threshold ? g : r);
    }

    /**
     * softplus with beta = 1 (PyTorch's default) in binary32: max(x, 0) + log1p(exp(-|x|)) from
     * {@link ScalarSoftmax#softplusNegAbs}, both terms &ge; 0; x itself above the threshold. The binary64 form rounded
     * once (0.5 ULP) took 3x the time.
     */
    static float softplusUnitBeta(float x, float threshold) {
        return x > threshold ? x : Math.max(x, 0f) + ScalarSoftmax.softplusNegAbs(ScalarSoftmax.expNeg(-Math.abs(x), 0f));
    }

    /**
     * min(x, 0) - log1p(exp(-|x|)) in binary32, as {@link #softplusUnitBeta}, written -(max(-x, 0) + sp): the same
     * value, and -0 (not +0) where sp rounds to 0 for large x.
     */
    public static float logSigmoid(float x) {
        return -(Math.max(-x, 0f) + ScalarSoftmax.softplusNegAbs(ScalarSoftmax.expNeg(-Math.abs(x), 0f)));
    }

    /** g sigmoid(-x): binary32 (see {@link #plainSigmoidFamily}) unless |g| is above 2^37, infinite or NaN. */
    public static float logSigmoidBackward(float x, float g) {
        return (Float.floatToRawIntBits(g) & ~SIGN_BIT_F) > SIGMOID_GRAD_MAX_BITS
                ? logSigmoidBackwardD(x, g) : plainSigmoidFamily(x, g, LOG_SIGMOID_BACKWARD);
    }

    /** g sigmoid(-x) in binary64, rounded once: gradOut outside the binary32 form's range (see its caller). */
    static float logSigmoidBackwardD(float x, float g) {
        double xd = x;
        double e = ScalarMath.expD(Math.min(Math.max(xd, -EXP_ARG_MAX), EXP_ARG_MAX));
        return (float) (g / (1.0 + e)); // sigmoid(-x) g, one rounding
    }

    // binary32 for saved outputs in range: fma(-y, y, .) is y - y^2 resp. 1 - y^2 rounded once (no cancellation near
    // |y| = 1), then one multiply by g: at most two roundings. |y| > 2^32 (outside the range of sigmoid and tanh) goes
    // to binary64 so that y^2 cannot overflow while gradOut * f'(y) is finite.
    public static float sigmoidBackward(float y, float g) {
        if (Math.abs(y) > SAVED_OUTPUT_BINARY32_MAX) {
            double yd = y;
            return (float) (g * Math.fma(-yd, yd, yd));
        }
        return g * Math.fma(-y, y, y);
    }

    public static float tanhBackward(float y, float g) {
        if (Math.abs(y) > SAVED_OUTPUT_BINARY32_MAX) {
            double yd = y;
            return (float) (g * Math.fma(-yd, yd, 1.0));
        }
        return g * Math.fma(-y, y, 1f);
    }

    public static float reluBackward(float x, float g) {
        return x <= 0f ? 0f : g;
    }

    public static float leakyReluBackward(float x, float g, float alpha) {
        return x > 0f ? g : g * alpha;
    }

    // ------------------------------------------------------------------------------------------------ array loops

    @Override
    public void relu(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = relu(x[xOff + i]);
    }

    @Override
    public void leakyRelu(float[] x, int xOff, float[] y, int yOff, int len, float alpha) {
        for (int i = 0; i < len; i++) y[yOff + i] = leakyRelu(x[xOff + i], alpha);
    }

    @Override
    public void gelu(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = gelu(x[xOff + i]);
    }

    @Override
    public void geluTanh(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = geluTanh(x[xOff + i]);
    }

    @Override
    public void silu(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = silu(x[xOff + i]);
    }

    @Override
    public void softplus(float[] x, int xOff, float[] y, int yOff, int len, float beta, float threshold) {
        double invBeta = 1.0 / beta;
        for (int i = 0; i < len; i++) y[yOff + i] = softplus(x[xOff + i], beta, invBeta, threshold);
    }

    @Override
    public void logSigmoid(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = logSigmoid(x[xOff + i]);
    }

    @Override
    public void sigmoidBackward(float[] y, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        for (int i = 0; i < len; i++) gradIn[giOff + i] = sigmoidBackward(y[yOff + i], gradOut[gOff + i]);
    }

    @Override
    public void tanhBackward(float[] y, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        for (int i = 0; i < len; i++) gradIn[giOff + i] = tanhBackward(y[yOff + i], gradOut[gOff + i]);
    }

    @Override
    public void reluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        for (int i = 0; i < len; i++) gradIn[giOff + i] = reluBackward(x[xOff + i], gradOut[gOff + i]);
    }

    @Override
    public void leakyReluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len,
                                  float alpha) {
        for (int i = 0; i < len; i++) gradIn[giOff + i] = leakyReluBackward(x[xOff + i], gradOut[gOff + i], alpha);
    }

    @Override
    public void geluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        for (int i = 0; i < len; i++) gradIn[giOff + i] = geluBackward(x[xOff + i], gradOut[gOff + i]);
    }

    @Override
    public void geluTanhBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        for (int i = 0; i < len; i++) gradIn[giOff + i] = geluTanhBackward(x[xOff + i], gradOut[gOff + i]);
    }

    @Override
    public void siluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        for (int i = 0; i < len; i++) gradIn[giOff + i] = siluBackward(x[xOff + i], gradOut[gOff + i]);
    }

    @Override
    public void softplusBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len,
                                 float beta, float threshold) {
        for (int i = 0; i < len; i++) {
            gradIn[giOff + i] = softplusBackward(x[xOff + i], gradOut[gOff + i], beta, threshold);
        }
    }

    @Override
    public void logSigmoidBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        for (int i = 0; i < len; i++) gradIn[giOff + i] = logSigmoidBackward(x[xOff + i], gradOut[gOff + i]);
    }
}
