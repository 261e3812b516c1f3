package dev.kernels;

import dev.kernels.internal.ActivationSupport;
import dev.kernels.internal.Checks;
import dev.kernels.internal.KernelProvider;
import dev.kernels.internal.ScalarActivations;

/**
 * Activation functions and their derivatives over float32 arrays: forward {@code relu}, {@code leakyRelu},
 * {@code gelu} (exact, x&middot;&Phi;(x)), {@code geluTanh}, {@code silu}, {@code softplus}, {@code logSigmoid}
 * (sigmoid and tanh forward are in {@link VectorMath}); backward {@code gradIn = gradOut * f'}, following PyTorch's
 * choice of the saved tensor: {@code sigmoidBackward} and {@code tanhBackward} take the forward OUTPUT y, all others
 * the forward INPUT x.
 *
 * <p><b>Accuracy.</b> Each method quotes its {@code MAX_ULP_<NAME>}: the bound on |result - exact| / ulp(exact), exact =
 * the binary64 (or better) value of f(x), resp. gradOut&middot;f'(x) or gradOut&middot;f'(y). ulp(v) is the spacing of
 * floats in the binade of v (2<sup>-149</sup> below 2<sup>-126</sup>). A bound of 0 means the result is exact, 0.5 that
 * it is correctly rounded. All kernels but relu/leakyRelu, geluTanh, silu, siluBackward, softplus and softplusBackward with beta = 1,
 * logSigmoid, sigmoidBackward/tanhBackward, logSigmoidBackward and the derivatives of relu/leakyRelu are evaluated in binary64 (polynomials accurate to 2<sup>-44</sup> or better, 2<sup>-27.45</sup> and 2<sup>-29.65</sup> for gelu and geluBackward, whose exp and Gaussian tail are cut to what a binary32 result needs, 2<sup>-32.5</sup> for the exp of geluTanhBackward) and rounded once; derivatives that cross zero (gelu', geluTanh',
 * silu') switch to a factored form d&middot;W(d), d = x - root, within 1/32 of the root (siluBackward, in binary32:
 * within 1/2), so they stay relatively accurate there too. Results are never flushed to zero: subnormal results are kept.
 *
 * <p><b>Identical bits everywhere.</b> The vector path (128, 256 or 512 bits) and the scalar path run the same algorithm
 * with the same constants, fused multiply-adds and operation order: every element has the same bits on every CPU and at
 * every array position (NaN payloads are not specified).
 *
 * <p><b>Aliasing.</b> Forward: {@code y} may be {@code x} with the same offset. Backward: {@code gradIn} may be
 * {@code gradOut} or the saved tensor ({@code x} or {@code y}), each with the same offset. Other overlaps give
 * unspecified results.
 *
 * <p><b>Errors.</b> Arguments are checked before anything is written: a null array throws {@link NullPointerException};
 * different lengths, a negative length, a non-finite {@code alpha}, a {@code beta} that is not finite and &gt; 0 or a NaN
 * {@code threshold} throw {@link IllegalArgumentException}; a range outside its array {@link IndexOutOfBoundsException}.
 *
 * <p>Stateless and thread-safe; no allocation per call.
 */
public final class Activations {
    private Activations() {}

    private static final ActivationSupport ACT =
            KernelProvider.load("PanamaActivations", ActivationSupport.class, ScalarActivations::new);

    /** PyTorch's default softplus beta. */
    public static final float SOFTPLUS_DEFAULT_BETA = 1f;
    /** PyTorch's default softplus threshold: softplus(x) = x once beta*x &gt; 20. */
    public static final float SOFTPLUS_DEFAULT_THRESHOLD = 20f;

    private static void checkAlpha(float alpha) {
        if (!Float.isFinite(alpha)) throw new IllegalArgumentException("alpha must be finite, got " + alpha);
    }

    private static void checkSoftplus(float beta, float threshold) {
        if (!(beta > 0f) || beta == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
        }
        if (Float.isNaN(threshold)) throw new IllegalArgumentException("threshold must not be NaN");
    }

    private static void same3(float[] a, String an, float[] b, String bn, float[] c, String cn) {
        Checks.sameLength(a, an, b, bn);
        Checks.sameLength(a, an, c, cn);
    }

