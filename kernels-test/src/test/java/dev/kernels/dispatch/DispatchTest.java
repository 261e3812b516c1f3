package dev.kernels.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runtime dispatch, each case in its own child JVM (the choice is made once per JVM): without the incubator module
 * the library still works on the scalar path with exactly one warning line naming the fix; the system properties
 * force a path or cap the width; C2 off means scalar. Every path gives the same bits.
 */
class DispatchTest {
    record Run(int exit, String out, List<String> errLines) {}

    static Run run(String... jvmArgs) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DispatchMain.class.getName()));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<String> lines = err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
        return new Run(p.exitValue(), out, lines);
    }

    static String checksum(Run r) {
        return r.out().substring(r.out().lastIndexOf(' ') + 1);
    }

    @Test
    void withoutTheModuleTheScalarPathRunsWithOneWarningLine() throws Exception {
        Run vector = run("--add-modules", "jdk.incubator.vector");
        assertEquals(0, vector.exit(), vector.errLines().toString());
        assertTrue(vector.out().startsWith("vector "), vector.out());
        assertTrue(vector.errLines().isEmpty(), vector.errLines().toString());

        Run plain = run();
        assertEquals(0, plain.exit(), plain.errLines().toString());
        assertTrue(plain.out().startsWith("scalar 0 "), plain.out());
        assertEquals(1, plain.errLines().size(), plain.errLines().toString());
        String warning = plain.errLines().get(0);
        assertTrue(warning.startsWith("WARNING: dev.kernels") && warning.contains("--add-modules jdk.incubator.vector"), warning);
        assertEquals(checksum(vector), checksum(plain), "scalar and vector bits differ");
    }

    @Test
    void propertiesForceThePathAndCapTheWidth() throws Exception {
        Run scalar = run("--add-modules", "jdk.incubator.vector", "-Ddev.kernels.impl=scalar");
        assertEquals(0, scalar.exit());
        assertTrue(scalar.out().startsWith("scalar 0 "), scalar.out());
        assertTrue(scalar.errLines().isEmpty(), "a forced scalar path is not a warning: " + scalar.errLines());

        Run capped = run("--add-modules", "jdk.incubator.vector", "-Ddev.kernels.maxVectorBits=128");
        assertEquals(0, capped.exit());
        assertTrue(capped.out().startsWith("vector 128 "), capped.out());
        assertEquals(checksum(scalar), checksum(capped));

        Run impossible = run("-Ddev.kernels.impl=vector");
        assertNotEquals(0, impossible.exit(), "forcing the vector path without the module must fail loudly");
        assertTrue(String.join("\n", impossible.errLines()).contains("dev.kernels.impl=vector"), impossible.errLines().toString());

        Run badBits = run("--add-modules", "jdk.incubator.vector", "-Ddev.kernels.maxVectorBits=100");
        assertNotEquals(0, badBits.exit());
        assertTrue(String.join("\n", badBits.errLines()).contains("128, 256 or 512"), badBits.errLines().toString());

        Run badImpl = run("-Ddev.kernels.impl=gpu");
        assertNotEquals(0, badImpl.exit());
    }

    @Test
    void withoutC2TheScalarPathRuns() throws Exception {
        Run c1 = run("--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1");
        assertEquals(0, c1.exit());
        assertTrue(c1.out().startsWith("scalar 0 "), c1.out());
        assertEquals(1, c1.errLines().size(), c1.errLines().toString());
        assertTrue(c1.errLines().get(0).contains("C2"), c1.errLines().get(0));
    }
}
