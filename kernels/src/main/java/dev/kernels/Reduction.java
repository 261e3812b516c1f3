package dev.kernels;

/**
 * How a loss kernel reduces its per-row (cross-entropy) or per-element (BCE) losses, as PyTorch's {@code reduction}
 * argument.
 */
public enum Reduction {
    /**
     * No reduction: the per-row / per-element losses go to the kernel's {@code lossOut} array when one is given (the
     * simple forms have none); the kernel returns their sum, and a gradient is that of the sum, as for SUM.
     */
    NONE,
    /** The sum of the losses (accumulated in binary64, in a fixed order). */
    SUM,
    /**
     * The mean as PyTorch defines it: cross-entropy with class indices divides by the sum of the class weights of
     * the non-ignored rows (the number of non-ignored rows without weights); cross-entropy with soft targets divides
     * by the number of rows; BCE divides by the number of elements.
     */
    MEAN
}
