package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.openjdk.jmh.annotations.Benchmark;

/** relu: library vs lanewise max vs a plain loop, plus the vector-copy floor; inputs N(0, 3). */
public class ReluBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        Activations.relu(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            vx.max(0f).intoArray(y, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            y[i] = Math.max(v, 0f);
        }
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = Math.max(x[i], 0f);
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
