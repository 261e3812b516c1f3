package dev.kernels.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species every Panama kernel is written against, fixed once per JVM: the preferred float species, capped by
 * {@code -Ddev.kernels.maxVectorBits}. Static finals, so C2 folds them into constants. Only loaded after
 * {@link KernelProvider} has checked that the incubator module is readable.
 */
final class PanamaSpecies {
    private PanamaSpecies() {}

    static final int BITS = chooseBits();
    /** Float lanes of the widest vector. */
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED.vectorBitSize() == BITS
            ? FloatVector.SPECIES_PREFERRED : VectorSpecies.of(float.class, VectorShape.forBitSize(BITS));
    /** Int lanes of the widest vector (exponent arithmetic of the float kernels). */
    static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, VectorShape.forBitSize(BITS));
    /** Double lanes of the widest vector, for kernels evaluated in binary64. */
    static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorShape.forBitSize(BITS));
    // No half-width float species: binary64 kernels widen the two halves of an F vector (F2D part 0 and 1). Two float
    // shapes in one JVM make the JDK's shared FloatVector call sites bimorphic, and C2 then boxes vectors (measured:
    // up to 5.7 KB allocated per 185-element call once every kernel had run in the same JVM).
    /**
     * Whether C2 compiles compares and blends of {@link #D} vectors. On x86 with 2 lanes (128-bit vectors) it does
     * not: the stored form of such a mask is 2 bytes, under the smallest x86 vector, so every op of the kernel falls
     * back to Java (measured with -XX:MaxVectorSize=16: 28-86 KB allocated per 185-element call). aarch64 NEON
     * compiles them (0 B per call under qemu -cpu neoverse-n1). Kernels that need D masks run their scalar twin (the
     * same bits) when this is false.
     */
    static final boolean D_MASKS = D.length() > 2 || "aarch64".equals(System.getProperty("os.arch"));

    private static int chooseBits() {
        int preferred = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        String cap = System.getProperty(KernelProvider.MAX_BITS_PROPERTY);
        if (cap == null || cap.isBlank()) return preferred;
        int max;
        try {
            max = Integer.parseInt(cap.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + KernelProvider.MAX_BITS_PROPERTY + " must be 128, 256 or 512, got " + cap);
        }
        if (max != 128 && max != 256 && max != 512) {
            throw new IllegalArgumentException("-D" + KernelProvider.MAX_BITS_PROPERTY + " must be 128, 256 or 512, got " + cap);
        }
        return Math.min(preferred, max);
    }
}