    private static void range3(float[] a, String an, int aOff, float[] b, String bn, int bOff, float[] c, String cn,
                               int cOff, int len) {
        Checks.range(a, an, aOff, len);
        Checks.range(b, bn, bOff, len);
        Checks.range(c, cn, cOff, len);
    }

    /** Upper bound on the error of {@link #relu} in ULP (see the class comment). */
    public static final float MAX_ULP_RELU = 0.0f;

    /**
     * y[i] = max(x, 0), for every i of {@code x}.
     *
     * <p>Domain: any float. Exact. Special values: x &lt;= 0, including -0 and -&infin;, gives +0 (the sign of zero is not kept); NaN &rarr; NaN; +&infin; &rarr; +&infin;.
     * <p>Max error {@value #MAX_ULP_RELU} ULP.
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void relu(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        ACT.relu(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = relu(x[xOff + i]) for i in [0, len); see {@link #relu(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void relu(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        ACT.relu(x, xOff, y, yOff, len);
    }

    /** Upper bound on the error of {@link #leakyRelu} in ULP (see the class comment). */
    public static final float MAX_ULP_LEAKY_RELU = 0.5f;

    /**
     * y[i] = x for x &gt; 0, alpha&middot;x otherwise, for every i of {@code x}.
     *
     * <p>Domain: any float; alpha any finite float (PyTorch's negative_slope, default 0.01). Correctly rounded (alpha&middot;x rounded once; exact for x &gt; 0). Special values: NaN &rarr; NaN; &plusmn;0 &rarr; alpha&middot;&plusmn;0; -&infin; &rarr; alpha&middot;-&infin;.
     * <p>Max error {@value #MAX_ULP_LEAKY_RELU} ULP.
     * <p>{@code y} may be {@code x} (in-place).
     * @param alpha slope for x &lt;= 0
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     * @throws IllegalArgumentException if alpha is NaN or infinite
     */
    public static void leakyRelu(float[] x, float[] y, float alpha) {
        Checks.sameLength(x, "x", y, "y");
        checkAlpha(alpha);
        ACT.leakyRelu(x, 0, y, 0, x.length, alpha);
    }

    /**
     * y[yOff + i] = leakyRelu(x[xOff + i]) for i in [0, len); see {@link #leakyRelu(float[], float[], float)}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     * @param alpha slope for x &lt;= 0
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IllegalArgumentException if alpha is NaN or infinite
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void leakyRelu(float[] x, int xOff, float[] y, int yOff, int len, float alpha) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        checkAlpha(alpha);
        ACT.leakyRelu(x, xOff, y, yOff, len, alpha);
    }

    /** Upper bound on the error of {@link #gelu} in ULP (see the class comment). */
    public static final float MAX_ULP_GELU = 1.0f;

    /**
     * y[i] = x&middot;&Phi;(x), &Phi; the standard normal CDF (exact GELU, PyTorch approximate="none"), for every i of {@code x}.
     *
     * <p>Domain: any float. Evaluated as x&middot;(1 - Q(|x|)) for x &ge; 0 and x&middot;Q(|x|) for x &lt; 0, Q(a) = e<sup>-a&sup2;/2</sup>H(a), so the tail stays relatively accurate: results are subnormal below about x = -13.0 and -0 below -14.35607 (|x| is clamped at 14.375). Special values: NaN &rarr; NaN; +&infin; &rarr; +&infin;; -&infin; &rarr; -0; &plusmn;0 &rarr; &plusmn;0; never overflows except for +&infin;.
     * <p>Max error {@value #MAX_ULP_GELU} ULP (0.5921 measured over every float, above 0.5 on 0.6% of them: a 9th-degree
     * tail H (2^-27.45) and a 5th-degree exp, 0.87x the time of the 12th/6th degrees that gave 0.5014).
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void gelu(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        ACT.gelu(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = gelu(x[xOff + i]) for i in [0, len); see {@link #gelu(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void gelu(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        ACT.gelu(x, xOff, y, yOff, len);
    }

    /** Upper bound on the error of {@link #geluTanh} in ULP (see the class comment). */
    public static final float MAX_ULP_GELU_TANH = 2.0f;

