package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** expm1: library vs the JDK's lanewise composition vs a plain Math loop; inputs uniform [-10, 10]. */
public class Expm1Benchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextDouble() * 20 - 10);
    }

    @Benchmark
    public float[] library() {
        VectorMath.expm1(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        // written out per benchmark: with the operator as a parameter of a shared helper, an OSR compile sees it as
        // non-constant and lanewise falls back to Java code (measured 5-14 ns/element), which would be unfair to the JDK
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.EXPM1).intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = (float) Math.expm1(x[i]);
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) Math.expm1(x[i]);
        return y;
    }
}
