package dev.kernels.bench;

import dev.kernels.Losses;
import dev.kernels.Reduction;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BCE with logits over n = 10^6 elements, mean reduction: loss only and loss + gradient. The JDK composition is
 * max(z, 0) - z y + lanewise(LOG1P)(lanewise(EXP)(-|z|)), gradient sigma(z) - y from the same exp.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class BceBenchmark {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Param({"1000000"})
    public int n;

    @Param({"normal3", "normal30"})
    public String dist;

    @Param({"loss", "lossAndGrad"})
    public String mode;

    public float[] z;
    public float[] t;
    public float[] grad;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        double sd = dist.equals("normal3") ? 3 : 30;
        z = new float[n];
        t = new float[n];
        grad = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) (r.nextGaussian() * sd);
            t[i] = r.nextInt(2);
        }
    }

    @Benchmark
    public float library() {
        return Losses.bceWithLogits(z, t, mode.equals("loss") ? null : grad, Reduction.MEAN);
    }

    @Benchmark
    public float jdkVectorApi() {
        boolean withGrad = !mode.equals("loss");
        float scale = 1f / n;
        FloatVector vsum = FloatVector.zero(F);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += F.length()) {
            FloatVector vz = FloatVector.fromArray(F, z, i);
            FloatVector vt = FloatVector.fromArray(F, t, i);
            FloatVector ve = vz.abs().neg().lanewise(VectorOperators.EXP);
            FloatVector vl = vz.max(0f).sub(vz.mul(vt)).add(ve.lanewise(VectorOperators.LOG1P));
            vsum = vsum.add(vl);
            if (withGrad) {
                FloatVector vr = ve.add(1f);
                FloatVector vsig = FloatVector.broadcast(F, 1f).div(vr).blend(ve.div(vr), vz.compare(VectorOperators.LT, 0f));
                vsig.sub(vt).mul(scale).intoArray(grad, i);
            }
        }
        float s = vsum.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float e = (float) Math.exp(-Math.abs(z[i]));
            s += Math.max(z[i], 0f) - z[i] * t[i] + (float) Math.log1p(e);
            if (withGrad) grad[i] = ((z[i] >= 0 ? 1f / (1f + e) : e / (1f + e)) - t[i]) * scale;
        }
        return s / n;
    }

    @Benchmark
    public float javaScalar() {
        boolean withGrad = !mode.equals("loss");
        float scale = 1f / n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(-Math.abs(z[i]));
            s += Math.max(z[i], 0f) - z[i] * t[i] + (float) Math.log1p(e);
            if (withGrad) grad[i] = ((z[i] >= 0 ? 1f / (1f + e) : e / (1f + e)) - t[i]) * scale;
        }
        return (float) (s / n);
    }
}
