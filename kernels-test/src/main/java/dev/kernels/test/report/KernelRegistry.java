package dev.kernels.test.report;

import dev.kernels.Activations;
import dev.kernels.VectorMath;
import dev.kernels.test.ActivationOracle;
import dev.kernels.test.Oracle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Every kernel the ULP report knows, by public method name, in report order. */
public final class KernelRegistry {
    private KernelRegistry() {}

    interface ArrayKernel {
        void apply(float[] x, int xOff, float[] y, int yOff, int len);
    }

    /** A unary element-wise kernel with a binary64 oracle. */
    public static SweepKernel unary(String name, double bound, ArrayKernel kernel, DoubleUnaryOperator exact) {
        return new SweepKernel() {
            @Override public String name() { return name; }
            @Override public double bound() { return bound; }
            @Override public void compute(int pass, float[] x, float[] y, int n) { kernel.apply(x, 0, y, 0, n); }
            @Override public double exact(int pass, float x) { return exact.applyAsDouble(x); }
        };
    }

    interface BackwardKernel {
        void apply(float[] saved, int sOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);
    }

    interface BackwardExact {
        double at(float saved, float gradOut);
    }

    /** The fixed gradOut values of the backward sweeps, one pass each (issue 3). */
    static final float[] GRAD_OUTS = {1f, -0.75f, 3.0e-5f, 6.0e4f};

    /** A backward kernel gradIn = gradOut * f'(saved), swept over every saved value once per gradOut in GRAD_OUTS. */
    public static SweepKernel backward(String name, double bound, BackwardKernel kernel, BackwardExact exact) {
        return new SweepKernel() {
            @Override public String name() { return name; }
            @Override public double bound() { return bound; }
            @Override public int passes() { return GRAD_OUTS.length; }
            @Override public void compute(int pass, float[] x, float[] y, int n) {
                float[] g = new float[n]; // per chunk, not per element: negligible next to the oracle
                java.util.Arrays.fill(g, GRAD_OUTS[pass]);
                kernel.apply(x, 0, g, 0, y, 0, n);
            }
            @Override public double exact(int pass, float x) { return exact.at(x, GRAD_OUTS[pass]); }
            @Override public SweepKernel randomPairs(long seed) { return pairs(name, bound, kernel, exact, seed); }
        };
    }

    /** The backward kernel over (x, pairGradOut(x, seed)): one pass, gradOut drawn per element. */
    static SweepKernel pairs(String name, double bound, BackwardKernel kernel, BackwardExact exact, long seed) {
        return new SweepKernel() {
            @Override public String name() { return name; }
            @Override public double bound() { return bound; }
            @Override public String modeNote() { return "random (x, gradOut) pairs"; }
            @Override public void compute(int pass, float[] x, float[] y, int n) {
                float[] g = new float[n]; // per chunk, not per element: negligible next to the oracle
                for (int i = 0; i < n; i++) g[i] = pairGradOut(x[i], seed);
                kernel.apply(x, 0, g, 0, y, 0, n);
            }
            @Override public double exact(int pass, float x) { return exact.at(x, pairGradOut(x, seed)); }
        };
    }

    /**
     * The gradOut paired with x in the random-pairs sweep: a hash of (x's bits, seed); one in four is any bit pattern
     * (NaN, infinities, subnormals included), the others are +-[1, 2) * 2^e with e uniform in [-30, 30].
     */
    public static float pairGradOut(float x, long seed) {
        long z = (Float.floatToRawIntBits(x) & 0xFFFFFFFFL) * 0x9E3779B97F4A7C15L + seed * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        if ((z & 3) == 0) return Float.intBitsToFloat((int) (z >>> 32));
        int e = (int) Long.remainderUnsigned(z >>> 3, 61) - 30;
        float g = Math.scalb(1f + ((z >>> 40) & 0x7FFFFF) * 0x1p-23f, e);
        return (z & 4) != 0 ? -g : g;
    }

