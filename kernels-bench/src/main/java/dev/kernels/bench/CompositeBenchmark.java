package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Several kernels called from one method, as user code does: checks that no kernel gets inlined into a large caller
 * and boxes its vectors (run with -prof gc: the library must allocate 0 B/op).
 */
public class CompositeBenchmark extends UnaryBenchmarkBase {
    public float[] z;

    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        if (z == null || z.length != x.length) z = new float[x.length];
        VectorMath.tanh(x, y);
        VectorMath.sigmoid(y, z);
        VectorMath.exp(z, y);
        VectorMath.log(y, z);
        VectorMath.erf(z, y);
        VectorMath.expm1(y, z);
        VectorMath.log1p(z, y);
        return y;
    }
}
