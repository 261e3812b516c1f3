package dev.kernels.internal;

import static dev.kernels.internal.MathConstants.*;
import static dev.kernels.internal.ActivationConstants.*;
import static dev.kernels.internal.SoftmaxConstants.EXP_NEG_SCALE_BIAS;

/**
 * The scalar twin of every element-wise kernel: the same constants, the same operations in the same order and the
 * same fused multiply-adds as the Panama bodies, so any element gives the same bits whether a vector lane, a scalar
 * tail or the scalar fallback computed it. {@link Math#fma} is used unconditionally (it is exact by definition, so
 * its result never depends on the CPU; only its speed does).
 *
 * <p>All seven functions are computed in binary32 (binary64 lanes run at half the width); expm1, log1p and sigmoid
 * carry what a rounding would lose as a float pair where 1 ULP needs it. The binary64 helpers below (expD, expD5,
 * logD) serve the activations and the row-wise kernels.
 */
public final class ScalarMath {
    private ScalarMath() {}

    // ------------------------------------------------------------------------------------------------ binary32 exp

    /**
     * exp in binary32: x = n ln2 + r (two-constant Cody-Waite, r rounded once), e^r = 1 + r (1 + r P(r)) by Horner
     * fmas, so the last fma rounds at full weight and r's rounding weighs |r| times less (exhaustive max 0.8913 ULP;
     * the compensated form kept for the sigmoid family, 1 + c with c carrying rLo, reached 0.7644 ULP at 1.6x the cost;
     * the softmax family's exp pass uses this polynomial, see ScalarSoftmax.expNegScaledHorner).
     */
    public static float exp(float x) {
        float xc = Math.min(Math.max(x, EXP_CLAMP_MIN), EXP_CLAMP_MAX);
        float nb = Math.fma(xc, LOG2E_F, EXP_MAGIC_F);
        float n = nb - EXP_MAGIC_F;
        float r = Math.fma(n, -LN2_LO_F, Math.fma(n, -LN2_HI_F, xc));
        float p = expPolyF(r);
        int ni = Float.floatToRawIntBits(nb) - Float.floatToRawIntBits(EXP_MAGIC_F) + 127; // n + 127
        // 2^n split in two factors so p * s1 is exact and normal: the only rounding of a subnormal result is the
        // second product; n = 128 borrows a factor 2 (exact scaling)
        int kk = ni <= 1 ? 64 : ni >= 255 ? -1 : 0;
        float s1 = Float.intBitsToFloat((ni + kk) << 23);
        float s2 = Float.intBitsToFloat((127 - kk) << 23);
        return (p * s1) * s2;
    }

    /** e^r = 1 + r (1 + r P(r)) for |r| &le; ln2/2, Horner in fmas (the vector bodies spell out the same chain). */
    static float expPolyF(float r) {
        float q = Math.fma(Math.fma(Math.fma(Math.fma(EXP_F_P4, r, EXP_F_P3), r, EXP_F_P2), r, EXP_F_P1), r, EXP_F_P0);
        return Math.fma(Math.fma(q, r, 1f), r, 1f);
    }

