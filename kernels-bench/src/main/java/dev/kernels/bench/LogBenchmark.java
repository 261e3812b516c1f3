package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** log: library vs the JDK's lanewise composition vs a plain Math loop; inputs 10^U[-30, 30]. */
public class LogBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) Math.pow(10, r.nextDouble() * 60 - 30);
    }

    @Benchmark
    public float[] library() {
        VectorMath.log(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        lanewise(VectorOperators.LOG, Math::log, x, y);
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) Math.log(x[i]);
        return y;
    }
}
