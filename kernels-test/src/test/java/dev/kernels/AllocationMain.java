package dev.kernels;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

/**
 * Child JVM of {@link AllocationTest}: for each kernel named on the command line, rounds of calls until one round
 * allocates nothing (at most MAX_ROUNDS); prints "kernel bytesOfLastRound perRound..." per kernel.
 *
 * <p>Fixed, with all kernels run in one JVM, depending on compile order: with -XX:-TieredCompilation (not the
 * default) log1p allocated 1.8-2.2 KB per call, every time with -Xbatch (its binary64 compile hit
 * NodeCountInliningCutoff; none since it is evaluated in binary32); BCE there (2.0-2.6 KB per call until its loss
 * pass was split by binary64 halves, "unbox failed" and "missing constant: vclass=DecodeN ... vlen=LoadI" in -XX:+PrintIntrinsics); softplus and
 * logSigmoid (at times 0.9-2.2 KB there; none in 9 runs at 512/256/128 bits since the binary64 activations run as
 * two half passes); at 128 bits with
 * -Xbatch logSigmoid (1472 B per call, gone since the same split). Before the binary64 activations hoisted their
 * broadcasts above the loop, logSigmoid and geluBackward allocated 880 B (512) / 1104 B (256) per call with -Xbatch,
 * the same failure one CI run in four hit under load with background compiles. JFR put it on the vector stored after
 * unslice. Those compiles hit NodeCountInliningCutoff; hoisting shrank the parse-time graph and the boxing went away,
 * which fits (not proven) C2 running out of inlining budget before it folded the type checks around the store.
 * With background compiles on an idle machine all 33 kernels measured 0 in 70 of 70 runs (before the hoisting).
 */
public final class AllocationMain {
    static final int ROWS = 5;
    static final int COLS = 37;
    static final int LONG_COLS = 1037;
    static final int CALLS_PER_ROUND = 20_000;
    static final int MAX_ROUNDS = 12;

