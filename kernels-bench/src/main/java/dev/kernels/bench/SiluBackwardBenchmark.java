package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** siluBackward: library vs the lanewise EXP composition s (1 + x (1 - s)) vs a Math.exp loop; x ~ N(0, 3). */
public class SiluBackwardBenchmark extends BackwardBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        Activations.siluBackward(x, gradOut, gradIn);
        return gradIn;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            FloatVector vg = FloatVector.fromArray(SPECIES, gradOut, i);
            FloatVector vs = sigmoid(vx); // once, as a user would write it (it was called twice)
            vg.mul(vs.mul(vx.mul(vs.neg().add(1f)).add(1f))).intoArray(gradIn, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            gradIn[i] = gradOut[i] * (float) (1 / (1 + Math.exp(-v)) * (1 + v * (1 - 1 / (1 + Math.exp(-v)))));
        }
        return gradIn;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) {
            double s = 1 / (1 + Math.exp(-x[i]));
            gradIn[i] = (float) (gradOut[i] * s * (1 + x[i] * (1 - s)));
        }
        return gradIn;
    }

    static FloatVector sigmoid(FloatVector vx) {
        return FloatVector.broadcast(SPECIES, 1f).div(vx.neg().lanewise(VectorOperators.EXP).add(1f));
    }
}
