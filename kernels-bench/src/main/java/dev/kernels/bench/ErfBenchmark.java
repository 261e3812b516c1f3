package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * erf: library vs a plain Java loop (the JDK has no erf). Inputs: {@code normal} N(0, 2); {@code subnormalInput}
 * random subnormal x of either sign, which the library builds in integers (an x86 float op would pay an assist).
 */
public class ErfBenchmark extends UnaryBenchmarkBase {
    @Param({"normal", "subnormalInput"})
    public String range;

    @Override
    float sample(Random r) {
        return switch (range) {
            case "normal" -> (float) (r.nextGaussian() * 2);
            case "subnormalInput" -> subnormal(r);
            default -> throw new IllegalArgumentException(range);
        };
    }

    @Benchmark
    public float[] library() {
        VectorMath.erf(x, y);
        return y;
    }

    /** The JDK has no erf: a plain loop over the classic Abramowitz-Stegun 7.1.26 form with Math.exp (1.5e-7 abs). */
    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) {
            double xd = x[i];
            y[i] = (float) PlainJava.erfAbramowitzStegun(xd, Math.exp(-xd * xd));
        }
        return y;
    }
}
