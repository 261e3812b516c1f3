package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** logSigmoidBackward: library vs the lanewise EXP composition g / (1 + e^x) vs a Math.exp loop; x ~ N(0, 5). */
public class LogSigmoidBackwardBenchmark extends BackwardBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 5);
    }

    @Benchmark
    public float[] library() {
        Activations.logSigmoidBackward(x, gradOut, gradIn);
        return gradIn;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            FloatVector vg = FloatVector.fromArray(SPECIES, gradOut, i);
            vg.div(vx.lanewise(VectorOperators.EXP).add(1f)).intoArray(gradIn, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            gradIn[i] = gradOut[i] / (1f + (float) Math.exp(v));
        }
        return gradIn;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) gradIn[i] = (float) (gradOut[i] / (1 + Math.exp(x[i])));
        return gradIn;
    }
}