    /**
     * y[i] = 0.5&middot;x&middot;(1 + tanh(&radic;(2/&pi;)&middot;(x + 0.044715&middot;x&sup3;))) (PyTorch approximate="tanh"), for every i of {@code x}.
     *
     * <p>Domain: any float. Evaluated as x&middot;sigmoid(2z), which has no cancellation for x &lt; 0. Special values: NaN &rarr; NaN; +&infin; &rarr; +&infin;; -&infin; &rarr; -0; &plusmn;0 &rarr; &plusmn;0; never overflows or returns NaN for finite x; x &ge; 5.2 gives x exactly, x &le; -11 gives -0.
     * <p>Max error {@value #MAX_ULP_GELU_TANH} ULP (1.6772 measured over every float, at x = -2.98: binary32, 2z as a float
     * pair to 2<sup>-44</sup>, then silu's core, exp's plain polynomial rounded once and a corrected reciprocal; the
     * binary64 form it replaced, 0.5030 ULP, took 1.2-1.4x the time).
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void geluTanh(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        ACT.geluTanh(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = geluTanh(x[xOff + i]) for i in [0, len); see {@link #geluTanh(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void geluTanh(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        ACT.geluTanh(x, xOff, y, yOff, len);
    }

    /**
     * Upper bound on the error of {@link #silu} in ULP (see the class comment). It was 1 while silu ran on sigmoid's
     * compensated core (0.81 ULP measured) at 1.45x its present time.
     */
    public static final float MAX_ULP_SILU = 2.0f;

    /**
     * y[i] = x&middot;sigmoid(x) (SiLU, swish), for every i of {@code x}.
     *
     * <p>Domain: any float. Special values: NaN &rarr; NaN; +&infin; &rarr; +&infin;; -&infin; &rarr; -0; &plusmn;0 &rarr; &plusmn;0; results for x below about -88 are subnormal, then -0 below about -108.7; never overflows or returns NaN for finite x.
     * <p>Max error {@value #MAX_ULP_SILU} ULP (1.6732 measured over every float, above 1 on 710619 of them). Evaluated
     * in binary32 from exp's plain polynomial (e<sup>-|x|</sup> rounded once, up to 2<sup>-24</sup> relative: most of
     * the error) and a corrected reciprocal, x&middot;sigmoid(x) rounded once.
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void silu(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        ACT.silu(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = silu(x[xOff + i]) for i in [0, len); see {@link #silu(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void silu(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        ACT.silu(x, xOff, y, yOff, len);
    }

    /** Upper bound on the error of {@link #softplus} in ULP (see the class comment). */
    public static final float MAX_ULP_SOFTPLUS = 2.0f;

    /**
     * y[i] = log(1 + e<sup>x</sup>), for every i of {@code x}: {@link #softplus(float[], float[], float, float)} with PyTorch's
     * defaults beta = 1, threshold = 20.
     *
     * <p>Max error {@value #MAX_ULP_SOFTPLUS} ULP (1.62 measured over every float: binary32, see below).
     * softplus(1e30) = 1e30; softplus(-&infin;) = +0.
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void softplus(float[] x, float[] y) {
        softplus(x, y, SOFTPLUS_DEFAULT_BETA, SOFTPLUS_DEFAULT_THRESHOLD);
    }

    /**
     * y[yOff + i] = softplus(x[xOff + i]) for i in [0, len), beta = 1, threshold = 20; see
     * {@link #softplus(float[], float[], float, float)}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void softplus(float[] x, int xOff, float[] y, int yOff, int len) {
        softplus(x, xOff, y, yOff, len, SOFTPLUS_DEFAULT_BETA, SOFTPLUS_DEFAULT_THRESHOLD);
    }

    /**
     * y[i] = x if beta&middot;x &gt; threshold, else log(1 + e<sup>beta&middot;x</sup>) / beta (PyTorch's Softplus), for every i.
     *
     * <p>Domain: any float x; beta finite and &gt; 0; threshold any non-NaN float (+&infin;: never linear). The product
     * beta&middot;x is taken exactly (in binary64) both in the test and in the formula; the formula is evaluated stably as
     * (max(u, 0) + log1p(e<sup>-|u|</sup>)) / beta, u = beta&middot;x, so it never overflows, and for very negative u it
     * returns e<sup>u</sup>/beta, subnormal when small (never flushed). Special values: NaN &rarr; NaN; -&infin; &rarr; +0;
     * +&infin; &rarr; +&infin;.
     * <p>Max error {@value #MAX_ULP_SOFTPLUS} ULP. With beta = 1 (PyTorch's default) the formula runs in binary32,
     * max(x, 0) + log1p(e<sup>-|x|</sup>) with log1p(1 + e) split into an exact head and a tail rounded once: 1.62 ULP
     * measured over every float, at a third of the binary64 form's time; any other beta runs in binary64, rounded once
     * (0.5 ULP).
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @param beta the sharpness (PyTorch default 1)
     * @param threshold above which beta&middot;x the result is x (PyTorch default 20)
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length, beta is not finite and &gt; 0, or threshold is NaN
     */
    public static void softplus(float[] x, float[] y, float beta, float threshold) {
        Checks.sameLength(x, "x", y, "y");
        checkSoftplus(beta, threshold);
        ACT.softplus(x, 0, y, 0, x.length, beta, threshold);
    }

