package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;

/** exact gelu: library vs our scalar twin (the JDK has no erf, neither in Math nor as a lane-wise operator, so there is no jdkVectorApi); inputs N(0, 3). */
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
        for (int i = 0; i < x.length; i++) y[i] = dev.kernels.internal.ScalarActivations.gelu(x[i]);
        return y;
    }
}
