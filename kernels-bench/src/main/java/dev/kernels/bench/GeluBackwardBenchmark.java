package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * geluBackward: library vs plain Java, gradOut (Phi(x) + x phi(x)) with the Abramowitz-Stegun erf and one Math.exp
 * shared by erf and phi, and vs our own scalar twin (no erf in the JDK, so no jdkVectorApi); x ~ N(0, 3).
 */
public class GeluBackwardBenchmark extends BackwardBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        Activations.geluBackward(x, gradOut, gradIn);
        return gradIn;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) {
            double xd = x[i];
            double u = xd * PlainJava.INV_SQRT2;
            double e = Math.exp(-u * u); // e^(-x^2/2), shared by erf and phi
            double cdf = 0.5 * (1.0 + PlainJava.erfAbramowitzStegun(u, e));
            gradIn[i] = (float) (gradOut[i] * (cdf + xd * e * PlainJava.INV_SQRT_2PI));
        }
        return gradIn;
    }

    @Benchmark
    public float[] scalarTwin() {
        for (int i = 0; i < x.length; i++) gradIn[i] = dev.kernels.internal.ScalarActivations.geluBackward(x[i], gradOut[i]);
        return gradIn;
    }
}
