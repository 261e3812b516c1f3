package dev.kernels.activations;

import static dev.kernels.internal.ActivationConstants.SILU_F_ROOT_WINDOW;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kernels.test.ActivationOracle;
import dev.kernels.test.Ulp;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accuracy of the public kernels against {@link ActivationOracle}: a strided subset of all floats (every 1021st bit
 * pattern; backward kernels once per gradOut in {1, -0.75, 3e-5, 6e4}), seeded random (x, gradOut) pairs over all
 * floats, and every float within 2^14 ulps of the roots of gelu', geluTanh' and silu' and of the edges of
 * siluBackward's binary32 root window. The exhaustive 2^32 sweep is the ULP report's job. The seed and the worst input
 * are printed.
 */
class ActivationAccuracyTest {
    static final float[] GRADS = {1f, -0.75f, 3.0e-5f, 6.0e4f};
    static final long SEED = 20250417L;

    static List<ActivationKernels> kernels() {
        return ActivationKernels.all();
    }

    /** Running maximum and the check of one chunk. */
    static final class Worst {
        double max;
        float x, g;
        long count;

        void check(ActivationKernels k, float[] x, float[] g, float[] y, int n) {
            k.active().apply(x, 0, g, 0, y, 0, n);
            for (int i = 0; i < n; i++) {
                if (!(x[i] >= k.domainLo() && x[i] <= k.domainHi())) continue;
                double exact = k.oracle().at(x[i], g[i]);
                double e = Ulp.error(y[i], exact);
                count++;
                if (e > max) {
                    max = e;
                    this.x = x[i];
                    this.g = g[i];
                }
                if (!(e <= k.maxUlp())) {
                    fail(String.format("%s(x = %s (%s), gradOut = %s) = %s (%s), exact %s: error %s ULP > %s (seed %d)",
                            k.name(), x[i], Float.toHexString(x[i]), g[i], y[i], Float.toHexString(y[i]), exact, e,
                            k.maxUlp(), SEED));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void stridedSweepRandomPairsAndRootsAreWithinTheDocumentedBound(ActivationKernels k) {
        int n = 4096;
        float[] x = new float[n];
        float[] g = new float[n];
        float[] y = new float[n];
        Worst w = new Worst();
        float[] grads = k.backward() ? GRADS : new float[] {1f};
        for (float gv : grads) {
            java.util.Arrays.fill(g, gv);
            long bits = 3;
            while (bits < (1L << 32)) {
                int m = 0;
                for (; m < n && bits < (1L << 32); m++, bits += 1021) x[m] = Float.intBitsToFloat((int) bits);
                w.check(k, x, g, y, m);
            }
        }
        if (k.backward()) {
            SplittableRandom r = new SplittableRandom(SEED);
            for (int rep = 0; rep < 250; rep++) {
                for (int i = 0; i < n; i++) {
                    int pick = r.nextInt(3);
                    x[i] = pick == 0 ? Float.intBitsToFloat(r.nextInt())
                            : pick == 1 ? (float) (r.nextGaussian() * 3) : (float) (r.nextDouble() * 2 - 1);
                    float gb = Float.intBitsToFloat(r.nextInt());
                    g[i] = Float.isFinite(gb) ? gb : (float) r.nextGaussian();
                }
                w.check(k, x, g, y, n);
            }
            for (double root : new double[] {ActivationOracle.GELU_ROOT, ActivationOracle.GELU_TANH_ROOT,
                ActivationOracle.SILU_ROOT}) {
                if (!k.name().equals(rootKernel(root))) continue;
                // the root, and for siluBackward the edges of its binary32 root window, where the formula switches
                double[] centres = root == ActivationOracle.SILU_ROOT
                        ? new double[] {root, root - SILU_F_ROOT_WINDOW, root + SILU_F_ROOT_WINDOW} : new double[] {root};
                for (double centre : centres) {
                    int c = Float.floatToIntBits((float) centre);
                    java.util.Arrays.fill(g, 1f);
                    for (int d = -(1 << 14); d < (1 << 14); d += n) {
                        for (int i = 0; i < n; i++) x[i] = Float.intBitsToFloat(c + d + i);
                        w.check(k, x, g, y, n);
                    }
                }
            }
        }
        System.out.printf("%-24s %,d inputs: max %.4f ULP at x=%s (%s) gradOut=%s (bound %s)%n", k.name(), w.count, w.max,
                w.x, Float.toHexString(w.x), w.g, k.maxUlp());
    }

    static String rootKernel(double root) {
        return root == ActivationOracle.GELU_ROOT ? "geluBackward"
                : root == ActivationOracle.GELU_TANH_ROOT ? "geluTanhBackward" : "siluBackward";
    }
}