    /**
     * y[yOff + i] = softplus(x[xOff + i]; beta, threshold) for i in [0, len); see
     * {@link #softplus(float[], float[], float, float)}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0, beta is not finite and &gt; 0, or threshold is NaN
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void softplus(float[] x, int xOff, float[] y, int yOff, int len, float beta, float threshold) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        checkSoftplus(beta, threshold);
        ACT.softplus(x, xOff, y, yOff, len, beta, threshold);
    }

    /** Upper bound on the error of {@link #logSigmoid} in ULP (see the class comment). */
    public static final float MAX_ULP_LOG_SIGMOID = 2.0f;

    /**
     * y[i] = log(sigmoid(x)) = min(x, 0) - log1p(e<sup>-|x|</sup>), for every i of {@code x}.
     *
     * <p>Domain: any float. Special values: NaN &rarr; NaN; -&infin; &rarr; -&infin;; +&infin; &rarr; -0; logSigmoid(-1e30) = -1e30; for large x the result is -e<sup>-x</sup>, subnormal above about 87.3, then -0 above about 103.97; never overflows.
     * <p>Max error {@value #MAX_ULP_LOG_SIGMOID} ULP (1.62 measured over every float), computed in binary32 as
     * softplus with beta = 1 is.
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void logSigmoid(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        ACT.logSigmoid(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = logSigmoid(x[xOff + i]) for i in [0, len); see {@link #logSigmoid(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void logSigmoid(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        ACT.logSigmoid(x, xOff, y, yOff, len);
    }

    /** Upper bound on the error of {@link #sigmoidBackward} in ULP (see the class comment). */
    public static final float MAX_ULP_SIGMOID_BACKWARD = 1.5f; // two roundings: f'(y) once, the product once

    /**
     * gradIn[i] = gradOut[i] &middot; y&middot;(1 - y), from the saved output y = sigmoid(x), for every i.
     *
     * <p>Domain: any floats (y is meant to be in [0, 1]). Computed in binary32 as gradOut &middot; fma(-y, y, y): y - y&sup2; = y(1 - y) rounded once, then one multiply (two roundings); for |y| &gt; 2<sup>32</sup> in binary64, so nothing overflows while the exact result is finite. NaN in either input gives NaN.
     * <p>Max error {@value #MAX_ULP_SIGMOID_BACKWARD} ULP relative to the exact gradOut&middot;f'.
     * <p>{@code gradIn} may be {@code gradOut} or {@code y} (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static void sigmoidBackward(float[] y, float[] gradOut, float[] gradIn) {
        same3(y, "y", gradOut, "gradOut", gradIn, "gradIn");
        ACT.sigmoidBackward(y, 0, gradOut, 0, gradIn, 0, y.length);
    }

    /**
     * gradIn[giOff + i] = sigmoidBackward of (y[yOff + i], gradOut[gOff + i]) for i in [0, len); see
     * {@link #sigmoidBackward(float[], float[], float[])}.
     *
     * <p>{@code gradIn} may be {@code gradOut} or {@code y} with the same offset (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void sigmoidBackward(float[] y, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        range3(y, "y", yOff, gradOut, "gradOut", gOff, gradIn, "gradIn", giOff, len);
        ACT.sigmoidBackward(y, yOff, gradOut, gOff, gradIn, giOff, len);
    }

    /** Upper bound on the error of {@link #tanhBackward} in ULP (see the class comment). */
    public static final float MAX_ULP_TANH_BACKWARD = 1.5f; // two roundings: f'(y) once, the product once

