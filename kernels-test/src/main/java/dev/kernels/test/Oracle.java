package dev.kernels.test;

/**
 * Binary64 reference values of the element-wise functions. Each is accurate to a few binary64 ulps (about 2^-50
 * relative), i.e. to ~2^-26 binary32 ULP: far below the 1-ULP bounds it checks. The JDK has no erf, so
 * {@link #erf} is computed here from its Maclaurin series (|x| &lt; 2) and the continued fraction of erfc (|x| &ge; 2);
 * {@code OracleTest} checks it against 40-digit values.
 */
public final class Oracle {
    private Oracle() {}

    public static double exp(double x) {
        return StrictMath.exp(x);
    }

    public static double expm1(double x) {
        return StrictMath.expm1(x);
    }

    public static double log(double x) {
        return StrictMath.log(x);
    }

    public static double log1p(double x) {
        return StrictMath.log1p(x);
    }

    public static double tanh(double x) {
        return StrictMath.tanh(x);
    }

    /** 1/(1 + e^-x): e^-x is accurate to 1 binary64 ulp, the add and divide round once each. */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    public static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double a = Math.abs(x);
        double r;
        if (a < 2) {
            // erf(a) = 2/sqrt(pi) sum_n (-1)^n a^(2n+1) / (n! (2n+1)); terms stay below 4 for a < 2 (little cancellation)
            double t = a * a;
            double p = a;
            double sum = a;
            for (int n = 1; n < 200; n++) {
                p *= -t / n;
                double term = p / (2 * n + 1);
                sum += term;
                if (Math.abs(term) < 0x1p-60 * Math.abs(sum)) break;
            }
            r = sum * 1.1283791670955126; // 2/sqrt(pi)
        } else if (a < 6) {
            r = 1.0 - erfcLarge(a);
        } else {
            r = 1.0; // erfc(6) = 2.2e-17 < 2^-54: 1 - erfc rounds to 1 in binary64
        }
        return Math.copySign(r, x);
    }

    /** erfc(a) for a &ge; 2 by the continued fraction a + (1/2)/(a + 1/(a + (3/2)/(a + ...))) (modified Lentz). */
    public static double erfcLarge(double a) {
        if (a == Double.POSITIVE_INFINITY) return 0;
        double f = a;
        double c = a;
        double d = 0;
        for (int k = 1; k < 1000; k++) {
            double ak = k / 2.0;
            d = a + ak * d;
            d = 1 / d;
            c = a + ak / c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) <= 0x1p-52) break; // converged to within an ulp of 1
        }
        return StrictMath.exp(-a * a) / 1.7724538509055159 / f; // sqrt(pi)
    }
}
