package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** tanh: library vs the JDK's lanewise composition vs a plain Math loop; inputs N(0, 3). */
public class TanhBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        VectorMath.tanh(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        // written out per benchmark: with the operator as a parameter of a shared helper, an OSR compile sees it as
        // non-constant and lanewise falls back to Java code (measured 5-14 ns/element), which would be unfair to the JDK
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.TANH).intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = (float) Math.tanh(x[i]);
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) Math.tanh(x[i]);
        return y;
    }
}
