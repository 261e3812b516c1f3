package dev.kernels.test;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Reference values of the activation kernels of {@code dev.kernels.Activations}, independent of their algorithms:
 * binary64 formulas on {@link StrictMath} (Gaussian tail by series / continued fraction), and 40-digit
 * {@link BigDecimal} arithmetic next to the roots of the derivatives that cross zero (gelu', geluTanh', silu'), where
 * any binary64 formula cancels. Constants of the tanh-GELU are the binary64 values of sqrt(2/pi) and 0.044715, like the
 * kernel's. Backward oracles return the binary64 value of gradOut * f'.
 */
public final class ActivationOracle {
    private ActivationOracle() {}

    public static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
    public static final double GELU_TANH_C = 0.044715;
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    // ------------------------------------------------------------------------------------- Gaussian upper tail

    /** Q(a) = P(N(0,1) &gt; a) for a &gt;= 0, relative error below 2^-40 (checked against mpmath in the tests). */
    public static double gaussQ(double a) {
        if (a < 3.0) {
            // erf(z) = 2/sqrt(pi) e^-z^2 sum (2z^2)^n z / (1*3*...*(2n+1)): all terms positive
            double z = a / Math.sqrt(2.0);
            double z2 = 2.0 * z * z;
            double term = z, sum = z;
            for (int n = 1; n < 200 && term > 1e-20 * sum; n++) {
                term *= z2 / (2 * n + 1);
                sum += term;
            }
            double erf = TWO_OVER_SQRT_PI * StrictMath.exp(-z * z) * sum;
            return 0.5 - 0.5 * erf;
        }
        // Mills ratio by its continued fraction R(a) = 1/(a + 1/(a + 2/(a + 3/(a + ...)))), evaluated backwards
        int terms = (int) (60 + 3000 / (a * a));
        double r = a;
        for (int k = terms; k >= 1; k--) r = a + k / r;
        return gaussPdf(a) / r;
    }

    /** phi(x) = e^(-x^2/2) / sqrt(2 pi); x*x is exact for float x. */
    public static double gaussPdf(double x) {
        return StrictMath.exp(-0.5 * (x * x)) * INV_SQRT_2PI;
    }

    /** Phi(x), relatively accurate in the lower tail. */
    public static double gaussCdf(double x) {
        return x >= 0 ? 1.0 - gaussQ(x) : gaussQ(-x);
    }

    // ------------------------------------------------------------------------------------------------- forward

    public static double relu(double x) {
        return x <= 0 ? 0.0 : x;
    }

    public static double leakyRelu(double x, float alpha) {
        return x > 0 ? x : x * alpha;
    }

    public static double gelu(double x) {
        if (x == Double.NEGATIVE_INFINITY) return -0.0;
        return x * gaussCdf(x);
    }

    public static double geluTanh(double x) {
        if (Double.isInfinite(x)) return x > 0 ? x : -0.0;
        double z = SQRT_2_OVER_PI * (x + GELU_TANH_C * x * x * x);
        return x / (1.0 + StrictMath.exp(-2.0 * z)); // = 0.5 x (1 + tanh z)
    }

    public static double silu(double x) {
        if (Double.isInfinite(x)) return x > 0 ? x : -0.0;
        return x / (1.0 + StrictMath.exp(-x));
    }

    public static double softplus(double x, float beta, float threshold) {
        double u = x * beta; // exact for float x
        if (u > threshold) return x;
        return (Math.max(u, 0.0) + StrictMath.log1p(StrictMath.exp(-Math.abs(u)))) / beta;
    }

    public static double logSigmoid(double x) {
        // written per sign so that an underflowing log1p(e^-x) still gives the -0 of a negative exact value
        return x > 0 ? -StrictMath.log1p(StrictMath.exp(-x)) : x - StrictMath.log1p(StrictMath.exp(x));
    }

    // ------------------------------------------------------------------------------------------------ backward

    public static double sigmoidBackward(float y, float g) {
        return g * Math.fma(-(double) y, y, y); // y - y^2 rounded once
    }

    public static double tanhBackward(float y, float g) {
        return g * Math.fma(-(double) y, y, 1.0); // exact 1 - y^2 for float y
    }

    public static double reluBackward(float x, float g) {
        return x <= 0 ? 0.0 : g;
    }

    public static double leakyReluBackward(float x, float g, float alpha) {
        return x > 0 ? g : (double) g * alpha;
    }

    /** Roots of the derivatives; within {@link #NEAR_ROOT} of them the BigDecimal forms are used. */
    public static final double GELU_ROOT = -0.75179152469356445746;
    public static final double GELU_TANH_ROOT = -0.75246142207101621856;
    public static final double SILU_ROOT = -1.2784645427610737951;
    public static final double NEAR_ROOT = 1.0 / 16;

    /**
     * f'(x) &lt; 0 left of the root: where binary64 underflows, keep the sign of the exact value (its float rounding is
     * then -0 times the sign of gradOut).
     */
    private static double signedZero(double r, float x, double root) {
        return r == 0 && x < root ? -0.0 : r;
    }

    public static double geluDerivative(float x) {
        if (Math.abs(x - GELU_ROOT) < NEAR_ROOT) return Big.geluDerivative(x);
        if (x == Float.NEGATIVE_INFINITY) return -0.0;
        if (x == Float.POSITIVE_INFINITY) return 1.0;
        return signedZero(gaussCdf(x) + x * gaussPdf(x), x, GELU_ROOT);
    }

    public static double geluTanhDerivative(float x) {
        if (Math.abs(x - GELU_TANH_ROOT) < NEAR_ROOT) return Big.geluTanhDerivative(x);
        if (Math.abs(x) > 30) return x > 0 ? 1.0 : -0.0; // |f' - {0,1}| < e^-1000; avoids inf * 0 below
        double xd = x;
        double z = SQRT_2_OVER_PI * (xd + GELU_TANH_C * xd * xd * xd);
        double s = 1.0 / (1.0 + StrictMath.exp(-2.0 * z));
        double oneMinusS = 1.0 / (1.0 + StrictMath.exp(2.0 * z));
        return signedZero(s + 2.0 * xd * SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_TANH_C * xd * xd) * s * oneMinusS, x,
                GELU_TANH_ROOT);
    }

    public static double siluDerivative(float x) {
        if (Math.abs(x - SILU_ROOT) < NEAR_ROOT) return Big.siluDerivative(x);
        if (Float.isInfinite(x)) return x > 0 ? 1.0 : -0.0;
        double s = 1.0 / (1.0 + StrictMath.exp(-(double) x));
        double oneMinusS = 1.0 / (1.0 + StrictMath.exp(x));
        return signedZero(s * (1.0 + x * oneMinusS), x, SILU_ROOT);
    }

    public static double geluBackward(float x, float g) {
        return g * geluDerivative(x);
    }

    public static double geluTanhBackward(float x, float g) {
        return g * geluTanhDerivative(x);
    }

    public static double siluBackward(float x, float g) {
        return g * siluDerivative(x);
    }

    public static double softplusBackward(float x, float g, float beta, float threshold) {
        double u = (double) x * beta;
        if (u > threshold) return g;
        return g / (1.0 + StrictMath.exp(-u));
    }

    public static double logSigmoidBackward(float x, float g) {
        return g / (1.0 + StrictMath.exp(x));
    }

    // ----------------------------------------------------------------------------- 40-digit forms near the roots

    /** BigDecimal series for |x| &lt;= 2: slow (microseconds), used only near the roots. */
    static final class Big {
        private Big() {}

        static final MathContext MC = new MathContext(40);
        static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510582");
        static final BigDecimal TWO = BigDecimal.valueOf(2);
        static final BigDecimal SQRT2 = TWO.sqrt(MC);
        static final BigDecimal SQRT_2PI = TWO.multiply(PI, MC).sqrt(MC);
        static final BigDecimal SQRT_PI = PI.sqrt(MC);
        static final BigDecimal EPS = new BigDecimal("1e-45");

        static BigDecimal exp(BigDecimal z) {
            BigDecimal sum = BigDecimal.ONE, term = BigDecimal.ONE;
            for (int n = 1; n < 400; n++) {
                term = term.multiply(z, MC).divide(BigDecimal.valueOf(n), MC);
                sum = sum.add(term, MC);
                if (term.abs().compareTo(EPS) < 0) break;
            }
            return sum;
        }

        /** erf(z) = 2/sqrt(pi) sum (-1)^n z^(2n+1) / (n! (2n+1)). */
        static BigDecimal erf(BigDecimal z) {
            BigDecimal z2 = z.multiply(z, MC);
            BigDecimal power = z; // (-1)^n z^(2n+1) / n!
            BigDecimal sum = z;
            for (int n = 1; n < 400; n++) {
                power = power.multiply(z2, MC).divide(BigDecimal.valueOf(-n), MC);
                BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), MC);
                sum = sum.add(term, MC);
                if (term.abs().compareTo(EPS) < 0) break;
            }
            return sum.multiply(TWO, MC).divide(SQRT_PI, MC);
        }

        static BigDecimal sigmoid(BigDecimal t) {
            return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(t.negate()), MC), MC);
        }

        static double geluDerivative(double x) {
            BigDecimal bx = new BigDecimal(x);
            BigDecimal cdf = BigDecimal.ONE.add(erf(bx.divide(SQRT2, MC)), MC).divide(TWO, MC);
            BigDecimal pdf = exp(bx.multiply(bx, MC).divide(TWO, MC).negate()).divide(SQRT_2PI, MC);
            return cdf.add(bx.multiply(pdf, MC), MC).doubleValue();
        }

        static double geluTanhDerivative(double x) {
            BigDecimal bx = new BigDecimal(x);
            BigDecimal k = new BigDecimal(SQRT_2_OVER_PI);
            BigDecimal c = new BigDecimal(GELU_TANH_C);
            BigDecimal x2 = bx.multiply(bx, MC);
            BigDecimal z = k.multiply(bx.add(c.multiply(x2, MC).multiply(bx, MC), MC), MC);
            BigDecimal s = sigmoid(z.multiply(TWO, MC));
            BigDecimal dz = k.multiply(BigDecimal.ONE.add(c.multiply(BigDecimal.valueOf(3), MC).multiply(x2, MC), MC), MC);
            BigDecimal tail = TWO.multiply(bx, MC).multiply(dz, MC).multiply(s, MC).multiply(BigDecimal.ONE.subtract(s, MC), MC);
            return s.add(tail, MC).doubleValue();
        }

        static double siluDerivative(double x) {
            BigDecimal bx = new BigDecimal(x);
            BigDecimal s = sigmoid(bx);
            return s.multiply(BigDecimal.ONE.add(bx.multiply(BigDecimal.ONE.subtract(s, MC), MC), MC), MC).doubleValue();
        }
    }
}
