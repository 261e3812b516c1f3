package dev.kernels.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kernels.Activations;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Exact special values and saturation, each through a single element (scalar tail) and through a 67-element array
 * (vector lanes), which must agree.
 */
class ActivationSpecialValuesTest {
    private static float fwd(String name, float x) {
        float[] out = new float[1];
        float[] wide = new float[67];
        float[] wout = new float[67];
        Arrays.fill(wide, x);
        for (ActivationKernels k : ActivationKernels.all()) {
            if (k.name().equals(name)) {
                k.active().apply(new float[] {x}, 0, new float[] {1f}, 0, out, 0, 1);
                float[] g = new float[67];
                Arrays.fill(g, 1f);
                k.active().apply(wide, 0, g, 0, wout, 0, 67);
                for (float w : wout) {
                    assertEquals(Float.floatToIntBits(out[0]), Float.floatToIntBits(w), name + "(" + x + ") vector vs tail");
                }
                return out[0];
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static float bwd(String name, float x, float g) {
        float[] out = new float[1];
        float[] wide = new float[67];
        float[] wg = new float[67];
        float[] wout = new float[67];
        Arrays.fill(wide, x);
        Arrays.fill(wg, g);
        for (ActivationKernels k : ActivationKernels.all()) {
            if (k.name().equals(name)) {
                k.active().apply(new float[] {x}, 0, new float[] {g}, 0, out, 0, 1);
                k.active().apply(wide, 0, wg, 0, wout, 0, 67);
                for (float w : wout) {
                    assertEquals(Float.floatToIntBits(out[0]), Float.floatToIntBits(w), name + "(" + x + ") vector vs tail");
                }
                return out[0];
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void same(float expected, float actual, String what) {
        assertEquals(Float.floatToRawIntBits(expected) & 0xffffffffL,
                Float.isNaN(actual) && Float.isNaN(expected) ? Float.floatToRawIntBits(expected) & 0xffffffffL
                        : Float.floatToRawIntBits(actual) & 0xffffffffL,
                what + ": expected " + expected + " (" + Float.toHexString(expected) + "), got " + actual + " ("
                        + Float.toHexString(actual) + ")");
    }

    static final float INF = Float.POSITIVE_INFINITY;
    static final float NAN = Float.NaN;

    @Test
    void reluAndLeakyRelu() {
        same(0f, fwd("relu", -0f), "relu(-0) is +0");
        same(0f, fwd("relu", -1f), "relu(-1)");
        same(0f, fwd("relu", -INF), "relu(-inf)");
        same(2.5f, fwd("relu", 2.5f), "relu(2.5)");
        same(Float.MIN_VALUE, fwd("relu", Float.MIN_VALUE), "relu(min subnormal)");
        same(INF, fwd("relu", INF), "relu(inf)");
        same(NAN, fwd("relu", NAN), "relu(NaN)");
        same(-2f * 0.01f, fwd("leakyRelu", -2f), "leakyRelu(-2)");
        same(-0f, fwd("leakyRelu", -0f), "leakyRelu(-0)");
        same(0f, fwd("leakyRelu", 0f), "leakyRelu(+0)");
        same(-INF, fwd("leakyRelu", -INF), "leakyRelu(-inf)");
        same(3f, fwd("leakyRelu", 3f), "leakyRelu(3)");
        same(NAN, fwd("leakyRelu", NAN), "leakyRelu(NaN)");
        same(0.6f, fwd("leakyRelu(-0.3)", -2f), "leakyRelu(-2, alpha -0.3)");
    }

    @Test
    void smoothForwardKernelsAtTheEnds() {
        for (String k : new String[] {"gelu", "geluTanh", "silu"}) {
            same(-0f, fwd(k, -INF), k + "(-inf)");
            same(INF, fwd(k, INF), k + "(inf)");
            same(NAN, fwd(k, NAN), k + "(NaN)");
            same(0f, fwd(k, 0f), k + "(+0)");
            same(-0f, fwd(k, -0f), k + "(-0)");
            same(1e30f, fwd(k, 1e30f), k + "(1e30)");
            same(Float.MAX_VALUE, fwd(k, Float.MAX_VALUE), k + "(MAX)");
            same(-0f, fwd(k, -1e30f), k + "(-1e30)");
            same(-0f, fwd(k, -Float.MAX_VALUE), k + "(-MAX)");
            same(30f, fwd(k, 30f), k + "(30)");
        }
        same(-0f, fwd("gelu", -15f), "gelu(-15)");
        float g13 = fwd("gelu", -13f); // -13 Phi(-13) = -7.95e-38: normal, kept relatively accurate
        assertTrue(g13 < 0 && g13 > -1e-37f, "gelu(-13) = " + g13);
        float g135 = fwd("gelu", -13.5f); // subnormal, never flushed
        assertTrue(g135 < 0 && g135 > -Float.MIN_NORMAL, "gelu(-13.5) = " + g135);
        // the last nonzero results before |x|'s clamp at 14.375: x Phi(x) = -1.116, -0.545 and -0.473 times 2^-149
        same(-Float.MIN_VALUE, fwd("gelu", -14.3f), "gelu(-14.3)");
        same(-Float.MIN_VALUE, fwd("gelu", -14.35f), "gelu(-14.35)");
        same(-0f, fwd("gelu", -14.36f), "gelu(-14.36)");
        same(14.375f, fwd("gelu", 14.375f), "gelu(14.375)");
        same(14.5f, fwd("gelu", 14.5f), "gelu(14.5)");
        same(-0f, fwd("silu", -120f), "silu(-120)");
        float s100 = fwd("silu", -100f); // -100 e^-100 = -3.7e-42: subnormal, never flushed
        assertTrue(s100 < 0 && s100 > -Float.MIN_NORMAL, "silu(-100) = " + s100);
    }

    @Test
    void softplusAndLogSigmoid() {
        same(1e30f, fwd("softplus", 1e30f), "softplus(1e30)");
        same(INF, fwd("softplus", INF), "softplus(inf)");
        same(0f, fwd("softplus", -INF), "softplus(-inf)");
        same(NAN, fwd("softplus", NAN), "softplus(NaN)");
        same(Float.MAX_VALUE, fwd("softplus", Float.MAX_VALUE), "softplus(MAX)");
        same(20.5f, fwd("softplus", 20.5f), "softplus(20.5) (linear above the threshold)");
        same(0f, fwd("softplus", -200f), "softplus(-200)");
        same((float) StrictMath.exp(-100.0), fwd("softplus", -100f), "softplus(-100) = e^-100 (subnormal)");
        assertTrue(fwd("softplus", -100f) > 0, "not flushed");
        float sp = fwd("softplus(0.5,3)", 4f); // beta x = 2 < 3: log(1 + e^2) / 0.5 = 4.2538...
        assertTrue(Math.abs(sp - 4.253856) < 1e-5, "softplus(4; beta 0.5, threshold 3) = " + sp);
        same(6.5f, fwd("softplus(0.5,3)", 6.5f), "softplus(6.5; beta 0.5, threshold 3) = x");
        same(-1e30f, fwd("logSigmoid", -1e30f), "logSigmoid(-1e30)");
        same(-INF, fwd("logSigmoid", -INF), "logSigmoid(-inf)");
        same(-0f, fwd("logSigmoid", INF), "logSigmoid(inf)");
        same(-0f, fwd("logSigmoid", 200f), "logSigmoid(200)");
        same(-(float) Math.log(2), fwd("logSigmoid", 0f), "logSigmoid(0)");
        same(NAN, fwd("logSigmoid", NAN), "logSigmoid(NaN)");
        same(-Float.MAX_VALUE, fwd("logSigmoid", -Float.MAX_VALUE), "logSigmoid(-MAX)");
    }

    /** geluTanh, silu, softplus (and gelu, logSigmoid) never overflow or return NaN for finite x: every 4099th float. */
    @Test
    void saturatedRegionsStayFinite() {
        for (String k : new String[] {"gelu", "geluTanh", "silu", "softplus", "logSigmoid"}) {
            int n = 4096;
            float[] x = new float[n];
            float[] y = new float[n];
            ActivationKernels kk = ActivationKernels.all().stream().filter(r -> r.name().equals(k)).findFirst().orElseThrow();
            long bits = 0;
            while (bits < (1L << 32)) {
                int m = 0;
                for (; m < n && bits < (1L << 32); bits += 4099) {
                    float v = Float.intBitsToFloat((int) bits);
                    if (Float.isFinite(v)) x[m++] = v;
                }
                kk.active().apply(x, 0, x, 0, y, 0, m);
                for (int i = 0; i < m; i++) {
                    float xi = x[i];
                    assertTrue(Float.isFinite(y[i]), k + "(" + xi + ") = " + y[i]);
                }
            }
        }
    }

    @Test
    void backwardSpecialValues() {
        same(0f, bwd("reluBackward", 0f, 5f), "relu'(0) = 0");
        same(0f, bwd("reluBackward", -0f, 5f), "relu'(-0) = 0");
        same(0f, bwd("reluBackward", -1f, INF), "relu' select: x < 0 gives 0 even for infinite gradOut");
        same(5f, bwd("reluBackward", Float.MIN_VALUE, 5f), "relu'(min subnormal) = 1");
        same(-7f, bwd("reluBackward", NAN, -7f), "relu'(NaN) passes gradOut (PyTorch threshold_backward)");
        same(5f * 0.01f, bwd("leakyReluBackward", -3f, 5f), "leakyRelu'(-3)");
        same(5f * 0.01f, bwd("leakyReluBackward", 0f, 5f), "leakyRelu'(0) = alpha");
        same(5f, bwd("leakyReluBackward", 3f, 5f), "leakyRelu'(3)");
        same(0.25f, bwd("sigmoidBackward", 0.5f, 1f), "sigma'(y = 0.5)");
        same(0f, bwd("sigmoidBackward", 1f, 3f), "sigma'(y = 1)");
        same(0f, bwd("sigmoidBackward", 0f, 3f), "sigma'(y = 0)");
        same(0f, bwd("tanhBackward", 1f, 3f), "tanh'(y = 1)");
        same(0f, bwd("tanhBackward", -1f, 3f), "tanh'(y = -1)");
        same(3f, bwd("tanhBackward", 0f, 3f), "tanh'(y = 0)");
        float y = Math.nextDown(1f); // 1 - y^2 = 2^-23 - 2^-48: cancels in binary32 without fma
        same((float) (2.0 * (0x1p-23 - 0x1p-48)), bwd("tanhBackward", y, 2f), "tanh' next to 1");
        same(0.75f * 0.5f, bwd("tanhBackward", 0.5f, 0.5f), "tanh'(y = 0.5)");
        for (String k : new String[] {"geluBackward", "geluTanhBackward", "siluBackward", "softplusBackward"}) {
            same(6f, bwd(k, INF, 6f), k + "(+inf) = gradOut");
            // the derivative is negative in the left tail of gelu, geluTanh and silu: its zero keeps that sign
            same(k.equals("softplusBackward") ? 0f : -0f, bwd(k, -INF, 6f), k + "(-inf) = 0");
            same(NAN, bwd(k, NAN, 6f), k + "(NaN)");
            same(-0.75f, bwd(k, 1e30f, -0.75f), k + "(1e30)");
        }
        // gradOut = +-0 (masked losses): a zero with the sign of gradOut f'(x), the sign the same x gives for gradOut = 1
        // (siluBackward sets it from the signs: its fmas add a zero product to a zero tail of either sign)
        for (String k : new String[] {"geluBackward", "geluTanhBackward", "siluBackward", "softplusBackward",
                "logSigmoidBackward"}) {
            for (float x : new float[] {-200f, -30f, -5f, -1.3f, -1.25f, -0.75f, -0.3f, -1e-3f, -0f, 0f, 1e-3f, 0.3f,
                    0.75f, 1.3f, 5f, 30f, 200f}) {
                float one = bwd(k, x, 1f);
                for (float g : new float[] {0f, -0f}) {
                    float expect = (Float.floatToRawIntBits(one) ^ Float.floatToRawIntBits(g)) < 0 ? -0f : 0f;
                    same(expect, bwd(k, x, g), k + "(" + x + ", gradOut " + g + ")");
                }
            }
        }
        same(3f, bwd("softplusBackward", 25f, 3f), "softplus'(above threshold) = gradOut");
        same(0.5f, bwd("softplusBackward", 0f, 1f), "softplus'(0)");
        same(0.5f, bwd("geluBackward", 0f, 1f), "gelu'(0)");
        same(0.5f, bwd("geluTanhBackward", 0f, 1f), "geluTanh'(0)");
        same(0.5f, bwd("siluBackward", 0f, 1f), "silu'(0)");
        same(0.5f, bwd("logSigmoidBackward", 0f, 1f), "logSigmoid'(0)");
        same(6f, bwd("logSigmoidBackward", -INF, 6f), "logSigmoid'(-inf) = gradOut");
        same(0f, bwd("logSigmoidBackward", INF, 6f), "logSigmoid'(+inf) = 0");
        // derivatives at their roots: the nearest floats give tiny values of the right sign, not 0 or noise
        float gr = bwd("geluBackward", -0x1.80ead2p-1f, 1f);
        assertTrue(Math.abs(gr / -5.2273121045751549767e-9 - 1) < 1e-6, "gelu' next to its root: " + gr);
        float sr = bwd("siluBackward", -0x1.474974p0f, 1f);
        assertTrue(Math.abs(sr / -2.827039668355436669e-9 - 1) < 1e-6, "silu' next to its root: " + sr);
        float tr = bwd("geluTanhBackward", -0x1.8142ap-1f, 1f);
        assertTrue(Math.abs(tr / -4.8805770081407243857e-9 - 1) < 1e-6, "geluTanh' next to its root: " + tr);
    }
}