    public static List<SweepKernel> all() {
        List<SweepKernel> k = new ArrayList<>();
        k.add(unary("exp", VectorMath.MAX_ULP_EXP, VectorMath::exp, Oracle::exp));
        k.add(unary("expm1", VectorMath.MAX_ULP_EXPM1, VectorMath::expm1, Oracle::expm1));
        k.add(unary("log", VectorMath.MAX_ULP_LOG, VectorMath::log, Oracle::log));
        k.add(unary("log1p", VectorMath.MAX_ULP_LOG1P, VectorMath::log1p, Oracle::log1p));
        k.add(unary("sigmoid", VectorMath.MAX_ULP_SIGMOID, VectorMath::sigmoid, Oracle::sigmoid));
        k.add(unary("tanh", VectorMath.MAX_ULP_TANH, VectorMath::tanh, Oracle::tanh));
        k.add(unary("erf", VectorMath.MAX_ULP_ERF, VectorMath::erf, Oracle::erf));
        // activation kernels (issue 3); leakyRelu with PyTorch's default slope 0.01, softplus with beta 1, threshold 20
        k.add(unary("relu", Activations.MAX_ULP_RELU, Activations::relu, ActivationOracle::relu));
        k.add(unary("leakyRelu", Activations.MAX_ULP_LEAKY_RELU,
                (x, xo, y, yo, n) -> Activations.leakyRelu(x, xo, y, yo, n, 0.01f), v -> ActivationOracle.leakyRelu(v, 0.01f)));
        k.add(unary("gelu", Activations.MAX_ULP_GELU, Activations::gelu, ActivationOracle::gelu));
        k.add(unary("geluTanh", Activations.MAX_ULP_GELU_TANH, Activations::geluTanh, ActivationOracle::geluTanh));
        k.add(unary("silu", Activations.MAX_ULP_SILU, Activations::silu, ActivationOracle::silu));
        k.add(unary("softplus", Activations.MAX_ULP_SOFTPLUS, Activations::softplus,
                v -> ActivationOracle.softplus(v, 1f, 20f)));
        k.add(unary("logSigmoid", Activations.MAX_ULP_LOG_SIGMOID, Activations::logSigmoid, ActivationOracle::logSigmoid));
        k.add(backward("sigmoidBackward", Activations.MAX_ULP_SIGMOID_BACKWARD, Activations::sigmoidBackward,
                ActivationOracle::sigmoidBackward));
        k.add(backward("tanhBackward", Activations.MAX_ULP_TANH_BACKWARD, Activations::tanhBackward,
                ActivationOracle::tanhBackward));
        k.add(backward("reluBackward", Activations.MAX_ULP_RELU_BACKWARD, Activations::reluBackward,
                ActivationOracle::reluBackward));
        k.add(backward("leakyReluBackward", Activations.MAX_ULP_LEAKY_RELU_BACKWARD,
                (x, xo, g, go, y, yo, n) -> Activations.leakyReluBackward(x, xo, g, go, y, yo, n, 0.01f),
                (x, g) -> ActivationOracle.leakyReluBackward(x, g, 0.01f)));
        k.add(backward("geluBackward", Activations.MAX_ULP_GELU_BACKWARD, Activations::geluBackward,
                ActivationOracle::geluBackward));
        k.add(backward("geluTanhBackward", Activations.MAX_ULP_GELU_TANH_BACKWARD, Activations::geluTanhBackward,
                ActivationOracle::geluTanhBackward));
        k.add(backward("siluBackward", Activations.MAX_ULP_SILU_BACKWARD, Activations::siluBackward,
                ActivationOracle::siluBackward));
        k.add(backward("softplusBackward", Activations.MAX_ULP_SOFTPLUS_BACKWARD,
                (x, xo, g, go, y, yo, n) -> Activations.softplusBackward(x, xo, g, go, y, yo, n),
                (x, g) -> ActivationOracle.softplusBackward(x, g, 1f, 20f)));
        k.add(backward("logSigmoidBackward", Activations.MAX_ULP_LOG_SIGMOID_BACKWARD, Activations::logSigmoidBackward,
                ActivationOracle::logSigmoidBackward));
        return k;
    }

    public static Map<String, SweepKernel> byName() {
        Map<String, SweepKernel> m = new LinkedHashMap<>();
        for (SweepKernel k : all()) m.put(k.name(), k);
        return m;
    }
}
