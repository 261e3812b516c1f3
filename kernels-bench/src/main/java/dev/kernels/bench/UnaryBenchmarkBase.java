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
 * Shared state of the element-wise benchmarks: seeded inputs of {@code size} floats (drawn by {@link #sample}) and a
 * separate output array, so no kernel ever re-processes its own output. Scores are ns per call; divide by size for
 * ns/element. Few iterations, one fork per benchmark: on this shared 2-core machine compare ratios within one run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public abstract class UnaryBenchmarkBase {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Param({"1024", "65536", "4194304"})
    public int size;

    public float[] x;
    public float[] y;

    /** One input value drawn from the kernel's natural domain. */
    abstract float sample(Random r);

    /** A random subnormal float of random sign (the inputs where an x86 float op would pay a microcode assist). */
    static float subnormal(Random r) {
        return Float.intBitsToFloat((r.nextInt(0x7fffff) + 1) | (r.nextBoolean() ? 0x80000000 : 0));
    }

    @Setup
    public void setUp() {
        Random r = new Random(42);
        x = new float[size];
        y = new float[size];
        for (int i = 0; i < size; i++) x[i] = sample(r);
    }
}
