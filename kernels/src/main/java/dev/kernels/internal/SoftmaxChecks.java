package dev.kernels.internal;

import java.util.Objects;

/** Argument checks of {@code Softmax} and {@code Losses}: all run before anything is written. */
public final class SoftmaxChecks {
    private SoftmaxChecks() {}

    public static void shape(int rows, int cols) {
        if (rows < 0) throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        if (cols < 1) throw new IllegalArgumentException("cols must be >= 1, got " + cols);
    }

    /** A [rows x cols] matrix at off with row stride &ge; cols lies inside a. */
    public static void matrix(float[] a, String name, int off, int stride, int rows, int cols) {
        Objects.requireNonNull(a, name);
        if (stride < cols) throw new IllegalArgumentException(name + ": row stride " + stride + " < cols " + cols);
        if (off < 0) throw new IndexOutOfBoundsException(name + ": negative offset " + off);
        if (rows == 0) return;
        long end = (long) off + (long) (rows - 1) * stride + cols;
        if (end > a.length) {
            throw new IndexOutOfBoundsException(name + ": offset " + off + " + (" + rows + " - 1) * stride " + stride
                    + " + cols " + cols + " = " + end + " exceeds array length " + a.length);
        }
    }

    public static void exactLength(float[] a, String name, long expected) {
        Objects.requireNonNull(a, name);
        if (a.length != expected) {
            throw new IllegalArgumentException(name + ".length is " + a.length + ", expected " + expected);
        }
    }

    public static void range(float[] a, String name, int off, long len) {
        Objects.requireNonNull(a, name);
        if (off < 0 || off + len > a.length) {
            throw new IndexOutOfBoundsException(name + ": offset " + off + " + length " + len
                    + " is out of bounds for array length " + a.length);
        }
    }

    /** Every weight finite and &ge; 0. */
    public static void weights(float[] w, String name, int off, int len) {
        for (int i = 0; i < len; i++) {
            float v = w[off + i];
            if (!(v >= 0f) || v == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + (off + i) + "] = " + v + ": weights must be finite and >= 0");
            }
        }
    }

    public static void smoothing(float eps) {
        if (!(eps >= 0f && eps <= 1f)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1], got " + eps);
        }
    }
}
