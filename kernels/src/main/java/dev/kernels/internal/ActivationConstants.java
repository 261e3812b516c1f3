package dev.kernels.internal;

/**
 * Constants of the activation kernels, shared by {@link ScalarActivations} and {@code PanamaActivations} so both run
 * the same algorithm. Polynomials come from {@code tools/gencoef_activations.py} (Chebyshev fits in mpmath at 50 digits,
 * rounded to binary64 and re-measured after rounding; its output is kept in {@code tools/gencoef_activations.out}).
 */
public final class ActivationConstants {
    private ActivationConstants() {}

    /** sigmoid/tanh backward: saved outputs up to this magnitude are handled in binary32 (y^2 stays finite). */
    public static final float SAVED_OUTPUT_BINARY32_MAX = 0x1p32f;
    /**
     * Its bits: tanhBackward tests four vectors at once on the OR of their magnitude bits, sigmoidBackward's
     * one-vector form each lane's magnitude bits.
     */
    public static final int SAVED_OUTPUT_BINARY32_MAX_BITS = Float.floatToRawIntBits(SAVED_OUTPUT_BINARY32_MAX);
    /**
     * sigmoidBackward's vector bodies: |y| below 2^-64 (y (1 - y) rounds to y) takes an edge form that forms g y with no
     * subnormal operand or product; its bits, and those of 2^40: above it (|g| w may overflow) that form leaves the
     * vector to the scalar method (PanamaActivations).
     */
    public static final int SIGMOID_BACKWARD_TINY_BITS = Float.floatToRawIntBits(0x1p-64f);
    public static final int SIGMOID_BACKWARD_G_SPLIT_BITS = Float.floatToRawIntBits(0x1p40f);
    /** 2^-64 &le; y &le; 2^32 exactly where bits - LO &lt; END, signed (see MathConstants.FLIP). */
    public static final int SIGMOID_BACKWARD_LO = SIGMOID_BACKWARD_TINY_BITS + MathConstants.FLIP;
    public static final int SIGMOID_BACKWARD_END =
            SAVED_OUTPUT_BINARY32_MAX_BITS - SIGMOID_BACKWARD_TINY_BITS + 1 + MathConstants.FLIP;
    /**
     * 2^32 &lt; |y| &lt; inf (binary64 in the scalar twin) exactly where its bits - LO &lt; END, signed: the lanes
     * tanhBackward's one-vector form leaves to the scalar method (inf and NaN run its binary32 form, same values).
     */
    public static final int SAVED_OUTPUT_HUGE_LO = SAVED_OUTPUT_BINARY32_MAX_BITS + 1 + MathConstants.FLIP;
    public static final int SAVED_OUTPUT_HUGE_END =
            MathConstants.INF_BITS - SAVED_OUTPUT_BINARY32_MAX_BITS - 1 + MathConstants.FLIP;
    /**
     * tanhBackward's vector bodies square y + 2^-100: y itself for |y| &ge; 2^-75 (half its ulp is at least 2^-99),
     * and where it is not, 1 - y^2 rounds to 1 from either; never subnormal (no assist on Intel).
     */
    public static final float TANH_BACKWARD_TINY_SHIFT = 0x1p-100f;
    /**
     * Bits of the clamps of a = |x| in the vector bodies of softplus and logSigmoid (ScalarSoftmax.softplusNegAbs):
     * 2^-26 (smaller a give e^-a = 1 as a itself does, and keep subnormal factors and r^2 out: assists on Intel) and
     * 104 (-EXP_NEG_MIN). Int min/max on the bits: a float max or compare-and-blend is several ops on AVX2.
     */
    public static final int SOFTPLUS_A_MIN_BITS = Float.floatToRawIntBits(0x1p-26f);
    public static final int SOFTPLUS_A_MAX_BITS = Float.floatToRawIntBits(-SoftmaxConstants.EXP_NEG_MIN);

