package dev.kernels.softmax;

import dev.kernels.KernelInfo;
import dev.kernels.internal.KernelProvider;
import dev.kernels.internal.ScalarSoftmax;
import dev.kernels.internal.SoftmaxSupport;
import dev.kernels.test.SoftmaxBatches;
import java.util.Random;

/** Shared fixtures of the softmax and loss tests: both implementations, seeded batches, warm-up. */
public final class SoftmaxTesting {
    private SoftmaxTesting() {}

    public static final SoftmaxSupport VECTOR = KernelProvider.load("PanamaSoftmax", SoftmaxSupport.class, ScalarSoftmax::new);
    public static final SoftmaxSupport SCALAR = new ScalarSoftmax();
    public static final long SEED = Long.getLong("tests.seed", 20261123L);
    /** At least 16 so that every tail and partial layout of a 16-partial block is exercised. */
    public static final int LANES = Math.max(16, KernelInfo.floatLanes());

    private static boolean warmedUp;

    /** Runs every vector pass ~3000 times on 256-column rows so C2 compiles them before bits are compared. */
    public static synchronized void warmUp() {
        if (warmedUp) return;
        warmedUp = true;
        Random r = new Random(1);
        int rows = 2, cols = 256;
        float[] x = normal(r, rows * cols, 3);
        float[] y = new float[x.length], g = new float[x.length], gi = new float[x.length], t = new float[x.length];
        for (int i = 0; i < t.length; i++) t[i] = r.nextFloat();
        int[] labels = {3, 7};
        float[] lse = new float[rows];
        for (int it = 0; it < 3000; it++) {
            VECTOR.softmax(x, 0, cols, y, 0, cols, rows, cols);
            VECTOR.logSoftmax(x, 0, cols, y, 0, cols, rows, cols);
            VECTOR.logSumExp(x, 0, cols, lse, 0, rows, cols);
            VECTOR.softmaxBackward(y, 0, cols, x, 0, cols, gi, 0, cols, rows, cols);
            VECTOR.logSoftmaxBackward(y, 0, cols, x, 0, cols, gi, 0, cols, rows, cols);
            VECTOR.crossEntropy(x, 0, cols, rows, cols, labels, 0, -100, null, 0f, cols, null, 0, null, 0, g, 0, cols, 0.5);
            VECTOR.crossEntropy(x, 0, cols, rows, cols, labels, 0, -100, null, 0.1f, cols, null, 0, null, 0, g, 0, cols, 0.5);
            VECTOR.bce(x, 0, t, 0, null, 0, null, x.length, x.length, y, 0, null, 0, g, 0, 1.0);
            VECTOR.bce(x, 0, t, 0, t, 0, t, x.length, cols, y, 0, null, 0, g, 0, 1.0);
        }
    }

    public static float[] normal(Random r, int n, double sd) {
        return SoftmaxBatches.normal(r, n, sd);
    }

    public static float[] batch(String dist, Random r, int rows, int cols) {
        return SoftmaxBatches.batch(dist, r, rows, cols);
    }
}
