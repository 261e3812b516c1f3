package dev.kernels.internal;

/**
 * One method per element-wise kernel of {@link dev.kernels.VectorMath}. Arguments are already checked by the
 * facade. Implementations: {@link ScalarVectorMath} (the scalar twin) and {@code PanamaVectorMath}.
 */
public interface VectorMathSupport {
    void exp(float[] x, int xOff, float[] y, int yOff, int len);

    void expm1(float[] x, int xOff, float[] y, int yOff, int len);

    void log(float[] x, int xOff, float[] y, int yOff, int len);

    void log1p(float[] x, int xOff, float[] y, int yOff, int len);

    void sigmoid(float[] x, int xOff, float[] y, int yOff, int len);

    void tanh(float[] x, int xOff, float[] y, int yOff, int len);

    void erf(float[] x, int xOff, float[] y, int yOff, int len);
}
