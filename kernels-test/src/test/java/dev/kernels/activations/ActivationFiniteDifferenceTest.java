package dev.kernels.activations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kernels.Activations;
import dev.kernels.test.ActivationOracle;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every backward kernel (gradOut = 1) against a Richardson-extrapolated central difference of its forward function
 * in binary64 (the oracle's forward, not the kernel): catches a derivative formula that does not belong to its
 * forward. Relative tolerance 1e-6 (the kernel rounds to float, the difference quotient is good to about 1e-10).
 */
class ActivationFiniteDifferenceTest {
    static final float ALPHA = 0.01f;

    interface Backward {
        void apply(float[] x, float[] g, float[] out);
    }

    /** Step: the scale of the functions' variation shrinks like 1/|x| in the Gaussian and exponential tails. */
    static double step(double x) {
        return 1e-3 / Math.max(1.0, Math.abs(x));
    }

    /** (4 D(h/2) - D(h)) / 3 with D the central difference: error O(h^4). */
    static double derivative(DoubleUnaryOperator f, double x) {
        double h = step(x);
        double d1 = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double d2 = (f.applyAsDouble(x + h / 2) - f.applyAsDouble(x - h / 2)) / h;
        return (4 * d2 - d1) / 3;
    }

    static void check(String name, Backward k, DoubleUnaryOperator f, float[] x) {
        float[] g = new float[x.length];
        java.util.Arrays.fill(g, 1f);
        float[] out = new float[x.length];
        k.apply(x, g, out);
        for (int i = 0; i < x.length; i++) {
            double fd = derivative(f, x[i]);
            // the difference quotient's own rounding error (|f| eps / h) and truncation (about 1e-12 near the roots)
            double tol = 1e-6 * Math.abs(fd) + 1e-15 * Math.abs(f.applyAsDouble(x[i])) / step(x[i]) + 1e-11;
            assertTrue(Math.abs(out[i] - fd) <= tol, String.format("%s(%s): kernel %s, finite difference %s",
                    name, x[i], out[i], fd));
        }
    }

    /** Smooth points away from kinks: ordinary values, tails, and the roots of the derivatives. */
    static float[] points(double lo, double hi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[3000];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 3) {
                case 0 -> (float) (lo + (hi - lo) * r.nextDouble());
                case 1 -> (float) (r.nextGaussian() * 2);
                default -> (float) (new double[] {ActivationOracle.GELU_ROOT, ActivationOracle.GELU_TANH_ROOT,
                    ActivationOracle.SILU_ROOT}[r.nextInt(3)] + (r.nextDouble() - 0.5) * 0.1);
            };
        }
        return x;
    }

    @Test
    void xBasedBackwardKernelsAreTheDerivativesOfTheirForwards() {
        float[] x = points(-12, 12, 1);
        check("geluBackward", Activations::geluBackward, ActivationOracle::gelu, x);
        check("geluTanhBackward", Activations::geluTanhBackward, ActivationOracle::geluTanh, x);
        check("siluBackward", Activations::siluBackward, ActivationOracle::silu, x);
        check("logSigmoidBackward", Activations::logSigmoidBackward, ActivationOracle::logSigmoid, points(-40, 40, 2));
        check("softplusBackward", Activations::softplusBackward, v -> ActivationOracle.softplus(v, 1f, Float.POSITIVE_INFINITY),
                points(-19, 19, 3));
        check("softplusBackward(0.5, 3)", (a, b, c) -> Activations.softplusBackward(a, b, c, 0.5f, 100f),
                v -> ActivationOracle.softplus(v, 0.5f, Float.POSITIVE_INFINITY), points(-30, 30, 4));
        float[] away = points(-5, 5, 5);
        for (int i = 0; i < away.length; i++) if (Math.abs(away[i]) < 0.01f) away[i] = 0.5f; // relu kink
        check("reluBackward", Activations::reluBackward, v -> Math.max(v, 0), away);
        check("leakyReluBackward", (a, b, c) -> Activations.leakyReluBackward(a, b, c, ALPHA),
                v -> ActivationOracle.leakyRelu(v, ALPHA), away);
    }

    /** The y-based kernels: y = f(t) as a float, t recovered exactly from y in binary64, derivative of f at t. */
    @Test
    void yBasedBackwardKernelsAreTheDerivativesOfSigmoidAndTanh() {
        SplittableRandom r = new SplittableRandom(6);
        float[] y = new float[3000];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.0001 + 0.9998 * r.nextDouble());
        float[] g = new float[y.length];
        java.util.Arrays.fill(g, 1f);
        float[] out = new float[y.length];
        Activations.sigmoidBackward(y, g, out);
        DoubleUnaryOperator sigmoid = t -> 1 / (1 + StrictMath.exp(-t));
        for (int i = 0; i < y.length; i++) {
            double t = Math.log(y[i] / (1.0 - y[i]));
            double fd = derivative(sigmoid, t);
            assertTrue(Math.abs(out[i] - fd) <= 1e-6 * fd, "sigmoidBackward(y = " + y[i] + "): " + out[i] + " vs " + fd);
        }
        for (int i = 0; i < y.length; i++) y[i] = (float) (2 * r.nextDouble() - 1) * 0.9999f;
        Activations.tanhBackward(y, g, out);
        for (int i = 0; i < y.length; i++) {
            double t = 0.5 * Math.log((1.0 + y[i]) / (1.0 - y[i]));
            double fd = derivative(StrictMath::tanh, t);
            assertTrue(Math.abs(out[i] - fd) <= 1e-6 * fd + 1e-13, "tanhBackward(y = " + y[i] + "): " + out[i] + " vs " + fd);
        }
    }
}
