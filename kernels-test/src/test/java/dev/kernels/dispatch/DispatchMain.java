package dev.kernels.dispatch;

import dev.kernels.KernelInfo;
import dev.kernels.VectorMath;

/** Run in a child JVM by {@link DispatchTest}: computes exp on 100 inputs and prints the implementation and a checksum. */
public final class DispatchMain {
    private DispatchMain() {}

    public static void main(String[] args) {
        float[] x = new float[100];
        for (int i = 0; i < x.length; i++) x[i] = (i - 50) * 0.37f;
        float[] y = new float[100];
        VectorMath.exp(x, y);
        long h = 0;
        for (float v : y) h = h * 31 + Float.floatToIntBits(v);
        System.out.println(KernelInfo.implementation() + " " + KernelInfo.vectorBitSize() + " " + h);
    }
}
