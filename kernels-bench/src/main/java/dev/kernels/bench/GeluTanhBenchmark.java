package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** tanh-form gelu: library vs the lanewise TANH composition vs a Math.tanh loop; inputs N(0, 3). */
public class GeluTanhBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        Activations.geluTanh(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            vx.mul(0.5f).mul(vx.mul(vx).mul(vx).mul(C).add(vx).mul(K).lanewise(VectorOperators.TANH).add(1f)).intoArray(y, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            y[i] = 0.5f * v * (1f + (float) Math.tanh(K * (v + C * v * v * v)));
        }
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) {
            float v = x[i];
            y[i] = 0.5f * v * (1f + (float) Math.tanh(K * (v + C * v * v * v)));
        }
        return y;
    }

    static final float K = (float) Math.sqrt(2 / Math.PI);
    static final float C = 0.044715f;
}
