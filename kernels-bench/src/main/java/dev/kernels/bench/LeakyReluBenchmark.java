package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** leakyRelu(0.01): library vs a lanewise blend vs a plain loop, plus the vector-copy floor; inputs N(0, 3). */
public class LeakyReluBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        Activations.leakyRelu(x, y, 0.01f);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            vx.blend(vx.mul(0.01f), vx.compare(VectorOperators.LE, 0f)).intoArray(y, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            y[i] = v > 0 ? v : v * 0.01f;
        }
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : x[i] * 0.01f;
        return y;
    }

    /** The memory-bound floor: a plain vector copy of x into y (the bar: relu-type kernels within 1.3x of it). */
    @Benchmark
    public float[] vectorCopy() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, i).intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = x[i];
        return y;
    }
}
