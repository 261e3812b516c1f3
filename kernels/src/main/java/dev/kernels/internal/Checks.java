package dev.kernels.internal;

import java.util.Objects;

/** Argument checks of the facades: every check runs before anything is written. */
public final class Checks {
    private Checks() {}

    public static void sameLength(float[] x, String xName, float[] y, String yName) {
        Objects.requireNonNull(x, xName);
        Objects.requireNonNull(y, yName);
        if (x.length != y.length) {
            throw new IllegalArgumentException(xName + ".length (" + x.length + ") != " + yName + ".length (" + y.length + ")");
        }
    }

    public static void range(float[] a, String name, int off, int len) {
        Objects.requireNonNull(a, name);
        if (len < 0) throw new IllegalArgumentException("len must be >= 0, got " + len);
        if (off < 0 || off > a.length - len) {
            throw new IndexOutOfBoundsException(name + ": offset " + off + " + length " + len
                    + " is out of bounds for array length " + a.length);
        }
    }
}
