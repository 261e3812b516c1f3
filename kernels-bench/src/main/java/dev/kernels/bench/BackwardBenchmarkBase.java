package dev.kernels.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
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
 * Shared state of the backward (gradient) benchmarks: the saved tensor {@code x} (input or output of the forward,
 * drawn by {@link #sample}), {@code gradOut} ~ N(0, 1), and a separate {@code gradIn}, so no kernel re-processes its
 * own output. Same JMH settings as {@link UnaryBenchmarkBase}; scores are ns per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public abstract class BackwardBenchmarkBase {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Param({"1024", "65536", "4194304"})
    public int size;

    public float[] x;
    public float[] gradOut;
    public float[] gradIn;

    /** One saved value drawn from the kernel's natural domain. */
    abstract float sample(Random r);

    @Setup
    public void setUp() {
        Random r = new Random(42);
        x = new float[size];
        gradOut = new float[size];
        gradIn = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = sample(r);
            gradOut[i] = (float) r.nextGaussian();
        }
    }
}
