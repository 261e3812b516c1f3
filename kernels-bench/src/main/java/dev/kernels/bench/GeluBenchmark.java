package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * exact gelu: library vs plain Java, x Phi(x) with the Abramowitz-Stegun erf that ErfBenchmark's plain loop uses (the
 * JDK has no erf, neither in Math nor as a lane-wise operator, so there is no jdkVectorApi), and vs our own scalar twin
 * (the library's scalar path: the same binary64 algorithm, one element at a time); inputs N(0, 3).
 */
public class GeluBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        Activations.gelu(x, y);
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) {
            double xd = x[i];
            double u = xd * PlainJava.INV_SQRT2;
            y[i] = (float) (0.5 * xd * (1.0 + PlainJava.erfAbramowitzStegun(u, Math.exp(-u * u))));
        }
        return y;
    }

    @Benchmark
    public float[] scalarTwin() {
        for (int i = 0; i < x.length; i++) y[i] = dev.kernels.internal.ScalarActivations.gelu(x[i]);
        return y;
    }
}
