package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** softplus (beta 1, threshold 20): library vs the lanewise EXP/LOG1P composition vs a Math loop; inputs N(0, 5). */
public class SoftplusBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 5);
    }

    @Benchmark
    public float[] library() {
        Activations.softplus(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            vx.max(0f).add(vx.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P)).blend(vx, vx.compare(VectorOperators.GT, 20f)).intoArray(y, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            y[i] = v > 20f ? v : Math.max(v, 0f) + (float) Math.log1p(Math.exp(-Math.abs(v)));
        }
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) {
            float v = x[i];
            y[i] = v > 20f ? v : (float) (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
        }
        return y;
    }
}