    // ---- Gaussian tail Q(a) = 1 - Phi(a) = e^(-a^2/2) H(a), a = |x| -----------------------------------------------
    /** gencoef_activations.py "GELU_BWD_H": H(a) in y = (a - 3.9375)/(a + 3.9375), degree 9, a in [0, 20], minimax in
     *  |P - H| / max(|h|, 0.0178), h = H - a/sqrt(2 pi): 2^-29.65 (see ScalarActivations#gaussTailHBackward). */
    public static final double GELU_BWD_H0 = 0x1.883bbe58ec74dp-4;
    public static final double GELU_BWD_H1 = -0x1.60fdd90549ed1p-3;
    public static final double GELU_BWD_H2 = 0x1.fed1f398dba91p-4;
    public static final double GELU_BWD_H3 = -0x1.2192333243823p-4;
    public static final double GELU_BWD_H4 = 0x1.e34c3bafd8e4bp-6;
    public static final double GELU_BWD_H5 = -0x1.ef94a82de6f35p-8;
    public static final double GELU_BWD_H6 = 0x1.415a2a0d1870ap-13;
    public static final double GELU_BWD_H7 = 0x1.64791630d516fp-11;
    public static final double GELU_BWD_H8 = -0x1.11adfc6ff1983p-13;
    public static final double GELU_BWD_H9 = -0x1.24ae7ea84812bp-14;
    /** GELU_BWD_H0..9 in order, for the scalar twin's Horner loop. */
    static final double[] GELU_BWD_H = {GELU_BWD_H0, GELU_BWD_H1, GELU_BWD_H2, GELU_BWD_H3, GELU_BWD_H4, GELU_BWD_H5,
            GELU_BWD_H6, GELU_BWD_H7, GELU_BWD_H8, GELU_BWD_H9};
    /** The centre of GELU_BWD_H's map y = (a - K)/(a + K), chosen for the smallest degree-9 error. */
    public static final double GELU_BWD_H_K = 3.9375;
    /** 1/sqrt(2 pi) rounded to binary64: phi(a) = e^(-a^2/2) / sqrt(2 pi). */
    public static final double INV_SQRT_2PI = 0x1.9884533d43651p-2;
    /** |x| clamp of geluBackward: beyond 20, gradOut * gelu'(x) rounds to 0 or is gradOut. */
    public static final double GELU_A_MAX = 20.0;
    /** gencoef_activations.py "GELU_FWD_H": H(a) in y = (a - 3.875)/(a + 3.875), degree 9, a in [0, 14.375], rel.
     *  error 2^-27.45 (relative minimax): gelu's own tail, at most 0.09 ULP of its binary32 result. */
    public static final double GELU_FWD_H0 = 0x1.8dea01a139d12p-4;
    public static final double GELU_FWD_H1 = -0x1.65154c22e4223p-3;
    public static final double GELU_FWD_H2 = 0x1.0004a49832c5ap-3;
    public static final double GELU_FWD_H3 = -0x1.1d2a1e9a9f859p-4;
    public static final double GELU_FWD_H4 = 0x1.cc60f6ab43bf2p-6;
    public static final double GELU_FWD_H5 = -0x1.b2e7f04de97bep-8;
    public static final double GELU_FWD_H6 = -0x1.6747f2c8ccc19p-13;
    public static final double GELU_FWD_H7 = 0x1.6253de6f6f60fp-11;
    public static final double GELU_FWD_H8 = -0x1.7458bbc4569a5p-14;
    public static final double GELU_FWD_H9 = -0x1.1a8b726c869a8p-14;
    /** GELU_FWD_H0..9 in order, for the scalar twin's Horner loop. */
    static final double[] GELU_FWD_H = {GELU_FWD_H0, GELU_FWD_H1, GELU_FWD_H2, GELU_FWD_H3, GELU_FWD_H4, GELU_FWD_H5,
            GELU_FWD_H6, GELU_FWD_H7, GELU_FWD_H8, GELU_FWD_H9};
    /** The centre of GELU_FWD_H's map y = (a - K)/(a + K), chosen for the smallest degree-9 error. */
    public static final double GELU_FWD_H_K = 3.875;
    /** |x| clamp of gelu: past 14.35607, where a Q(a) = 2^-150, x Phi(x) rounds to -0 (x &lt; 0) or is x. */
    public static final double GELU_FWD_A_MAX = 14.375;

