package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.openjdk.jmh.annotations.Benchmark;

/** tanhBackward from the saved output y: library vs the plain lanewise float composition g*(1-y*y) vs a scalar loop; y = tanh of N(0, 3). */
public class TanhBackwardBenchmark extends BackwardBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) Math.tanh(r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        Activations.tanhBackward(x, gradOut, gradIn);
        return gradIn;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            FloatVector vg = FloatVector.fromArray(SPECIES, gradOut, i);
            vg.mul(vx.mul(vx).neg().add(1f)).intoArray(gradIn, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            gradIn[i] = gradOut[i] * (1f - v * v);
        }
        return gradIn;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) gradIn[i] = gradOut[i] * (1f - x[i] * x[i]);
        return gradIn;
    }
}
