package dev.kernels.internal;

/** The scalar path: plain loops over {@link ScalarMath}, the same algorithm the vector lanes run. */
public final class ScalarVectorMath implements VectorMathSupport {
    @Override
    public void exp(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = ScalarMath.exp(x[xOff + i]);
    }

    @Override
    public void expm1(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = ScalarMath.expm1(x[xOff + i]);
    }

    @Override
    public void log(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = ScalarMath.log(x[xOff + i]);
    }

    @Override
    public void log1p(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = ScalarMath.log1p(x[xOff + i]);
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = ScalarMath.sigmoid(x[xOff + i]);
    }

    @Override
    public void tanh(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = ScalarMath.tanh(x[xOff + i]);
    }

    @Override
    public void erf(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = ScalarMath.erf(x[xOff + i]);
    }
}
