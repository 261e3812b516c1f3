package dev.kernels.internal;

import static dev.kernels.internal.MathConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kernels.test.Oracle;
import org.junit.jupiter.api.Test;

/** The facts the binary32 erf and tanh comments rely on, each checked over every binary32 it is claimed for. */
class PolynomialFormsTest {
    @Test
    void tinyArgumentsShareOneC() {
        float tiny = Float.intBitsToFloat(TINY_BITS);
        assertEquals(ERF_F_C_TINY, ScalarMath.erfSmallPolyF(tiny * tiny - ERF_F_T_CENTER), "c at the 2^-30 clamp");
        assertEquals(ERF_F_C_TINY, (float) (2 / Math.sqrt(Math.PI) - 1), "2/sqrt(pi) - 1 rounded");
        // every a below 2^-13 has t - 1/2 == -1/2, so the c the subnormal branch uses is the c fma(a, c, a) would get
        for (float a = tiny; a < 0x1p-13f; a = Math.nextUp(a)) {
            if (a * a - ERF_F_T_CENTER != -0.5f) fail("t - 1/2 != -1/2 at a = " + Float.toHexString(a));
        }
    }

    @Test
    void subnormalProductsAreNeverTies() {
        // (m + round(m c)) equals m + m c rounded once only if m c is never a half-integer
        for (int m = 1; m < NORMAL_MIN_BITS; m++) {
            double p = m * (double) ERF_F_C_TINY; // exact: 23 + 24 bits
            if (p - Math.floor(p) == 0.5) fail("tie at m = " + m);
        }
    }

    @Test
    void largeArgumentIsExactAndSaturates() {
        for (int bits = ONE_BITS_F; bits <= ERF_F_SAT_BITS; bits++) {
            float a = Float.intBitsToFloat(bits);
            if ((double) (a - ERF_F_CENTER) != (double) a - ERF_F_CENTER) fail("a - centre inexact at " + a);
        }
        // ERF_F_SAT is the least float whose erf rounds to 1: erfc(SAT) <= 2^-25 < erfc(the float below)
        assertTrue(Oracle.erfcLarge(ERF_F_SAT) <= 0x1p-25, "erfc at the threshold");
        assertTrue(Oracle.erfcLarge(Math.nextDown(ERF_F_SAT)) > 0x1p-25, "erfc below the threshold");
        assertEquals(1f, ScalarMath.erfLargePolyF(ERF_F_SAT - ERF_F_CENTER), "H at the clamp");
        assertEquals(1f, ScalarMath.erf(ERF_F_SAT));
        assertEquals(-1f, ScalarMath.erf(-ERF_F_SAT));
        assertEquals(1f, ScalarMath.erf(4f));
    }

    @Test
    void tanhMidArgumentIsExact() {
        for (float a = TANH_F_SMALL_MAX; a < TANH_F_MID_MAX; a = Math.nextUp(a)) {
            if ((double) (a - TANH_F_CENTER) != (double) a - TANH_F_CENTER) fail("a - centre inexact at " + a);
        }
    }

    @Test
    void tanhLargeFormSaturatesAndItsExpStaysNormal() {
        float e = ScalarMath.exp(TANH_F_CLAMP * -2f);
        assertEquals(true, e >= Float.MIN_NORMAL, "e^-20 normal");
        assertEquals(1f, ScalarMath.tanh(TANH_F_CLAMP));
        assertEquals(1f, ScalarMath.tanh(Float.MAX_VALUE));
        assertEquals(1f, ScalarMath.tanh(9.1f)); // 1 - tanh(9.1) = 2.5e-8 < 2^-25: rounds to 1
    }
}
