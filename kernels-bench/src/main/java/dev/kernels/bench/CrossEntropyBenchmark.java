package dev.kernels.bench;

import dev.kernels.Losses;
import dev.kernels.Reduction;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Cross-entropy with class indices, mean reduction, loss + gradient: library (one fused call) vs the composition
 * log-softmax, then NLL, then a separate softmax - onehot gradient pass (Vector API) vs plain Java.
 */
public class CrossEntropyBenchmark extends RowBenchmarkBase {
    @Benchmark
    public float libraryLoss() {
        return Losses.crossEntropyWithLogits(x, rows, cols, labels, null, Reduction.MEAN);
    }

    @Benchmark
    public float library() {
        return Losses.crossEntropyWithLogits(x, rows, cols, labels, grad, Reduction.MEAN);
    }

    @Benchmark
    public float jdkVectorApi() {
        double loss = 0;
        float scale = 1f / rows;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float m = jdkMax(x, o, cols);
            float s = jdkExpSum(x, o, cols, m, null);
            float l = (float) Math.log(s);
            jdkShift(x, o, cols, m, l, y);          // log-softmax
            loss -= y[o + labels[r]];                // NLL
            jdkExpSum(y, o, cols, 0f, grad);         // softmax = exp(log-softmax)
            jdkScale(grad, o, cols, scale);
            grad[o + labels[r]] -= scale;            // - onehot
        }
        return (float) (loss / rows);
    }

    @Benchmark
    public float javaScalar() {
        double loss = 0;
        float scale = 1f / rows;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float m = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) m = Math.max(m, x[o + j]);
            float s = 0;
            for (int j = 0; j < cols; j++) s += (float) Math.exp(x[o + j] - m);
            float l = (float) Math.log(s);
            loss += l - (x[o + labels[r]] - m);
            float inv = scale / s;
            for (int j = 0; j < cols; j++) grad[o + j] = (float) Math.exp(x[o + j] - m) * inv;
            grad[o + labels[r]] -= scale;
        }
        return (float) (loss / rows);
    }
}
