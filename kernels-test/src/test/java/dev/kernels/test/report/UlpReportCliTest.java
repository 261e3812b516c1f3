package dev.kernels.test.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UlpReportCliTest {
    @TempDir
    Path dir;

    private static int run(PrintStream out, String... args) throws Exception {
        return UlpReportCli.run(args, out, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportWritesJsonAndMarkdownAndCompareChecksThem() throws Exception {
        Path a = dir.resolve("a.json");
        Path md = dir.resolve("a.md");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int code = run(new PrintStream(text), "report", "--functions", "exp,tanh", "--samples", "200000", "--seed", "7",
                "--threads", "2", "--json", a.toString(), "--md", md.toString());
        assertEquals(0, code, text.toString());
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(a));
        Map<String, Object> machine = (Map<String, Object>) root.get("machine");
        for (String key : List.of("osArch", "cpuModel", "cpuId", "javaVersion", "implementation", "vectorBits", "jvmFlags")) {
            assertTrue(machine.containsKey(key), key);
        }
        List<Map<String, Object>> functions = (List<Map<String, Object>>) root.get("functions");
        assertEquals(2, functions.size());
        for (Map<String, Object> f : functions) {
            for (String key : List.of("name", "implementation", "vectorBits", "count", "maxUlp", "worstInput", "meanUlp",
                    "countAbove0_5", "countAbove1", "countAbove2", "specialMismatches", "digest")) {
                assertTrue(f.containsKey(key), key);
            }
            assertEquals(200000.0, f.get("count"));
            assertTrue(((Number) f.get("maxUlp")).doubleValue() <= 1.0);
            assertEquals(64, ((String) f.get("digest")).length());
        }
        assertTrue(Files.readString(md).contains("| exp |"));

        // the same run twice gives the same digests, whatever the thread count
        Path b = dir.resolve("b.json");
        assertEquals(0, run(new PrintStream(new ByteArrayOutputStream()), "report", "--functions", "exp,tanh",
                "--samples", "200000", "--seed", "7", "--threads", "1", "--json", b.toString()));
        ByteArrayOutputStream cmp = new ByteArrayOutputStream();
        assertEquals(0, run(new PrintStream(cmp), "compare", a.toString(), b.toString(), "--require-identical"), cmp.toString());

        // a less accurate B fails the comparison; a different digest fails only with --require-identical
        String worse = Files.readString(b).replaceFirst("\"maxUlp\": [0-9.Ee-]+", "\"maxUlp\": 3.5");
        Path w = dir.resolve("worse.json");
        Files.writeString(w, worse);
        assertEquals(1, run(new PrintStream(new ByteArrayOutputStream()), "compare", a.toString(), w.toString()));
        String other = Files.readString(b).replaceFirst("\"digest\": \"[0-9a-f]+\"", "\"digest\": \"00\"");
        Path o = dir.resolve("other.json");
        Files.writeString(o, other);
        assertEquals(0, run(new PrintStream(new ByteArrayOutputStream()), "compare", a.toString(), o.toString()));
        assertEquals(1, run(new PrintStream(new ByteArrayOutputStream()), "compare", a.toString(), o.toString(),
                "--require-identical"));
    }

    @Test
    void compareChecksTheBatchEntries() throws Exception {
        String entry = "{\"name\": \"softmax\", \"distribution\": \"normal3\", \"rows\": 4, \"cols\": 10, "
                + "\"maxError\": %s, \"unit\": \"ulp\", \"worstRow\": 1, \"seed\": %s, \"digest\": \"%s\"}";
        String report = "{\"machine\": {}, \"functions\": [], \"batches\": [" + entry + "]}";
        Path a = dir.resolve("ba.json");
        Files.writeString(a, report.formatted("1.5", "1", "abc"));
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Path same = dir.resolve("same.json");
        Files.writeString(same, report.formatted("1.5", "1", "abc"));
        assertEquals(0, run(sink, "compare", a.toString(), same.toString(), "--require-identical"));
        Path worse = dir.resolve("bworse.json");
        Files.writeString(worse, report.formatted("2.5", "1", "abc"));
        assertEquals(1, run(sink, "compare", a.toString(), worse.toString()));
        Path other = dir.resolve("bother.json");
        Files.writeString(other, report.formatted("1.5", "1", "abd"));
        assertEquals(0, run(sink, "compare", a.toString(), other.toString()));
        assertEquals(1, run(sink, "compare", a.toString(), other.toString(), "--require-identical"));
        Path seed = dir.resolve("bseed.json");
        Files.writeString(seed, report.formatted("1.5", "2", "abc"));
        assertEquals(1, run(sink, "compare", a.toString(), seed.toString(), "--require-identical"));
        Path missing = dir.resolve("bmissing.json");
        Files.writeString(missing, "{\"machine\": {}, \"functions\": [], \"batches\": []}");
        assertEquals(1, run(sink, "compare", a.toString(), missing.toString()));
    }

    @Test
    void rejectsBadUsage() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        assertThrows(IllegalArgumentException.class, () -> run(sink));
        assertThrows(IllegalArgumentException.class, () -> run(sink, "report"));
        assertThrows(IllegalArgumentException.class, () -> run(sink, "report", "--exhaustive", "--samples", "5"));
        assertThrows(IllegalArgumentException.class, () -> run(sink, "report", "--functions", "exp"));
        assertThrows(IllegalArgumentException.class, () -> run(sink, "report", "--samples", "0"));
        assertThrows(IllegalArgumentException.class, () -> run(sink, "report", "--samples", "5", "--functions", "nope"));
        assertThrows(IllegalArgumentException.class, () -> run(sink, "frobnicate"));
        assertThrows(IllegalArgumentException.class, () -> run(sink, "report", "--pairs", "--functions", "tanhBackward"));
        assertThrows(IllegalArgumentException.class, () -> run(sink, "report", "--samples", "5", "--pairs", "--functions", "exp"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pairsSweepDrawsGradOutPerElement() throws Exception {
        Path a = dir.resolve("pairs.json");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int code = run(new PrintStream(text), "report", "--functions", "tanhBackward,siluBackward", "--samples", "100000",
                "--pairs", "--seed", "3", "--threads", "2", "--json", a.toString());
        assertEquals(0, code, text.toString());
        List<Map<String, Object>> fs = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(Files.readString(a))).get("functions");
        assertEquals(2, fs.size());
        for (Map<String, Object> f : fs) {
            assertEquals("samples 100000 seed 3, random (x, gradOut) pairs", f.get("mode"));
            assertEquals(100000.0, ((Number) f.get("count")).doubleValue());
        }
        // gradOut really varies with x (not one of the four fixed passes) and covers many binades of both signs
        java.util.Set<Integer> exponents = new java.util.HashSet<>();
        int negative = 0;
        for (int i = 0; i < 10000; i++) {
            float g = KernelRegistry.pairGradOut(Float.intBitsToFloat(i * 429497), 3);
            exponents.add(Math.getExponent(g));
            if (g < 0) negative++;
        }
        assertTrue(exponents.size() > 50, exponents.toString());
        assertTrue(negative > 3000 && negative < 7000, "negative " + negative);
    }

    @Test
    void sweepFindsAnInjectedError() throws Exception {
        // a kernel that is off by 3 ULP on one input must be caught, with that input reported as the worst
        SweepKernel broken = KernelRegistry.unary("broken", 1.0, (x, xo, y, yo, n) -> {
            for (int i = 0; i < n; i++) {
                float v = (float) Math.exp(x[xo + i]);
                y[yo + i] = x[xo + i] == 1.5f ? Math.nextUp(Math.nextUp(Math.nextUp(v))) : v;
            }
        }, Math::exp);
        SweepResult r = new Sweep(2, null).run(new SweepKernel() {
            @Override public String name() { return broken.name(); }
            @Override public double bound() { return 1.0; }
            @Override public void compute(int pass, float[] x, float[] y, int n) {
                x[0] = 1.5f; // plant the bad input in every chunk
                broken.compute(pass, x, y, n);
            }
            @Override public double exact(int pass, float x) { return Math.exp(x); }
        }, false, 1000, 1);
        assertTrue(r.maxUlp() > 2.4 && r.maxUlp() < 3.6, "max " + r.maxUlp());
        assertEquals(1.5f, r.worstInput());
        assertTrue(!r.withinBound());
    }

    @Test
    void nanInterleavedSweepFeedsNaNBesideEveryInputAndKeepsTheDigests() throws Exception {
        // the kernel sees x[2i] = input i and NaN at every odd index; only the even outputs count
        SweepKernel probe = new SweepKernel() {
            @Override public String name() { return "probe"; }
            @Override public double bound() { return 1.0; }
            @Override public void compute(int pass, float[] x, float[] y, int n) {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.exp(x[i]);
                    if (n == 2 * 1000 && i % 2 == 1 && !Float.isNaN(x[i])) throw new AssertionError("lane " + i);
                }
                if (n == 2 * 1000) y[1] = 0f; // an odd output must not reach the digest
            }
            @Override public double exact(int pass, float x) { return Math.exp(x); }
        };
        SweepResult plain = new Sweep(1, null).run(probe, false, 1000, 3);
        SweepResult mixed = new Sweep(1, null, true).run(probe, false, 1000, 3);
        assertEquals(plain.digest(), mixed.digest());
        assertEquals(plain.maxUlp(), mixed.maxUlp());
        assertTrue(mixed.mode().endsWith("NaN-interleaved"), mixed.mode());

        // real kernels: the CLI flag, and compare takes both runs for the same inputs
        Path a = dir.resolve("plain.json");
        Path b = dir.resolve("mixed.json");
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        assertEquals(0, run(sink, "report", "--functions", "sigmoid,silu,logSigmoidBackward", "--samples", "100000",
                "--seed", "4", "--json", a.toString()));
        assertEquals(0, run(sink, "report", "--functions", "sigmoid,silu,logSigmoidBackward", "--samples", "100000",
                "--seed", "4", "--interleave-nan", "--json", b.toString()));
        ByteArrayOutputStream cmp = new ByteArrayOutputStream();
        assertEquals(0, run(new PrintStream(cmp), "compare", a.toString(), b.toString(), "--require-identical"),
                cmp.toString());
    }
}
