package dev.kernels.internal;

/**
 * Constants of the row-wise softmax and loss kernels, shared by {@link ScalarSoftmax} and {@code PanamaSoftmax}.
 * The exp used inside these kernels reuses the binary32 exp coefficients of {@link MathConstants}; only its clamp and
 * its final scaling differ, because its argument is always x - max &le; 0.
 */
public final class SoftmaxConstants {
    private SoftmaxConstants() {}

    /** exp(-104) = 6.8e-46 rounds to +0 (below half the smallest subnormal, 2^-150): smaller arguments are clamped here. */
    public static final float EXP_NEG_MIN = -104.0f;
    /** e^-131 = 2^-189: terms of a row sum below it are left out even where t is tiny (ScalarSoftmax.withFarTerms). */
    public static final float EXP_FAR_MIN = -131.0f;
    /**
     * Below t = n times this (n terms, a single max) the terms of x_j - m in [-131, -104) are added to the row sum:
     * together below n 2^-150, they move t by less than 2^-30 of itself above it (under 2^-7 ulp).
     */
    public static final double FAR_T_PER_TERM = 0x1p-120;
    /**
     * The largest factor f (cross-entropy's gradient scale cA, logSoftmaxBackward's |s|) whose e f is formed from u =
     * e 2^64 with e^d taken as 0 below d = -131 (e^-131 f at most 2^-149.99, ScalarSoftmax.farOMin); above it e f is
     * formed in binary64.
     */
    public static final float FAR_FACTOR_MAX = 0x1p39f;
    /** logSoftmaxBackward takes e^o unrounded (as e 2^64) below this o, where e^o may be subnormal (e^-87 = 1.6e-38). */
    public static final float LSB_SCALED_O_MAX = -87f;
    /** ... for |s| from this (s 2^-64 exact and normal) up to FAR_FACTOR_MAX. */
    public static final float LSB_SCALED_S_MIN = 0x1p-60f;
    /**
     * 2^n is applied as 2^(n+64) * 2^-64: for n in [-150, 0] (the whole clamped domain) both factors are normal floats,
     * so one code path covers normal and subnormal results (normal results are exact scalings of a single rounding;
     * subnormal ones round twice, at most 0.75 subnormal ulp), no slow path.
     */
    public static final int EXP_NEG_SCALE_BIAS = 64;
    public static final float EXP_NEG_SCALE_DOWN = 0x1p-64f;
    /** Row sums add u = e * 2^64 and are scaled back once, exactly, in binary64. */
    public static final double EXP_NEG_SUM_SCALE_DOWN = 0x1p-64;
    /** u = e * 2^64 below this gives a subnormal e; such lanes are rounded by integer means (no slow subnormal ops). */
    public static final float EXP_NEG_U_MIN = 0x1p-62f;
    /** u * 2^85 = e * 2^149: the subnormal's integer significand, rounded by adding 2^23. */
    public static final float EXP_NEG_TO_SUBNORMAL = 0x1p85f;
    /** The least factor r of the one-rounding u r 2^-64 (scale): u r stays normal for u &ge; 2^-86. */
    public static final float CE_SCALE_MIN = 0x1p-40f;
    /** logSumExp's binary64 terms: e^d for d below this (3.3e-308) are left out of the sum; expD needs d &ge; -708. */
    public static final double EXP_D_NEG_MIN = -708.0;
    /** Number of binary64 partial sums of every row reduction: element j of a row goes to partial j % 16. */
    public static final int PARTIALS = 16;
    /** Slot of the per-thread scratch array (2 * PARTIALS doubles) where expSum/expSumD leave the tie count k. */
    public static final int TIES = PARTIALS;
    /** Rows of the flat BCE form (no posWeight) are virtual segments of this many elements (the summation blocks). */
    public static final int BCE_SEGMENT = 8192;

    /**
     * Below this a, exp(-a) rounds to 1 (1 - a is within half an ulp of 1), so BCE's vector exp takes such a as 0:
     * same e, and no subnormal r^2 or r q in its polynomial (assists on Intel: tiny logits ran 6-8x).
     */
    public static final float BCE_A_ONE = 0x1p-26f;
    /** Below this a, exp(-a) is normal (exp(-87) = 1.6e-38 &gt; 2^-126), so 2^n scales it directly. */
    public static final float E_NORMAL_A = 87f;
}
