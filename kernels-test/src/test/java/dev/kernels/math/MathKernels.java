package dev.kernels.math;

import dev.kernels.VectorMath;
import dev.kernels.internal.KernelProvider;
import dev.kernels.internal.ScalarVectorMath;
import dev.kernels.internal.VectorMathSupport;
import dev.kernels.test.Oracle;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** The seven element-wise kernels as (name, active implementation, scalar twin, oracle, bound) rows for the tests. */
record MathKernels(String name, ArrayKernel active, ArrayKernel scalar, DoubleUnaryOperator oracle, float maxUlp) {

    interface ArrayKernel {
        void apply(float[] x, int xOff, float[] y, int yOff, int len);
    }

    static List<MathKernels> all() {
        VectorMathSupport v = KernelProvider.vectorMath();
        VectorMathSupport s = new ScalarVectorMath();
        return List.of(
                new MathKernels("exp", v::exp, s::exp, Oracle::exp, VectorMath.MAX_ULP_EXP),
                new MathKernels("expm1", v::expm1, s::expm1, Oracle::expm1, VectorMath.MAX_ULP_EXPM1),
                new MathKernels("log", v::log, s::log, Oracle::log, VectorMath.MAX_ULP_LOG),
                new MathKernels("log1p", v::log1p, s::log1p, Oracle::log1p, VectorMath.MAX_ULP_LOG1P),
                new MathKernels("sigmoid", v::sigmoid, s::sigmoid, Oracle::sigmoid, VectorMath.MAX_ULP_SIGMOID),
                new MathKernels("tanh", v::tanh, s::tanh, Oracle::tanh, VectorMath.MAX_ULP_TANH),
                new MathKernels("erf", v::erf, s::erf, Oracle::erf, VectorMath.MAX_ULP_ERF));
    }

    @Override
    public String toString() {
        return name;
    }
}
