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
 * BCE with logits and a per-column posWeight (PyTorch's pos_weight) over a 1000 x 1000 batch, loss and gradient, mean
 * reduction. The JDK composition is PyTorch's formula (1 - y) z + lw (log1p(exp(-|z|)) + max(-z, 0)),
 * lw = 1 + (pw - 1) y, gradient ((pw y + 1 - y) sigma(z) - pw y) / n, from one lanewise(EXP) and one lanewise(LOG1P).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class BcePosWeightBenchmark {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Param({"1000"})
    public int rows;

    @Param({"1000"})
    public int cols;

    @Param({"normal3", "normal30"})
    public String dist;

    public float[] z;
    public float[] t;
    public float[] pw;
    public float[] grad;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        double sd = dist.equals("normal3") ? 3 : 30;
        int n = rows * cols;
        z = new float[n];
        t = new float[n];
        grad = new float[n];
        pw = new float[cols];
        for (int i = 0; i < n; i++) {
            z[i] = (float) (r.nextGaussian() * sd);
            t[i] = r.nextInt(2);
        }
        for (int j = 0; j < cols; j++) pw[j] = 0.5f + j % 4;
    }

    @Benchmark
    public float library() {
        return Losses.bceWithLogits(z, t, null, pw, rows, cols, Reduction.MEAN, null, grad);
    }

    @Benchmark
    public float jdkVectorApi() {
        float scale = 1f / (rows * cols);
        FloatVector vsum = FloatVector.zero(F);
        float s = 0f;
        for (int row = 0; row < rows; row++) {
            int o = row * cols;
            int j = 0;
            for (int b = F.loopBound(cols); j < b; j += F.length()) {
                FloatVector vz = FloatVector.fromArray(F, z, o + j);
                FloatVector vt = FloatVector.fromArray(F, t, o + j);
                FloatVector vpw = FloatVector.fromArray(F, pw, j);
                FloatVector ve = vz.abs().neg().lanewise(VectorOperators.EXP);
                FloatVector vlw = vpw.sub(1f).mul(vt).add(1f);
                FloatVector vsp = ve.lanewise(VectorOperators.LOG1P).add(vz.neg().max(0f));
                vsum = vsum.add(vt.neg().add(1f).mul(vz).add(vlw.mul(vsp)));
                FloatVector vr = ve.add(1f);
                FloatVector vsig = FloatVector.broadcast(F, 1f).div(vr).blend(ve.div(vr), vz.compare(VectorOperators.LT, 0f));
                FloatVector vpy = vpw.mul(vt);
                vpy.add(1f).sub(vt).mul(vsig).sub(vpy).mul(scale).intoArray(grad, o + j);
            }
            for (; j < cols; j++) s += element(o + j, j, scale);
        }
        return (s + vsum.reduceLanes(VectorOperators.ADD)) * scale;
    }

    @Benchmark
    public float javaScalar() {
        float scale = 1f / (rows * cols);
        double s = 0;
        for (int row = 0; row < rows; row++) {
            int o = row * cols;
            for (int j = 0; j < cols; j++) s += element(o + j, j, scale);
        }
        return (float) (s * scale);
    }

    /** Element i (column j) by Math.exp and Math.log1p: writes its gradient, returns its loss. */
    private float element(int i, int j, float scale) {
        float zi = z[i], ti = t[i], pj = pw[j];
        float e = (float) Math.exp(-Math.abs(zi));
        float lw = 1f + (pj - 1f) * ti;
        float sig = zi >= 0 ? 1f / (1f + e) : e / (1f + e);
        grad[i] = ((pj * ti + 1f - ti) * sig - pj * ti) * scale;
        return (1f - ti) * zi + lw * ((float) Math.log1p(e) + Math.max(-zi, 0f));
    }
}
