package dev.kernels;

import dev.kernels.internal.KernelProvider;

/**
 * Which implementation the kernels run on in this JVM. The choice is made once, on first use of any kernel.
 *
 * <pre>{@code
 * KernelInfo.implementation();   // "vector" or "scalar"
 * KernelInfo.vectorBitSize();    // 128, 256 or 512; 0 on the scalar path
 * }</pre>
 */
public final class KernelInfo {
    private KernelInfo() {}

    /** {@code "vector"} (Panama, jdk.incubator.vector) or {@code "scalar"}. Both give bit-identical results. */
    public static String implementation() {
        return KernelProvider.selection().vector() ? "vector" : "scalar";
    }

    /** Width of the float species the vector path uses, or 0 on the scalar path. */
    public static int vectorBitSize() {
        return KernelProvider.selection().vector() ? KernelProvider.selection().vectorBits() : 0;
    }

    /** Float lanes per vector (1 on the scalar path). */
    public static int floatLanes() {
        return KernelProvider.selection().floatLanes();
    }

    /** One line: implementation, width and the reason for the choice. */
    public static String describe() {
        var s = KernelProvider.selection();
        return implementation() + (s.vector() ? " " + s.vectorBits() + "-bit" : "") + " (" + s.reason() + ")";
    }
}
