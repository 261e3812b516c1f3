package dev.kernels.internal;

/**
 * Row-wise softmax family and fused losses over row-major batches. Implementations: {@link ScalarSoftmax} (the
 * scalar twin, which defines every bit) and {@code PanamaSoftmax} (Vector API, same bits at every width). Arguments
 * are already checked by the facades ({@code dev.kernels.Softmax}, {@code dev.kernels.Losses}); rows &ge; 0,
 * cols &ge; 1.
 *
 * <p>Reductions that return a double sum the row results in row order starting from 0.0, and also store each row's
 * binary64 loss into {@code rowLoss[rowLossOff + r]} when rowLoss is not null (the parallel facades combine those in
 * row order, which gives the same bits for any thread count).
 */
public interface SoftmaxSupport {
    void softmax(float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int rows, int cols);

    void logSoftmax(float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int rows, int cols);

    void logSumExp(float[] x, int xOff, int xStride, float[] out, int outOff, int rows, int cols);

    void softmaxBackward(float[] y, int yOff, int yStride, float[] g, int gOff, int gStride,
                         float[] gi, int giOff, int giStride, int rows, int cols);

    void logSoftmaxBackward(float[] out, int oOff, int oStride, float[] g, int gOff, int gStride,
                            float[] gi, int giOff, int giStride, int rows, int cols);

    /**
     * Cross-entropy with class indices. weightSum = sum of classWeights (cols without weights), used by smoothing.
     * Ignored rows: loss 0, gradient row 0. grad (may be null) receives gradScale * d(row loss)/d(logits).
     */
    double crossEntropy(float[] x, int xOff, int xStride, int rows, int cols, int[] labels, int labelOff,
                        int ignoreIndex, float[] classWeights, float smoothing, double weightSum,
                        float[] lossOut, int lossOff, double[] rowLoss, int rowLossOff,
                        float[] grad, int gOff, int gStride, double gradScale);

    /** Cross-entropy with soft targets q (rows x cols, own offset and stride). */
    double crossEntropySoft(float[] x, int xOff, int xStride, float[] q, int qOff, int qStride, int rows, int cols,
                            float[] classWeights, float smoothing,
                            float[] lossOut, int lossOff, double[] rowLoss, int rowLossOff,
                            float[] grad, int gOff, int gStride, double gradScale);

    /**
     * BCE with logits over n contiguous elements seen as rows of {@code cols} (the last row may be shorter);
     * posWeight (may be null) is indexed by column, weight (may be null) by element. Returns the sum of the row sums.
     */
    double bce(float[] z, int zOff, float[] t, int tOff, float[] weight, int wOff, float[] posWeight,
               int n, int cols, float[] lossOut, int lossOff, double[] rowLoss, int rowLossOff,
               float[] grad, int gOff, double gradScale);
}
