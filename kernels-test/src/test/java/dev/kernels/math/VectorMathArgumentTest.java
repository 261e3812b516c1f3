package dev.kernels.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kernels.VectorMath;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bad arguments throw before anything is written. */
class VectorMathArgumentTest {
    interface Whole {
        void apply(float[] x, float[] y);
    }

    interface Ranged {
        void apply(float[] x, int xOff, float[] y, int yOff, int len);
    }

    record Entry(String name, Whole whole, Ranged ranged) {}

    static final List<Entry> ALL = List.of(
            new Entry("exp", VectorMath::exp, VectorMath::exp),
            new Entry("expm1", VectorMath::expm1, VectorMath::expm1),
            new Entry("log", VectorMath::log, VectorMath::log),
            new Entry("log1p", VectorMath::log1p, VectorMath::log1p),
            new Entry("sigmoid", VectorMath::sigmoid, VectorMath::sigmoid),
            new Entry("tanh", VectorMath::tanh, VectorMath::tanh),
            new Entry("erf", VectorMath::erf, VectorMath::erf));

    private static void untouched(Class<? extends Throwable> type, float[] y, Consumer<float[]> call) {
        float[] before = y.clone();
        assertThrows(type, () -> call.accept(y));
        assertArrayEquals(before, y);
    }

    @Test
    void rejectsBadArgumentsBeforeWriting() {
        float[] x = new float[10];
        for (Entry e : ALL) {
            float[] y = new float[10];
            java.util.Arrays.fill(y, 7f);
            assertThrows(NullPointerException.class, () -> e.whole().apply(null, y));
            assertThrows(NullPointerException.class, () -> e.whole().apply(x, null));
            untouched(IllegalArgumentException.class, new float[] {7, 7, 7}, out -> e.whole().apply(x, out));
            untouched(IllegalArgumentException.class, new float[11], out -> e.whole().apply(x, out));
            untouched(NullPointerException.class, y, out -> e.ranged().apply(null, 0, out, 0, 1));
            assertThrows(NullPointerException.class, () -> e.ranged().apply(x, 0, null, 0, 1));
            untouched(IllegalArgumentException.class, y, out -> e.ranged().apply(x, 0, out, 0, -1));
            untouched(IndexOutOfBoundsException.class, y, out -> e.ranged().apply(x, -1, out, 0, 1));
            untouched(IndexOutOfBoundsException.class, y, out -> e.ranged().apply(x, 0, out, -1, 1));
            untouched(IndexOutOfBoundsException.class, y, out -> e.ranged().apply(x, 5, out, 0, 6));
            untouched(IndexOutOfBoundsException.class, y, out -> e.ranged().apply(x, 0, out, 5, 6));
            untouched(IndexOutOfBoundsException.class, y, out -> e.ranged().apply(x, 11, out, 0, 0));
            untouched(IndexOutOfBoundsException.class, y, out -> e.ranged().apply(x, Integer.MAX_VALUE, out, 0, 2));
            // empty ranges at the very end are fine
            e.ranged().apply(x, 10, y, 10, 0);
        }
    }
}