    /**
     * gradIn[i] = gradOut[i] &middot; (1 - y&sup2;), from the saved output y = tanh(x), for every i.
     *
     * <p>Domain: any floats (y is meant to be in [-1, 1]). Computed in binary32 as gradOut &middot; fma(-y, y, 1): 1 - y&sup2; is rounded once (no cancellation near |y| = 1), then one multiply (two roundings); for |y| &gt; 2<sup>32</sup> in binary64, so nothing overflows while the exact result is finite. NaN in either input gives NaN.
     * <p>Max error {@value #MAX_ULP_TANH_BACKWARD} ULP relative to the exact gradOut&middot;f'.
     * <p>{@code gradIn} may be {@code gradOut} or {@code y} (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static void tanhBackward(float[] y, float[] gradOut, float[] gradIn) {
        same3(y, "y", gradOut, "gradOut", gradIn, "gradIn");
        ACT.tanhBackward(y, 0, gradOut, 0, gradIn, 0, y.length);
    }

    /**
     * gradIn[giOff + i] = tanhBackward of (y[yOff + i], gradOut[gOff + i]) for i in [0, len); see
     * {@link #tanhBackward(float[], float[], float[])}.
     *
     * <p>{@code gradIn} may be {@code gradOut} or {@code y} with the same offset (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void tanhBackward(float[] y, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        range3(y, "y", yOff, gradOut, "gradOut", gOff, gradIn, "gradIn", giOff, len);
        ACT.tanhBackward(y, yOff, gradOut, gOff, gradIn, giOff, len);
    }

    /** Upper bound on the error of {@link #reluBackward} in ULP (see the class comment). */
    public static final float MAX_ULP_RELU_BACKWARD = 0.0f;

    /**
     * gradIn[i] = gradOut[i] &middot; [x &gt; 0], i.e. gradOut[i] for x &gt; 0 and +0 otherwise, for every i.
     *
     * <p>Domain: any floats. Exact. ReLU'(0) = 0 (also at -0). As PyTorch's threshold_backward this is a select, not a product: x &lt;= 0 gives +0 even for an infinite or NaN gradOut, and a NaN x passes gradOut through.
     * <p>Max error {@value #MAX_ULP_RELU_BACKWARD} ULP relative to the exact gradOut&middot;f'.
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static void reluBackward(float[] x, float[] gradOut, float[] gradIn) {
        same3(x, "x", gradOut, "gradOut", gradIn, "gradIn");
        ACT.reluBackward(x, 0, gradOut, 0, gradIn, 0, x.length);
    }

    /**
     * gradIn[giOff + i] = reluBackward of (x[xOff + i], gradOut[gOff + i]) for i in [0, len); see
     * {@link #reluBackward(float[], float[], float[])}.
     *
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} with the same offset (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void reluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        range3(x, "x", xOff, gradOut, "gradOut", gOff, gradIn, "gradIn", giOff, len);
        ACT.reluBackward(x, xOff, gradOut, gOff, gradIn, giOff, len);
    }

    /** Upper bound on the error of {@link #leakyReluBackward} in ULP (see the class comment). */
    public static final float MAX_ULP_LEAKY_RELU_BACKWARD = 0.5f;

