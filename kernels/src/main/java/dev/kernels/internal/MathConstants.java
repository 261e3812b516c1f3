package dev.kernels.internal;

/**
 * Constants shared by the scalar twin ({@link ScalarMath}) and the Panama kernels, so that both run the very
 * same algorithm. Polynomial coefficients come from {@code tools/gencoef.py} (Chebyshev near-minimax fits in
 * mpmath at 60 digits, rounded to the target format and re-measured after rounding; its output is kept in
 * {@code tools/gencoef.out}). Each block names the fit it came from.
 */
public final class MathConstants {
    private MathConstants() {}

    // ---- binary32 exp: x = n ln2 + r, |r| <= ln2/2, e^r = 1 + r + r^2 P(r), or Q(r) in the compensated core ------
    /** log2(e) rounded to binary32. */
    public static final float LOG2E_F = 0x1.715476p+0f;
    /** 1.5*2^23 + 127: adding it rounds x*log2e to an integer and leaves n + 127 in the low mantissa bits. */
    public static final float EXP_MAGIC_F = 0x1.8000fep23f;
    /** ln2 to 16 significant bits, so n*LN2_HI_F is exact for |n| < 2^8 (gencoef.py "Cody-Waite splits"). */
    public static final float LN2_HI_F = 0x1.62e4p-1f;
    /** ln2 - LN2_HI_F rounded to binary32. */
    public static final float LN2_LO_F = 0x1.7f7d1cp-20f;
    /**
     * gencoef.py "EXP_F P": e^r = 1 + r + r^2 P(r), P of degree 4, minimax in the relative error of e^r on
     * [-ln2/2, ln2/2] (2^-28.25 after rounding): the plain binary32 exp (ScalarMath.exp, tanh, logSoftmaxBackward). One
     * fma fewer than Q below (exp 5-10% faster); exhaustive max 0.8913 ULP instead of 0.8736.
     */
    public static final float EXP_F_P0 = 0x1.fffffcp-2f;
    public static final float EXP_F_P1 = 0x1.555492p-3f;
    public static final float EXP_F_P2 = 0x1.5558aap-5f;
    public static final float EXP_F_P3 = 0x1.12396cp-7f;
    public static final float EXP_F_P4 = 0x1.6a5228p-10f;
    /**
     * gencoef.py "EXP_F Q": degree 5 on [-ln2/2, ln2/2], rel. error 2^-26.7 after rounding: the compensated exp core
     * (ScalarMath.expTail) of sigmoid, softplus, logSigmoid and BCE, whose error budget wants the extra degree.
     */
    public static final float EXP_F_Q0 = 0x1p-1f;
    public static final float EXP_F_Q1 = 0x1.555556p-3f;
    public static final float EXP_F_Q2 = 0x1.5554eap-5f;
    public static final float EXP_F_Q3 = 0x1.1110ep-7f;
    public static final float EXP_F_Q4 = 0x1.6d4324p-10f;
    public static final float EXP_F_Q5 = 0x1.a124f2p-13f;
    /** Clamp of the general path: exp(-104) < 2^-150 rounds to +0 and exp(89) overflows, so n stays in [-150, 128]. */
    public static final float EXP_CLAMP_MIN = -104.0f;
    public static final float EXP_CLAMP_MAX = 89.0f;

    // ---- binary32 log: x = 2^e m, m in [sqrt(1/2), sqrt 2), f = m - 1, log(m) = f - f^2/2 + f^3 P(f) ---------------
    /** bits of sqrt(1/2) rounded down to binary32: the split point of the mantissa range. */
    public static final int SQRT_HALF_BITS = 0x3f3504f3;
    /**
     * gencoef.py "LOG_F P": (log1p(f) - f + f^2/2) / f^3, degree 7 on [sqrt(1/2) - 1, sqrt 2 - 1], minimax in the
     * relative error of log(m) = f - f^2/2 + f^3 P(f), 2^-27.35 after rounding. No division. (The former degree-8 P,
     * fitted to P's own error, cost one fma more: log 6-7% slower, max 0.8265 ULP instead of 0.8524.)
     */
    public static final float LOG_F_P0 = 0x1.555554p-2f;
    public static final float LOG_F_P1 = -0x1.000226p-2f;
    public static final float LOG_F_P2 = 0x1.99a01ap-3f;
    public static final float LOG_F_P3 = -0x1.54728p-3f;
    public static final float LOG_F_P4 = 0x1.22d956p-3f;
    public static final float LOG_F_P5 = -0x1.0d8302p-3f;
    public static final float LOG_F_P6 = 0x1.055e3cp-3f;
    public static final float LOG_F_P7 = -0x1.38c428p-4f;
    /** 2^23, scales subnormal inputs into the normal range. */
    public static final float TWO_P23_F = 0x1p23f;