    /** Q(r) of e^r = 1 + r + r^2 Q(r), Horner in fmas (expTail and expm1). */
    static float expQPolyF(float r) {
        return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                EXP_F_Q5, r, EXP_F_Q4), r, EXP_F_Q3), r, EXP_F_Q2), r, EXP_F_Q1), r, EXP_F_Q0);
    }

    /** (rHi - (hi - 1)) + (rLo + r^2 Q(r)): everything of e^r - hi, each term far below hi's half ulp. */
    static float expTail(float rHi, float rLo, float hi) {
        float r = rHi + rLo;
        float q = expQPolyF(r);
        float lo = rHi - (hi - 1f); // exact: Fast2Sum, |1| >= |rHi|
        return lo + Math.fma(r * r, q, rLo);
    }

    // ------------------------------------------------------------------------------------------------ binary32 log

    public static float log(float x) {
        boolean tiny = x < Float.MIN_NORMAL;
        float xs = tiny ? x * TWO_P23_F : x;
        float y = logCore(xs, tiny ? -23f : 0f, 0f);
        if (x == Float.POSITIVE_INFINITY) y = Float.POSITIVE_INFINITY;
        if (x == 0f) y = Float.NEGATIVE_INFINITY;
        if (!(x >= 0f)) y = Float.NaN; // x < 0 or NaN
        return y;
    }

    /**
     * P(f) of log(1 + f) = f - f^2/2 + f^3 P(f) (logCore and ScalarSoftmax.softplusNegAbs), by Estrin's scheme:
     * (P0 + P1 f) + f^2 (P2 + P3 f) + f^4 ((P4 + P5 f) + f^2 (P6 + P7 f)), three dependent fmas where Horner has seven
     * (log's 8-lane loops waited on that chain: 0.79-0.94x the time with -XX:UseAVX=2 in the clearest A/B; f^3 P weighs
     * 2^-4 of log(1 + f), so the other roundings moved log's max by 0.03 ULP, 0.8524 to 0.8811). f2 = f * f, which the
     * callers have; the vector loops write the same fmas out.
     */
    static float logPolyF(float f, float f2) {
        float lo = Math.fma(Math.fma(LOG_F_P3, f, LOG_F_P2), f2, Math.fma(LOG_F_P1, f, LOG_F_P0));
        float hi = Math.fma(Math.fma(LOG_F_P7, f, LOG_F_P6), f2, Math.fma(LOG_F_P5, f, LOG_F_P4));
        return Math.fma(hi, f2 * f2, lo);
    }

    /**
     * log of a positive normal finite x, plus eAdjust*ln2, plus tail: a term far below f (log1p's c/w; 0 for log,
     * where fma(f^3, P, +0) is the product f^3 P itself, never -0), added to the polynomial term before it rounds.
     */
    public static float logCore(float x, float eAdjust, float tail) {
        int ix = Float.floatToRawIntBits(x) - SQRT_HALF_BITS;
        float e = (float) (ix >> 23) + eAdjust;
        float m = Float.intBitsToFloat((ix & 0x007fffff) + SQRT_HALF_BITS);
        float f = m - 1f;
        float f2 = f * f;
        // log(m) = f - f^2/2 + f^3 P(f), no division; the e*ln2 split keeps e*LN2_HI exact
        float b = Math.fma(e, LN2_LO_F, Math.fma(f2 * f, logPolyF(f, f2), tail));
        // f + (b - f^2/2) with f^2/2 exact inside the fma: the same bits as -((f^2/2 - b) - f), two ops fewer
        return Math.fma(e, LN2_HI_F, f + Math.fma(f2, -0.5f, b));
    }

    // ------------------------------------------------------------------------------------------- binary64 helpers

    static double expPoly(double r) {
        return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                EXP_D_Q8, r, EXP_D_Q7), r, EXP_D_Q6), r, EXP_D_Q5), r, EXP_D_Q4), r, EXP_D_Q3), r, EXP_D_Q2),
                r, EXP_D_Q1), r, EXP_D_Q0);
    }

    /** The degree-5 twin of expPoly (see {@link MathConstants#EXP_D5_Q0}). */
    static double expPoly5(double r) {
        return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                EXP_D5_Q5, r, EXP_D5_Q4), r, EXP_D5_Q3), r, EXP_D5_Q2), r, EXP_D5_Q1), r, EXP_D5_Q0);
    }

    /** e^x in binary64 for x in [-708, 709] (relative error about 2^-45); 2^n must stay a normal double. */
    public static double expD(double x) {
        return expCore(x, true);
    }

    /**
     * e^x in binary64 for x in [-708, 709] to about 2^-32.5 relative: for binary64 kernels whose binary32 result has
     * error to spare (both GELUs and their derivatives; exact GELU's tail polynomials are no better).
     */
    public static double expD5(double x) {
        return expCore(x, false);
    }

    /** 2^n (1 + u), e^x = 2^n e^r, e^r - 1 = u = r + r^2 Q(r) (Q of degree 8 or 5). */
    private static double expCore(double x, boolean degree8) {
        double nb = Math.fma(x, LOG2E_D, EXP_MAGIC_D);
        double n = nb - EXP_MAGIC_D;
        double r = Math.fma(n, -LN2_HI_D, x);
        r = Math.fma(n, -LN2_LO_D, r);
        double u = Math.fma(r * r, degree8 ? expPoly(r) : expPoly5(r), r);
        double s = Double.longBitsToDouble(Double.doubleToRawLongBits(nb) << 52);
        return Math.fma(s, u, s);
    }

    /** log(w) in binary64 for a positive normal finite w (relative error about 2^-50). */
    public static double logD(double w) {
        long ix = Double.doubleToRawLongBits(w) - SQRT_HALF_BITS_D;
        // e + 1023 by a logical shift (no 64-bit arithmetic shift on AVX2), then to double by the 2^52 trick
        long eb = (ix + 0x3ff0000000000000L) >>> 52;
        double e = Double.longBitsToDouble(eb + 0x4330000000000000L) - 0x1.00000000003ffp52;
        double m = Double.longBitsToDouble((ix & 0x000fffffffffffffL) + SQRT_HALF_BITS_D);
        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double t = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                LOG_D_T5, z, LOG_D_T4), z, LOG_D_T3), z, LOG_D_T2), z, LOG_D_T1), z, LOG_D_T0);
        double logm = Math.fma(s, z * t, s + s);
        return Math.fma(e, LN2_HI_D, Math.fma(e, LN2_LO_D, logm));
    }

    static float copySignBit(float y, float x) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(y) | (Float.floatToRawIntBits(x) & SIGN_BIT_F));
    }

    // --------------------------------------------------------------------------------------------- expm1, log1p

    /**
     * expm1 in binary32: x = n ln2 + rHi + rLo (exp's reduction), e^r - 1 = rHi + tail, tail = rLo + r^2 Q(r) (the
     * compensated exp's Q), and expm1(x) = 2^n (c + e^r - 1) with c = 1 - 2^-n: c + rHi is split exactly (Fast2Sum,
     * |c| &ge; |rHi| or c = 0), what c itself lost (n &ge; 25) joins the tail, and the sum rounds once before the exact
     * scaling by 2^(n-1) * 2 (n = 128 stays finite until it overflows). x is clamped at -16.9 (n &ge; -24, where c is
     * exact); below -25 ln2 the result is -1; |x| &lt; 2^-30 returns x.
     */
    public static float expm1(float x) {
        int aBits = Float.floatToRawIntBits(x) & ~SIGN_BIT_F;
        float xt = aBits < TINY_BITS ? 0f : x; // no float op sees a subnormal x
        float xc = Math.min(Math.max(xt, EXPM1_F_MIN), EXPM1_F_MAX);
        float nb = Math.fma(xc, LOG2E_F, EXP_MAGIC_F);
        float n = nb - EXP_MAGIC_F;
        float rHi = Math.fma(n, -LN2_HI_F, xc);
        float rLo = n * -LN2_LO_F;
        float r = rHi + rLo;
        float tail = Math.fma(r * r, expQPolyF(r), rLo);
        int pn = Float.floatToRawIntBits(nb) << 23; // 2^n
        float twoNegN = Float.intBitsToFloat(Math.max((254 << 23) - pn, EXPM1_TWO_NEG_N_MIN_BITS));
        float c = 1f - twoNegN;
        float cErr = (1f - c) - twoNegN; // exact: 0 for n <= 24, -2^-n above
        float hi = c + rHi;
        float lo = tail + ((rHi - (hi - c)) + cErr);
        float y = ((hi + lo) * Float.intBitsToFloat(pn - (1 << 23))) * 2f;
        if (x <= EXPM1_F_NEG_ONE) y = -1f;
        if (aBits < TINY_BITS) y = x;
        return y;
    }

    /**
     * log1p in binary32 on log's reduction: w = 1 + x with its exact error c (TwoSum), log1p(x) = k ln2 + log(1 + f)
     * + c/w (the next term, -(c/w)^2/2, is below 2^-48 relative), c/w added to the tail below f, so the result rounds
     * as log's does. |x| &lt; 2^-30 returns x (log1p rounds to x there; no float op sees a subnormal x).
     */
    public static float log1p(float x) {
        int aBits = Float.floatToRawIntBits(x) & ~SIGN_BIT_F;
        float xc = aBits < TINY_BITS ? 0f : x;
        float w = 1f + xc;
        float bb = w - 1f;
        float c = (1f - (w - bb)) + (xc - bb); // TwoSum error of 1 + x
        // w capped at 2^64 in the quotient: beyond it c/w < 2^-64 of a result above 44, and the exact quotient may
        // be subnormal (x86 assist)
        float cw = c / Float.intBitsToFloat(Math.min(Float.floatToRawIntBits(w), LOG1P_W_CAP_BITS));
        float y = logCore(w, 0f, cw); // w <= 0 or +inf (x <= -1, +inf) give garbage here, replaced below
        if (aBits < TINY_BITS) y = x;
        if (x == Float.POSITIVE_INFINITY) y = Float.POSITIVE_INFINITY;
        if (x == -1f) y = Float.NEGATIVE_INFINITY;
        if (!(x >= -1f)) y = Float.NaN; // x < -1 or NaN
        return y;
    }

    /**
     * sigmoid(x) in binary32 (silu, siluBackward and logSigmoidBackward have a cheaper core of their own:
     * ScalarActivations.plainSigmoidFamily). With a = |x| (clamped to
     * [2^-30, 130] as integers: no float op sees a subnormal x, x86 takes a 20-30 ns assist): e^-a = 2^n (eh + el),
     * the compensated exp of the softmax family renormalized (Fast2Sum) to a float and its tail; 1 + e as w + lo
     * (Fast2Sum); 1/(w + lo) = r0 (1 + delta) with the exact reciprocal residual. Then sigmoid(a) = r0 + r0 delta and
     * sigmoid(-a) = e q = 2^n (eh r0 + r0 (eh delta + el)), each rounded once; values that may be subnormal are formed
     * as u = v 2^64 and scaled down by {@link ScalarSoftmax#unscale} (integer rounding below 2^-126: no slow path).
     * The PanamaActivations loops generated from tools/gen_panama_activations.py run the same operations per lane.
     */
    public static float sigmoid(float x) {
        int xBits = Float.floatToRawIntBits(x);
        int dBits = xBits | SIGN_BIT_F; // -|x|: as a signed int, larger for larger |x|
        float dc = Float.intBitsToFloat(Math.min(Math.max(dBits, NEG_TINY_BITS), SIGMOID_NEG_MIN_BITS)); // -a
        float nb = Math.fma(dc, LOG2E_F, EXP_MAGIC_F);
        float n = nb - EXP_MAGIC_F;
        float rHi = Math.fma(n, -LN2_HI_F, dc);
        float rLo = n * -LN2_LO_F;
        float hi = 1f + rHi;
        float c = expTail(rHi, rLo, hi); // e^r = hi + c, c up to r^2/2: not yet a tail
        float eh = hi + c;
        float el = c - (eh - hi); // exact: Fast2Sum, |hi| >= |c|
        int sUpBits = (Float.floatToRawIntBits(nb) + EXP_NEG_SCALE_BIAS) << 23; // 2^(n+64), normal for n in [-188, 0]
        // the denominator's 2^n stays normal: below 2^-60, e changes 1 + e by less than 2^-60 relative either way
        float sDen = Float.intBitsToFloat(Math.max(sUpBits - (EXP_NEG_SCALE_BIAS << 23), SIGMOID_DEN_MIN_BITS));
        float e = eh * sDen;
        float w = 1f + e;
        float lo = Math.fma(el, sDen, e - (w - 1f)); // e's tail plus the exact Fast2Sum error (e <= 1)
        float r0 = 1f / w;
        float nr0 = -r0;
        float delta = Math.fma(lo, nr0, Math.fma(w, nr0, 1f)); // 1/(w + lo) = r0 (1 + delta + O(2^-46))
        float t = Math.fma(eh, delta, el);
        float sUp = Float.intBitsToFloat(sUpBits);
        float sn = Math.fma(eh, r0, r0 * t); // sigmoid(-a) 2^-n
        float sigmaNegUp = sn * sUp; // sigmoid(-a) 2^64
        float y = xBits < 0 ? ScalarSoftmax.unscale(sigmaNegUp) : Math.fma(r0, delta, r0); // -0, tiny x: 0.5
        return dBits > NEG_INF_BITS ? x : y; // NaN
    }

    static float tanhSmallPolyF(float t) {
        return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(TANH_F_P5, t, TANH_F_P4), t, TANH_F_P3), t, TANH_F_P2), t,
                TANH_F_P1), t, TANH_F_P0);
    }

    static float tanhMidPolyF(float v) {
        float h = Math.fma(TANH_F_H8, v, TANH_F_H7);
        h = Math.fma(h, v, TANH_F_H6);
        h = Math.fma(h, v, TANH_F_H5);
        h = Math.fma(h, v, TANH_F_H4);
        h = Math.fma(h, v, TANH_F_H3);
        h = Math.fma(h, v, TANH_F_H2);
        h = Math.fma(h, v, TANH_F_H1);
        return Math.fma(h, v, TANH_F_H0);
    }

    /**
     * tanh in binary32, within 1 ULP, three forms on a = |x|. a &lt; 0.7: a + a t P(t), t = a^2. 0.7 &le; a &lt; 1.4:
     * H(a - centre), an exact argument and a pinned exact H0, so the last fma rounds once at full weight. a &ge; 1.4:
     * 1 - 2q, q = e/(1 + e), e = exp(-2a) in plain binary32 (&le; 0.8913 ULP): there e &le; 0.061, so q's three
     * roundings (e, 1 + e, the quotient) move 2q by at most 0.43 ULP of the result. Both polynomials replace a
     * compensated exp with float-pair arithmetic that cost about 10 more vector operations.
     */
    public static float tanh(float x) {
        int aBits = Float.floatToRawIntBits(x) & ~SIGN_BIT_F; // |x| >= +0 orders like its bits
        // clamps as integers: no float op sees a subnormal (x86 takes a 20-30 ns assist); NaN takes the small form
        int aLoBits = Math.max(aBits, TINY_BITS);
        float aLo = Float.intBitsToFloat(aLoBits);
        float y;
        if (aLo >= TANH_F_MID_MAX) {
            float e = exp(Float.intBitsToFloat(Math.min(aLoBits, TANH_F_CLAMP_BITS)) * -2f); // normal: n >= -29
            y = Math.fma(e / (e + 1f), -2f, 1f);
        } else if (aLo >= TANH_F_SMALL_MAX) {
            y = tanhMidPolyF(aLo - TANH_F_CENTER);
        } else {
            float t = aLo * aLo;
            y = Math.fma(aLo, t * tanhSmallPolyF(t), aLo);
        }
        y = copySignBit(y, x);
        return aBits < TINY_BITS ? x : y; // tanh x = x below 2^-30
    }

    static float erfSmallPolyF(float u) {
        float s = Math.fma(ERF_F_S6, u, ERF_F_S5);
        s = Math.fma(s, u, ERF_F_S4);
        s = Math.fma(s, u, ERF_F_S3);
        s = Math.fma(s, u, ERF_F_S2);
        s = Math.fma(s, u, ERF_F_S1);
        return Math.fma(s, u, ERF_F_S0);
    }

    /**
     * H(v) = H0 + v (H1 + v (H2 + v R(v))): the last three steps by Horner, so the last fma still adds the pinned H0 and
     * rounds once at full weight; R (H3..H15, degree 12) by Estrin's scheme, four dependent fmas instead of twelve.
     */
    static float erfLargePolyF(float v) {
        float v2 = v * v;
        float v4 = v2 * v2;
        float a = Math.fma(Math.fma(ERF_F_H6, v, ERF_F_H5), v2, Math.fma(ERF_F_H4, v, ERF_F_H3));
        float b = Math.fma(Math.fma(ERF_F_H10, v, ERF_F_H9), v2, Math.fma(ERF_F_H8, v, ERF_F_H7));
        float c = Math.fma(Math.fma(ERF_F_H14, v, ERF_F_H13), v2, Math.fma(ERF_F_H12, v, ERF_F_H11));
        float r = Math.fma(Math.fma(ERF_F_H15, v4, c), v4 * v4, Math.fma(b, v4, a));
        return Math.fma(Math.fma(Math.fma(r, v, ERF_F_H2), v, ERF_F_H1), v, ERF_F_H0);
    }

    /**
     * erf in binary32 (exhaustive max 0.81 ULP). a = |x| &lt; 1: a + a c, c = S(a^2 - 1/2), the last fma rounding at
     * full weight; 1 &le; a: H(a - centre), an exact argument and a pinned exact H0; a &ge; ERF_F_SAT: 1. Tiny a are
     * clamped up to 2^-30 for t only (c is S(-1/2) = ERF_F_C_TINY for every a &lt; 2^-13 either way), and a subnormal a = m 2^-149 is done
     * in integers, (m + round(m c)) 2^-149, so no floating-point unit ever sees a subnormal (x86 takes ~150-cycle
     * assists for them); that equals fma(a, c, a) rounded once, as m c (c = 0x20dd75 2^-24) is never a tie.
     */
    public static float erf(float x) {
        int aBits = Float.floatToRawIntBits(x) & ~SIGN_BIT_F; // |x| >= +0 orders like its bits
        float a = Float.intBitsToFloat(aBits);
        float aT = Float.intBitsToFloat(Math.max(aBits, TINY_BITS));
        float c = erfSmallPolyF(aT * aT - ERF_F_T_CENTER);
        float small = aBits != 0 && aBits < NORMAL_MIN_BITS // subnormal
                ? Float.intBitsToFloat(aBits + Float.floatToRawIntBits(Math.fma((float) aBits, ERF_F_C_TINY, 0x1p23f)) - 0x4b000000)
                : Math.fma(a, c, a);
        float large = erfLargePolyF(Float.intBitsToFloat(Math.min(aBits, ERF_F_SAT_BITS)) - ERF_F_CENTER);
        float y = copySignBit(aBits >= ONE_BITS_F ? large : small, x);
        return aBits > INF_BITS ? x : y; // NaN passes through
    }
}