    // ---- tanh-form GELU: z = K (x + C x^3), 0.5 x (1 + tanh z) = x sigmoid(2z) ------------------------------------
    /** sqrt(2/pi) rounded to binary64. */
    public static final double GELU_TANH_K = 0x1.9884533d43651p-1;
    /** -2 sqrt(2/pi) (exact double of GELU_TANH_K): e^(-2z) = exp(x (1 + C x^2) * GELU_TANH_M2K). */
    public static final double GELU_TANH_M2K = -0x1.9884533d43651p0;
    /** 2 sqrt(2/pi): 2 z'(x) = GELU_TANH_2K (1 + 3 C x^2). */
    public static final double GELU_TANH_2K = 0x1.9884533d43651p0;
    /** 0.044715 rounded to binary64 (the constant of the tanh approximation, as in PyTorch). */
    public static final double GELU_TANH_C = 0x1.6e4e26d4801f7p-5;
    /** 3 * GELU_TANH_C rounded to binary64. */
    public static final double GELU_TANH_3C = 0x1.12ba9d1f60179p-3;
    /** x clamp: sigmoid(2z(20)) = 1 and sigmoid(2z(-20)) < 1e-261 in binary64, so the results saturate exactly. */
    public static final double GELU_TANH_X_MAX = 20.0;
    /**
     * -2 sqrt(2/pi) = -GELU_TANH_2K as a binary32 pair (hi rounded to nearest, lo the rest rounded; pair error
     * 2^-52 relative): geluTanh's binary32 form builds -|u| = -|2z| = a (NA + NB a^2) from these to 2^-44.
     */
    public static final float GELU_TANH_F_NA_HI = -0x1.988454p0f;
    public static final float GELU_TANH_F_NA_LO = 0x1.857936p-25f;
    /** -GELU_TANH_2K * GELU_TANH_C (the exact product of the two binary64 constants) as a binary32 pair, error 2^-50. */
    public static final float GELU_TANH_F_NB_HI = -0x1.2444f2p-4f;
    public static final float GELU_TANH_F_NB_LO = -0x1.49b16ap-29f;
    /**
     * Bits of 11.5, the a = |x| clamp of geluTanh's binary32 form: |u(11.5)| = 126.9 (n = -183, 2^(n+64) normal), and
     * for x &le; -11 the result is below 2^-150 (-0), for x &ge; 5.2 it is x.
     */
    public static final int GELU_TANH_F_A_MAX_BITS = Float.floatToRawIntBits(11.5f);
    /**
     * Bits of -9.5: up to |x| = 9.5, n &ge; -110 (2^n normal) and |geluTanh(x)| &ge; 7.6e-33 (normal), so geluTanh's fast
     * path scales its x &lt; 0 results by 2^n directly.
     */
    public static final int GELU_TANH_FAST_NEG_MAX_BITS = Float.floatToRawIntBits(-9.5f);

    // ---- SiLU, softplus, log-sigmoid --------------------------------------------------------------------------
    /** x clamp of siluBackward: |x| e^-300 * 300 * Float.MAX_VALUE rounds to 0, and sigmoid(300) = 1 in binary64. */
    public static final double SILU_X_MAX = 300.0;
    /** |argument| clamp of e^-|u| (softplus, log-sigmoid and their derivatives): e^-700 / Float.MIN_VALUE still
     *  rounds to 0, and binary64 expD stays in its normal range (|u| &lt;= 708). */
    public static final double EXP_ARG_MAX = 700.0;

    /**
     * Bits of 2^37: logSigmoidBackward's binary32 form clamps |x| at 130, where g sigmoid(-x) still rounds to 0 for
     * |g| &le; 2^37 (2^37 e^-130 = 2^-150.5), and scales it by 2^64 before rounding (no overflow); gradOut above 2^37
     * in magnitude, infinite or NaN takes the binary64 form.
     */
    public static final int SIGMOID_GRAD_MAX_BITS = Float.floatToRawIntBits(0x1p37f);
    /**
     * 20 (and the bits of -20) and of 2^-20: logSigmoidBackward's fast path takes whole vectors with 2^-30 &le; |x|
     * &le; 20 and 2^-20 &le; |gradOut| &le; 2^37, where every value of the unscaled computation is normal (g e^2 &ge;
     * 2^-78, and the exact error of g e is 0 or a multiple of ulp(g) ulp(e) &ge; 2^-95), so it gives the scaled form's
     * bits.
     */
    public static final float SIGMOID_BACKWARD_FAST_X_MAX = 20f;
    public static final int SIGMOID_BACKWARD_FAST_NEG_MAX_BITS = Float.floatToRawIntBits(-SIGMOID_BACKWARD_FAST_X_MAX);
    /**
     * -|x| bits from which siluBackward's vector body replaces the unused scale 2^(n+64) by 1: below |x| = 64 the
     * products of g 2^(n+64) stay normal (g 2^(n+64) &ge; g 2^-28), so no lane needs it.
     */
    public static final int SILU_BACKWARD_SCALE_GUARD_BITS = Float.floatToRawIntBits(-64f);
    public static final int SIGMOID_GRAD_FAST_MIN_BITS = Float.floatToRawIntBits(0x1p-20f);
    /** Bits of 2^-125: silu's x/2 for |x| &lt; 2^-30 is an exact exponent decrement from here up. */
    public static final int HALF_EXACT_BITS = Float.floatToRawIntBits(0x1p-125f);

