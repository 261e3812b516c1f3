package dev.kernels.bench;

import dev.kernels.Losses;
import dev.kernels.Reduction;
import dev.kernels.Softmax;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Slow-path scan of the row-wise kernels, {@link EdgeInputsBenchmark}'s counterpart: each kernel on 64 rows of 1000
 * logits from ordinary and edge distributions, library only; divide a score by the kernel's {@code normal3} score from
 * the same run. Logits: normal3 N(0, 3); normal30 N(0, 30) (most exp(x - max) subnormal); masked N(0, 3) with half
 * -inf; dominant N(0, 3) with one +1e4 per row; large |x| uniform in [80, 140]; huge |x| = 2^u, u in [20, 127]; tiny
 * |x| = 2^u, u in [-126, -26]; subnormal; special N(0, 3) with one in 64 NaN, +inf or -inf. Signs random. The
 * backward kernels read softmax / logSoftmax of those logits with gradOut N(0, 1) (logSoftmaxBackward: NLL's, -1/64
 * on one label per row, 0 elsewhere); cross-entropy has random labels (smoothed: 0.1 and class weights in [0.5, 1.5];
 * soft: targets softmax of N(0, 1)); BCE has 0/1 targets (weighted: weights in [0.5, 1.5]; posWeight 2).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class EdgeRowsBenchmark {
    static final int ROWS = 64, COLS = 1000, N = ROWS * COLS;

    @Param({"softmax", "logSoftmax", "logSumExp", "softmaxBackward", "logSoftmaxBackward", "crossEntropy",
            "crossEntropyWeightedSum", "crossEntropySmoothed", "crossEntropySoft", "bce", "bceLossOnly", "bceWeighted", "bcePosWeight"})
    public String kernel;

    @Param({"normal3", "normal30", "masked", "dominant", "isolated", "large", "huge", "tiny", "subnormal", "special"})
    public String dist;

    float[] x, fwd, g, out, t, q, w, classWeights, classWeights4, posWeight, lse;
    int[] labels;

    @Setup
    public void setUp() {
        Random r = new Random(11);
        x = new float[N];
        g = new float[N];
        out = new float[N];
        t = new float[N];
        q = new float[N];
        w = new float[N];
        fwd = new float[N];
        lse = new float[ROWS];
        classWeights = new float[COLS];
        classWeights4 = new float[COLS];
        posWeight = new float[COLS];
        labels = new int[ROWS];
        for (int i = 0; i < N; i++) {
            float sign = r.nextBoolean() ? 1f : -1f;
            x[i] = switch (dist) {
                case "normal3" -> (float) (3 * r.nextGaussian());
                case "normal30" -> (float) (30 * r.nextGaussian());
                case "masked" -> r.nextBoolean() ? Float.NEGATIVE_INFINITY : (float) (3 * r.nextGaussian());
                case "dominant" -> i % COLS == 7 ? 1e4f : (float) (3 * r.nextGaussian());
                // a leader 88..128 above N(0, 1): t below 2^-90, the terms below e^-104 summed by a scalar pass
                case "isolated" -> i % COLS == 7 ? 88f + 40f * (i / COLS % 9) / 8f : (float) r.nextGaussian();
                case "large" -> sign * (float) (80 + 60 * r.nextDouble());
                case "huge" -> sign * (float) Math.pow(2, 20 + 107 * r.nextDouble());
                case "tiny" -> sign * (float) Math.pow(2, -126 + 100 * r.nextDouble());
                case "subnormal" -> UnaryBenchmarkBase.subnormal(r);
                case "special" -> switch (r.nextInt(64)) {
                    case 0 -> Float.NaN;
                    case 1 -> Float.POSITIVE_INFINITY;
                    case 2 -> Float.NEGATIVE_INFINITY;
                    default -> (float) (3 * r.nextGaussian());
                };
                default -> throw new IllegalArgumentException(dist);
            };
            t[i] = r.nextBoolean() ? 1f : 0f;
            q[i] = (float) r.nextGaussian();
            w[i] = (float) (0.5 + r.nextDouble());
        }
        for (int c = 0; c < COLS; c++) {
            classWeights[c] = (float) (0.5 + r.nextDouble());
            classWeights4[c] = 4f * classWeights[c];
            posWeight[c] = 2f;
        }
        for (int row = 0; row < ROWS; row++) labels[row] = r.nextInt(COLS);
        Softmax.softmax(q, q, ROWS, COLS); // soft targets: rows summing to 1
        boolean log = kernel.equals("logSoftmaxBackward");
        if (log) Softmax.logSoftmax(x, fwd, ROWS, COLS); else Softmax.softmax(x, fwd, ROWS, COLS);
        for (int i = 0; i < N; i++) {
            g[i] = log ? (i % COLS == labels[i / COLS] ? -1f / ROWS : 0f) : (float) r.nextGaussian();
        }
    }

    @Benchmark
    public Object library() {
        return switch (kernel) {
            case "softmax" -> { Softmax.softmax(x, out, ROWS, COLS); yield out; }
            case "logSoftmax" -> { Softmax.logSoftmax(x, out, ROWS, COLS); yield out; }
            case "logSumExp" -> { Softmax.logSumExp(x, 0, COLS, lse, 0, ROWS, COLS); yield lse; }
            case "softmaxBackward" -> { Softmax.softmaxBackward(fwd, g, out, ROWS, COLS); yield out; }
            case "logSoftmaxBackward" -> { Softmax.logSoftmaxBackward(fwd, g, out, ROWS, COLS); yield out; }
            case "crossEntropy" -> Losses.crossEntropyWithLogits(x, ROWS, COLS, labels, out, Reduction.MEAN);
            // class weights 2 to 6 with SUM: the gradient scale w_y / s exceeds 1 (ceGradAbove1)
            case "crossEntropyWeightedSum" -> Losses.crossEntropyWithLogits(x, 0, COLS, ROWS, COLS, labels, 0,
                    Losses.DEFAULT_IGNORE_INDEX, classWeights4, 0f, Reduction.SUM, null, 0, out, 0, COLS);
            case "crossEntropySmoothed" -> Losses.crossEntropyWithLogits(x, 0, COLS, ROWS, COLS, labels, 0,
                    Losses.DEFAULT_IGNORE_INDEX, classWeights, 0.1f, Reduction.MEAN, null, 0, out, 0, COLS);
            case "crossEntropySoft" -> Losses.crossEntropyWithSoftTargets(x, 0, COLS, q, 0, COLS, ROWS, COLS, null, 0f,
                    Reduction.MEAN, null, 0, out, 0, COLS);
            case "bce" -> Losses.bceWithLogits(x, t, out, Reduction.MEAN);
            case "bceLossOnly" -> Losses.bceWithLogits(x, t, null, Reduction.MEAN);
            case "bceWeighted" -> Losses.bceWithLogits(x, t, w, null, ROWS, COLS, Reduction.MEAN, null, out);
            case "bcePosWeight" -> Losses.bceWithLogits(x, t, null, posWeight, ROWS, COLS, Reduction.MEAN, null, out);
            default -> throw new IllegalArgumentException(kernel);
        };
    }
}
