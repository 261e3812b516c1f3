package dev.kernels.activations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kernels.test.ActivationOracle;
import org.junit.jupiter.api.Test;

/**
 * The oracle itself against values computed offline with mpmath at 40 digits (mp.erfc, mp.ncdf/npdf, mp.exp; the
 * tanh-GELU with the binary64 constants). The float arguments are given in hex so they are exact.
 */
class ActivationOracleTest {
    private static void close(double expected, double actual, double relTol, String what) {
        double rel = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(rel <= relTol, what + ": expected " + expected + ", got " + actual + " (rel. error " + rel + ")");
    }

    @Test
    void gaussianTailMatchesMpmath() {
        double[][] q = { // a, mp.erfc(a/sqrt 2)/2
            {0.25, 0.40129367431707627576}, {1.0, 0.15865525393145705141}, {2.5, 0.006209665325776135167},
            {2.999, 0.0013543365337271061616}, {3.0, 0.0013498980316300945267}, {3.5, 0.00023262907903552503635},
            {5.0, 2.8665157187919391167e-7}, {8.0, 6.2209605742717841235e-16}, {13.0, 6.1171643995498796823e-39},
            {20.0, 2.7536241186062336951e-89}, {37.5, 4.6053530095819548438e-308}};
        for (double[] r : q) close(r[1], ActivationOracle.gaussQ(r[0]), 0x1p-40, "Q(" + r[0] + ")");
    }

    @Test
    void derivativesNearTheirRootsMatchMpmath() {
        Object[][] rows = { // kernel, x (float), f'(x) by mpmath
            {"gelu", -0x1.80eaccp-1f, 7.19298370321637937e-8}, {"gelu", -0x1.80ead2p-1f, -5.2273121045751549767e-9},
            {"gelu", -0x1.80ead4p-1f, -3.0946356298960011261e-8}, {"gelu", -0x1.80f2a2p-1f, -0.000025722893416729623496},
            {"gelu", -3f, -0.011945647204183927}, {"gelu", 0.5f, 0.86749512465616284253}, {"gelu", 2f, 1.0852318010781968967},
            {"geluTanh", -0x1.81429ap-1f, 7.2080967421505850834e-8}, {"geluTanh", -0x1.8142ap-1f, -4.8805770081407243857e-9},
            {"geluTanh", -0x1.8142a2p-1f, -3.053441964438793107e-8}, {"geluTanh", -0x1.814a7p-1f, -0.000025657347844570445424},
            {"geluTanh", -3f, -0.011584166630969722906}, {"geluTanh", 0.5f, 0.86736990353464232957},
            {"geluTanh", 2f, 1.0860992566236183696},
            {"silu", -0x1.47496ep0f, 7.5068513810376647452e-8}, {"silu", -0x1.474974p0f, -2.827039668355436669e-9},
            {"silu", -0x1.474976p0f, -2.879221582524692422e-8}, {"silu", -0x1.475144p0f, -0.000025965921307804964691},
            {"silu", -3f, -0.088104106015169617069}, {"silu", 0.5f, 0.73996118730265180917}, {"silu", 2f, 1.0907842487848954788}};
        for (Object[] r : rows) {
            float x = (Float) r[1];
            double want = (Double) r[2];
            double got = switch ((String) r[0]) {
                case "gelu" -> ActivationOracle.geluDerivative(x);
                case "geluTanh" -> ActivationOracle.geluTanhDerivative(x);
                default -> ActivationOracle.siluDerivative(x);
            };
            close(want, got, 0x1p-45, r[0] + "'(" + Float.toHexString(x) + ")");
        }
    }
}
