package dev.kernels.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** softmax's last pass rounds u r 2^-64 once: equal to the binary64 product (exact) rounded to float. */
class ScaleDownTest {
    static void check(float u, float r) {
        float want = (float) ((double) u * (double) r * 0x1p-64); // u r exact in binary64, the scaling too
        float got = ScalarSoftmax.scaleDown(u, r, r * 0x1p85f);
        assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(got),
                "u=" + Float.toHexString(u) + " r=" + Float.toHexString(r));
    }

    @Test
    void roundsOnceOverTheWholeRange() {
        Random rnd = new Random(11);
        for (int i = 0; i < 500_000; i++) {
            // u = e 2^64 in [2^-86, 2^64], r = 1/(k + t) or a cross-entropy factor in [2^-40, 1]: every result binade
            float u = (float) Math.scalb(1.0 + rnd.nextDouble(), -86 + rnd.nextInt(150));
            float r = (float) Math.scalb(1.0 + rnd.nextDouble(), -40 + rnd.nextInt(40));
            check(Math.min(u, 0x1p64f), Math.min(r, 1f));
        }
    }

    @Test
    void edgesOfTheSubnormalRange() {
        float r = 1f / 3f;
        float edge = 0x1p-62f / r; // u r crosses 2^-62, the result 2^-126
        for (int k = -100_000; k <= 100_000; k++) check(Float.intBitsToFloat(Float.floatToRawIntBits(edge) + k), r);
        for (int k = 0; k <= 100_000; k++) check(Float.intBitsToFloat(Float.floatToRawIntBits(0x1p-86f) + k), 1f);
        check(Float.NaN, r);
        for (int k = 0; k <= 100_000; k++) check(Float.intBitsToFloat(Float.floatToRawIntBits(0x1p-86f) + k), 0x1p-40f);
        check(0x1p64f, 1f);
    }
}
