package dev.kernels.internal;

/**
 * One method per kernel of {@link dev.kernels.Activations}. Arguments are already checked by the facade (ranges inside
 * their arrays, alpha finite, beta finite and positive, threshold not NaN). Implementations: {@link ScalarActivations}
 * (the scalar twin) and {@code PanamaActivations}.
 */
public interface ActivationSupport {
    void relu(float[] x, int xOff, float[] y, int yOff, int len);

    void leakyRelu(float[] x, int xOff, float[] y, int yOff, int len, float alpha);

    void gelu(float[] x, int xOff, float[] y, int yOff, int len);

    void geluTanh(float[] x, int xOff, float[] y, int yOff, int len);

    void silu(float[] x, int xOff, float[] y, int yOff, int len);

    void softplus(float[] x, int xOff, float[] y, int yOff, int len, float beta, float threshold);

    void logSigmoid(float[] x, int xOff, float[] y, int yOff, int len);

    void sigmoidBackward(float[] y, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);

    void tanhBackward(float[] y, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);

    void reluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);

    void leakyReluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len, float alpha);

    void geluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);

    void geluTanhBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);

    void siluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);

    void softplusBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len,
                          float beta, float threshold);

    void logSigmoidBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);
}
