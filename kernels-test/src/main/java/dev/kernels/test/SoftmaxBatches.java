package dev.kernels.test;

import java.util.Random;

/** Seeded input batches of the softmax / loss tests and of the accuracy report. */
public final class SoftmaxBatches {
    private SoftmaxBatches() {}

    /** The distributions of issue 4, by name. */
    public static final String[] DISTRIBUTIONS = {"normal1", "normal3", "normal30", "ties", "dominant", "dominant30", "masked", "isolated"};

    public static float[] normal(Random r, int n, double sd) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * sd);
        return x;
    }

    /** Seeded batch generators by name: normal1, normal3, normal30, ties, dominant, masked, isolated (and tiny). */
    public static float[] batch(String dist, Random r, int rows, int cols) {
        float[] x;
        switch (dist) {
            case "normal1" -> x = normal(r, rows * cols, 1);
            case "normal3" -> x = normal(r, rows * cols, 3);
            case "normal30" -> x = normal(r, rows * cols, 30);
            case "ties" -> {
                // near-ties: values within a few ulps of each other around a random level
                x = new float[rows * cols];
                for (int i = 0; i < x.length; i++) {
                    float base = 1.5f + (i / cols) * 0.25f;
                    int k = r.nextInt(5) - 2;
                    float v = base;
                    for (int s = 0; s < Math.abs(k); s++) v = k > 0 ? Math.nextUp(v) : Math.nextDown(v);
                    x[i] = v;
                }
            }
            case "dominant" -> {
                x = normal(r, rows * cols, 1);
                for (int row = 0; row < rows; row++) x[row * cols + r.nextInt(cols)] += 1e4f;
            }
            case "dominant30" -> {
                // a leader 25..60 above the rest: the other log-probabilities are near 0 only through log1p
                x = normal(r, rows * cols, 3);
                for (int row = 0; row < rows; row++) x[row * cols + r.nextInt(cols)] += 25f + 35f * r.nextFloat();
            }
            case "masked" -> {
                x = normal(r, rows * cols, 3);
                for (int i = 0; i < x.length; i++) if (r.nextInt(3) == 0) x[i] = Float.NEGATIVE_INFINITY;
                for (int row = 0; row < rows; row++) x[row * cols + r.nextInt(cols)] = (float) r.nextGaussian();
            }
            case "isolated" -> {
                // a leader 88..128 above N(0, 1) logits: its log-probability -log1p(t) ~ -t is subnormal or rounds to
                // 0, and t gathers terms each below half the smallest subnormal (e^-104) that together count
                x = normal(r, rows * cols, 1);
                for (int row = 0; row < rows; row++) x[row * cols + r.nextInt(cols)] += 88f + 40f * r.nextFloat();
            }
            case "tiny" -> {
                // not in DISTRIBUTIONS (the report's batches): subnormal and tiny logits, zeros, and in every other
                // row one ordinary value below them, so the row max is tiny and x - max subnormal, zero or normal
                x = normal(r, rows * cols, 1e-40);
                for (int i = 0; i < x.length; i++) {
                    int k = r.nextInt(8);
                    if (k == 0) x[i] = 0f;
                    else if (k == 1) x[i] = (float) (r.nextGaussian() * 1e-35);
                    else if (k == 2) x[i] = Float.MIN_VALUE;
                }
                for (int row = 0; row < rows; row += 2) x[row * cols + r.nextInt(cols)] = -3f;
            }
            default -> throw new IllegalArgumentException(dist);
        }
        return x;
    }
}
