package dev.kernels.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
 * Shared state of the row-wise benchmarks (softmax, log-softmax, cross-entropy): a seeded {@code rows x cols} batch
 * of N(0, 3) or N(0, 30) logits, a separate output, labels. Scores are ns per call (divide by rows * cols for
 * ns/element). The JDK composition uses lanewise(EXP) and a float vector sum, as a user of the Vector API would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public abstract class RowBenchmarkBase {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Param({"256x1000", "32x32000", "4096x128", "1x1000000"})
    public String shape;

    @Param({"normal3", "normal30"})
    public String dist;

    public int rows;
    public int cols;
    public float[] x;
    public float[] y;
    public float[] grad;
    public int[] labels;

    @Setup
    public void setUp() {
        String[] rc = shape.split("x");
        rows = Integer.parseInt(rc[0]);
        cols = Integer.parseInt(rc[1]);
        double sd = dist.equals("normal3") ? 3 : 30;
        Random r = new Random(42);
        x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * sd);
        y = new float[x.length];
        grad = new float[x.length];
        labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = r.nextInt(cols);
    }

    /** Row max with the Vector API. */
    static float jdkMax(float[] x, int o, int n) {
        FloatVector vm = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += F.length()) vm = vm.max(FloatVector.fromArray(F, x, o + i));
        float m = vm.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) m = Math.max(m, x[o + i]);
        return m;
    }

    /** sum exp(x - m) with lanewise(EXP); stores the exps to y when y != null. */
    static float jdkExpSum(float[] x, int o, int n, float m, float[] y) {
        FloatVector vs = FloatVector.zero(F);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += F.length()) {
            FloatVector ve = FloatVector.fromArray(F, x, o + i).sub(m).lanewise(VectorOperators.EXP);
            if (y != null) ve.intoArray(y, o + i);
            vs = vs.add(ve);
        }
        float s = vs.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float e = (float) Math.exp(x[o + i] - m);
            if (y != null) y[o + i] = e;
            s += e;
        }
        return s;
    }

    /** y = (x - m) - l. */
    static void jdkShift(float[] x, int o, int n, float m, float l, float[] y) {
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += F.length()) {
            FloatVector.fromArray(F, x, o + i).sub(m).sub(l).intoArray(y, o + i);
        }
        for (; i < n; i++) y[o + i] = x[o + i] - m - l;
    }

    /** y *= r. */
    static void jdkScale(float[] y, int o, int n, float r) {
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += F.length()) FloatVector.fromArray(F, y, o + i).mul(r).intoArray(y, o + i);
        for (; i < n; i++) y[o + i] *= r;
    }
}