    /**
     * gradIn[i] = gradOut[i] &middot; (1 for x &gt; 0, alpha otherwise), for every i.
     *
     * <p>Domain: any floats; alpha finite. Correctly rounded (gradOut for x &gt; 0, gradOut&middot;alpha rounded once otherwise, as PyTorch; a NaN x gives gradOut&middot;alpha).
     * <p>Max error {@value #MAX_ULP_LEAKY_RELU_BACKWARD} ULP relative to the exact gradOut&middot;f'.
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} (in-place).
     * @param alpha slope for x &lt;= 0, as in the forward call
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws IllegalArgumentException if alpha is NaN or infinite
     */
    public static void leakyReluBackward(float[] x, float[] gradOut, float[] gradIn, float alpha) {
        same3(x, "x", gradOut, "gradOut", gradIn, "gradIn");
        checkAlpha(alpha);
        ACT.leakyReluBackward(x, 0, gradOut, 0, gradIn, 0, x.length, alpha);
    }

    /**
     * gradIn[giOff + i] = leakyReluBackward of (x[xOff + i], gradOut[gOff + i]) for i in [0, len); see
     * {@link #leakyReluBackward(float[], float[], float[], float)}.
     *
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} with the same offset (in-place).
     * @param alpha slope for x &lt;= 0, as in the forward call
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IllegalArgumentException if alpha is NaN or infinite
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void leakyReluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len, float alpha) {
        range3(x, "x", xOff, gradOut, "gradOut", gOff, gradIn, "gradIn", giOff, len);
        checkAlpha(alpha);
        ACT.leakyReluBackward(x, xOff, gradOut, gOff, gradIn, giOff, len, alpha);
    }

    /** Upper bound on the error of {@link #geluBackward} in ULP (see the class comment). */
    public static final float MAX_ULP_GELU_BACKWARD = 1.0f;

    /**
     * gradIn[i] = gradOut[i] &middot; (&Phi;(x) + x&middot;&phi;(x)), the derivative of exact GELU, for every i.
     *
     * <p>Domain: any floats. The derivative is relatively accurate everywhere, including next to its root x = -0.75179152 and in the Gaussian tail. Special values: x = NaN &rarr; NaN; x = +&infin; &rarr; gradOut; x = -&infin; &rarr; gradOut&middot;(-0) (the derivative is negative in the left tail).
     * <p>Max error {@value #MAX_ULP_GELU_BACKWARD} ULP relative to the exact gradOut&middot;f' (0.5220 measured over
     * every float x for four gradOut: a 9th-degree tail H fitted to the derivative's own factor H(a) - a/&radic;(2&pi;),
     * 2^-29.65 relative to it, and a 5th-degree exp; 0.88x the time of the 12th/6th degrees that gave 0.5184).
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static void geluBackward(float[] x, float[] gradOut, float[] gradIn) {
        same3(x, "x", gradOut, "gradOut", gradIn, "gradIn");
        ACT.geluBackward(x, 0, gradOut, 0, gradIn, 0, x.length);
    }

    /**
     * gradIn[giOff + i] = geluBackward of (x[xOff + i], gradOut[gOff + i]) for i in [0, len); see
     * {@link #geluBackward(float[], float[], float[])}.
     *
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} with the same offset (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void geluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        range3(x, "x", xOff, gradOut, "gradOut", gOff, gradIn, "gradIn", giOff, len);
        ACT.geluBackward(x, xOff, gradOut, gOff, gradIn, giOff, len);
    }

    /** Upper bound on the error of {@link #geluTanhBackward} in ULP (see the class comment). */
    public static final float MAX_ULP_GELU_TANH_BACKWARD = 1.0f;

    /**
     * gradIn[i] = gradOut[i] &middot; d/dx geluTanh(x) = s + 2x&middot;z'(x)&middot;s&middot;(1 - s), s = sigmoid(2z), for every i.
     *
     * <p>Domain: any floats. Relatively accurate everywhere, including next to the root x = -0.75246142. Special values: x = NaN &rarr; NaN; x &ge; 20 &rarr; gradOut; x = -&infin; &rarr; gradOut&middot;(-0) (the derivative is negative in the left tail).
     * <p>Max error {@value #MAX_ULP_GELU_TANH_BACKWARD} ULP relative to the exact gradOut&middot;f' (0.5055 measured over every
     * float x for four gradOut: binary64 with a degree-5 exp).
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static void geluTanhBackward(float[] x, float[] gradOut, float[] gradIn) {
        same3(x, "x", gradOut, "gradOut", gradIn, "gradIn");
        ACT.geluTanhBackward(x, 0, gradOut, 0, gradIn, 0, x.length);
    }

    /**
     * gradIn[giOff + i] = geluTanhBackward of (x[xOff + i], gradOut[gOff + i]) for i in [0, len); see
     * {@link #geluTanhBackward(float[], float[], float[])}.
     *
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} with the same offset (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void geluTanhBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        range3(x, "x", xOff, gradOut, "gradOut", gOff, gradIn, "gradIn", giOff, len);
        ACT.geluTanhBackward(x, xOff, gradOut, gOff, gradIn, giOff, len);
    }

    /** Upper bound on the error of {@link #siluBackward} in ULP (see the class comment). */
    public static final float MAX_ULP_SILU_BACKWARD = 3.0f;

