package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** logSigmoid: library vs the lanewise EXP/LOG1P composition vs a Math loop; inputs N(0, 5). */
public class LogSigmoidBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 5);
    }

    @Benchmark
    public float[] library() {
        Activations.logSigmoid(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            vx.min(0f).sub(vx.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P)).intoArray(y, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            y[i] = Math.min(v, 0f) - (float) Math.log1p(Math.exp(-Math.abs(v)));
        }
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) (Math.min(x[i], 0) - Math.log1p(Math.exp(-Math.abs(x[i]))));
        return y;
    }
}
