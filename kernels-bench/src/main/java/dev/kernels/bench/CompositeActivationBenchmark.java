package dev.kernels.bench;

import dev.kernels.Activations;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Several activation kernels called from one method, as a user's layer code does: checks that no kernel gets inlined
 * into a large caller and boxes its vectors (run with -prof gc: the library must allocate 0 B/op).
 */
public class CompositeActivationBenchmark extends UnaryBenchmarkBase {
    public float[] z;
    public float[] w;

    @Override
    float sample(Random r) {
        return (float) (r.nextGaussian() * 3);
    }

    @Benchmark
    public float[] library() {
        if (z == null || z.length != x.length) {
            z = new float[x.length];
            w = new float[x.length];
        }
        Activations.gelu(x, y);
        Activations.silu(y, z);
        Activations.geluTanh(z, y);
        Activations.softplus(y, z);
        Activations.logSigmoid(z, y);
        Activations.leakyRelu(y, z, 0.01f);
        Activations.geluBackward(x, z, w);
        Activations.siluBackward(x, w, y);
        Activations.softplusBackward(x, y, z);
        Activations.logSigmoidBackward(x, z, w);
        Activations.tanhBackward(x, w, y);
        return y;
    }
}
