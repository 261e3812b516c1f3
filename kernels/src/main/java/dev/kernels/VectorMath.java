package dev.kernels;

import dev.kernels.internal.Checks;
import dev.kernels.internal.KernelProvider;
import dev.kernels.internal.VectorMathSupport;

/**
 * Element-wise float32 math over arrays: exp, expm1, log, log1p, sigmoid, tanh, erf.
 *
 * <p><b>Accuracy.</b> Every function is within {@code MAX_ULP_<NAME>} (1.0) ULP of the exact value for
 * <em>every</em> float input: this is checked by an exhaustive sweep over all 2<sup>32</sup> inputs against a
 * binary64 oracle (the ULP report, {@code kernels-test}). The figure quoted per method is the measured maximum. ULP is
 * measured against the exact value: |y - f(x)| / ulp(f(x)), where ulp(v) is the spacing of floats in the binade of v
 * (2<sup>-149</sup> below 2<sup>-126</sup>) and +&infin; counts as 2<sup>128</sup>.
 *
 * <p><b>Identical bits everywhere.</b> The vector path (any species width: 128, 256, 512 bits) and the scalar path run
 * the same algorithm with the same constants, fused multiply-adds and operation order, so each output element has the
 * same bits on every CPU and at every position in the array (NaN payloads are not specified).
 *
 * <p><b>Aliasing.</b> {@code y} may be the same array as {@code x} with the same offset (in-place). Other overlaps
 * of the input and output ranges give unspecified results.
 *
 * <p><b>Errors.</b> Arguments are checked before anything is written: a null array throws
 * {@link NullPointerException}, a negative length or different lengths {@link IllegalArgumentException}, a range
 * outside an array {@link IndexOutOfBoundsException}.
 *
 * <p>Stateless and thread-safe; no allocation per call.
 */
public final class VectorMath {
    private VectorMath() {}

    private static final VectorMathSupport MATH = KernelProvider.vectorMath();

    /** Upper bound on the error of {@link #exp} in ULP, over all float inputs. */
    public static final float MAX_ULP_EXP = 1.0f;

    /**
     * y[i] = e<sup>x</sup>, for every i of {@code x}.
     *
     * <p>Domain: any float. Special values: exp(NaN) = NaN; exp(-&infin;) = +0; exp(+&infin;) = +&infin;; exp(&plusmn;0) = 1; overflows to +&infin; exactly from x = 0x1.62e430p6 (88.72284), the first float whose exact exp rounds past Float.MAX_VALUE; results below 2<sup>-126</sup> are subnormal (gradual underflow, never flushed); exp(x) = +0 only where the exact value rounds to 0 (x &lt; -103.972).
     * <p>Max error {@value #MAX_ULP_EXP} ULP (measured: max 0.8913 ULP over all 2^32 inputs, worst at x = -0x1.765026p2).
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void exp(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        MATH.exp(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = exp(x[xOff + i]) for i in [0, len); see {@link #exp(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void exp(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        MATH.exp(x, xOff, y, yOff, len);
    }

    /** Upper bound on the error of {@link #expm1} in ULP, over all float inputs. */
    public static final float MAX_ULP_EXPM1 = 1.0f;

    /**
     * y[i] = e<sup>x</sup> - 1, accurate near 0, for every i of {@code x}.
     *
     * <p>Domain: any float. Special values: NaN &rarr; NaN; -&infin; &rarr; -1; +&infin; &rarr; +&infin;; &plusmn;0 &rarr; &plusmn;0 (sign kept); tiny x &rarr; x, subnormals kept; overflows to +&infin; where the exact value rounds past Float.MAX_VALUE.
     * <p>Max error {@value #MAX_ULP_EXPM1} ULP (measured: max 0.8685 ULP over all 2^32 inputs, identical bits at 512, 256 and
     * 128 bits and on the scalar path).
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void expm1(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        MATH.expm1(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = expm1(x[xOff + i]) for i in [0, len); see {@link #expm1(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void expm1(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        MATH.expm1(x, xOff, y, yOff, len);
    }

    /** Upper bound on the error of {@link #log} in ULP, over all float inputs. */
    public static final float MAX_ULP_LOG = 1.0f;

    /**
     * y[i] = the natural logarithm, for every i of {@code x}.
     *
     * <p>Domain: x &ge; 0. Special values: NaN &rarr; NaN; x &lt; 0 (including -&infin;) &rarr; NaN; &plusmn;0 &rarr; -&infin;; 1 &rarr; +0; +&infin; &rarr; +&infin;; subnormal inputs are handled exactly (no flush).
     * <p>Max error {@value #MAX_ULP_LOG} ULP (measured: max 0.8524 ULP over all 2^32 inputs, worst at x = 0x1.66263ep0).
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void log(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        MATH.log(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = log(x[xOff + i]) for i in [0, len); see {@link #log(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void log(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        MATH.log(x, xOff, y, yOff, len);
    }

    /** Upper bound on the error of {@link #log1p} in ULP, over all float inputs. */
    public static final float MAX_ULP_LOG1P = 1.0f;

