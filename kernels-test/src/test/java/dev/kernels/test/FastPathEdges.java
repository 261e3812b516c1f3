package dev.kernels.test;

/**
 * Inputs around the ends of every whole-vector fast path, each repeated over a whole vector. An exhaustive sweep in
 * input order puts the floats within a vector length of a fast-range end into a vector that straddles it, so they run
 * the general body there (and beside NaN lanes too): these uniform vectors run the fast path on each of them that lies
 * inside its kernel's range, and the general body on each that lies outside.
 */
public final class FastPathEdges {
    private FastPathEdges() {
    }

    /**
     * The magnitudes where some kernel's fast-path test changes (both signs are taken): 2^-30 (tiny x passed through),
     * the normal minimum and the largest finite float (to subnormals, inf and NaN), 1 (log1p's x &gt; -1), 16.9 and 88
     * (expm1), x where exp's n leaves [-125, 127] and 88 (its subnormal form), 104 (exp's clamp), 40 (sigmoid, silu),
     * 20 (the sigmoid-family backward kernels), 9.5 and 11.5 (geluTanh), 130 (silu's clamp), 2^-64 and 2^32
     * (sigmoidBackward's saved output), and 2^-20, 2^29, 2^37 (the backward kernels' gradOut bounds); and ends of
     * branches inside the bodies: 64 (siluBackward's scale guard), 87 (softplus and logSigmoid's subnormal e), 2 and 3
     * (the softplus thresholds of the test rows), 2^40 (sigmoidBackward's gradOut split).
     */
    public static final float[] MAGNITUDES = {0x1p-30f, Float.MIN_NORMAL, Float.MAX_VALUE, 1f, 16.9f, 88f,
        (float) (-125.5 * Math.log(2)), (float) (127.5 * Math.log(2)), 104f, 40f, 20f, 9.5f, 11.5f, 130f, 0x1p-64f,
        0x1p32f, 0x1p-20f, 0x1p29f, 0x1p37f, 64f, 87f, 2f, 3f, 0x1p40f};

    /**
     * Every float whose bits lie within {@code reach} of those of +-m for each m in magnitudes (crossing into inf and
     * NaN patterns above the largest finite float), each repeated {@code lanes} times in a row.
     */
    public static float[] uniformVectors(float[] magnitudes, int reach, int lanes) {
        int per = 2 * reach + 1;
        float[] x = new float[magnitudes.length * 2 * per * lanes];
        int at = 0;
        for (float m : magnitudes) {
            for (float signed : new float[] {Math.abs(m), -Math.abs(m)}) {
                int bits = Float.floatToRawIntBits(signed);
                for (int d = -reach; d <= reach; d++) {
                    java.util.Arrays.fill(x, at, at + lanes, Float.intBitsToFloat(bits + d));
                    at += lanes;
                }
            }
        }
        return x;
    }
}
