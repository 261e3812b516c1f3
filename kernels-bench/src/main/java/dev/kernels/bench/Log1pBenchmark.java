package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** log1p: library vs the JDK's lanewise composition vs a plain Math loop; inputs 10^U[-6, 6] - 0.5. */
public class Log1pBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (Math.pow(10, r.nextDouble() * 12 - 6) - 0.5);
    }

    @Benchmark
    public float[] library() {
        VectorMath.log1p(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        lanewise(VectorOperators.LOG1P, Math::log1p, x, y);
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) Math.log1p(x[i]);
        return y;
    }
}
