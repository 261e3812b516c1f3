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

    /**
     * The same kernel swept over random (x, gradOut) pairs instead of fixed gradOut passes, or null when the kernel has
     * a single input. gradOut is a pseudo-random function of x's bits and the seed ({@link KernelRegistry#pairGradOut}).
     */
    default SweepKernel randomPairs(long seed) {
        return null;
    }

    /** Appended to the result's mode (e.g. how gradOut was drawn), or null. */
    default String modeNote() {
        return null;
    }

    /** False when the oracle's zeros carry no sign information. */
    default boolean checkZeroSign() {
        return true;
    }
}
