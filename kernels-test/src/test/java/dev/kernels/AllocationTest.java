package dev.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steady-state allocation of the public kernels, all run one after the other in one child JVM with the JIT users run
 * (tiered; this fork's -Xbatch -XX:-TieredCompilation is dropped, its width and implementation flags kept), measured
 * with the thread's allocated-bytes counter ({@link AllocationMain}). One JVM for all kernels is the case that matters:
 * with a half-width float species in use, the JDK's shared FloatVector call sites turned bimorphic and C2 boxed vectors
 * in 9 of 33 kernels (0.5-5.7 KB per call), though each kernel alone allocated nothing. The shapes make the last vector
 * of the last row reach past the array end (cols = 37, arrays exactly rows x cols): a masked load or store there leaves
 * the JDK's intrinsic and allocated 64 B per call before the kernels staged it; at 128 bits the 2-lane binary64 masks
 * and rearranges did not compile at all (28-86 KB per call, see PanamaSpecies.D_MASKS). A kernel passes when one round
 * of calls allocates nothing; one that allocates on every call fails every round.
 *
 * <p>The child runs four times ({@link #childFlags}): with background compilation (as users run), with -Xbatch (each
 * compile finishes before the caller goes on), with -XX:-TieredCompilation -Xbatch (C2 only), and on edge inputs with
 * -Xbatch. -Xbatch is the compile order a
 * loaded machine drifts towards, made deterministic: one CI run in four once failed here with logSigmoid and
 * geluBackward boxing a vector (880 B per call, for the JVM's lifetime), and -Xbatch reproduced it every time until
 * the binary64 kernels hoisted their constant broadcasts above the loop. C2 alone makes the non-tiered JIT's
 * failures (BCE and log1p before their fixes, at times softplus or logSigmoid, with background compiles) deterministic.
 */
class AllocationTest {
    static final String[] KERNELS = {"softmax", "logSoftmax", "logSumExp", "softmaxBackward", "logSoftmaxBackward",
            "logSoftmaxBackwardWide", "crossEntropy", "crossEntropyWeightedSum", "crossEntropySmoothed", "crossEntropySoft", "bce", "bceLossOnly", "bcePosWeight",
            "exp", "log", "expm1", "log1p", "sigmoid", "tanh", "erf",
            "relu", "leakyRelu", "gelu", "geluTanh", "silu", "softplus", "logSigmoid",
            "sigmoidBackward", "tanhBackward", "reluBackward", "leakyReluBackward", "geluBackward", "geluTanhBackward",
            "siluBackward", "softplusBackward", "softplusBackwardUnitBeta", "logSigmoidBackward"};

    /**
     * The child JVM's extra flags, one test each:
     * <ul>
     * <li>none: background compiles, as users run;
     * <li>-Xbatch: synchronous compiles;
     * <li>-XX:-TieredCompilation -Xbatch: C2 alone (no C1 tier; profiles from the interpreter, InlineSmallCode 1000
     * instead of 2500), synchronously: where BCE boxed vectors on every call (2.0-2.6 KB) until its loss pass was
     * split by halves, and log1p (1760 B at 512 bits, 2208 B at 256) until it moved from binary64 halves to binary32;
     * <li>-Xbatch -Dallocation.edge=true: edge inputs in every third block of 16 ({@link AllocationMain#edgeValue}:
     * results subnormal or saturated, subnormal, tiny and huge x, +-inf, NaN; tiny, huge and zero gradOut), so the
     * subnormal-result, clamp, special-value and scaled forms compile and run beside the ordinary ones; 0 B in 25 of
     * 25 JVMs at 512, 256, 128 bits and UseAVX=2. Not with background compiles: there geluTanh boxed vectors in 3 of
     * 48 JVMs (480-720 B per call, the rest 0), so such a test would fail one CI run in a few. Not with C2 alone:
     * there bcePosWeight (3.6-5.2 KB per call, -Xbatch only), geluTanh and silu (240-384 B) box on such inputs at
     * every width, from profiles the interpreter gathered in the shared Vector API methods while the kernels before
     * them ran (which ones allocate moves with any change to those kernels; see the README).
     * </ul>
     */
    static Stream<Arguments> childFlags() {
        return Stream.of(
                Arguments.of(List.of()),
                Arguments.of(List.of("-Xbatch")),
                Arguments.of(List.of("-XX:-TieredCompilation", "-Xbatch")),
                Arguments.of(List.of("-Xbatch", "-Dallocation.edge=true")));
    }

    @ParameterizedTest
    @MethodSource("childFlags")
    void everyKernelAllocatesNothingPerCall(List<String> extraFlags) throws Exception {
        assertAllocatesNothing(extraFlags);
    }

    private static void assertAllocatesNothing(List<String> extraFlags) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:MaxVectorSize") || a.startsWith("-Ddev.kernels.") || a.startsWith("-XX:UseAVX")) {
                cmd.add(a);
            }
        }
        cmd.addAll(extraFlags);
        cmd.add("--add-modules=jdk.incubator.vector");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), AllocationMain.class.getName()));
        // all kernels in one JVM, one after the other, as a training step calls them: each kernel is compiled after
        // the others have run, with the JDK's shared Vector API call sites profiled by all of them
        cmd.addAll(List.of(KERNELS));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertEquals(KERNELS.length, lines.size(), out);
        List<String> allocating = new ArrayList<>();
        for (int k = 0; k < KERNELS.length; k++) {
            String line = lines.get(k);
            assertTrue(line.startsWith(KERNELS[k] + " "), line);
            if (!line.split(" ")[1].equals("0")) allocating.add(line);
        }
        assertTrue(allocating.isEmpty(), "child flags " + extraFlags + ": bytes allocated per round of "
                + AllocationMain.CALLS_PER_ROUND + " calls (kernel, last round, all rounds):\n"
                + String.join("\n", allocating));
    }
}
