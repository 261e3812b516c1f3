package dev.kernels.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The erf oracle against values computed with mpmath at 40 digits (mp.erf). */
class OracleTest {
    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 0x1p-48, () -> "expected " + expected + " got " + actual);
    }

    @Test
    void erfMatchesHighPrecisionValues() {
        close(1.1283791670955126e-10, Oracle.erf(1e-10));
        close(0.1124629160182849, Oracle.erf(0.1));
        close(0.5204998778130465, Oracle.erf(0.5));
        close(0.8427007929497149, Oracle.erf(1.0));
        close(0.9953222650189527, Oracle.erf(2.0));
        close(0.9999779095030014, Oracle.erf(3.0));
        close(0.9953222650189527, Oracle.erf(Math.nextDown(2.0))); // series/continued-fraction seam
        close(0.9999999845827421, Oracle.erf(4.0));
        close(-0.8427007929497149, Oracle.erf(-1.0));
        assertEquals(1.0, Oracle.erf(Double.POSITIVE_INFINITY));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Oracle.erf(-0.0)));
    }

    @Test
    void erfcTailMatchesHighPrecisionValues() {
        close(2.209049699858544e-05, Oracle.erfcLarge(3.0));
        close(4.677734981047266e-03, Oracle.erfcLarge(2.0));
        close(1.541725790028002e-08, Oracle.erfcLarge(4.0));
        close(2.088487583762545e-45, Oracle.erfcLarge(10.0));
    }
}
