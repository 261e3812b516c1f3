package dev.kernels.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kernels.Activations;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments are rejected with the documented exception before anything is written. */
class ActivationArgumentTest {
    private final float[] x = {1f, -2f, 3f, -4f};
    private final float[] g = {0.5f, 0.5f, 0.5f, 0.5f};
    private final float[] out = new float[4];
    private final float[] short3 = new float[3];

    private void rejects(Class<? extends Throwable> type, Executable call) {
        Arrays.fill(out, Float.NaN);
        Arrays.fill(short3, Float.NaN);
        float[] xBefore = x.clone();
        float[] gBefore = g.clone();
        assertThrows(type, call);
        for (float v : out) assertArrayEquals(new int[] {Float.floatToRawIntBits(Float.NaN)}, new int[] {Float.floatToRawIntBits(v)});
        for (float v : short3) assertArrayEquals(new int[] {Float.floatToRawIntBits(Float.NaN)}, new int[] {Float.floatToRawIntBits(v)});
        assertArrayEquals(xBefore, x);
        assertArrayEquals(gBefore, g);
    }

    interface Fwd { void call(float[] a, float[] b); }
    interface FwdOff { void call(float[] a, int ao, float[] b, int bo, int len); }
    interface Bwd { void call(float[] a, float[] b, float[] c); }
    interface BwdOff { void call(float[] a, int ao, float[] b, int bo, float[] c, int co, int len); }

    private void forward(Fwd f, FwdOff o) {
        rejects(NullPointerException.class, () -> f.call(null, out));
        rejects(NullPointerException.class, () -> f.call(x, null));
        rejects(IllegalArgumentException.class, () -> f.call(x, short3));
        rejects(NullPointerException.class, () -> o.call(null, 0, out, 0, 1));
        rejects(NullPointerException.class, () -> o.call(x, 0, null, 0, 1));
        rejects(IllegalArgumentException.class, () -> o.call(x, 0, out, 0, -1));
        rejects(IndexOutOfBoundsException.class, () -> o.call(x, 1, out, 0, 4));
        rejects(IndexOutOfBoundsException.class, () -> o.call(x, 0, out, 2, 3));
        rejects(IndexOutOfBoundsException.class, () -> o.call(x, -1, out, 0, 1));
        rejects(IndexOutOfBoundsException.class, () -> o.call(x, 0, short3, 0, 4));
    }

    private void backward(Bwd f, BwdOff o) {
        rejects(NullPointerException.class, () -> f.call(null, g, out));
        rejects(NullPointerException.class, () -> f.call(x, null, out));
        rejects(NullPointerException.class, () -> f.call(x, g, null));
        rejects(IllegalArgumentException.class, () -> f.call(x, g, short3));
        rejects(IllegalArgumentException.class, () -> f.call(x, short3, out));
        rejects(IllegalArgumentException.class, () -> f.call(short3, g, out));
        rejects(NullPointerException.class, () -> o.call(x, 0, g, 0, null, 0, 1));
        rejects(IllegalArgumentException.class, () -> o.call(x, 0, g, 0, out, 0, -1));
        rejects(IndexOutOfBoundsException.class, () -> o.call(x, 1, g, 0, out, 0, 4));
        rejects(IndexOutOfBoundsException.class, () -> o.call(x, 0, g, 1, out, 0, 4));
        rejects(IndexOutOfBoundsException.class, () -> o.call(x, 0, g, 0, out, 1, 4));
        rejects(IndexOutOfBoundsException.class, () -> o.call(x, 0, g, 0, short3, 0, 4));
        rejects(IndexOutOfBoundsException.class, () -> o.call(x, 0, g, -2, out, 0, 1));
    }

    @Test
    void forwardKernelsRejectBadArrays() {
        forward(Activations::relu, Activations::relu);
        forward((a, b) -> Activations.leakyRelu(a, b, 0.01f), (a, ao, b, bo, n) -> Activations.leakyRelu(a, ao, b, bo, n, 0.01f));
        forward(Activations::gelu, Activations::gelu);
        forward(Activations::geluTanh, Activations::geluTanh);
        forward(Activations::silu, Activations::silu);
        forward(Activations::softplus, Activations::softplus);
        forward((a, b) -> Activations.softplus(a, b, 2f, 10f), (a, ao, b, bo, n) -> Activations.softplus(a, ao, b, bo, n, 2f, 10f));
        forward(Activations::logSigmoid, Activations::logSigmoid);
    }

    @Test
    void backwardKernelsRejectBadArrays() {
        backward(Activations::sigmoidBackward, Activations::sigmoidBackward);
        backward(Activations::tanhBackward, Activations::tanhBackward);
        backward(Activations::reluBackward, Activations::reluBackward);
        backward((a, b, c) -> Activations.leakyReluBackward(a, b, c, 0.01f),
                (a, ao, b, bo, c, co, n) -> Activations.leakyReluBackward(a, ao, b, bo, c, co, n, 0.01f));
        backward(Activations::geluBackward, Activations::geluBackward);
        backward(Activations::geluTanhBackward, Activations::geluTanhBackward);
        backward(Activations::siluBackward, Activations::siluBackward);
        backward(Activations::softplusBackward, Activations::softplusBackward);
        backward((a, b, c) -> Activations.softplusBackward(a, b, c, 2f, 10f),
                (a, ao, b, bo, c, co, n) -> Activations.softplusBackward(a, ao, b, bo, c, co, n, 2f, 10f));
        backward(Activations::logSigmoidBackward, Activations::logSigmoidBackward);
    }

    @Test
    void badParametersAreRejected() {
        for (float alpha : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            rejects(IllegalArgumentException.class, () -> Activations.leakyRelu(x, out, alpha));
            rejects(IllegalArgumentException.class, () -> Activations.leakyRelu(x, 0, out, 0, 4, alpha));
            rejects(IllegalArgumentException.class, () -> Activations.leakyReluBackward(x, g, out, alpha));
            rejects(IllegalArgumentException.class, () -> Activations.leakyReluBackward(x, 0, g, 0, out, 0, 4, alpha));
        }
        for (float beta : new float[] {0f, -0f, -1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            rejects(IllegalArgumentException.class, () -> Activations.softplus(x, out, beta, 20f));
            rejects(IllegalArgumentException.class, () -> Activations.softplus(x, 0, out, 0, 4, beta, 20f));
            rejects(IllegalArgumentException.class, () -> Activations.softplusBackward(x, g, out, beta, 20f));
            rejects(IllegalArgumentException.class, () -> Activations.softplusBackward(x, 0, g, 0, out, 0, 4, beta, 20f));
        }
        rejects(IllegalArgumentException.class, () -> Activations.softplus(x, out, 1f, Float.NaN));
        rejects(IllegalArgumentException.class, () -> Activations.softplusBackward(x, 0, g, 0, out, 0, 4, 1f, Float.NaN));
    }
}
