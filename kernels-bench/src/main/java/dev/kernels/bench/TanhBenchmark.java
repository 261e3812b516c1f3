package dev.kernels.bench;

import dev.kernels.VectorMath;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * tanh: library vs the JDK's lanewise composition vs a plain Math loop. Inputs: {@code normal} N(0, 3);
 * {@code subnormalInput} random subnormal x of either sign (tanh x = x there), where an x86 float op taking them as
 * input would pay a microcode assist.
 */
public class TanhBenchmark extends UnaryBenchmarkBase {
    @Param({"normal", "subnormalInput"})
    public String range;

    @Override
    float sample(Random r) {
        return switch (range) {
            case "normal" -> (float) (r.nextGaussian() * 3);
            case "subnormalInput" -> subnormal(r);
            default -> throw new IllegalArgumentException(range);
        };
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

    /**
     * Not a tanh: the library's binary32 exp of 2x, then one pass of 1 - 2/(1 + e) in float. Four roundings (exp's 0.87
     * ULP, 1 + e, the divide, 1 - q) leave it without a 1-ULP bound; it is the cost floor of any exp-and-divide
     * binary32 tanh, measured beside the JDK's lanewise(TANH).
     */
    @Benchmark
    public float[] expThenDivideFloor() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            vx.add(vx).intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = x[i] + x[i];
        VectorMath.exp(y, y);
        i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.broadcast(SPECIES, -2f).div(FloatVector.fromArray(SPECIES, y, i).add(1f)).add(1f)
                    .intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = 1f - 2f / (1f + y[i]);
        return y;
    }

    /**
     * Not a tanh: only a float divide, one pass of 1 - 2/(1 + x): the floor of any tanh design that divides once per
     * element, measured beside the JDK's lanewise(TANH).
     */
    @Benchmark
    public float[] divideOnlyFloor() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.broadcast(SPECIES, -2f).div(FloatVector.fromArray(SPECIES, x, i).add(1f)).add(1f)
                    .intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = 1f - 2f / (1f + x[i]);
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) Math.tanh(x[i]);
        return y;
    }
}
