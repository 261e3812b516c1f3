package dev.kernels.bench;

/** What a plain Java loop uses where java.lang.Math has no function: shared by the javaScalar baselines. */
final class PlainJava {
    private PlainJava() {}

    static final double INV_SQRT2 = 0x1.6a09e667f3bcdp-1;
    static final double INV_SQRT_2PI = 0x1.9884533d43651p-2;

    /**
     * The classic Abramowitz-Stegun 7.1.26 erf (1.5e-7 absolute), given e = Math.exp(-a * a) for a = |x|: the form
     * people copy when the JDK has no erf.
     */
    static double erfAbramowitzStegun(double x, double e) {
        double a = Math.abs(x);
        double t = 1.0 / (1.0 + 0.3275911 * a);
        double p = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return Math.copySign(1.0 - p * e, x);
    }
}
