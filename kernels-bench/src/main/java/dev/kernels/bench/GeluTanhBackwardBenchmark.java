package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;

/** geluTanhBackward: library vs the lanewise TANH composition vs a Math.tanh loop; x ~ N(0, 3). */
public class GeluTanhBackwardBenchmark extends BackwardBenchmarkBase {
    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        Activations.geluTanhBackward(x, gradOut, gradIn);
        return gradIn;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, i);
            FloatVector vg = FloatVector.fromArray(SPECIES, gradOut, i);
            vg.mul(derivative(vx)).intoArray(gradIn, i);
        }
        for (; i < x.length; i++) {
            float v = x[i];
            gradIn[i] = gradOut[i] * derivative(v);
        }
        return gradIn;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int i = 0; i < x.length; i++) gradIn[i] = gradOut[i] * derivative(x[i]);
        return gradIn;
    }

    static final float K = (float) Math.sqrt(2 / Math.PI);
    static final float C = 0.044715f;

    /** 0.5 (1 + t) + 0.5 x (1 - t^2) K (1 + 3 C x^2), t = tanh(K (x + C x^3)). */
    static FloatVector derivative(FloatVector vx) {
        FloatVector vx2 = vx.mul(vx);
        FloatVector vt = vx2.mul(C).add(1f).mul(vx).mul(K).lanewise(VectorOperators.TANH);
        FloatVector vdz = vx2.mul(3 * C).add(1f).mul(K);
        return vt.add(1f).mul(0.5f).add(vx.mul(0.5f).mul(vt.mul(vt).neg().add(1f)).mul(vdz));
    }

    static float derivative(float v) {
        float t = (float) Math.tanh(K * (v + C * v * v * v));
        return 0.5f * (1 + t) + 0.5f * v * (1 - t * t) * K * (1 + 3 * C * v * v);
    }
}