    /**
     * gradIn[i] = gradOut[i] &middot; sigmoid(x)&middot;(1 + x&middot;(1 - sigmoid(x))), for every i.
     *
     * <p>Domain: any floats. Relatively accurate everywhere, including next to the root x = -1.27846454. Special values: x = NaN &rarr; NaN; x = +&infin; &rarr; gradOut; x = -&infin; &rarr; gradOut&middot;(-0) (the derivative is negative in the left tail).
     * <p>Max error {@value #MAX_ULP_SILU_BACKWARD} ULP relative to the exact gradOut&middot;f' (the bound for
     * backward kernels is 4). Evaluated in binary32 on silu's core (e<sup>-a</sup> from exp's polynomial rounded once,
     * a corrected reciprocal): gradOut&middot;sigmoid(a)&middot;(1 + a&middot;sigmoid(-a)) for x = a &ge; 0,
     * gradOut&middot;sigmoid(-a)&middot;(1 - a&middot;sigmoid(a)) for x = -a with 1 - a&middot;sigmoid(a) rounded once
     * by a fused multiply-add, and d + d&sup2;P(d), d = x - root, within 1/2 of the root; |gradOut| above 2<sup>29</sup>
     * goes to binary64. The binary64 form rounded once (0.5 ULP) took 1.4x the time of the former binary32 form on
     * sigmoid's compensated core, and that one 1.2-1.4x the time of this.
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static void siluBackward(float[] x, float[] gradOut, float[] gradIn) {
        same3(x, "x", gradOut, "gradOut", gradIn, "gradIn");
        ACT.siluBackward(x, 0, gradOut, 0, gradIn, 0, x.length);
    }

    /**
     * gradIn[giOff + i] = siluBackward of (x[xOff + i], gradOut[gOff + i]) for i in [0, len); see
     * {@link #siluBackward(float[], float[], float[])}.
     *
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} with the same offset (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void siluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        range3(x, "x", xOff, gradOut, "gradOut", gOff, gradIn, "gradIn", giOff, len);
        ACT.siluBackward(x, xOff, gradOut, gOff, gradIn, giOff, len);
    }

    /**
     * Upper bound on the error of {@link #softplusBackward} in ULP (see the class comment). It was 1 while beta = 1 ran
     * on sigmoid's compensated core (0.78 ULP measured) at 1.8-1.9x its present time.
     */
    public static final float MAX_ULP_SOFTPLUS_BACKWARD = 2.0f;

