import dev.kernels.Activations;
import dev.kernels.Losses;
import dev.kernels.Reduction;
import dev.kernels.Softmax;
import dev.kernels.VectorMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times each kernel called from many stack depths. A loop that spills vectors to the stack can run 2-3x slower at
 * some stack positions (probably where a spill slot lands a multiple of 4096 bytes from a constant the loop loads: 4K
 * aliasing; not measured, no hardware counters where this was written): the position depends on the
 * caller's frames, so a JMH run, whose stub is recompiled partway, can switch between the two speeds (BCE did, until
 * its softplus got a pass of its own). Each kernel is timed from DEPTHS depths of an interpreted recursion (frames of
 * one fixed size, a few hundred bytes) entered through VARIANTS frames 16 bytes apart, so the kernel's own frames
 * move through more than 4 KB in steps of 16 bytes (from HotSpot's interpreter frame layout; Java cannot read the
 * stack pointer to confirm it).
 *
 * <pre>
 * javac -cp kernels/target/classes -d /tmp/sds tools/StackDepthScan.java
 * java --add-modules jdk.incubator.vector [-XX:UseAVX=2] -XX:CompileCommand=quiet \
 *      -XX:CompileCommand=exclude,StackDepthScan::descend* -cp /tmp/sds:kernels/target/classes StackDepthScan [kernel ...]
 * </pre>
 *
 * Per kernel: the median time per element over all positions, the slowest position relative to it, and how many
 * positions ran more than 1.3x the median (a run on a quiet machine shows 0 where no such hazard exists).
 */
public final class StackDepthScan {
    static final int DEPTHS = 24;
    static final int VARIANTS = 16;
    static final int N = 8192;
    static final int ROWS = 8;
    static final int COLS = N / ROWS;

    static final float[] x = new float[N], y = new float[N], g = new float[N], gi = new float[N], t = new float[N];
    static final float[] labels01 = new float[N];
    static final float[] sm = new float[N], lsm = new float[N];
    static final int[] labels = new int[ROWS];
    static float sink;

    static Map<String, Runnable> kernels() {
        Map<String, Runnable> k = new LinkedHashMap<>();
        k.put("exp", () -> VectorMath.exp(x, y));
        k.put("expm1", () -> VectorMath.expm1(x, y));
        k.put("log", () -> VectorMath.log(t, y)); // t: positive inputs
        k.put("log1p", () -> VectorMath.log1p(t, y));
        k.put("sigmoid", () -> VectorMath.sigmoid(x, y));
        k.put("tanh", () -> VectorMath.tanh(x, y));
        k.put("erf", () -> VectorMath.erf(x, y));
        k.put("relu", () -> Activations.relu(x, y));
        k.put("leakyRelu", () -> Activations.leakyRelu(x, y, 0.01f));
        k.put("gelu", () -> Activations.gelu(x, y));
        k.put("geluTanh", () -> Activations.geluTanh(x, y));
        k.put("silu", () -> Activations.silu(x, y));
        k.put("softplus", () -> Activations.softplus(x, y));
        k.put("logSigmoid", () -> Activations.logSigmoid(x, y));
        k.put("sigmoidBackward", () -> Activations.sigmoidBackward(sm, g, gi)); // sm: values in (0, 1)
        k.put("tanhBackward", () -> Activations.tanhBackward(sm, g, gi));
        k.put("reluBackward", () -> Activations.reluBackward(x, g, gi));
        k.put("leakyReluBackward", () -> Activations.leakyReluBackward(x, g, gi, 0.01f));
        k.put("geluBackward", () -> Activations.geluBackward(x, g, gi));
        k.put("geluTanhBackward", () -> Activations.geluTanhBackward(x, g, gi));
        k.put("siluBackward", () -> Activations.siluBackward(x, g, gi));
        k.put("softplusBackward", () -> Activations.softplusBackward(x, g, gi));
        k.put("logSigmoidBackward", () -> Activations.logSigmoidBackward(x, g, gi));
        k.put("softmax", () -> Softmax.softmax(x, y, ROWS, COLS));
        k.put("logSoftmax", () -> Softmax.logSoftmax(x, y, ROWS, COLS));
        k.put("softmaxBackward", () -> Softmax.softmaxBackward(sm, g, gi, ROWS, COLS));
        k.put("logSoftmaxBackward", () -> Softmax.logSoftmaxBackward(lsm, g, gi, ROWS, COLS));
        k.put("crossEntropy", () -> sink += Losses.crossEntropyWithLogits(x, ROWS, COLS, labels, gi, Reduction.MEAN));
        k.put("bce", () -> sink += Losses.bceWithLogits(x, labels01, gi, Reduction.MEAN));
        k.put("bceLossOnly", () -> sink += Losses.bceWithLogits(x, labels01, null, Reduction.MEAN));
        return k;
    }

    /** Interpreted (excluded from compilation): each level adds one frame of the same size. */
    static void descend(int depth, Runnable call, int reps) {
        long a = depth, b = 2, c = 3;
        if (depth > 0) {
            descend(depth - 1, call, reps);
            if (a + b + c == -1) sink++;
            return;
        }
        for (int r = 0; r < reps; r++) call.run();
    }

