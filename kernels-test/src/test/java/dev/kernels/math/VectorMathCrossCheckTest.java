package dev.kernels.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kernels.KernelInfo;
import dev.kernels.test.FastPathEdges;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The active implementation (vector at the run's width) against the scalar twin, bit for bit: every length
 * 0..4*lanes+1 at several offsets, NaN-prefilled outputs, sentinels after the range, in-place, and a strided sweep
 * over the whole float range. Kernels are warmed up first so that C2 (run with -Xbatch) has compiled the vector code.
 */
class VectorMathCrossCheckTest {
    static final int LANES = Math.max(16, KernelInfo.floatLanes());
    static final float SENTINEL = Float.intBitsToFloat(0x7fc0beef);

    static List<MathKernels> kernels() {
        return MathKernels.all();
    }

    @BeforeAll
    static void warmUp() {
        float[] x = inputs(256, 7);
        float[] y = new float[256];
        for (MathKernels k : MathKernels.all()) {
            for (int i = 0; i < 3000; i++) k.active().apply(x, 0, y, 0, x.length);
        }
    }

    /** Special values, boundaries of every kernel's ranges, and random bits / ordinary values. */
    static float[] inputs(int n, long seed) {
        float[] special = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL), Float.MAX_VALUE,
            -Float.MAX_VALUE, 88.72283f, 88.72284f, -87.33655f, -103.97208f, -104f, 89f, -87f, 88f, 0.5f, 4f, 10f,
            -30f, 110f, -110f, 0x1p-30f, -0x1p-30f, 0.34657359f, -0.34657359f, 1e-45f, 3.9f};
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(4);
            x[i] = pick == 0 ? special[r.nextInt(special.length)]
                    : pick == 1 ? Float.intBitsToFloat(r.nextInt())
                    : (float) (r.nextGaussian() * (pick == 2 ? 3 : 60));
        }
        return x;
    }

    static void assertSameBits(String what, float[] x, int xOff, float[] expected, float[] actual, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            int e = Float.floatToIntBits(expected[yOff + i]);
            int a = Float.floatToIntBits(actual[yOff + i]);
            if (e != a) {
                fail(String.format("%s: index %d of %d, x=%s (%s): scalar %s (%s), active %s (%s)", what, i, len,
                        x[xOff + i], Float.toHexString(x[xOff + i]), expected[yOff + i],
                        Float.toHexString(expected[yOff + i]), actual[yOff + i], Float.toHexString(actual[yOff + i])));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void everyLengthAndOffsetMatchesTheScalarTwin(MathKernels k) {
        for (int xOff : new int[] {0, 1, 3}) {
            for (int yOff : new int[] {0, 2}) {
                for (int len = 0; len <= 4 * LANES + 1; len++) {
                    float[] x = inputs(xOff + len + 3, 31L * len + xOff);
                    float[] want = new float[yOff + len + 4];
                    float[] got = new float[yOff + len + 4];
                    java.util.Arrays.fill(want, Float.NaN);
                    java.util.Arrays.fill(got, Float.NaN);
                    for (int i = yOff + len; i < got.length; i++) got[i] = want[i] = SENTINEL;
                    for (int i = 0; i < yOff; i++) got[i] = want[i] = SENTINEL;
                    k.scalar().apply(x, xOff, want, yOff, len);
                    k.active().apply(x, xOff, got, yOff, len);
                    String what = k.name() + " len=" + len + " xOff=" + xOff + " yOff=" + yOff;
                    assertSameBits(what, x, xOff, want, got, yOff, len);
                    for (int i = 0; i < got.length; i++) {
                        if (i < yOff || i >= yOff + len) {
                            assertEquals(Float.floatToRawIntBits(SENTINEL), Float.floatToRawIntBits(got[i]),
                                    what + ": wrote outside the range at " + i);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void inPlaceMatchesOutOfPlace(MathKernels k) {
        for (int len : new int[] {1, LANES - 1, LANES, 4 * LANES + 1, 1000, 4099}) {
            float[] x = inputs(len + 1, len);
            float[] want = new float[len + 1];
            k.scalar().apply(x, 1, want, 1, len);
            float[] inPlace = x.clone();
            k.active().apply(inPlace, 1, inPlace, 1, len);
            assertSameBits(k.name() + " in-place len=" + len, x, 1, want, inPlace, 1, len);
            assertEquals(Float.floatToRawIntBits(x[0]), Float.floatToRawIntBits(inPlace[0]));
        }
    }

    /**
     * Whole vectors that mix ordinary x, x whose exp is subnormal, x below -104 (masked logits: -1e4, -inf,
     * -MAX_VALUE), zeros, subnormal x and the edges of exp's forms: exp picks its form on them (subnormal x never
     * reaches a multiply), which must give the scalar twin's bits.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void maskedVectorsMatchTheScalarTwin(MathKernels k) {
        float[] masked = {Float.NEGATIVE_INFINITY, -1e4f, -Float.MAX_VALUE, Math.nextDown(-104f), -104f, -200f, -191.3f,
            -1e30f};
        float[] tiny = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, -1e-40f, Math.nextDown(Float.MIN_NORMAL),
            -Math.nextDown(Float.MIN_NORMAL), Float.MIN_NORMAL, 86.5f, -86.5f, Math.nextUp(86.5f), 88f, Math.nextUp(88f)};
        SplittableRandom r = new SplittableRandom(5);
        int n = 64 * LANES;
        float[] x = new float[n];
        for (int v = 0; v < n; v += LANES) {
            int pools = 1 + r.nextInt(15); // bit 0: ordinary, 1: subnormal results, 2: masked, 3: zero or subnormal x
            for (int i = v; i < v + LANES; i++) {
                int pool;
                do pool = r.nextInt(4); while ((pools & (1 << pool)) == 0);
                x[i] = pool == 0 ? (float) (r.nextDouble() * 20 - 10)
                        : pool == 1 ? (float) (-87 - r.nextDouble() * 17)
                        : pool == 2 ? masked[r.nextInt(masked.length)] : tiny[r.nextInt(tiny.length)];
            }
        }
        float[] want = new float[n];
        float[] got = new float[n];
        k.scalar().apply(x, 0, want, 0, n);
        k.active().apply(x, 0, got, 0, n);
        assertSameBits(k.name() + " masked vectors", x, 0, want, got, 0, n);
    }

    /** Uniform vectors (one value in every lane) at and around every fast-path end ({@link FastPathEdges}). */
    @ParameterizedTest
    @MethodSource("kernels")
    void uniformVectorsAroundFastPathEdgesMatchTheScalarTwin(MathKernels k) {
        float[] x = FastPathEdges.uniformVectors(FastPathEdges.MAGNITUDES, 64, LANES);
        float[] want = new float[x.length];
        float[] got = new float[x.length];
        k.scalar().apply(x, 0, want, 0, x.length);
        k.active().apply(x, 0, got, 0, x.length);
        assertSameBits(k.name() + " uniform vectors", x, 0, want, got, 0, x.length);
    }

    /** Every 251st bit pattern of all 2^32 (17 million inputs), in 4096-element calls. */
    @ParameterizedTest
    @MethodSource("kernels")
    void stridedSweepOfAllFloatsMatchesTheScalarTwin(MathKernels k) {
        stridedSweep(k, 251, false);
    }

    /**
     * Every 509th bit pattern of all 2^32, each beside a NaN (x[2i + 1]): every vector holds a NaN lane and takes its
     * kernel's general body, which consecutive inputs (the sweep above, the exhaustive report) mostly bypass through
     * a whole-vector fast path.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void stridedSweepBesideNaNLanesMatchesTheScalarTwin(MathKernels k) {
        stridedSweep(k, 509, true);
    }

    /** Every stride-th bit pattern in 4096-element calls; besideNaN: in the even slots, NaN in the odd ones. */
    private static void stridedSweep(MathKernels k, int stride, boolean besideNaN) {
        int n = 4096;
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
            k.scalar().apply(x, 0, want, 0, n);
            k.active().apply(x, 0, got, 0, n);
            assertSameBits(k.name() + (besideNaN ? " sweep beside NaN" : " sweep"), x, 0, want, got, 0, n);
        }
    }
}