    // ---- binary64 cores (the binary64 activations, logSumExp and the row sums of the softmax family) -------------
    public static final double LOG2E_D = 0x1.71547652b82fep0;
    /** 1.5*2^52 + 1023: rounds x*log2e to an integer and leaves n + 1023 in the low mantissa bits. */
    public static final double EXP_MAGIC_D = 0x1.80000000003ffp52;
    /** ln2 to 42 significant bits (n*LN2_HI_D exact for |n| < 2^11) and the rest (gencoef.py "Cody-Waite splits"). */
    public static final double LN2_HI_D = 0x1.62e42fefa38p-1;
    public static final double LN2_LO_D = 0x1.ef35793c7673p-45;
    /** gencoef.py "EXP_D Q": e^r - 1 = r + r^2 Q(r), degree 8 on [-ln2/2, ln2/2], rel. error 2^-45.9. */
    public static final double EXP_D_Q0 = 0x1p-1;
    public static final double EXP_D_Q1 = 0x1.5555555553b78p-3;
    public static final double EXP_D_Q2 = 0x1.5555555554cb7p-5;
    public static final double EXP_D_Q3 = 0x1.1111111c478ebp-7;
    public static final double EXP_D_Q4 = 0x1.6c16c1738ff55p-10;
    public static final double EXP_D_Q5 = 0x1.a019ada3609f3p-13;
    public static final double EXP_D_Q6 = 0x1.a019c9a5652d3p-16;
    public static final double EXP_D_Q7 = 0x1.72c72ca338df0p-19;
    public static final double EXP_D_Q8 = 0x1.2880411bad1aap-22;
    /** gencoef.py "EXP_D5 Q": the same Q to degree 5, rel. error 2^-28.36 (about 2^-32.5 on e^r), for
     *  ScalarMath.expD5 (both GELUs and their derivatives: binary32 results with error to spare). */
    public static final double EXP_D5_Q0 = 0x1.0000000b9129bp-1;
    public static final double EXP_D5_Q1 = 0x1.5555555a78ed4p-3;
    public static final double EXP_D5_Q2 = 0x1.5554e9063586ep-5;
    public static final double EXP_D5_Q3 = 0x1.1110e0f238322p-7;
    public static final double EXP_D5_Q4 = 0x1.6d43246b523b4p-10;
    public static final double EXP_D5_Q5 = 0x1.a124f19fe89acp-13;
    /** bits of sqrt(1/2) in binary64. */
    public static final long SQRT_HALF_BITS_D = 0x3fe6a09e667f3bcdL;
    /** gencoef.py "LOG_D T": 2 atanh(s) = 2s + s z T(z), degree 5, rel. error 2^-43.7. */
    public static final double LOG_D_T0 = 0x1.55555555553b8p-1;
    public static final double LOG_D_T1 = 0x1.9999999b86b7cp-2;
    public static final double LOG_D_T2 = 0x1.2492462aa8c89p-2;
    public static final double LOG_D_T3 = 0x1.c71fcd1ced0aep-3;
    public static final double LOG_D_T4 = 0x1.7382d06f0c1dep-3;
    public static final double LOG_D_T5 = 0x1.546adfbbda333p-3;
    /**
     * gencoef.py "ERF_F S": binary32 erf for |x| &lt; 1 is a + a c, c = erf(a)/a - 1 = S(t - 1/2), t = a^2; degree 6,
     * absolute error 2^-29.0 after rounding. Centred on t = 1/2 so the rounding of S's Horner sum weighs |t - 1/2|
     * &le; 1/2 in c, not t; S0 = c(1/2) rounded, pinned. S(-1/2) rounds to 2/sqrt(pi) - 1 (the c of every tiny a).
     */
    public static final float ERF_F_T_CENTER = 0.5f;
    public static final float ERF_F_S0 = -0x1.1ae14ep-5f;
    public static final float ERF_F_S1 = -0x1.1fd164p-2f;
    public static final float ERF_F_S2 = 0x1.45436cp-4f;
    public static final float ERF_F_S3 = -0x1.2b8db2p-6f;
    public static final float ERF_F_S4 = 0x1.c8254p-9f;
    public static final float ERF_F_S5 = -0x1.2887e6p-11f;
    public static final float ERF_F_S6 = 0x1.4b5166p-14f;
    /**
     * gencoef.py "ERF_F H": binary32 erf(a) = H(a - ERF_F_CENTER) for 1 &le; a &lt; ERF_F_SAT, degree 15, absolute
     * error 2^-30.7 after rounding (erf &ge; 0.84 there: an absolute bound is what counts). The centre is the binary32
     * near 2.3 whose erf lies closest to a binary32 (1e-6 ulp away): that binary32 is H0, pinned, so the last fma
     * adds an exact constant; a - centre is exact for every binary32 a in [1, 4).
     */
    public static final float ERF_F_CENTER = 0x1.266892p+1f;
    public static final float ERF_F_H0 = 0x1.ff6a36p-1f;
    public static final float ERF_F_H1 = 0x1.74b8d2p-8f;
    public static final float ERF_F_H2 = -0x1.aca4a4p-7f;
    public static final float ERF_F_H3 = 0x1.299322p-6f;
    public static final float ERF_F_H4 = -0x1.0ec6c6p-6f;
    public static final float ERF_F_H5 = 0x1.3fb5d6p-7f;
    public static final float ERF_F_H6 = -0x1.92f702p-9f;
    public static final float ERF_F_H7 = -0x1.3e57b6p-12f;
    public static final float ERF_F_H8 = 0x1.b64e26p-11f;
    public static final float ERF_F_H9 = -0x1.811c7cp-12f;
    public static final float ERF_F_H10 = 0x1.1d5fe8p-16f;
    public static final float ERF_F_H11 = 0x1.b99a2ap-15f;
    public static final float ERF_F_H12 = -0x1.56f488p-16f;
    public static final float ERF_F_H13 = -0x1.a5b272p-22f;
    public static final float ERF_F_H14 = 0x1.09f436p-19f;
    public static final float ERF_F_H15 = -0x1.8cefdap-22f;
    /**
     * The least binary32 whose erf rounds to 1.0f (mpmath: 1 - erf = 2^-25 (1 - 4.9e-7) there, 2^-25 (1 + 1.4e-6) at
     * the float below). H(ERF_F_SAT - centre) rounds to 1.0f (PolynomialFormsTest), and larger |x| are clamped to it.
     * (The clamp was 0x1.f5c29p+1 while H was one Horner chain; its present form gives 1 - 2^-24 there.)
     */
    public static final float ERF_F_SAT = 0x1.f5a88ap+1f;
    public static final int ERF_F_SAT_BITS = Float.floatToRawIntBits(ERF_F_SAT);
    /** S(-1/2) = 2/sqrt(pi) - 1 rounded: erf's c for every |x| &lt; 2^-13, subnormals included (checked in PolynomialFormsTest). */
    public static final float ERF_F_C_TINY = 0x1.06eba8p-3f;
    /** Bits of the positive normal finite floats: [Float.MIN_NORMAL, Float.MAX_VALUE]. */
    public static final int NORMAL_MIN_BITS = 0x00800000;
    public static final int NORMAL_MAX_BITS = 0x7f7fffff;
    /** Bits of 1.0f: erf takes H from here on. */
    public static final int ONE_BITS_F = Float.floatToRawIntBits(1f);
    /** Bits of +inf: |x| with larger bits is NaN. */
    public static final int INF_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
    /** tanh(x) rounds to 1.0f for |x| >= 10 (1 - tanh(10) = 4e-9 < 2^-25); the clamp keeps 2^n of e^-2|x| normal. */
    public static final float TANH_F_CLAMP = 10f;
    public static final int TANH_F_CLAMP_BITS = Float.floatToRawIntBits(TANH_F_CLAMP);
    /** tanh takes its odd polynomial below this |x| (tanh = 0.604 there), the centred one up to TANH_F_MID_MAX. */
    public static final float TANH_F_SMALL_MAX = 0.7f;
    /** gencoef.py "TANH_F P": tanh(a) = a + a t P(t), t = a^2 in [0, 0.49], degree 5, abs. error 2^-25.6 after rounding. */
    public static final float TANH_F_P0 = -0x1.555554p-2f;
    public static final float TANH_F_P1 = 0x1.111056p-3f;
    public static final float TANH_F_P2 = -0x1.b9e452p-5f;
    public static final float TANH_F_P3 = 0x1.62e2bap-6f;
    public static final float TANH_F_P4 = -0x1.07f3dep-7f;
    public static final float TANH_F_P5 = 0x1.08781ap-9f;
    /** From here on tanh takes 1 - 2e/(1 + e), e = e^-2|x| &le; 0.061, with a plain binary32 exp (see ScalarMath.tanh). */
    public static final float TANH_F_MID_MAX = 1.4f;
    /**
     * gencoef.py "TANH_F H": tanh(a) = H(a - TANH_F_CENTER) for 0.7 &le; a &lt; 1.4, degree 8, abs. error 2^-29.6 after
     * rounding. The centre is the binary32 near 1.05 whose tanh lies closest to a binary32 (H0, pinned: the last fma
     * adds an exact constant); a - centre is exact on [0.7, 1.4] (|a - centre| &lt; 0.36, a a multiple of 2^-24).
     */
    public static final float TANH_F_CENTER = 0x1.0d0b2ep+0f;
    public static final float TANH_F_H0 = 0x1.907964p-1f;
    public static final float TANH_F_H1 = 0x1.8d846cp-2f;
    public static final float TANH_F_H2 = -0x1.36edb4p-2f;
    public static final float TANH_F_H3 = 0x1.bacac8p-4f;
    public static final float TANH_F_H4 = 0x1.10f06ep-6f;
    public static final float TANH_F_H5 = -0x1.4bec06p-5f;
    public static final float TANH_F_H6 = 0x1.3cf9bp-6f;
    public static final float TANH_F_H7 = 0x1.a310aap-11f;
    public static final float TANH_F_H8 = -0x1.692926p-8f;
    /** Bits of 2^-30: sigmoid(x) rounds to 0.5 and tanh(x) to x for |x| below it; smaller |x| are clamped up to it. */
    public static final int TINY_BITS = Float.floatToRawIntBits(0x1p-30f);
    public static final int NEG_TINY_BITS = Float.floatToRawIntBits(-0x1p-30f);
    /**
     * Bits of -130, the clamp of -|x| in the sigmoid family (ScalarMath.sigmoidFamily, ScalarActivations.plainSigmoidFamily), and of -inf; as signed ints,
     * -|x| orders by |x|. sigmoid(x) rounds to 0 below -103.98 (its former clamp -104 gave the same bits), silu(x) to -0
     * below -108.67, and g sigmoid(-x) to 0 above 130 for |g| &le; 2^37; 2^(n + 64) stays normal (n &ge; -188).
     */
    public static final int SIGMOID_NEG_MIN_BITS = Float.floatToRawIntBits(-130f);
    public static final int NEG_INF_BITS = Float.floatToRawIntBits(Float.NEGATIVE_INFINITY);
    /** Bits of -40: up to |x| = 40 every sigmoid(-|x|) is normal and n &ge; -58 (the fast paths of sigmoid and silu). */
    public static final int SIGMOID_FAST_NEG_MAX_BITS = Float.floatToRawIntBits(-40f);
    /** Bits of 2^-60: sigmoid's denominator scales by 2^max(n, -60) (1 + e for e below 2^-60 is 1 to far below an ulp). */
    public static final int SIGMOID_DEN_MIN_BITS = (127 - 60) << 23;
    /** expm1's clamp: n = round(x log2e) stays in [-24, 128], where 1 - 2^-n is exact at the low end (ScalarMath.expm1). */
    public static final float EXPM1_F_MIN = -16.9f;
    public static final float EXPM1_F_MAX = 88.8f;
    /** The top of the vector body's fast path: n &le; 127, so 2^n alone scales (PanamaVectorMath.expm1). */
    public static final float EXPM1_F_FAST_MAX = 88.0f;
    /** The float nearest -25 ln2, just below it: expm1(x) rounds to -1 for x at or below it (e^x &lt; 2^-25). */
    public static final float EXPM1_F_NEG_ONE = -0x1.154246p4f;
    /** Bits of 2^-60: the smallest 2^-n expm1 forms (2^-n below 2^-26 only moves its tail, far below an ulp). */
    public static final int EXPM1_TWO_NEG_N_MIN_BITS = (127 - 60) << 23;

    public static final int SIGN_BIT_F = 0x80000000;
    /**
     * Added to ints, maps unsigned order onto signed order: the vector range tests lo &le; v &le; hi are written
     * v.sub(lo + FLIP).compare(LT, hi - lo + 1 + FLIP), signed. AVX2 has no unsigned compare; C2's emulation of
     * v.sub(lo).compare(ULE, hi - lo) made exp's fast path 8-11% slower with -XX:UseAVX=2.
     */
    public static final int FLIP = Integer.MIN_VALUE;
    /** Bits of 2^64, where log1p caps w in its correction c/w (ScalarMath.log1p). */
    public static final int LOG1P_W_CAP_BITS = Float.floatToRawIntBits(0x1p64f);
}
