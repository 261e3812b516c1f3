package dev.kernels.activations;

import dev.kernels.Activations;
import dev.kernels.internal.ScalarActivations;
import dev.kernels.test.ActivationOracle;
import java.util.List;

/**
 * Every activation kernel as a row for the tests: the public (active) implementation, the scalar twin, the oracle and
 * the documented bound. Forward kernels ignore the gradOut array; backward kernels take (saved, gradOut) -> gradIn.
 * {@code domainLo..domainHi} is the input range the accuracy bound is promised for (the y-based kernels expect a
 * sigmoid resp. tanh output).
 */
record ActivationKernels(String name, boolean backward, Kernel active, Kernel scalar, Exact oracle, float maxUlp,
                         double domainLo, double domainHi) {

    /** y or gradIn[yOff + i] = f(x[xOff + i], g[gOff + i]) for i &lt; len; forward kernels ignore g. */
    interface Kernel {
        void apply(float[] x, int xOff, float[] g, int gOff, float[] y, int yOff, int len);
    }

    interface Exact {
        double at(float x, float g);
    }

    static final float ALPHA = 0.01f;
    static final float ALPHA2 = -0.3f;
    static final float BETA2 = 0.5f;
    static final float THRESHOLD2 = 3f;
    static final float THRESHOLD3 = 2f;
    static final double ALL = Double.POSITIVE_INFINITY;

    static ActivationKernels fwd(String name, Kernel active, Kernel scalar, Exact oracle, float maxUlp) {
        return new ActivationKernels(name, false, active, scalar, oracle, maxUlp, -ALL, ALL);
    }

    static ActivationKernels bwd(String name, Kernel active, Kernel scalar, Exact oracle, float maxUlp) {
        return new ActivationKernels(name, true, active, scalar, oracle, maxUlp, -ALL, ALL);
    }

    static List<ActivationKernels> all() {
        ScalarActivations s = new ScalarActivations();
        return List.of(
                fwd("relu", (x, xo, g, go, y, yo, n) -> Activations.relu(x, xo, y, yo, n),
                        (x, xo, g, go, y, yo, n) -> s.relu(x, xo, y, yo, n),
                        (x, g) -> ActivationOracle.relu(x), Activations.MAX_ULP_RELU),
                fwd("leakyRelu", (x, xo, g, go, y, yo, n) -> Activations.leakyRelu(x, xo, y, yo, n, ALPHA),
                        (x, xo, g, go, y, yo, n) -> s.leakyRelu(x, xo, y, yo, n, ALPHA),
                        (x, g) -> ActivationOracle.leakyRelu(x, ALPHA), Activations.MAX_ULP_LEAKY_RELU),
                fwd("leakyRelu(-0.3)", (x, xo, g, go, y, yo, n) -> Activations.leakyRelu(x, xo, y, yo, n, ALPHA2),
                        (x, xo, g, go, y, yo, n) -> s.leakyRelu(x, xo, y, yo, n, ALPHA2),
                        (x, g) -> ActivationOracle.leakyRelu(x, ALPHA2), Activations.MAX_ULP_LEAKY_RELU),
                fwd("gelu", (x, xo, g, go, y, yo, n) -> Activations.gelu(x, xo, y, yo, n),
                        (x, xo, g, go, y, yo, n) -> s.gelu(x, xo, y, yo, n),
                        (x, g) -> ActivationOracle.gelu(x), Activations.MAX_ULP_GELU),
                fwd("geluTanh", (x, xo, g, go, y, yo, n) -> Activations.geluTanh(x, xo, y, yo, n),
                        (x, xo, g, go, y, yo, n) -> s.geluTanh(x, xo, y, yo, n),
                        (x, g) -> ActivationOracle.geluTanh(x), Activations.MAX_ULP_GELU_TANH),
                fwd("silu", (x, xo, g, go, y, yo, n) -> Activations.silu(x, xo, y, yo, n),
                        (x, xo, g, go, y, yo, n) -> s.silu(x, xo, y, yo, n),
                        (x, g) -> ActivationOracle.silu(x), Activations.MAX_ULP_SILU),
                fwd("softplus", (x, xo, g, go, y, yo, n) -> Activations.softplus(x, xo, y, yo, n),
                        (x, xo, g, go, y, yo, n) -> s.softplus(x, xo, y, yo, n, 1f, 20f),
                        (x, g) -> ActivationOracle.softplus(x, 1f, 20f), Activations.MAX_ULP_SOFTPLUS),
                // beta = 1 runs the binary32 form: a small threshold makes its linear branch count
                fwd("softplus(1,2)", (x, xo, g, go, y, yo, n) -> Activations.softplus(x, xo, y, yo, n, 1f, THRESHOLD3),
                        (x, xo, g, go, y, yo, n) -> s.softplus(x, xo, y, yo, n, 1f, THRESHOLD3),
                        (x, g) -> ActivationOracle.softplus(x, 1f, THRESHOLD3), Activations.MAX_ULP_SOFTPLUS),
                fwd("softplus(0.5,3)", (x, xo, g, go, y, yo, n) -> Activations.softplus(x, xo, y, yo, n, BETA2, THRESHOLD2),
                        (x, xo, g, go, y, yo, n) -> s.softplus(x, xo, y, yo, n, BETA2, THRESHOLD2),
                        (x, g) -> ActivationOracle.softplus(x, BETA2, THRESHOLD2), Activations.MAX_ULP_SOFTPLUS),
                fwd("logSigmoid", (x, xo, g, go, y, yo, n) -> Activations.logSigmoid(x, xo, y, yo, n),
                        (x, xo, g, go, y, yo, n) -> s.logSigmoid(x, xo, y, yo, n),
                        (x, g) -> ActivationOracle.logSigmoid(x), Activations.MAX_ULP_LOG_SIGMOID),
                new ActivationKernels("sigmoidBackward", true, Activations::sigmoidBackward, s::sigmoidBackward,
                        ActivationOracle::sigmoidBackward, Activations.MAX_ULP_SIGMOID_BACKWARD, 0, 1),
                new ActivationKernels("tanhBackward", true, Activations::tanhBackward, s::tanhBackward,
                        ActivationOracle::tanhBackward, Activations.MAX_ULP_TANH_BACKWARD, -1, 1),
                bwd("reluBackward", Activations::reluBackward, s::reluBackward,
                        ActivationOracle::reluBackward, Activations.MAX_ULP_RELU_BACKWARD),
                bwd("leakyReluBackward",
                        (x, xo, g, go, y, yo, n) -> Activations.leakyReluBackward(x, xo, g, go, y, yo, n, ALPHA),
                        (x, xo, g, go, y, yo, n) -> s.leakyReluBackward(x, xo, g, go, y, yo, n, ALPHA),
                        (x, g) -> ActivationOracle.leakyReluBackward(x, g, ALPHA), Activations.MAX_ULP_LEAKY_RELU_BACKWARD),
                bwd("geluBackward", Activations::geluBackward, s::geluBackward,
                        ActivationOracle::geluBackward, Activations.MAX_ULP_GELU_BACKWARD),
                bwd("geluTanhBackward", Activations::geluTanhBackward, s::geluTanhBackward,
                        ActivationOracle::geluTanhBackward, Activations.MAX_ULP_GELU_TANH_BACKWARD),
                bwd("siluBackward", Activations::siluBackward, s::siluBackward,
                        ActivationOracle::siluBackward, Activations.MAX_ULP_SILU_BACKWARD),
                bwd("softplusBackward",
                        (x, xo, g, go, y, yo, n) -> Activations.softplusBackward(x, xo, g, go, y, yo, n),
                        (x, xo, g, go, y, yo, n) -> s.softplusBackward(x, xo, g, go, y, yo, n, 1f, 20f),
                        (x, g) -> ActivationOracle.softplusBackward(x, g, 1f, 20f), Activations.MAX_ULP_SOFTPLUS_BACKWARD),
                bwd("softplusBackward(1,2)",
                        (x, xo, g, go, y, yo, n) -> Activations.softplusBackward(x, xo, g, go, y, yo, n, 1f, THRESHOLD3),
                        (x, xo, g, go, y, yo, n) -> s.softplusBackward(x, xo, g, go, y, yo, n, 1f, THRESHOLD3),
                        (x, g) -> ActivationOracle.softplusBackward(x, g, 1f, THRESHOLD3),
                        Activations.MAX_ULP_SOFTPLUS_BACKWARD),
                bwd("softplusBackward(0.5,3)",
                        (x, xo, g, go, y, yo, n) -> Activations.softplusBackward(x, xo, g, go, y, yo, n, BETA2, THRESHOLD2),
                        (x, xo, g, go, y, yo, n) -> s.softplusBackward(x, xo, g, go, y, yo, n, BETA2, THRESHOLD2),
                        (x, g) -> ActivationOracle.softplusBackward(x, g, BETA2, THRESHOLD2),
                        Activations.MAX_ULP_SOFTPLUS_BACKWARD),
                bwd("logSigmoidBackward", Activations::logSigmoidBackward, s::logSigmoidBackward,
                        ActivationOracle::logSigmoidBackward, Activations.MAX_ULP_LOG_SIGMOID_BACKWARD));
    }

    @Override
    public String toString() {
        return name;
    }
}
