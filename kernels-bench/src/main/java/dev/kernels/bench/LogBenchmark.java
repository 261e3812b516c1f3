package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** log: library vs the JDK's lanewise composition vs a plain Math loop; inputs 10^U[-30, 30]. */
public class LogBenchmark extends UnaryBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) Math.pow(10, r.nextDouble() * 60 - 30);
    }

    @Benchmark
    public float[] library() {
        VectorMath.log(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        // written out per benchmark: with the operator as a parameter of a shared helper, an OSR compile sees it as
        // non-constant and lanewise falls back to Java code (measured 5-14 ns/element), which would be unfair to the JDK
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.LOG).intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = (float) Math.log(x[i]);
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) Math.log(x[i]);
        return y;
    }
}
