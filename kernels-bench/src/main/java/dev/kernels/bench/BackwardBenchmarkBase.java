package dev.kernels.bench;

import java.util.Random;
import org.openjdk.jmh.annotations.Setup;

/**
 * Shared state of the backward (gradient) benchmarks: {@link UnaryBenchmarkBase}'s saved tensor {@code x} (input or
 * output of the forward, drawn by {@link #sample}) plus {@code gradOut} ~ N(0, 1) and a separate {@code gradIn}, so no
 * kernel re-processes its own output. Same JMH settings; scores are ns per call.
 */
public abstract class BackwardBenchmarkBase extends UnaryBenchmarkBase {
    public float[] gradOut;
    public float[] gradIn;

    @Setup
    public void setUpGradients() {
        Random r = new Random(43); // independent of x's stream: JMH runs the two @Setup methods in either order
        gradOut = new float[size];
        gradIn = new float[size];
        for (int i = 0; i < size; i++) gradOut[i] = (float) r.nextGaussian();
    }
}
