package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** silu: library vs the lanewise EXP composition x / (1 + e^-x) vs a Math.exp loop; inputs N(0, 3). */
public class SiluBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        Activations.silu(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            vx.div(vx.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(y, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            y[i] = v / (1f + (float) Math.exp(-v));
        }
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) (x[i] / (1 + Math.exp(-x[i])));
        return y;
    }
}
