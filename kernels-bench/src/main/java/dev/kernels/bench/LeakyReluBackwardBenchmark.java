package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** leakyReluBackward(0.01): library vs a lanewise blend vs a plain loop, plus the vector-copy floor; x ~ N(0, 3). */
public class LeakyReluBackwardBenchmark extends BackwardBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        Activations.leakyReluBackward(x, gradOut, gradIn, 0.01f);
        return gradIn;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            FloatVector vg = FloatVector.fromArray(SPECIES, gradOut, i);
            vg.mul(0.01f).blend(vg, vx.compare(VectorOperators.GT, 0f)).intoArray(gradIn, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            gradIn[i] = v > 0 ? gradOut[i] : gradOut[i] * 0.01f;
        }
        return gradIn;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) gradIn[i] = x[i] > 0 ? gradOut[i] : gradOut[i] * 0.01f;
        return gradIn;
    }

    /** The memory-bound floor named by the issue: a plain vector copy of gradOut into gradIn (two streams, where the
     *  kernel has three: x is read too). */
    @Benchmark
    public float[] vectorCopy() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, gradOut, i).intoArray(gradIn, i);
        }
        for (; i < x.length; i++) gradIn[i] = gradOut[i];
        return gradIn;
    }
}