    /**
     * gradIn[i] = gradOut[i] &middot; sigmoid(x[i]), the derivative of {@link #softplus(float[], float[])} (beta = 1,
     * threshold = 20: gradOut itself where x &gt; 20).
     *
     * <p>Max error {@value #MAX_ULP_SOFTPLUS_BACKWARD} ULP relative to the exact gradOut&middot;f'.
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static void softplusBackward(float[] x, float[] gradOut, float[] gradIn) {
        softplusBackward(x, gradOut, gradIn, SOFTPLUS_DEFAULT_BETA, SOFTPLUS_DEFAULT_THRESHOLD);
    }

    /**
     * Offset form of {@link #softplusBackward(float[], float[], float[])} (beta = 1, threshold = 20).
     *
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} with the same offset (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void softplusBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        softplusBackward(x, xOff, gradOut, gOff, gradIn, giOff, len, SOFTPLUS_DEFAULT_BETA, SOFTPLUS_DEFAULT_THRESHOLD);
    }

    /**
     * gradIn[i] = gradOut[i] if beta&middot;x[i] &gt; threshold, else gradOut[i] &middot; sigmoid(beta&middot;x[i]) (PyTorch's
     * softplus_backward; beta&middot;x taken exactly).
     *
     * <p>Domain: any floats; beta finite and &gt; 0; threshold not NaN. Special values: x = NaN &rarr; NaN; x = -&infin;
     * &rarr; gradOut&middot;0.
     * <p>Max error {@value #MAX_ULP_SOFTPLUS_BACKWARD} ULP relative to the exact gradOut&middot;f'. With beta = 1 it is
     * {@link #logSigmoidBackward} at -x (gradOut&middot;sigmoid(x) = gradOut&middot;sigmoid(-(-x))), binary32, 1.7209 ULP
     * measured over every x for four gradOut; any other beta runs in binary64 with one division (0.5 ULP).
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length, beta is not finite and &gt; 0, or threshold is NaN
     */
    public static void softplusBackward(float[] x, float[] gradOut, float[] gradIn, float beta, float threshold) {
        same3(x, "x", gradOut, "gradOut", gradIn, "gradIn");
        checkSoftplus(beta, threshold);
        ACT.softplusBackward(x, 0, gradOut, 0, gradIn, 0, x.length, beta, threshold);
    }

    /**
     * Offset form of {@link #softplusBackward(float[], float[], float[], float, float)}.
     *
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} with the same offset (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if len &lt; 0, beta is not finite and &gt; 0, or threshold is NaN
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void softplusBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len,
                                        float beta, float threshold) {
        range3(x, "x", xOff, gradOut, "gradOut", gOff, gradIn, "gradIn", giOff, len);
        checkSoftplus(beta, threshold);
        ACT.softplusBackward(x, xOff, gradOut, gOff, gradIn, giOff, len, beta, threshold);
    }

    /**
     * Upper bound on the error of {@link #logSigmoidBackward} in ULP (see the class comment). It was 1 while it ran on
     * sigmoid's compensated core (0.78 ULP measured) at 1.8-1.9x its present time.
     */
    public static final float MAX_ULP_LOG_SIGMOID_BACKWARD = 2.0f;

    /**
     * gradIn[i] = gradOut[i] &middot; sigmoid(-x) = 1 - sigmoid(x), the derivative of logSigmoid, for every i.
     *
     * <p>Domain: any floats. Special values: x = NaN &rarr; NaN; x = -&infin; &rarr; gradOut; x = +&infin; &rarr; gradOut&middot;0.
     * <p>Max error {@value #MAX_ULP_LOG_SIGMOID_BACKWARD} ULP relative to the exact gradOut&middot;f' (measured: 1.7209 over all
     * 2^32 x for each gradOut in {1, -0.75, 3e-5, 6e4}). Evaluated in binary32 for |gradOut| &le; 2<sup>37</sup>, from
     * exp's plain polynomial (e<sup>-|x|</sup> rounded once, up to 2<sup>-24</sup> relative: most of the error) and a
     * corrected reciprocal, gradOut&middot;sigmoid(-x) rounded once; in binary64 for larger, infinite or NaN gradOut.
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static void logSigmoidBackward(float[] x, float[] gradOut, float[] gradIn) {
        same3(x, "x", gradOut, "gradOut", gradIn, "gradIn");
        ACT.logSigmoidBackward(x, 0, gradOut, 0, gradIn, 0, x.length);
    }

    /**
     * gradIn[giOff + i] = logSigmoidBackward of (x[xOff + i], gradOut[gOff + i]) for i in [0, len); see
     * {@link #logSigmoidBackward(float[], float[], float[])}.
     *
     * <p>{@code gradIn} may be {@code gradOut} or {@code x} with the same offset (in-place).
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void logSigmoidBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        range3(x, "x", xOff, gradOut, "gradOut", gOff, gradIn, "gradIn", giOff, len);
        ACT.logSigmoidBackward(x, xOff, gradOut, gOff, gradIn, giOff, len);
    }
}
