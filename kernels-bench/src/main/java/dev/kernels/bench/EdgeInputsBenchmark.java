package dev.kernels.bench;

import dev.kernels.Activations;
import dev.kernels.VectorMath;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Slow-path scan: each element-wise kernel on 4096 floats drawn from ordinary and from edge distributions, library
 * only. Divide a kernel's score on an edge distribution by its score on {@code normal3} from the same run: a ratio far
 * above 1-2 is a slow path (on x86, usually a microcode assist for a subnormal operand or result). Distributions of x:
 * normal3 N(0, 3); tiny |x| = 2^u, u uniform in [-126, -26]; subnormal x; large |x| uniform in [80, 140] (exp^-|x|
 * near and below the subnormal range); huge |x| = 2^u, u uniform in [20, 127]; special N(0, 3) with one element in
 * eight NaN, +inf or -inf. Signs are random; gradOut is N(0, 1). sigmoidBackward and tanhBackward read the saved
 * output y = sigmoid(x) / tanh(x) of x drawn so (sigmoid(x) is subnormal for x in [-104, -87]: "large").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class EdgeInputsBenchmark {
    private static final int SIZE = 4096;

    @Param({"exp", "expm1", "log1p", "sigmoid", "tanh", "erf", "gelu", "geluTanh", "silu", "softplus", "logSigmoid",
            "geluBackward", "geluTanhBackward", "siluBackward", "softplusBackward", "logSigmoidBackward",
            "sigmoidBackward", "tanhBackward"})
    public String kernel;

    @Param({"normal3", "tiny", "subnormal", "large", "huge", "special"})
    public String dist;

    public float[] x;
    public float[] gradOut;
    public float[] y;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        Random g = new Random(43);
        x = new float[SIZE];
        gradOut = new float[SIZE];
        y = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            x[i] = sample(r);
            gradOut[i] = (float) g.nextGaussian();
            if (kernel.equals("sigmoidBackward")) x[i] = (float) (1 / (1 + Math.exp(-x[i])));
            if (kernel.equals("tanhBackward")) x[i] = (float) Math.tanh(x[i]);
        }
    }

    private float sample(Random r) {
        float sign = r.nextBoolean() ? 1f : -1f;
        return switch (dist) {
            case "normal3" -> (float) (3 * r.nextGaussian());
            case "tiny" -> sign * (float) Math.pow(2, -126 + 100 * r.nextDouble());
            case "subnormal" -> UnaryBenchmarkBase.subnormal(r);
            case "large" -> sign * (float) (80 + 60 * r.nextDouble());
            case "huge" -> sign * (float) Math.pow(2, 20 + 107 * r.nextDouble());
            case "special" -> switch (r.nextInt(24)) {
                case 0 -> Float.NaN;
                case 1 -> Float.POSITIVE_INFINITY;
                case 2 -> Float.NEGATIVE_INFINITY;
                default -> (float) (3 * r.nextGaussian());
            };
            default -> throw new IllegalArgumentException(dist);
        };
    }

    @Benchmark
    public float[] library() {
        switch (kernel) {
            case "exp" -> VectorMath.exp(x, y);
            case "expm1" -> VectorMath.expm1(x, y);
            case "log1p" -> VectorMath.log1p(x, y);
            case "sigmoid" -> VectorMath.sigmoid(x, y);
            case "tanh" -> VectorMath.tanh(x, y);
            case "erf" -> VectorMath.erf(x, y);
            case "gelu" -> Activations.gelu(x, y);
            case "geluTanh" -> Activations.geluTanh(x, y);
            case "silu" -> Activations.silu(x, y);
            case "softplus" -> Activations.softplus(x, y);
            case "logSigmoid" -> Activations.logSigmoid(x, y);
            case "geluBackward" -> Activations.geluBackward(x, gradOut, y);
            case "geluTanhBackward" -> Activations.geluTanhBackward(x, gradOut, y);
            case "siluBackward" -> Activations.siluBackward(x, gradOut, y);
            case "softplusBackward" -> Activations.softplusBackward(x, gradOut, y);
            case "logSigmoidBackward" -> Activations.logSigmoidBackward(x, gradOut, y);
            case "sigmoidBackward" -> Activations.sigmoidBackward(x, gradOut, y);
            case "tanhBackward" -> Activations.tanhBackward(x, gradOut, y);
            default -> throw new IllegalArgumentException(kernel);
        }
        return y;
    }
}
