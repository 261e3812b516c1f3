package dev.kernels.test.report;

/**
 * One function the ULP report sweeps over float inputs. {@link #passes()} sweeps are made over the whole input set
 * (1 for a unary function; e.g. 4 for a backward kernel swept over x once per fixed gradOut).
 *
 * <p>To add a kernel to the report, add an instance to {@link KernelRegistry#all()}.
 */
public interface SweepKernel {
    /** The public method name, e.g. {@code exp} or {@code tanhBackward}. */
    String name();

    /** The documented bound (max ULP) that the report checks. */
    double bound();

    default int passes() {
        return 1;
    }

    /** y[i] = f(x[i]) for i &lt; n through the public API (for pass {@code pass}). */
    void compute(int pass, float[] x, float[] y, int n);

    /** The exact value of f(x) in binary64 or better (for pass {@code pass}). */
    double exact(int pass, float x);

    /** False when the oracle's zeros carry no sign information. */
    default boolean checkZeroSign() {
        return true;
    }
}
