package dev.kernels.bench;

import dev.kernels.Softmax;
import org.openjdk.jmh.annotations.Benchmark;

/** Row-wise log-softmax: library vs max, lanewise(EXP) sum, subtract Math.log(sum) vs plain Java. */
public class LogSoftmaxBenchmark extends RowBenchmarkBase {
    @Benchmark
    public float[] library() {
        Softmax.logSoftmax(x, y, rows, cols);
        return y;
    }

    @Benchmark
    public float[] jdkVectorApi() {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float m = jdkMax(x, o, cols);
            float s = jdkExpSum(x, o, cols, m, null);
            jdkShift(x, o, cols, m, (float) Math.log(s), y);
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
            for (int j = 0; j < cols; j++) s += (float) Math.exp(x[o + j] - m);
            float l = (float) Math.log(s);
            for (int j = 0; j < cols; j++) y[o + j] = x[o + j] - m - l;
        }
        return y;
    }
}