    // ---- root windows: derivatives that cross zero are d * W(d) near the root, d = x - root (root = HI + LO) -------
    /** Half-width of the root windows: outside, the direct formula loses at most 5 bits to cancellation. */
    public static final double ROOT_WINDOW = 0x1p-5;
    /** gencoef_activations.py "GELU_W": root a0 of H(a) - a/sqrt(2 pi) (gelu'(-a0) = 0), a0 = 0.75179152469356445746. */
    public static final double GELU_ROOT_HI = 0x1.80ead197f00b4p-1;
    public static final double GELU_ROOT_LO = -0x1.13e74c58cada8p-56;
    /** (H(a) - a/sqrt(2 pi)) / (a - a0), degree 5 in d = a - a0 on [-1/32, 1/32], rel. error 2^-45.0. */
    public static final double GELU_W0 = -0x1.25126c154322p-1;
    public static final double GELU_W1 = 0x1.5b297ebb9a682p-4;
    public static final double GELU_W2 = -0x1.2bad283a02a5dp-5;
    public static final double GELU_W3 = 0x1.d507ae2bd4757p-7;
    public static final double GELU_W4 = -0x1.527d7252f54a5p-8;
    public static final double GELU_W5 = 0x1.c7d06b4a60871p-10;
    /** gencoef_activations.py "GELU_TANH_W": root x0 of 1 + 2x z'(x)(1 - sigmoid(2z)), x0 = -0.75246142207101621856. */
    public static final double GELU_TANH_ROOT_HI = -0x1.81429f9e97e4cp-1;
    public static final double GELU_TANH_ROOT_LO = -0x1.406439d087aa4p-55;
    /** (1 + 2x z'(x)(1 - sigmoid(2z))) / (x - x0), degree 5 in d = x - x0 on [-1/32, 1/32], rel. error 2^-46.1. */
    public static final double GELU_TANH_W0 = 0x1.e793cee4ce55ep+0;
    public static final double GELU_TANH_W1 = -0x1.a1f47f81121cdp-1;
    public static final double GELU_TANH_W2 = 0x1.f8ab55dd9dbep-5;
    public static final double GELU_TANH_W3 = 0x1.303aac5659762p-9;
    public static final double GELU_TANH_W4 = 0x1.4e5f67576bc1bp-7;
    public static final double GELU_TANH_W5 = -0x1.c83ffbe750a2p-10;
    /** gencoef_activations.py "SILU_W": root x0 of 1 + x (1 - sigmoid(x)), x0 = -1.2784645427610737951. */
    public static final double SILU_ROOT_HI = -0x1.474973c84120bp+0;
    public static final double SILU_ROOT_LO = -0x1.f8d74bc9ac154p-54;
    /** (1 + x (1 - sigmoid(x))) / (x - x0), degree 5 in d = x - x0 on [-1/32, 1/32], rel. error 2^-50.5. */
    public static final double SILU_W0 = 0x1.ffffffffffffbp-1;
    public static final double SILU_W1 = -0x1.be1410460535p-4;
    public static final double SILU_W2 = -0x1.9072f0750f68fp-5;
    public static final double SILU_W3 = -0x1.353eb538eb8cp-8;
    public static final double SILU_W4 = 0x1.8f0c9ea19e1b3p-9;
    public static final double SILU_W5 = 0x1.209ba309e7cf9p-10;
    /** siluBackward in binary32 (silu's plain core): |gradOut| above 2^29, infinite or NaN goes to binary64. Below it no
     *  partial product overflows, and at the core's clamp a = 130, g a e^-a &lt; 2^-151 rounds to 0 as it should. */
    public static final int SILU_GRAD_MAX_BITS = Float.floatToRawIntBits(0x1p29f);
    /** gencoef_activations.py "SILU_F_W": the root x0 of silu' split in binary32 hi + lo. */
    public static final float SILU_F_ROOT_HI = -0x1.474974p+0f;
    public static final float SILU_F_ROOT_LO = 0x1.bdf6fap-27f;
    /** Half-width of siluBackward's binary32 root window: outside it the plain exp's rounding moves the result by at most
     *  1.05 times its own relative size (gencoef_activations.py, section 3). */
    public static final float SILU_F_ROOT_WINDOW = 0.5f;
    /** h(x0 + d) = 1 + x sigmoid(-x) = d + d^2 P(d), P = W1 + W2 d + ... + W8 d^7 on |d| &lt; SILU_F_ROOT_WINDOW
     *  (h'(x0) = 1 exactly), rel. error of 1 + d P(d) 2^-30.05 with these binary32 coefficients. */
    public static final float SILU_F_W1 = -0x1.be141p-4f;
    public static final float SILU_F_W2 = -0x1.9072fp-5f;
    public static final float SILU_F_W3 = -0x1.353e6ep-8f;
    public static final float SILU_F_W4 = 0x1.8f0ddap-9f;
    public static final float SILU_F_W5 = 0x1.208f78p-10f;
    public static final float SILU_F_W6 = -0x1.32ee3ap-16f;
    public static final float SILU_F_W7 = -0x1.99e9b6p-14f;
    public static final float SILU_F_W8 = -0x1.4406e8p-16f;
}
