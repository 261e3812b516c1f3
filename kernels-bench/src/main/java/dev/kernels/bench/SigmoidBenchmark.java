package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** sigmoid: library vs the JDK's lanewise composition vs a plain Math loop; inputs N(0, 3). */
public class SigmoidBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        VectorMath.sigmoid(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            FloatVector.broadcast(SPECIES, 1f).div(vx.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        return y;
    }
}
