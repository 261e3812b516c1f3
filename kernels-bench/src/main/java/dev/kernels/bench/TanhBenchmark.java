package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** tanh: library vs the JDK's lanewise composition vs a plain Math loop; inputs N(0, 3). */
public class TanhBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        VectorMath.tanh(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        lanewise(VectorOperators.TANH, Math::tanh, x, y);
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) Math.tanh(x[i]);
        return y;
    }
}