    static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * With -Dallocation.edge=true the inputs hold edge values (AllocationTest's edge-input run): the forms for
     * subnormal results, clamps, special values and scaled gradients compile and run beside the ordinary ones.
     */
    static final boolean EDGE = Boolean.getBoolean("allocation.edge");

    /** Logit-like edge values by i: exp/sigmoid results subnormal or saturated, subnormal, tiny, huge, +-inf, NaN, -0. */
    static float edgeValue(Random r, int i) {
        float sign = r.nextBoolean() ? 1f : -1f;
        return switch (i % 10) {
            case 0 -> -80f - 60f * r.nextFloat();
            case 1 -> 80f + 60f * r.nextFloat();
            case 2 -> sign * Float.intBitsToFloat(1 + r.nextInt(0x7fffff));
            case 3 -> sign * (float) Math.pow(2, -126 + 100 * r.nextDouble());
            case 4 -> Float.NEGATIVE_INFINITY;
            case 5 -> sign * (float) Math.pow(2, 20 + 107 * r.nextDouble());
            case 6 -> Float.POSITIVE_INFINITY;
            case 7 -> Float.NaN;
            case 8 -> -0f;
            default -> (float) (30 * r.nextGaussian());
        };
    }

    /** gradOut edge values by i: tiny (subnormal products), huge (the kernels' scalar fallbacks), zero, ordinary. */
    static float edgeGrad(Random r, int i) {
        float sign = r.nextBoolean() ? 1f : -1f;
        return switch (i % 4) {
            case 0 -> sign * (float) Math.pow(2, -149 + 90 * r.nextDouble());
            case 1 -> sign * (float) Math.pow(2, 30 + 30 * r.nextDouble());
            case 2 -> 0f;
            default -> (float) r.nextGaussian();
        };
    }

    static float[] gaussian(Random r, int n, double sd) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian() * sd);
        return a;
    }

    public static void main(String[] args) {
        for (String kernel : args) {
            long[] perRound = measure(kernel);
            long last = 0;
            int rounds = 0;
            for (long b : perRound) if (b >= 0) { last = b; rounds++; }
            System.out.println(kernel + " " + last + " " + Arrays.toString(Arrays.copyOf(perRound, rounds)));
        }
    }

    static long[] measure(String kernel) {
        Random r = new Random(7);
        int n = ROWS * COLS;
        float[] x = gaussian(r, n, 3);
        float[] g = gaussian(r, n, 1);
        float[] y = new float[n];
        float[] gi = new float[n];
        float[] grad = new float[n];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) t[i] = r.nextFloat();
        float[] tl = t.clone(); // log and log1p's inputs (t stays BCE's targets)
        if (EDGE) { // every third aligned block of 16: edge values, so each call takes fast and edge forms
            for (int i = 0; i < n; i++) {
                if (i / 16 % 3 != 2) continue;
                x[i] = edgeValue(r, i);
                g[i] = edgeGrad(r, i);
                tl[i] = edgeValue(r, i + 3);
            }
        }
        float[] posWeight = new float[COLS];
        Arrays.fill(posWeight, 2f);
        float[] lse = new float[ROWS];
        int[] labels = {0, 36, 5, -100, 17};
        Softmax.softmax(x, y, ROWS, COLS); // y: a valid softmax output for the backward kernels
        // wide rows (N(0,30)): log-probabilities far below -40 and subnormal probabilities, the scaled forms of
        // logSoftmaxBackward and of cross-entropy's gradient with class weights that put its scale above 1. Set up
        // only for those call forms: an extra logSoftmax in every JVM's setup changed later compiles (geluTanh boxed
        // at 256 bits with -Xbatch and edge inputs, 672 B per call)
        boolean wide = kernel.equals("logSoftmaxBackwardWide") || kernel.equals("crossEntropyWeightedSum");
        float[] xw = x.clone();
        float[] yl = new float[n];
        float[] heavy = new float[COLS];
        if (wide) {
            for (int i = 0; i < n; i++) xw[i] *= 10f;
            Softmax.logSoftmax(xw, yl, ROWS, COLS);
            Arrays.fill(heavy, 1000f);
        }
        // rows of LONG_COLS: the row-wise exp pass's two-loop form (rows of at least 512, vectors of at most 8 floats);
        // set up only for those call forms, as the wide rows above. A probe, not in AllocationTest's list: run first
        // under -Xbatch at 512 bits, these box (672 B per call) and so do the row kernels called after them (rows of
        // 37 first: 0 B); see the README's allocation notes
        boolean longRows = kernel.equals("logSoftmaxLongRows") || kernel.equals("crossEntropyLongRows");
        float[] xl = longRows ? gaussian(new Random(11), 2 * LONG_COLS, 3) : null;
        float[] outl = longRows ? new float[2 * LONG_COLS] : null;
        if (longRows && EDGE) {
            for (int i = 0; i < xl.length; i++) if (i / 16 % 3 == 2) xl[i] = edgeValue(r, i);
        }
        int[] labelsLong = {3, LONG_COLS - 1};
        Runnable call = switch (kernel) {
            case "softmax" -> () -> Softmax.softmax(x, gi, ROWS, COLS);
            case "logSoftmaxLongRows" -> () -> Softmax.logSoftmax(xl, outl, 2, LONG_COLS);
            case "crossEntropyLongRows" -> () -> Losses.crossEntropyWithLogits(xl, 2, LONG_COLS, labelsLong, outl,
                    Reduction.MEAN);
            case "logSoftmax" -> () -> Softmax.logSoftmax(x, gi, ROWS, COLS);
            case "logSumExp" -> () -> Softmax.logSumExp(x, 0, COLS, lse, 0, ROWS, COLS);
            case "softmaxBackward" -> () -> Softmax.softmaxBackward(y, g, gi, ROWS, COLS);
            case "logSoftmaxBackward" -> () -> Softmax.logSoftmaxBackward(y, g, gi, ROWS, COLS);
            case "logSoftmaxBackwardWide" -> () -> Softmax.logSoftmaxBackward(yl, g, gi, ROWS, COLS);
            case "crossEntropy" -> () -> Losses.crossEntropyWithLogits(x, ROWS, COLS, labels, grad, Reduction.MEAN);
            case "crossEntropyWeightedSum" -> () -> Losses.crossEntropyWithLogits(xw, 0, COLS, ROWS, COLS, labels, 0,
                    Losses.DEFAULT_IGNORE_INDEX, heavy, 0f, Reduction.SUM, null, 0, grad, 0, COLS);
            case "crossEntropySmoothed" -> () -> Losses.crossEntropyWithLogits(x, 0, COLS, ROWS, COLS, labels, 0,
                    Losses.DEFAULT_IGNORE_INDEX, posWeight, 0.1f, Reduction.SUM, null, 0, grad, 0, COLS);
            case "crossEntropySoft" -> () -> Losses.crossEntropyWithSoftTargets(x, 0, COLS, t, 0, COLS, ROWS, COLS,
                    null, 0f, Reduction.MEAN, null, 0, grad, 0, COLS);
            case "bce" -> () -> Losses.bceWithLogits(x, t, grad, Reduction.MEAN);
            case "bceLossOnly" -> () -> Losses.bceWithLogits(x, t, null, Reduction.MEAN);
            case "bcePosWeight" -> () -> Losses.bceWithLogits(x, t, null, posWeight, ROWS, COLS, Reduction.SUM, null,
                    grad);
            case "exp" -> () -> VectorMath.exp(x, gi);
            case "log" -> () -> VectorMath.log(tl, gi);
            case "sigmoid" -> () -> VectorMath.sigmoid(x, gi);
            case "tanh" -> () -> VectorMath.tanh(x, gi);
            case "silu" -> () -> Activations.silu(x, gi);
            case "geluBackward" -> () -> Activations.geluBackward(x, g, gi);
            case "expm1" -> () -> VectorMath.expm1(x, gi);
            case "log1p" -> () -> VectorMath.log1p(tl, gi);
            case "erf" -> () -> VectorMath.erf(x, gi);
            case "relu" -> () -> Activations.relu(x, gi);
            case "leakyRelu" -> () -> Activations.leakyRelu(x, gi, 0.01f);
            case "gelu" -> () -> Activations.gelu(x, gi);
            case "geluTanh" -> () -> Activations.geluTanh(x, gi);
            case "softplus" -> () -> Activations.softplus(x, gi, 2f, 20f);
            case "logSigmoid" -> () -> Activations.logSigmoid(x, gi);
            case "sigmoidBackward" -> () -> Activations.sigmoidBackward(y, g, gi);
            case "tanhBackward" -> () -> Activations.tanhBackward(y, g, gi);
            case "reluBackward" -> () -> Activations.reluBackward(x, g, gi);
            case "leakyReluBackward" -> () -> Activations.leakyReluBackward(x, g, gi, 0.01f);
            case "geluTanhBackward" -> () -> Activations.geluTanhBackward(x, g, gi);
            case "siluBackward" -> () -> Activations.siluBackward(x, g, gi);
            case "softplusBackward" -> () -> Activations.softplusBackward(x, g, gi, 2f, 20f);
            case "softplusBackwardUnitBeta" -> () -> Activations.softplusBackward(x, g, gi); // binary32 form
            case "logSigmoidBackward" -> () -> Activations.logSigmoidBackward(x, g, gi);
            default -> throw new IllegalArgumentException(kernel);
        };
        long id = Thread.currentThread().threadId();
        long[] perRound = new long[MAX_ROUNDS];
        Arrays.fill(perRound, -1);
        long last = -1;
        for (int round = 0; round < MAX_ROUNDS && last != 0; round++) {
            long before = THREADS.getThreadAllocatedBytes(id);
            for (int c = 0; c < CALLS_PER_ROUND; c++) call.run();
            last = THREADS.getThreadAllocatedBytes(id) - before;
            perRound[round] = last;
        }
        return perRound;
    }
}
