package dev.kernels.bench;

import static dev.kernels.internal.MathConstants.*;

import dev.kernels.VectorMath;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * sigmoid: library vs the JDK's lanewise composition vs a plain Math loop. Inputs: {@code normal} N(0, 3);
 * {@code subnormalResult} uniform [-100, -88], where sigmoid (and e^x) is subnormal; {@code subnormalInput} random
 * subnormal x of either sign, where an x86 float op taking them as input would pay a microcode assist.
 */
public class SigmoidBenchmark extends UnaryBenchmarkBase {
    @Param({"normal", "subnormalResult", "subnormalInput"})
    public String range;

    @Override
    float sample(Random r) {
        return switch (range) {
            case "normal" -> (float) (r.nextGaussian() * 3);
            case "subnormalResult" -> (float) (r.nextDouble() * 12 - 100);
            case "subnormalInput" -> subnormal(r);
            default -> throw new IllegalArgumentException(range);
        };
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

    /**
     * Not a sigmoid: the library's binary32 exp of -x, then one pass of 1/(1 + e) in float. Three roundings (exp's 0.87
     * ULP, 1 + e, the divide) leave it without a 1-ULP bound; it is the cost floor of any exp-and-divide binary32
     * sigmoid, measured beside the JDK composition, which pays the same float divide.
     */
    @Benchmark
    public float[] expThenDivideFloor() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, i).neg().intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = -x[i];
        VectorMath.exp(y, y);
        i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.broadcast(SPECIES, 1f).div(FloatVector.fromArray(SPECIES, y, i).add(1f)).intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = 1f / (1f + y[i]);
        return y;
    }

    /**
     * Not a sigmoid: the common path of the library's binary32 exp of -x (2^n by an integer shift, no clamp, no
     * subnormal results: enough for these N(0, 3) inputs) and 1/(1 + e) in one loop, so the divider runs beside the
     * FMA ports. No 1-ULP bound; the floor of a fused exp-and-divide binary32 sigmoid.
     */
    @Benchmark
    public float[] fusedExpDivideFloor() {
        int magicBits = Float.floatToRawIntBits(EXP_MAGIC_F);
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector z = FloatVector.fromArray(SPECIES, x, i).neg();
            FloatVector nb = z.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector n = nb.sub(EXP_MAGIC_F);
            FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HI_F), z);
            r = n.fma(FloatVector.broadcast(SPECIES, -LN2_LO_F), r);
            FloatVector q = r.fma(EXP_F_Q5, EXP_F_Q4).fma(r, FloatVector.broadcast(SPECIES, EXP_F_Q3))
                    .fma(r, FloatVector.broadcast(SPECIES, EXP_F_Q2)).fma(r, FloatVector.broadcast(SPECIES, EXP_F_Q1))
                    .fma(r, FloatVector.broadcast(SPECIES, EXP_F_Q0));
            FloatVector p = q.fma(r, FloatVector.broadcast(SPECIES, 1f)).fma(r, FloatVector.broadcast(SPECIES, 1f));
            FloatVector s = nb.reinterpretAsInts().sub(magicBits - 127).lanewise(VectorOperators.LSHL, 23)
                    .reinterpretAsFloats();
            FloatVector.broadcast(SPECIES, 1f).div(p.fma(s, FloatVector.broadcast(SPECIES, 1f))).intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = 1f / (1f + dev.kernels.internal.ScalarMath.exp(-x[i]));
        return y;
    }

    /**
     * Not a sigmoid: only its float divide, one pass of 1/(1 + x). When this costs as much as the JDK composition,
     * that composition is bound by the divider, and no design with one divide per element can be much faster.
     */
    @Benchmark
    public float[] divideOnlyFloor() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.broadcast(SPECIES, 1f).div(FloatVector.fromArray(SPECIES, x, i).add(1f)).intoArray(y, i);
        }
        for (; i < x.length; i++) y[i] = 1f / (1f + x[i]);
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        return y;
    }
}
