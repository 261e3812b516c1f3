package dev.kernels.bench;

import dev.kernels.Softmax;
import org.openjdk.jmh.annotations.Benchmark;

/** Row-wise softmax: library vs the natural Vector API composition (max, lanewise(EXP) store + sum, scale) vs plain Java. */
public class SoftmaxBenchmark extends RowBenchmarkBase {
    @Benchmark
    public float[] library() {
        Softmax.softmax(x, y, rows, cols);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float m = jdkMax(x, o, cols);
            float s = jdkExpSum(x, o, cols, m, y);
            jdkScale(y, o, cols, 1f / s);
        }
        return y;
    }

    @Benchmark
    public float[] javaScalar() {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float m = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) m = Math.max(m, x[o + j]);
            float s = 0;
            for (int j = 0; j < cols; j++) s += y[o + j] = (float) Math.exp(x[o + j] - m);
            float inv = 1f / s;
            for (int j = 0; j < cols; j++) y[o + j] *= inv;
        }
        return y;
    }
}