    /** Entry frames 16 bytes apart (k long locals, two 8-byte interpreter slots each): the positions between depths. */
    static void descend0(int d, Runnable c, int r) { descend(d, c, r); if (0 == -1) sink++; }
    static void descend1(int d, Runnable c, int r) { long l0 = 0; descend(d, c, r); if (l0 == -1) sink++; }
    static void descend2(int d, Runnable c, int r) { long l0 = 0, l1 = 1; descend(d, c, r); if (l0 + l1 == -1) sink++; }
    static void descend3(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2; descend(d, c, r); if (l0 + l1 + l2 == -1) sink++; }
    static void descend4(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3; descend(d, c, r); if (l0 + l1 + l2 + l3 == -1) sink++; }
    static void descend5(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 == -1) sink++; }
    static void descend6(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 + l5 == -1) sink++; }
    static void descend7(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5, l6 = 6; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 + l5 + l6 == -1) sink++; }
    static void descend8(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5, l6 = 6, l7 = 7; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 + l5 + l6 + l7 == -1) sink++; }
    static void descend9(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5, l6 = 6, l7 = 7, l8 = 8; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 + l5 + l6 + l7 + l8 == -1) sink++; }
    static void descend10(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5, l6 = 6, l7 = 7, l8 = 8, l9 = 9; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 + l5 + l6 + l7 + l8 + l9 == -1) sink++; }
    static void descend11(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5, l6 = 6, l7 = 7, l8 = 8, l9 = 9, l10 = 10; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 + l5 + l6 + l7 + l8 + l9 + l10 == -1) sink++; }
    static void descend12(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5, l6 = 6, l7 = 7, l8 = 8, l9 = 9, l10 = 10, l11 = 11; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 + l5 + l6 + l7 + l8 + l9 + l10 + l11 == -1) sink++; }
    static void descend13(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5, l6 = 6, l7 = 7, l8 = 8, l9 = 9, l10 = 10, l11 = 11, l12 = 12; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 + l5 + l6 + l7 + l8 + l9 + l10 + l11 + l12 == -1) sink++; }
    static void descend14(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5, l6 = 6, l7 = 7, l8 = 8, l9 = 9, l10 = 10, l11 = 11, l12 = 12, l13 = 13; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 + l5 + l6 + l7 + l8 + l9 + l10 + l11 + l12 + l13 == -1) sink++; }
    static void descend15(int d, Runnable c, int r) { long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5, l6 = 6, l7 = 7, l8 = 8, l9 = 9, l10 = 10, l11 = 11, l12 = 12, l13 = 13, l14 = 14; descend(d, c, r); if (l0 + l1 + l2 + l3 + l4 + l5 + l6 + l7 + l8 + l9 + l10 + l11 + l12 + l13 + l14 == -1) sink++; }

    static void descendVariant(int variant, int depth, Runnable call, int reps) {
        switch (variant) {
            case 0 -> descend0(depth, call, reps);
            case 1 -> descend1(depth, call, reps);
            case 2 -> descend2(depth, call, reps);
            case 3 -> descend3(depth, call, reps);
            case 4 -> descend4(depth, call, reps);
            case 5 -> descend5(depth, call, reps);
            case 6 -> descend6(depth, call, reps);
            case 7 -> descend7(depth, call, reps);
            case 8 -> descend8(depth, call, reps);
            case 9 -> descend9(depth, call, reps);
            case 10 -> descend10(depth, call, reps);
            case 11 -> descend11(depth, call, reps);
            case 12 -> descend12(depth, call, reps);
            case 13 -> descend13(depth, call, reps);
            case 14 -> descend14(depth, call, reps);
            case 15 -> descend15(depth, call, reps);
            default -> throw new IllegalArgumentException();
        }
    }

    public static void main(String[] args) {
        Random r = new Random(42);
        for (int i = 0; i < N; i++) {
            x[i] = (float) (3 * r.nextGaussian());
            t[i] = r.nextInt(2) == 0 ? 0.25f + r.nextFloat() : 1f + 8 * r.nextFloat();
            g[i] = (float) r.nextGaussian();
            labels01[i] = r.nextInt(2);
        }
        Softmax.softmax(x, sm, ROWS, COLS);
        Softmax.logSoftmax(x, lsm, ROWS, COLS);
        for (int i = 0; i < ROWS; i++) labels[i] = r.nextInt(COLS);
        Map<String, Runnable> all = kernels();
        List<String> names = args.length == 0 ? new ArrayList<>(all.keySet()) : Arrays.asList(args);
        System.out.printf("%-20s %12s %9s %s%n", "kernel", "ns/element", "slowest", "positions > 1.3x (of " + VARIANTS * DEPTHS + ")");
        for (String name : names) {
            Runnable call = all.get(name);
            if (call == null) throw new IllegalArgumentException("unknown kernel " + name + "; known: " + all.keySet());
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 3_000_000_000L) call.run(); // compiled before the scan
            int reps = 20;
            double[] ns = new double[VARIANTS * DEPTHS];
            for (int d = 0; d < DEPTHS; d++) {
                for (int v = 0; v < VARIANTS; v++) {
                    double best = Double.MAX_VALUE;
                    for (int it = 0; it < 3; it++) { // the best of three: other load on the machine only slows a run
                        long s = System.nanoTime();
                        descendVariant(v, d, call, reps);
                        best = Math.min(best, (System.nanoTime() - s) / (double) reps / N);
                    }
                    ns[VARIANTS * d + v] = best;
                }
            }
            double[] sorted = ns.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            int slow = 0;
            StringBuilder where = new StringBuilder();
            for (int i = 0; i < ns.length; i++) {
                if (ns[i] > 1.3 * median) {
                    slow++;
                    where.append(String.format(" %d/%d:%.2fx", i / VARIANTS, i % VARIANTS, ns[i] / median));
                }
            }
            System.out.printf("%-20s %12.3f %8.2fx %d%s%n", name, median, sorted[sorted.length - 1] / median, slow, where);
        }
    }
}
