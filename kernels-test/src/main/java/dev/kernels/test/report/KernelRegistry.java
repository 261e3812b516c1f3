package dev.kernels.test.report;

import dev.kernels.VectorMath;
import dev.kernels.test.Oracle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Every kernel the ULP report knows, by public method name, in report order. */
public final class KernelRegistry {
    private KernelRegistry() {}

    interface ArrayKernel {
        void apply(float[] x, int xOff, float[] y, int yOff, int len);
    }

    /** A unary element-wise kernel with a binary64 oracle. */
    public static SweepKernel unary(String name, double bound, ArrayKernel kernel, DoubleUnaryOperator exact) {
        return new SweepKernel() {
            @Override public String name() { return name; }
            @Override public double bound() { return bound; }
            @Override public void compute(int pass, float[] x, float[] y, int n) { kernel.apply(x, 0, y, 0, n); }
            @Override public double exact(int pass, float x) { return exact.applyAsDouble(x); }
        };
    }

    public static List<SweepKernel> all() {
        List<SweepKernel> k = new ArrayList<>();
        k.add(unary("exp", VectorMath.MAX_ULP_EXP, VectorMath::exp, Oracle::exp));
        k.add(unary("expm1", VectorMath.MAX_ULP_EXPM1, VectorMath::expm1, Oracle::expm1));
        k.add(unary("log", VectorMath.MAX_ULP_LOG, VectorMath::log, Oracle::log));
        k.add(unary("log1p", VectorMath.MAX_ULP_LOG1P, VectorMath::log1p, Oracle::log1p));
        k.add(unary("sigmoid", VectorMath.MAX_ULP_SIGMOID, VectorMath::sigmoid, Oracle::sigmoid));
        k.add(unary("tanh", VectorMath.MAX_ULP_TANH, VectorMath::tanh, Oracle::tanh));
        k.add(unary("erf", VectorMath.MAX_ULP_ERF, VectorMath::erf, Oracle::erf));
        // activation kernels (issue 3) register here
        return k;
    }

    public static Map<String, SweepKernel> byName() {
        Map<String, SweepKernel> m = new LinkedHashMap<>();
        for (SweepKernel k : all()) m.put(k.name(), k);
        return m;
    }
}