    /**
     * y[i] = log(1 + x), accurate near 0, for every i of {@code x}.
     *
     * <p>Domain: x &ge; -1. Special values: NaN &rarr; NaN; x &lt; -1 &rarr; NaN; -1 &rarr; -&infin;; &plusmn;0 &rarr; &plusmn;0 (sign kept); +&infin; &rarr; +&infin;; tiny x &rarr; x, subnormals kept.
     * <p>Max error {@value #MAX_ULP_LOG1P} ULP (measured: max 0.8634 ULP over all 2^32 inputs, identical bits at 512, 256 and 128 bits and on the scalar path).
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void log1p(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        MATH.log1p(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = log1p(x[xOff + i]) for i in [0, len); see {@link #log1p(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void log1p(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        MATH.log1p(x, xOff, y, yOff, len);
    }

    /** Upper bound on the error of {@link #sigmoid} in ULP, over all float inputs. */
    public static final float MAX_ULP_SIGMOID = 1.0f;

    /**
     * y[i] = the logistic function 1 / (1 + e<sup>-x</sup>), for every i of {@code x}.
     *
     * <p>Domain: any float. Special values: NaN &rarr; NaN; -&infin; &rarr; +0; +&infin; &rarr; 1; results for x &lt; -87.3 are subnormal (never flushed) down to +0 below about -103.97; never overflows or returns NaN for finite x.
     * <p>Max error {@value #MAX_ULP_SIGMOID} ULP (measured: max 0.7644 ULP over all 2^32 inputs, worst at x = -0x1.5edcb4p6, a subnormal result rounded twice; 0.659 ULP at most where the result is normal, by a separate scalar sweep. Evaluated in binary32 with a compensated exp and one corrected division).
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void sigmoid(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        MATH.sigmoid(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = sigmoid(x[xOff + i]) for i in [0, len); see {@link #sigmoid(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void sigmoid(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        MATH.sigmoid(x, xOff, y, yOff, len);
    }

    /** Upper bound on the error of {@link #tanh} in ULP, over all float inputs. */
    public static final float MAX_ULP_TANH = 1.0f;

    /**
     * y[i] = the hyperbolic tangent, for every i of {@code x}.
     *
     * <p>Domain: any float. Special values: NaN &rarr; NaN; &plusmn;&infin; &rarr; &plusmn;1; &plusmn;0 &rarr; &plusmn;0 (odd: the sign is kept); tiny x &rarr; x, subnormals kept.
     * <p>Max error {@value #MAX_ULP_TANH} ULP (measured: max 0.7231 ULP over all 2^32 inputs, worst at x = 0x1.83489cp0. Evaluated in binary32: an odd polynomial below |x| = 0.7, a centred polynomial up to 1.4, above it 1 - 2e/(1 + e), e = e<sup>-2|x|</sup>).
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void tanh(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        MATH.tanh(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = tanh(x[xOff + i]) for i in [0, len); see {@link #tanh(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void tanh(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        MATH.tanh(x, xOff, y, yOff, len);
    }

    /** Upper bound on the error of {@link #erf} in ULP, over all float inputs. */
    public static final float MAX_ULP_ERF = 1.0f;

    /**
     * y[i] = the error function (2/&radic;&pi;) &int;<sub>0</sub><sup>x</sup> e<sup>-t&sup2;</sup> dt, for every i of {@code x}.
     *
     * <p>Domain: any float. Special values: NaN &rarr; NaN; &plusmn;&infin; &rarr; &plusmn;1; &plusmn;0 &rarr; &plusmn;0 (odd: the sign is kept); subnormal x &rarr; 2x/&radic;&pi; within 0.51 ULP on the 2<sup>-149</sup> grid, never flushed; |x| &ge; 3.92 &rarr; &plusmn;1.
     * <p>Max error {@value #MAX_ULP_ERF} ULP (measured: max 0.8102 ULP over all 2^32 inputs, evaluated in binary32: two polynomials, a + a&middot;S(a&sup2; - 1/2) below |x| = 1 and H(|x| - 2.30007) from there on; 0.5 ULP costs twice the time, see the README).
     * <p>{@code y} may be {@code x} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if x.length != y.length
     */
    public static void erf(float[] x, float[] y) {
        Checks.sameLength(x, "x", y, "y");
        MATH.erf(x, 0, y, 0, x.length);
    }

    /**
     * y[yOff + i] = erf(x[xOff + i]) for i in [0, len); see {@link #erf(float[], float[])}.
     *
     * <p>{@code y} may be {@code x} with {@code yOff == xOff} (in-place).
     *
     * @throws NullPointerException if x or y is null
     * @throws IllegalArgumentException if len &lt; 0
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void erf(float[] x, int xOff, float[] y, int yOff, int len) {
        Checks.range(x, "x", xOff, len);
        Checks.range(y, "y", yOff, len);
        MATH.erf(x, xOff, y, yOff, len);
    }
}
