package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * exp: library vs the JDK's lanewise composition vs a plain Math loop; inputs uniform [-10, 10] (normal), [-100, -88]
 * (subnormal results), or masked: uniform [-10, 10] with one element in four a masked logit (-inf or -1e4, exp 0).
 */
public class ExpBenchmark extends UnaryBenchmarkBase {
    @Param({"normal", "subnormal", "masked"})
    public String range;

    @Override
    float sample(Random r) {
        return switch (range) {
            case "normal" -> (float) (r.nextDouble() * 20 - 10);
            case "subnormal" -> (float) (r.nextDouble() * 12 - 100);
            case "masked" -> r.nextInt(4) != 0 ? (float) (r.nextDouble() * 20 - 10)
                    : r.nextBoolean() ? Float.NEGATIVE_INFINITY : -1e4f;
            default -> throw new IllegalArgumentException(range);
        };
    }

    @Benchmark
    public float[] library() {
        VectorMath.exp(x, y);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        // written out per benchmark: with the operator as a parameter of a shared helper, an OSR compile sees it as
        // non-constant and lanewise falls back to Java code (measured 5-14 ns/element), which would be unfair to the JDK
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = (float) Math.exp(x[i]);
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) Math.exp(x[i]);
        return y;
    }
}
