package dev.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Steady-state allocation of the public kernels, each in a child JVM with the JIT users run (tiered; this fork's
 * -Xbatch -XX:-TieredCompilation is dropped, its width and implementation flags kept), measured with the thread's
 * allocated-bytes counter ({@link AllocationMain}). The shapes make the last vector of the last row reach past the
 * array end (cols = 37, arrays exactly rows x cols): a masked load or store there leaves the JDK's intrinsic and
 * allocated 64 B per call before the kernels staged it; at 128 bits the 2-lane binary64 masks and rearranges did not
 * compile at all (28-86 KB per call, see PanamaSpecies.D_MASKS). A kernel passes when one round of calls allocates
 * nothing; one that allocates on every call fails every round.
 */
class AllocationTest {
    static final String[] KERNELS = {"softmax", "logSoftmax", "logSumExp", "softmaxBackward", "logSoftmaxBackward",
            "crossEntropy", "crossEntropySmoothed", "crossEntropySoft", "bce", "bcePosWeight",
            "exp", "log", "expm1", "log1p", "sigmoid", "tanh", "erf",
            "relu", "leakyRelu", "gelu", "geluTanh", "silu", "softplus", "logSigmoid",
            "sigmoidBackward", "tanhBackward", "reluBackward", "leakyReluBackward", "geluBackward", "geluTanhBackward",
            "siluBackward", "softplusBackward", "logSigmoidBackward"};

    @Test
    void everyKernelAllocatesNothingPerCallOnceCompiled() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> base = new ArrayList<>(List.of(java));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:MaxVectorSize") || a.startsWith("-Ddev.kernels.") || a.startsWith("-XX:UseAVX")) {
                base.add(a);
            }
        }
        base.add("--add-modules=jdk.incubator.vector");
        base.addAll(List.of("-cp", System.getProperty("java.class.path"), AllocationMain.class.getName()));
        List<String> allocating = new ArrayList<>();
        // one JVM per kernel: in a JVM that has run other kernels first, C2 sometimes leaves a Vector API
        // reinterpret unintrinsified (its target species is then no constant) and boxes; see the note in AllocationMain
        for (String kernel : KERNELS) {
            List<String> cmd = new ArrayList<>(base);
            cmd.add(kernel);
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), kernel + ": child JVM did not finish");
            assertEquals(0, p.exitValue(), kernel + ": " + out);
            assertTrue(out.startsWith(kernel + " "), out);
            if (!out.split(" ")[1].equals("0")) allocating.add(out);
        }
        assertTrue(allocating.isEmpty(), "bytes allocated per round of " + AllocationMain.CALLS_PER_ROUND
                + " calls (kernel, last round, all rounds):\n" + String.join("\n", allocating));
    }
}
