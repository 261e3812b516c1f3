package dev.kernels.test;

/**
 * The ULP error of a binary32 result against an exact (binary64 or better) value.
 *
 * <p>Definition, used by every accuracy test and by the report:
 * <ul>
 *   <li>{@code ulp(v)} is the spacing of binary32 numbers in the binade of the exact value v:
 *       2<sup>e-23</sup> for 2<sup>e</sup> &le; |v| &lt; 2<sup>e+1</sup>, e clamped to [-126, 127]. So below
 *       2<sup>-126</sup> (subnormals, and zero) it is 2<sup>-149</sup>, and above the float range it stays
 *       2<sup>104</sup>. At a binade edge the spacing of the exact value's binade counts (the ulp below a power
 *       of two is half the ulp above it).</li>
 *   <li>error = |y - v| / ulp(v), with y = &plusmn;&infin; taken as &plusmn;2<sup>128</sup>. An exact value with
 *       |v| &ge; 2<sup>128</sup> rounds to infinity: the error is 0 when y is that infinity.</li>
 *   <li>Special mismatches give {@link Double#POSITIVE_INFINITY}: exactly one of y and v is NaN; v is infinite and
 *       y differs; v is a zero and y is the zero of the other sign.</li>
 * </ul>
 * A correctly rounded result has error &le; 0.5; "max 1 ULP" means every result is within one spacing of the
 * exact value (faithful rounding).
 */
public final class Ulp {
    private Ulp() {}

    /** Spacing of binary32 numbers in the binade of v (see class doc). */
    public static double ulpOf(double v) {
        double a = Math.abs(v);
        int e = a == 0 ? -127 : Math.getExponent(a);
        e = Math.max(Math.min(e, 127), -126);
        return Math.scalb(1.0, e - 23);
    }

    /** ULP error of y against the exact value v, {@link Double#POSITIVE_INFINITY} for a special mismatch. */
    public static double error(float y, double v) {
        if (Double.isNaN(v) || Float.isNaN(y)) return Double.isNaN(v) && Float.isNaN(y) ? 0 : Double.POSITIVE_INFINITY;
        if (Double.isInfinite(v)) return y == v ? 0 : Double.POSITIVE_INFINITY;
        if (Math.abs(v) >= 0x1p128) {
            return Float.isInfinite(y) && (y > 0) == (v > 0) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (v == 0 && y == 0) {
            boolean vNeg = Double.doubleToRawLongBits(v) < 0;
            boolean yNeg = Float.floatToRawIntBits(y) < 0;
            return vNeg == yNeg ? 0 : Double.POSITIVE_INFINITY;
        }
        double yd = Float.isInfinite(y) ? Math.copySign(0x1p128, y) : y;
        return Math.abs(yd - v) / ulpOf(v);
    }

    /** Same as {@link #error} but the sign of a zero exact value is not checked (for oracles whose zeros are unsigned). */
    public static double errorIgnoringZeroSign(float y, double v) {
        if (v == 0 && y == 0) return 0;
        return error(y, v);
    }
}
