package dev.kernels.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UlpTest {
    @Test
    void oneUlpApartIsOne() {
        assertEquals(1.0, Ulp.error(Math.nextUp(1f), 1.0));
        assertEquals(1.0, Ulp.error(Math.nextUp(1.5f), 1.5));
        assertEquals(0.5, Ulp.error(1f, 1.0 + 0x1p-24));
    }

    @Test
    void binadeEdgeUsesTheExactValuesBinade() {
        // just below 2: ulp is 2^-23; the float 2 is one ulp above nextDown(2)
        double below = Math.nextDown(2f);
        assertEquals(1.0, Ulp.error(2f, below));
        // exact 2, result nextDown(2): spacing of [2,4) is 2^-22, so the error is half an ulp
        assertEquals(0.5, Ulp.error(Math.nextDown(2f), 2.0));
    }

    @Test
    void subnormalsUseTheFixedSpacing() {
        assertEquals(1.0, Ulp.error(Float.MIN_VALUE * 2, Float.MIN_VALUE));
        assertEquals(0.5, Ulp.error(0f, Float.MIN_VALUE / 2.0));
        assertEquals(1.0, Ulp.ulpOf(Float.MIN_NORMAL) / Ulp.ulpOf(Float.MIN_VALUE));
        assertEquals(0x1p-149, Ulp.ulpOf(0.0));
    }

    @Test
    void signChangeCountsTheDistance() {
        assertEquals(2.0, Ulp.error(-Float.MIN_VALUE, Float.MIN_VALUE));
        assertEquals(2.0, Ulp.error(-1f, -1.0 + 0x1p-23)); // spacing of [0.5, 1) is 2^-24
    }

    @Test
    void infinityAndOverflow() {
        assertEquals(0.0, Ulp.error(Float.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertEquals(0.0, Ulp.error(Float.POSITIVE_INFINITY, 0x1p200));
        assertEquals(Double.POSITIVE_INFINITY, Ulp.error(Float.MAX_VALUE, 0x1p200));
        // MAX + 0.6 ulp rounds to infinity: infinity counts as 2^128, 0.4 ulp away
        double v = Float.MAX_VALUE + 0.6 * 0x1p104;
        assertEquals(0.4, Ulp.error(Float.POSITIVE_INFINITY, v), 1e-6);
        assertEquals(0.6, Ulp.error(Float.MAX_VALUE, v), 1e-6);
    }

    @Test
    void specialsMismatch() {
        assertEquals(0.0, Ulp.error(Float.NaN, Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, Ulp.error(0f, Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, Ulp.error(Float.NaN, 1.0));
        assertEquals(Double.POSITIVE_INFINITY, Ulp.error(Float.MAX_VALUE, Double.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, Ulp.error(0f, -0.0));
        assertEquals(0.0, Ulp.error(-0f, -0.0));
        assertEquals(0.0, Ulp.errorIgnoringZeroSign(0f, -0.0));
    }
}
