package dev.kernels.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kernels.KernelInfo;
import dev.kernels.test.FastPathEdges;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public (active) implementation against the scalar twin, bit for bit: every length 0..4*lanes+1 at several
 * offsets of all three arrays, NaN-prefilled outputs, sentinels around the range, in-place (gradIn == gradOut and
 * gradIn == saved), and a strided sweep over all floats. Kernels are warmed up first so C2 has compiled the vector
 * bodies.
 */
class ActivationCrossCheckTest {
    static final int LANES = Math.max(16, KernelInfo.floatLanes());
    static final float SENTINEL = Float.intBitsToFloat(0x7fc0beef);

    static List<ActivationKernels> kernels() {
        return ActivationKernels.all();
    }

    @BeforeAll
    static void warmUp() {
        float[] x = inputs(256, 7);
        float[] g = gradients(256, 8);
        float[] y = new float[256];
        for (ActivationKernels k : ActivationKernels.all()) {
            for (int i = 0; i < 3000; i++) k.active().apply(x, 0, g, 0, y, 0, x.length);
        }
    }

    /** Special values, saturation and clamp edges, the roots of the derivatives, random bits and ordinary values. */
    static float[] inputs(int n, long seed) {
        float[] special = {0f, -0f, 1f, -1f, 0.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
            20f, 20.000002f, -20f, -20.000002f, 300f, -300f, 700f, -700f, 1e30f, -1e30f, -13f, -14.5f, 5.5f,
            -0.7517915f, -0.75179154f, -0.7524614f, -1.2784646f, -1.2784644f, -0.7517915f - 0x1p-5f,
            -1.2784646f + 0x1p-5f, 3f, 6f, 104f, -104f, 88f, -88f, 0x1p-30f, -0x1p-30f};
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(4);
            x[i] = pick == 0 ? special[r.nextInt(special.length)]
                    : pick == 1 ? Float.intBitsToFloat(r.nextInt())
                    : (float) (r.nextGaussian() * (pick == 2 ? 2 : 40));
        }
        return x;
    }

    static float[] gradients(int n, long seed) {
        float[] special = {1f, -0.75f, 3.0e-5f, 6.0e4f, 0f, -0f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.MAX_VALUE, Float.MIN_VALUE};
        SplittableRandom r = new SplittableRandom(seed);
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(3);
            g[i] = pick == 0 ? special[r.nextInt(special.length)]
                    : pick == 1 ? Float.intBitsToFloat(r.nextInt()) : (float) r.nextGaussian();
        }
        return g;
    }

    static void assertSameBits(String what, float[] x, int xOff, float[] g, int gOff, float[] expected, float[] actual,
                               int yOff, int len) {
        for (int i = 0; i < len; i++) {
            int e = Float.floatToIntBits(expected[yOff + i]);
            int a = Float.floatToIntBits(actual[yOff + i]);
            if (e != a) {
                fail(String.format("%s: index %d of %d, x=%s (%s), g=%s: scalar %s (%s), active %s (%s)", what, i, len,
                        x[xOff + i], Float.toHexString(x[xOff + i]), g[gOff + i], expected[yOff + i],
                        Float.toHexString(expected[yOff + i]), actual[yOff + i], Float.toHexString(actual[yOff + i])));
            }
        }
    }

    /**
     * logSigmoidBackward with every |gradOut| at most 2^37 (down to 2^-149 and 0), where whole vectors take the binary32
     * vector path (random bits in {@link #gradients} almost always send a vector to the scalar method); then one lane
     * with gradOut 2^38, infinite or NaN sends its vector to the scalar method. The same bits either way.
     */
    @Test
    void logSigmoidBackwardMatchesTheScalarTwinInAndOutOfItsBinary32Range() {
        ActivationKernels k = ActivationKernels.all().stream().filter(a -> a.name().equals("logSigmoidBackward"))
                .findFirst().orElseThrow();
        for (int len : new int[] {LANES - 1, 4 * LANES + 1, 1000}) {
            for (int off : new int[] {0, 1}) {
                SplittableRandom r = new SplittableRandom(len * 13L + off);
                float[] x = inputs(off + len, len + off);
                float[] g = new float[off + len];
                for (int i = 0; i < g.length; i++) {
                    g[i] = r.nextInt(16) == 0 ? (r.nextBoolean() ? 0f : Float.MIN_VALUE)
                            : (float) (r.nextGaussian() * Math.pow(2, r.nextInt(-130, 36)));
                }
                for (float outside : new float[] {Float.NaN, 0x1p38f, Float.NEGATIVE_INFINITY, 0x1p37f}) {
                    for (int o = 0; o < 2; o++) {
                        float[] gs = g.clone();
                        if (o == 1) gs[off + len / 2] = outside;
                        float[] want = new float[off + len];
                        float[] got = new float[off + len];
                        k.scalar().apply(x, off, gs, off, want, off, len);
                        k.active().apply(x, off, gs, off, got, off, len);
                        assertSameBits("logSigmoidBackward len=" + len + " off=" + off + " outside=" + (o == 1 ? outside
                                : "none"), x, off, gs, off, want, got, off, len);
                    }
                }
            }
        }
    }

    /**
     * logSigmoidBackward and softplusBackward on whole vectors inside and at the edges of their fast path
     * (2^-30 &le; |x| &le; 20, 2^-20 &le; |gradOut| &le; 2^37), which skips clamps, guards and special values: x in
     * [-21, 21] and gradOut at 2^-20, just below it, at 2^37, near 1 or tiny, so that most vectors take the fast path
     * and the rest the general one by a single lane; softplusBackward with threshold 20 and 2 (the threshold blend
     * inside the fast path). The same bits as the scalar twin either way.
     */
    @Test
    void logSigmoidAndSoftplusBackwardFastPathEdgesMatchTheScalarTwin() {
        float[] edges = {0x1p-20f, Math.nextDown(0x1p-20f), 0x1p37f, Math.nextUp(0x1p-20f), 0x1p-21f, 1e-30f, 0f};
        float[] xEdges = {20f, Math.nextUp(20f), 0x1p-30f, Math.nextDown(0x1p-30f), 2f, Math.nextUp(2f)};
        for (ActivationKernels k : ActivationKernels.all()) {
            if (!k.name().equals("logSigmoidBackward") && !k.name().startsWith("softplusBackward")) continue;
            for (int len : new int[] {4 * LANES + 1, 4096}) {
                SplittableRandom r = new SplittableRandom(len * 31L + k.name().length());
                float[] x = new float[len];
                float[] g = new float[len];
                for (int i = 0; i < len; i++) {
                    float edge = xEdges[r.nextInt(xEdges.length)];
                    x[i] = r.nextInt(32) == 0 ? (r.nextBoolean() ? edge : -edge) : (float) r.nextDouble(-21, 21);
                    float e = edges[r.nextInt(edges.length)];
                    g[i] = r.nextInt(8) == 0 ? (r.nextBoolean() ? e : -e) : (float) (r.nextGaussian() * 3);
                }
                float[] want = new float[len];
                float[] got = new float[len];
                k.scalar().apply(x, 0, g, 0, want, 0, len);
                k.active().apply(x, 0, g, 0, got, 0, len);
                assertSameBits(k.name() + " len=" + len, x, 0, g, 0, want, got, 0, len);
            }
        }
    }

    /**
     * geluTanh on whole vectors inside and at the edges of its fast path (2^-30 &le; |x| &le; 9.5, where x &lt; 0 is
     * scaled by 2^n directly and the denominator's 2^n is floored at 2^-60 from |x| &asymp; 7.2): x uniform in
     * [-9.6, 9.6], so most vectors take the fast path and the rest the general one by a lane or two, with edges at
     * 9.5, the clamp 11.5, the last normal and subnormal results (-9.85, -10.5) and 2^-30. The same bits either way.
     */
    @Test
    void geluTanhFastPathEdgesMatchTheScalarTwin() {
        float[] xEdges = {9.5f, Math.nextUp(9.5f), 7f, 7.25f, 11.5f, Math.nextUp(11.5f), 9.85f, 10.5f, 11f,
            0x1p-30f, Math.nextDown(0x1p-30f), 1e-40f, 0f};
        ActivationKernels k = ActivationKernels.all().stream().filter(a -> a.name().equals("geluTanh"))
                .findFirst().orElseThrow();
        for (int len : new int[] {4 * LANES + 1, 4096}) {
            for (int rarity : new int[] {8, 64}) {
                SplittableRandom r = new SplittableRandom(len * 17L + rarity);
                float[] x = new float[len];
                for (int i = 0; i < len; i++) {
                    float edge = xEdges[r.nextInt(xEdges.length)];
                    x[i] = r.nextInt(rarity) == 0 ? (r.nextBoolean() ? edge : -edge) : (float) r.nextDouble(-9.6, 9.6);
                }
                float[] want = new float[len];
                float[] got = new float[len];
                k.scalar().apply(x, 0, null, 0, want, 0, len);
                k.active().apply(x, 0, null, 0, got, 0, len);
                assertSameBits("geluTanh len=" + len + " rarity=" + rarity, x, 0, x, 0, want, got, 0, len);
            }
        }
    }

    /**
     * Masked and huge x (|x| at and around the clamp 130, 64 and 87, -1e4, +-inf) mixed with ordinary x, with
     * gradOut from tiny to each kernel's binary32 limit: logSigmoidBackward, softplusBackward and siluBackward replace
     * the scale of the numerator they discard by 1 and give exact zeros past the clamp; the scalar twin computes both.
     * The same for lanes whose |gradOut| 2^(n+64) is too small for a nonzero result: the kernels run 0 through them.
     */
    @Test
    void backwardKernelsOnMaskedAndHugeInputsMatchTheScalarTwin() {
        float[] xs = {130f, Math.nextDown(130f), Math.nextUp(130f), 129f, 125f, 120f, 110f, 100f, 87f, 64f,
            Math.nextDown(64f), 1e4f, Float.POSITIVE_INFINITY, 1e30f};
        float[] gs = {0x1p37f, 0x1p29f, 1e-30f, 0x1p-20f, 0.1f, 3f, 1e-3f};
        for (ActivationKernels k : ActivationKernels.all()) {
            if (!k.name().equals("logSigmoidBackward") && !k.name().startsWith("softplusBackward")
                    && !k.name().equals("siluBackward")) continue;
            SplittableRandom r = new SplittableRandom(k.name().length() * 7L);
            int len = 256 * LANES;
            float[] x = new float[len];
            float[] g = new float[len];
            for (int i = 0; i < len; i++) {
                int pick = r.nextInt(4);
                // pick 3: |x| in [64, 140] and |g| = 2^[-40, 37], around the bounds where the kernels run 0 through
                // lanes whose |g| 2^(n+64) rounds their result to 0
                float v = pick == 3 ? (float) (64 + 76 * r.nextDouble()) : xs[r.nextInt(xs.length)];
                x[i] = pick == 0 ? (float) (r.nextGaussian() * 3) : r.nextBoolean() ? v : -v;
                float e = pick == 3 ? (float) Math.pow(2, -40 + 77 * r.nextDouble()) : gs[r.nextInt(gs.length)];
                g[i] = r.nextBoolean() ? e : -e;
            }
            float[] want = new float[len];
            float[] got = new float[len];
            k.scalar().apply(x, 0, g, 0, want, 0, len);
            k.active().apply(x, 0, g, 0, got, 0, len);
            assertSameBits(k.name() + " masked/huge", x, 0, g, 0, want, got, 0, len);
        }
    }

    /**
     * Saved outputs in [-1, 1], as sigmoid and tanh give them: the four-vector steps of sigmoidBackward and
     * tanhBackward run without the scalar detour (random bits in {@link #inputs} almost always send them to it); one
     * value above 2^32 sends its step to the scalar method. The same bits either way.
     */
    @Test
    void savedOutputKernelsMatchTheScalarTwinOnRealOutputs() {
        for (ActivationKernels k : ActivationKernels.all()) {
            if (!k.name().equals("sigmoidBackward") && !k.name().equals("tanhBackward")) continue;
            for (int len : new int[] {4 * LANES - 1, 4 * LANES, 8 * LANES + 3, 1000}) {
                for (int off : new int[] {0, 1}) {
                    SplittableRandom r = new SplittableRandom(len * 7L + off);
                    float[] y = new float[off + len];
                    for (int i = 0; i < y.length; i++) {
                        double t = Math.tanh(r.nextGaussian() * 3);
                        y[i] = (float) (k.name().equals("sigmoidBackward") ? (t + 1) / 2 : t);
                    }
                    float[] g = gradients(off + len, len);
                    for (int big = -1; big < 2; big++) {
                        if (big >= 0) y[off + (big == 0 ? 0 : len - 1)] = -1e10f; // |y| > 2^32: binary64 there
                        float[] want = new float[off + len];
                        float[] got = new float[off + len];
                        k.scalar().apply(y, off, g, off, want, off, len);
                        k.active().apply(y, off, g, off, got, off, len);
                        assertSameBits(k.name() + " len=" + len + " off=" + off + " big=" + big, y, off, g, off, want,
                                got, off, len);
                    }
                }
            }
        }
    }

    /**
     * Tiny and subnormal saved outputs (sigmoid of x below -87, tanh of tiny x): tanhBackward's vector steps square
     * y + 2^-100 instead of y (no subnormal factor), which must give the scalar twin's bits for every magnitude.
     */
    @Test
    void savedOutputKernelsMatchTheScalarTwinOnTinyOutputs() {
        for (ActivationKernels k : ActivationKernels.all()) {
            if (!k.name().equals("sigmoidBackward") && !k.name().equals("tanhBackward")) continue;
            int len = 4096;
            SplittableRandom r = new SplittableRandom(2026);
            float[] y = new float[len];
            for (int i = 0; i < len; i++) {
                float m = i % 3 == 0 ? Float.intBitsToFloat(r.nextInt(1, 0x800000)) // subnormal
                        : (float) Math.scalb(1.0 + r.nextDouble(), r.nextInt(-126, -4)); // 2^-126 .. 2^-4
                y[i] = k.name().equals("sigmoidBackward") || r.nextBoolean() ? m : -m;
            }
            float[] g = gradients(len, 5);
            float[] want = new float[len];
            float[] got = new float[len];
            k.scalar().apply(y, 0, g, 0, want, 0, len);
            k.active().apply(y, 0, g, 0, got, 0, len);
            assertSameBits(k.name() + " tiny outputs", y, 0, g, 0, want, got, 0, len);
        }
    }

    /**
     * sigmoidBackward's edge form (vectors with some |y| &lt; 2^-64, y &lt;= 0, |y| &gt; 2^32 or NaN) forms g y for tiny y
     * in integers and scaled products: saved outputs of every tiny magnitude, zeros, the 2^-64 boundary, negative and
     * special y, against gradients of every exponent (subnormal, the 2^40 split, products on both sides of 2^-126,
     * 0, inf, NaN), mixed within vectors, against the scalar twin bit for bit.
     */
    @Test
    void sigmoidBackwardEdgeFormMatchesTheScalarTwin() {
        ActivationKernels k = ActivationKernels.all().stream().filter(a -> a.name().equals("sigmoidBackward"))
                .findFirst().orElseThrow();
        float[] specialG = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 0x1p40f,
                Math.nextUp(0x1p40f), Math.nextDown(0x1p40f), Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE};
        float[] specialY = {0f, -0f, Float.MIN_VALUE, Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL), 0x1p-64f,
                Math.nextDown(0x1p-64f), Math.nextUp(0x1p-64f), -0x1p-70f, -0.25f, 1f, 0x1p32f, 3e9f, 5e9f,
                Float.POSITIVE_INFINITY, Float.NaN};
        int len = 1 << 16;
        for (int round = 0; round < 4; round++) {
            SplittableRandom r = new SplittableRandom(77 + round);
            float[] y = new float[len];
            float[] g = new float[len];
            for (int i = 0; i < len; i++) {
                int pick = r.nextInt(8);
                y[i] = switch (pick) {
                    case 0 -> Float.intBitsToFloat(r.nextInt(0, 0x800000)); // subnormal or +0
                    case 1, 2 -> (float) Math.scalb(1.0 + r.nextDouble(), r.nextInt(-126, -63)); // [2^-126, 2^-63)
                    case 3 -> specialY[r.nextInt(specialY.length)];
                    default -> round % 2 == 0 ? (float) (0.5 + 0.5 * Math.tanh(r.nextGaussian() * 3))
                            : Float.intBitsToFloat(r.nextInt(0, 0x800000));
                };
                int gp = r.nextInt(6);
                float m = gp == 0 ? specialG[r.nextInt(specialG.length)]
                        : gp == 1 ? Float.intBitsToFloat(r.nextInt(1, 0x800000)) // subnormal
                        : (float) Math.scalb(1.0 + r.nextDouble(), r.nextInt(-126, 128));
                g[i] = r.nextBoolean() ? m : -m;
            }
            for (int off : new int[] {0, 3}) {
                int n = len - off;
                float[] want = new float[len];
                float[] got = new float[len];
                k.scalar().apply(y, off, g, off, want, off, n);
                k.active().apply(y, off, g, off, got, off, n);
                assertSameBits("sigmoidBackward edge round=" + round + " off=" + off, y, off, g, off, want, got, off, n);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void everyLengthAndOffsetMatchesTheScalarTwin(ActivationKernels k) {
        for (int xOff : new int[] {0, 1, 3}) {
            for (int yOff : new int[] {0, 2}) {
                int gOff = (xOff + yOff) % 3;
                for (int len = 0; len <= 4 * LANES + 1; len++) {
                    float[] x = inputs(xOff + len + 3, 31L * len + xOff);
                    float[] g = gradients(gOff + len + 2, 17L * len + yOff);
                    float[] gCopy = g.clone();
                    float[] xCopy = x.clone();
                    float[] want = new float[yOff + len + 4];
                    float[] got = new float[yOff + len + 4];
                    Arrays.fill(want, Float.NaN);
                    Arrays.fill(got, Float.NaN);
                    for (int i = yOff + len; i < got.length; i++) got[i] = want[i] = SENTINEL;
                    for (int i = 0; i < yOff; i++) got[i] = want[i] = SENTINEL;
                    k.scalar().apply(x, xOff, g, gOff, want, yOff, len);
                    k.active().apply(x, xOff, g, gOff, got, yOff, len);
                    String what = k.name() + " len=" + len + " xOff=" + xOff + " gOff=" + gOff + " yOff=" + yOff;
                    assertSameBits(what, x, xOff, g, gOff, want, got, yOff, len);
                    for (int i = 0; i < got.length; i++) {
                        if (i < yOff || i >= yOff + len) {
                            assertEquals(Float.floatToRawIntBits(SENTINEL), Float.floatToRawIntBits(got[i]),
                                    what + ": wrote outside the range at " + i);
                        }
                    }
                    assertEquals(Arrays.toString(xCopy), Arrays.toString(x), what + ": input x modified");
                    assertEquals(Arrays.toString(gCopy), Arrays.toString(g), what + ": input gradOut modified");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void inPlaceMatchesOutOfPlace(ActivationKernels k) {
        for (int len : new int[] {1, LANES - 1, LANES, 4 * LANES + 1, 1000, 4099}) {
            float[] x = inputs(len + 1, len);
            float[] g = gradients(len + 1, len + 1);
            float[] want = new float[len + 1];
            k.scalar().apply(x, 1, g, 1, want, 1, len);
            // forward: y == x; backward: gradIn == gradOut
            float[] target = k.backward() ? g.clone() : x.clone();
            float[] xIn = k.backward() ? x : target;
            k.active().apply(xIn, 1, target, 1, target, 1, len);
            assertSameBits(k.name() + " in-place len=" + len, x, 1, g, 1, want, target, 1, len);
            if (k.backward()) { // gradIn == saved tensor
                float[] saved = x.clone();
                k.active().apply(saved, 1, g, 1, saved, 1, len);
                assertSameBits(k.name() + " in-place on x, len=" + len, x, 1, g, 1, want, saved, 1, len);
            }
        }
    }

    /**
     * Uniform vectors (one value in every lane) at and around every fast-path end ({@link FastPathEdges}), for x with
     * gradOut at ordinary values and at its fast-range ends, and for gradOut around its ends with x inside and outside
     * the fast ranges: each input on either side of an end runs the body its own range calls for.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void uniformVectorsAroundFastPathEdgesMatchTheScalarTwin(ActivationKernels k) {
        // four vectors' worth of each value: sigmoidBackward and tanhBackward test four vectors at a time
        float[] x = FastPathEdges.uniformVectors(FastPathEdges.MAGNITUDES, 64, 4 * LANES);
        float[] gValues = {1.5f, -0.75f, 0x1p-20f, -Math.nextDown(0x1p-20f), 0x1p29f, Math.nextUp(0x1p29f), 0x1p37f,
            -Math.nextUp(0x1p37f)};
        for (float gv : k.backward() ? gValues : new float[] {1f}) {
            float[] g = new float[x.length];
            Arrays.fill(g, gv);
            uniformCall(k, x, g, "x edges, g=" + gv);
        }
        if (!k.backward()) return;
        float[] g = FastPathEdges.uniformVectors(new float[] {0x1p-20f, 0x1p29f, 0x1p37f, 0x1p40f}, 64, 4 * LANES);
        for (float xv : new float[] {1.5f, -1.5f, 19.5f, -19.5f, 0.3f, -7f, 25f, -25f}) {
            float[] xc = new float[g.length];
            Arrays.fill(xc, xv);
            uniformCall(k, xc, g, "g edges, x=" + xv);
        }
    }

    private static void uniformCall(ActivationKernels k, float[] x, float[] g, String what) {
        float[] want = new float[x.length];
        float[] got = new float[x.length];
        k.scalar().apply(x, 0, g, 0, want, 0, x.length);
        k.active().apply(x, 0, g, 0, got, 0, x.length);
        assertSameBits(k.name() + " uniform vectors, " + what, x, 0, g, 0, want, got, 0, x.length);
    }

    /** Every 1021st bit pattern of all 2^32 (4.2 million inputs), with random gradients, in 4096-element calls. */
    @ParameterizedTest
    @MethodSource("kernels")
    void stridedSweepOfAllFloatsMatchesTheScalarTwin(ActivationKernels k) {
        stridedSweep(k, 1021, false, gradients(4096, 99));
    }

    /**
     * Every 2039th bit pattern of all 2^32, each beside a NaN (x[2i + 1]), gradOut 1.5 or random: every vector holds a
     * NaN lane and takes its kernel's general body, which consecutive inputs (the exhaustive report) mostly bypass
     * through a whole-vector fast path.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void stridedSweepBesideNaNLanesMatchesTheScalarTwin(ActivationKernels k) {
        float[] ones = new float[4096];
        Arrays.fill(ones, 1.5f);
        stridedSweep(k, 2039, true, ones);
        stridedSweep(k, 2039, true, gradients(4096, 98));
    }

    /** Every stride-th bit pattern in calls of g.length; besideNaN: in the even slots, NaN in the odd ones. */
    private static void stridedSweep(ActivationKernels k, int stride, boolean besideNaN, float[] g) {
        int n = g.length;
        int step = besideNaN ? 2 : 1;
        float[] x = new float[n];
        float[] want = new float[n];
        float[] got = new float[n];
        long bits = 0;
        while (bits < (1L << 32)) {
            for (int i = 0; i < n; i += step, bits += stride) {
                x[i] = Float.intBitsToFloat((int) bits);
                if (besideNaN) x[i + 1] = Float.NaN;
            }
            k.scalar().apply(x, 0, g, 0, want, 0, n);
            k.active().apply(x, 0, g, 0, got, 0, n);
            assertSameBits(k.name() + (besideNaN ? " sweep beside NaN" : " sweep"), x, 0, g, 0, want, got, 0, n);
        }
    }
}
