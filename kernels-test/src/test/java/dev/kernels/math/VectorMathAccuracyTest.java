package dev.kernels.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kernels.VectorMath;
import dev.kernels.test.Ulp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accuracy against the binary64 oracle on a strided subset of all floats (every 509th bit pattern, 8.4 million
 * inputs per kernel), and exact special values. The exhaustive sweep over all 2^32 inputs is the ULP report's job.
 */
class VectorMathAccuracyTest {
    static List<MathKernels> kernels() {
        return MathKernels.all();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void stridedSweepIsWithinTheDocumentedBound(MathKernels k) {
        int n = 4096;
        float[] x = new float[n];
        float[] y = new float[n];
        double max = 0;
        float worst = 0;
        long bits = 5;
        while (bits < (1L << 32)) {
            for (int i = 0; i < n; i++, bits += 509) x[i] = Float.intBitsToFloat((int) bits);
            k.active().apply(x, 0, y, 0, n);
            for (int i = 0; i < n; i++) {
                double exact = k.oracle().applyAsDouble(x[i]);
                double e = Ulp.error(y[i], exact);
                if (e > max) {
                    max = e;
                    worst = x[i];
                }
                if (!(e <= k.maxUlp())) {
                    fail(String.format("%s(%s = %s) = %s (%s), exact %s: error %s ULP > %s", k.name(), x[i],
                            Float.toHexString(x[i]), y[i], Float.toHexString(y[i]), exact, e, k.maxUlp()));
                }
            }
        }
        System.out.printf("%-8s strided max %.4f ULP at %s%n", k.name(), max, Float.toHexString(worst));
    }

    private static float one(String name, float x) {
        float[] in = {x};
        float[] out = new float[1];
        for (MathKernels k : MathKernels.all()) {
            if (k.name().equals(name)) {
                k.active().apply(in, 0, out, 0, 1);
                // also through a full vector, so the vector path (not only the scalar tail) is checked
                float[] wide = new float[67];
                java.util.Arrays.fill(wide, x);
                float[] wout = new float[67];
                k.active().apply(wide, 0, wout, 0, 67);
                for (float w : wout) {
                    assertEquals(Float.floatToIntBits(out[0]), Float.floatToIntBits(w), name + "(" + x + ") vector vs tail");
                }
                return out[0];
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void same(float expected, float actual, String what) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual),
                what + ": expected " + expected + " (" + Float.toHexString(expected) + "), got " + actual + " ("
                        + Float.toHexString(actual) + ")");
        if (expected == 0) {
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), what + ": sign of zero");
        }
    }

    @Test
    void expSpecialValues() {
        same(Float.NaN, one("exp", Float.NaN), "exp(NaN)");
        same(0f, one("exp", Float.NEGATIVE_INFINITY), "exp(-inf)");
        same(Float.POSITIVE_INFINITY, one("exp", Float.POSITIVE_INFINITY), "exp(+inf)");
        same(1f, one("exp", 0f), "exp(0)");
        same(1f, one("exp", -0f), "exp(-0)");
        // overflow threshold: exp(0x1.62e42ep6) = 3.40279853741e38 is finite, exp(0x1.62e430p6) rounds past MAX
        assertTrue(Float.isFinite(one("exp", 0x1.62e42ep6f)));
        same(Float.POSITIVE_INFINITY, one("exp", 0x1.62e430p6f), "exp just above the overflow threshold");
        // underflow: exp(-0x1.9fe368p6) = 0.5000003 * 2^-149 rounds up to MIN_VALUE, the next float down rounds to 0
        same(Float.MIN_VALUE, one("exp", -0x1.9fe368p6f), "exp at the underflow threshold");
        same(0f, one("exp", -0x1.9fe36ap6f), "exp just below the underflow threshold");
        // gradual underflow: a subnormal result, not flushed
        float sub = one("exp", -100f);
        assertTrue(sub > 0 && sub < Float.MIN_NORMAL, "exp(-100) must be subnormal, got " + sub);
        assertTrue(Ulp.error(sub, Math.exp(-100)) <= 1);
    }

    @Test
    void expm1SpecialValues() {
        same(Float.NaN, one("expm1", Float.NaN), "expm1(NaN)");
        same(-1f, one("expm1", Float.NEGATIVE_INFINITY), "expm1(-inf)");
        same(Float.POSITIVE_INFINITY, one("expm1", Float.POSITIVE_INFINITY), "expm1(+inf)");
        same(0f, one("expm1", 0f), "expm1(+0)");
        same(-0f, one("expm1", -0f), "expm1(-0)");
        same(Float.MIN_VALUE, one("expm1", Float.MIN_VALUE), "expm1(MIN_VALUE)");
        same(-Float.MIN_VALUE, one("expm1", -Float.MIN_VALUE), "expm1(-MIN_VALUE)");
        same(Float.POSITIVE_INFINITY, one("expm1", 0x1.62e430p6f), "expm1 overflow threshold");
        assertTrue(Float.isFinite(one("expm1", 0x1.62e42ep6f)));
        // -1 at and below the float nearest -25 ln2 (e^x < 2^-25 there), -1 + 2^-24 just above it, where x is clamped
        // at -16.9 (n >= -24, the exact range of c = 1 - 2^-n)
        same(-1f, one("expm1", -0x1.154246p4f), "expm1(float below -25 ln2)");
        same(-0x1.fffffep-1f, one("expm1", -0x1.154244p4f), "expm1(float above -25 ln2)");
        same(-0x1.fffffep-1f, one("expm1", -16.9f), "expm1(-16.9)");
        // n = 24, 25 and 26 around x = 17.3: c = 1 - 2^-n exact, rounded to 1 (a tie), and 1 with -2^-n in the tail;
        // n = 127 (fast path) and 128 (two scaling factors)
        for (float x : new float[] {16.5f, 17.0f, 17.5f, 18.0f, 88.0f, 0x1.62e42ep6f, -16.5f, 0x1p-30f, -0x1p-30f}) {
            same((float) Math.expm1(x), one("expm1", x), "expm1(" + Float.toHexString(x) + ")");
        }
        same(0x1.fffffep-31f, one("expm1", 0x1.fffffep-31f), "expm1(2^-30 - ulp)");
    }

    @Test
    void logSpecialValues() {
        same(Float.NaN, one("log", Float.NaN), "log(NaN)");
        same(Float.NaN, one("log", -1f), "log(-1)");
        same(Float.NaN, one("log", Float.NEGATIVE_INFINITY), "log(-inf)");
        same(Float.NaN, one("log", -Float.MIN_VALUE), "log(-MIN_VALUE)");
        same(Float.NEGATIVE_INFINITY, one("log", 0f), "log(+0)");
        same(Float.NEGATIVE_INFINITY, one("log", -0f), "log(-0)");
        same(0f, one("log", 1f), "log(1)");
        same(Float.POSITIVE_INFINITY, one("log", Float.POSITIVE_INFINITY), "log(+inf)");
        same((float) Math.log(Float.MIN_VALUE), one("log", Float.MIN_VALUE), "log(MIN_VALUE)");
        same((float) Math.log(Float.MAX_VALUE), one("log", Float.MAX_VALUE), "log(MAX_VALUE)");
    }

    @Test
    void log1pSpecialValues() {
        same(Float.NaN, one("log1p", Float.NaN), "log1p(NaN)");
        same(Float.NaN, one("log1p", -2f), "log1p(-2)");
        same(Float.NaN, one("log1p", Float.NEGATIVE_INFINITY), "log1p(-inf)");
        same(Float.NEGATIVE_INFINITY, one("log1p", -1f), "log1p(-1)");
        same(0f, one("log1p", 0f), "log1p(+0)");
        same(-0f, one("log1p", -0f), "log1p(-0)");
        same(Float.MIN_VALUE, one("log1p", Float.MIN_VALUE), "log1p(MIN_VALUE)");
        same(Float.POSITIVE_INFINITY, one("log1p", Float.POSITIVE_INFINITY), "log1p(+inf)");
        // 1 + x loses the 1 (the correction c / w = 1 / x) from x = 2^24 on; w is capped at 2^64 in c / w, so the
        // quotient never goes subnormal up to MAX
        for (float x : new float[] {0x1p24f, 0x1.000002p24f, 0x1p53f, 0x1.fffffep53f, 0x1p64f, 0x1.000002p64f,
                Float.MAX_VALUE}) {
            same((float) Math.log1p(x), one("log1p", x), "log1p(" + Float.toHexString(x) + ")");
        }
        // |x| < 2^-30 returns x; from 2^-30 on, 1 + x rounds to 1 and c / w = x carries the whole result
        same((float) Math.log1p(0x1p-30), one("log1p", 0x1p-30f), "log1p(2^-30)");
        same((float) Math.log1p(-0x1p-30), one("log1p", -0x1p-30f), "log1p(-2^-30)");
        same(0x1.fffffep-31f, one("log1p", 0x1.fffffep-31f), "log1p(2^-30 - ulp)");
        // w = 1 + x down to 2^-24: exact (Sterbenz), the exponent k = -24
        same((float) Math.log1p(-0x1.fffffep-1), one("log1p", -0x1.fffffep-1f), "log1p(-1 + 2^-24)");
    }

    @Test
    void sigmoidSpecialValues() {
        same(Float.NaN, one("sigmoid", Float.NaN), "sigmoid(NaN)");
        same(0f, one("sigmoid", Float.NEGATIVE_INFINITY), "sigmoid(-inf)");
        same(1f, one("sigmoid", Float.POSITIVE_INFINITY), "sigmoid(+inf)");
        same(0.5f, one("sigmoid", 0f), "sigmoid(0)");
        same(0.5f, one("sigmoid", -0f), "sigmoid(-0)");
        same(0f, one("sigmoid", -Float.MAX_VALUE), "sigmoid(-MAX)");
        same(1f, one("sigmoid", Float.MAX_VALUE), "sigmoid(MAX)");
        float sub = one("sigmoid", -95f);
        assertTrue(sub > 0 && sub < Float.MIN_NORMAL, "sigmoid(-95) must be subnormal, got " + sub);
    }

    @Test
    void tanhSpecialValues() {
        same(Float.NaN, one("tanh", Float.NaN), "tanh(NaN)");
        same(1f, one("tanh", Float.POSITIVE_INFINITY), "tanh(+inf)");
        same(-1f, one("tanh", Float.NEGATIVE_INFINITY), "tanh(-inf)");
        same(0f, one("tanh", 0f), "tanh(+0)");
        same(-0f, one("tanh", -0f), "tanh(-0)");
        same(Float.MIN_VALUE, one("tanh", Float.MIN_VALUE), "tanh(MIN_VALUE)");
        same(-Float.MIN_VALUE, one("tanh", -Float.MIN_VALUE), "tanh(-MIN_VALUE)");
        same(1f, one("tanh", 10f), "tanh(10)");
        same(-1f, one("tanh", -Float.MAX_VALUE), "tanh(-MAX)");
    }

    @Test
    void erfSpecialValues() {
        same(Float.NaN, one("erf", Float.NaN), "erf(NaN)");
        same(1f, one("erf", Float.POSITIVE_INFINITY), "erf(+inf)");
        same(-1f, one("erf", Float.NEGATIVE_INFINITY), "erf(-inf)");
        same(0f, one("erf", 0f), "erf(+0)");
        same(-0f, one("erf", -0f), "erf(-0)");
        // tiny and subnormal x: 2x/sqrt(pi) on the 2^-149 grid (built in integers, never flushed), within the 0.51
        // ULP that c = 2/sqrt(pi) - 1 rounded to binary32 allows (MIN_NORMAL: 0.5081, its exact value sits just past a midpoint)
        for (float x : new float[] {Float.MIN_VALUE, 3 * Float.MIN_VALUE, 0x1p-140f, Math.nextDown(Float.MIN_NORMAL),
            Float.MIN_NORMAL, 0x1p-100f}) {
            for (float sx : new float[] {x, -x}) {
                float e = one("erf", sx);
                double exact = sx * 1.1283791670955126;
                assertTrue(Ulp.error(e, exact) <= 0.51 && Math.signum(e) == Math.signum(sx),
                        "erf(" + Float.toHexString(sx) + ") = " + Float.toHexString(e) + ", exact " + exact);
            }
        }
        same(1f, one("erf", 4f), "erf(4)");
        same(-1f, one("erf", -Float.MAX_VALUE), "erf(-MAX)");
    }

    @Test
    void wholeArrayFormsEqualTheOffsetForms() {
        float[] x = VectorMathCrossCheckTest.inputs(1001, 3);
        float[] a = new float[1001];
        float[] b = new float[1001];
        VectorMath.exp(x, a);
        VectorMath.exp(x, 0, b, 0, x.length);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        VectorMath.tanh(x, a);
        VectorMath.tanh(x, 0, b, 0, x.length);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
    }
}
