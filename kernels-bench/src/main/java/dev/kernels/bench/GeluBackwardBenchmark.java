package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;

/** geluBackward: library vs our scalar twin (no erf in the JDK, so no jdkVectorApi); x ~ N(0, 3). */
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
        for (int i = 0; i < x.length; i++) gradIn[i] = dev.kernels.internal.ScalarActivations.geluBackward(x[i], gradOut[i]);
        return gradIn;
    }
}
