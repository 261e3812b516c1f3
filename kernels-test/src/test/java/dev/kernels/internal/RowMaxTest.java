package dev.kernels.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kernels.softmax.SoftmaxTesting;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The row max of the vector path (compare-and-blend chains with a NaN and a zero fallback) equals Math.max folded
 * over the row: NaN anywhere wins, +0 wins over -0 in either order and lane, infinities and sums that overflow.
 */
class RowMaxTest {
    static final ScalarSoftmax IMPL = (ScalarSoftmax) SoftmaxTesting.VECTOR;
    static final int[] LENGTHS = {1, 15, 16, 17, 63, 64, 65, 128, 129, 200, 300};

    @BeforeAll
    static void warm() {
        SoftmaxTesting.warmUp();
        Random r = new Random(3);
        float[] x = SoftmaxTesting.normal(r, 300, 3);
        float s = 0;
        for (int i = 0; i < 20000; i++) s += IMPL.rowMax(x, i % 7, 293);
        assertEquals(false, Float.isNaN(s));
    }

    static float expected(float[] x, int o, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) m = Math.max(m, x[o + j]);
        return m;
    }

    static void check(float[] x, int o, int n, String what) {
        float want = expected(x, o, n);
        float got = IMPL.rowMax(x, o, n);
        assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(got),
                what + ": n=" + n + " o=" + o + " want " + Float.toHexString(want) + " got " + Float.toHexString(got));
    }

    @Test
    void randomRows() {
        Random r = new Random(SoftmaxTesting.SEED);
        for (int n = 1; n <= 300; n++) {
            float[] x = SoftmaxTesting.normal(r, n + 5, n % 2 == 0 ? 3 : 30);
            check(x, n % 5, n, "random");
        }
    }

    @Test
    void plusZeroWinsOverMinusZeroWhereverTheyAre() {
        for (int n : LENGTHS) {
            for (int a = 0; a < n; a += 3) {
                for (int b = 0; b < n; b += 5) {
                    if (a == b) continue;
                    float[] x = new float[n];
                    java.util.Arrays.fill(x, -1f);
                    x[a] = -0f;
                    x[b] = 0f;
                    check(x, 0, n, "zeros -0 at " + a + ", +0 at " + b);
                    x[a] = 0f;
                    x[b] = -0f;
                    check(x, 0, n, "zeros +0 at " + a + ", -0 at " + b);
                }
            }
            float[] x = new float[n];
            java.util.Arrays.fill(x, -0f);
            check(x, 0, n, "all -0");
        }
    }

    @Test
    void nanAnywhereWins() {
        Random r = new Random(7);
        for (int n : LENGTHS) {
            for (int p = 0; p < n; p++) {
                float[] x = SoftmaxTesting.normal(r, n, 3);
                x[p] = Float.NaN;
                check(x, 0, n, "NaN at " + p);
                x[p] = Float.POSITIVE_INFINITY;
                check(x, 0, n, "+inf at " + p);
                x[(p + 1) % n] = Float.NEGATIVE_INFINITY;
                check(x, 0, n, "+inf and -inf");
            }
        }
    }

    @Test
    void infinitiesAndOverflowingSums() {
        for (int n : LENGTHS) {
            float[] x = new float[n];
            java.util.Arrays.fill(x, Float.NEGATIVE_INFINITY);
            check(x, 0, n, "all -inf");
            for (int j = 0; j < n; j++) x[j] = j % 2 == 0 ? 3e38f : -3e38f;
            check(x, 0, n, "+-3e38");
            for (int j = 0; j < n; j++) x[j] = 3e38f - j;
            check(x, 0, n, "3e38 sum overflow");
        }
    }
}
