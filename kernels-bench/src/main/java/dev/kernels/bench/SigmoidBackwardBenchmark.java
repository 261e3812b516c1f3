package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.openjdk.jmh.annotations.Benchmark;

/** sigmoidBackward from the saved output y: library (binary64, rounded once) vs the plain lanewise float composition g*y*(1-y) vs a scalar loop; y = sigmoid of N(0, 3). */
public class SigmoidBackwardBenchmark extends BackwardBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (1 / (1 + Math.exp(-r.nextGaussian() * 3)));
    }

    @Benchmark
    public float[] library() {
        Activations.sigmoidBackward(x, gradOut, gradIn);
        return gradIn;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            FloatVector vg = FloatVector.fromArray(SPECIES, gradOut, i);
            vg.mul(vx).mul(vx.neg().add(1f)).intoArray(gradIn, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            gradIn[i] = gradOut[i] * v * (1f - v);
        }
        return gradIn;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) gradIn[i] = gradOut[i] * x[i] * (1f - x[i]);
        return gradIn;
    }
}
