package dev.kernels.test.report;

import dev.kernels.KernelInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-CPU accuracy report and its comparison.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar kernels-ulp.jar report [--functions exp,log,...]
 *      [--exhaustive | --samples N] [--seed S] [--interleave-nan] [--batches] [--threads T] [--json FILE] [--md FILE]
 * java -jar kernels-ulp.jar compare A.json B.json [--require-identical]
 * </pre>
 *
 * {@code report} exits 1 when a kernel exceeds its documented bound or has a special-value mismatch.
 * {@code compare} exits 1 when B is less accurate than A for some function (higher max ULP or more special
 * mismatches, or a function of A missing in B), or, with {@code --require-identical}, when any digest differs.
 * Usage errors exit 2.
 */
public final class UlpReportCli {
    private UlpReportCli() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            code = 2;
        }
        System.exit(code);
    }

    static final String USAGE = """
            usage: report [--functions f1,f2,...] [--exhaustive | --samples N [--pairs]] [--seed S] [--interleave-nan]
                          [--batches] [--threads T] [--json FILE] [--md FILE]
                   (--pairs: backward kernels over N random (x, gradOut) pairs instead of 4 fixed gradOut passes;
                    --interleave-nan: a NaN beside every input, so vectors take their general body, not a fast path;
                    --batches: the row-wise softmax / loss kernels on seeded batches, see BatchAccuracy)
                   compare A.json B.json [--require-identical]""";

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) throw new IllegalArgumentException("no command");
        return switch (args[0]) {
            case "report" -> report(args, out, err);
            case "compare" -> compare(args, out);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
    }

    // ------------------------------------------------------------------------------------------------------ report

    static int report(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> functions = null;
        boolean exhaustive = false;
        long samples = -1;
        long seed = 1;
        int threads = Runtime.getRuntime().availableProcessors();
        Path json = null;
        Path md = null;
        boolean batches = false;
        boolean pairs = false;
        boolean interleaveNaN = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--functions" -> functions = List.of(need(args, ++i, a).split(","));
                case "--exhaustive" -> exhaustive = true;
                case "--batches" -> batches = true;
                case "--pairs" -> pairs = true;
                case "--interleave-nan" -> interleaveNaN = true;
                case "--samples" -> samples = Long.parseLong(need(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(need(args, ++i, a));
                case "--threads" -> threads = Integer.parseInt(need(args, ++i, a));
                case "--json" -> json = Path.of(need(args, ++i, a));
                case "--md" -> md = Path.of(need(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        boolean sweeps = exhaustive || samples >= 0 || functions != null;
        if (exhaustive && samples >= 0) throw new IllegalArgumentException("give only one of --exhaustive and --samples N");
        if (sweeps && !exhaustive && samples < 0) throw new IllegalArgumentException("give --exhaustive or --samples N");
        if (samples == 0 || samples < -1) throw new IllegalArgumentException("--samples must be > 0");
        if (!sweeps && !batches) throw new IllegalArgumentException("nothing to do: give --exhaustive, --samples N or --batches");
        if (pairs && samples < 0) throw new IllegalArgumentException("--pairs needs --samples N");
        Map<String, SweepKernel> known = KernelRegistry.byName();
        List<SweepKernel> selected = new ArrayList<>();
        for (String f : !sweeps ? List.<String>of() : functions == null ? List.copyOf(known.keySet()) : functions) {
            SweepKernel k = known.get(f.trim());
            if (k == null) throw new IllegalArgumentException("unknown function '" + f + "'; known: " + known.keySet());
            if (pairs) {
                k = k.randomPairs(seed);
                if (k == null) {
                    if (functions == null) continue; // the default list: only the two-input (backward) kernels
                    throw new IllegalArgumentException("'" + f + "' has one input: no --pairs sweep");
                }
            }
            selected.add(k);
        }
        Map<String, String> machine = machine();
        err.println("ULP report on " + machine.get("cpuModel") + ", " + KernelInfo.describe());
        Sweep sweep = new Sweep(threads, err, interleaveNaN);
        List<SweepResult> results = new ArrayList<>();
        for (SweepKernel k : selected) {
            SweepResult r = sweep.run(k, exhaustive, samples, seed);
            results.add(r);
            err.printf("  %-20s done: max %.4f ULP at %s, %d special mismatches, %.0f s%n", r.name(), r.maxUlp(),
                    Float.toHexString(r.worstInput()), r.specialMismatches(), r.seconds());
        }
        List<BatchAccuracy.Result> batchResults = List.of();
        if (batches) {
            err.println("  batches (seed " + seed + ") ...");
            batchResults = BatchAccuracy.run(seed);
        }
        String markdown = markdown(machine, results) + batchMarkdown(seed, batchResults);
        out.print(markdown);
        if (json != null) Files.writeString(json, json(machine, results, batchResults, seed));
        if (md != null) Files.writeString(md, markdown);
        return results.stream().allMatch(SweepResult::withinBound) ? 0 : 1;
    }

    private static String need(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("osArch", System.getProperty("os.arch"));
        m.put("osName", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("cpuModel", cpuModel());
        m.put("cpuId", cpuId());
        m.put("cpuFeatures", cpuFeatures());
        m.put("availableProcessors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("javaVersion", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        m.put("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        m.put("implementation", KernelInfo.implementation());
        m.put("vectorBits", Integer.toString(KernelInfo.vectorBitSize()));
        m.put("jvmFlags", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("date", Instant.now().toString());
        return m;
    }

    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String cpuModel() {
        for (String l : cpuinfo()) {
            if (l.startsWith("model name") || l.startsWith("Model") || l.startsWith("CPU part")) {
                return l.substring(l.indexOf(':') + 1).trim();
            }
        }
        String env = System.getenv("PROCESSOR_IDENTIFIER");
        return env != null ? env : "unknown";
    }

    /**
     * Vendor, family, model and stepping (x86) or implementer, part and revision (ARM) from /proc/cpuinfo: cloud VMs
     * often name the CPU only "Intel(R) Xeon(R) Processor", which does not tell one microarchitecture from another.
     */
    private static String cpuId() {
        Map<String, String> first = new LinkedHashMap<>();
        for (String l : cpuinfo()) {
            int colon = l.indexOf(':');
            if (colon < 0) continue;
            first.putIfAbsent(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
        }
        if (first.containsKey("cpu family")) {
            return first.getOrDefault("vendor_id", "?") + " family " + first.get("cpu family") + " model "
                    + first.getOrDefault("model", "?") + " stepping " + first.getOrDefault("stepping", "?");
        }
        if (first.containsKey("CPU part")) {
            return "implementer " + first.getOrDefault("CPU implementer", "?") + " part " + first.get("CPU part")
                    + " revision " + first.getOrDefault("CPU revision", "?");
        }
        return "unknown";
    }

    /** The SIMD features that matter for these kernels, from /proc/cpuinfo. */
    private static String cpuFeatures() {
        for (String l : cpuinfo()) {
            if (l.startsWith("flags") || l.startsWith("Features")) {
                List<String> keep = new ArrayList<>();
                for (String f : l.substring(l.indexOf(':') + 1).trim().split("\\s+")) {
                    if (f.matches("sse4_2|avx|avx2|fma|avx512f|avx512dq|avx512vl|asimd|fphp|sve|sve2")) keep.add(f);
                }
                return String.join(" ", keep);
            }
        }
        return "";
    }

    static String batchMarkdown(long seed, List<BatchAccuracy.Result> rs) {
        if (rs.isEmpty()) return "";
        StringBuilder b = new StringBuilder("\n## Row-wise kernels on seeded batches (seed " + seed + ")\n\n");
        b.append("| kernel | distribution | rows x cols | max error | unit | worst row | digest |\n|---|---|---|---|---|---|---|\n");
        for (BatchAccuracy.Result r : rs) {
            b.append(String.format("| %s | %s | %dx%d | %.3f | %s | %d | `%s` |%n", r.kernel(), r.distribution(), r.rows(),
                    r.cols(), r.maxError(), r.unit(), r.worstRow(), r.digest().substring(0, 16)));
        }
        return b.toString();
    }

    static String json(Map<String, String> machine, List<SweepResult> results) {
        return json(machine, results, List.of(), 0);
    }

    static String json(Map<String, String> machine, List<SweepResult> results, List<BatchAccuracy.Result> batches,
                       long seed) {
        StringBuilder b = new StringBuilder("{\n  \"machine\": {\n");
        int i = 0;
        for (var e : machine.entrySet()) {
            b.append("    ").append(Json.quote(e.getKey())).append(": ").append(Json.quote(e.getValue()))
                    .append(++i < machine.size() ? ",\n" : "\n");
        }
        b.append("  },\n  \"functions\": [\n");
        for (int k = 0; k < results.size(); k++) {
            SweepResult r = results.get(k);
            b.append("    {\"name\": ").append(Json.quote(r.name()))
                    .append(", \"implementation\": ").append(Json.quote(r.implementation()))
                    .append(", \"vectorBits\": ").append(r.vectorBits())
                    .append(", \"mode\": ").append(Json.quote(r.mode()))
                    .append(", \"count\": ").append(r.count())
                    .append(", \"bound\": ").append(Json.number(r.bound()))
                    .append(", \"maxUlp\": ").append(Json.number(r.maxUlp()))
                    .append(", \"worstInput\": ").append(Json.quote(Float.toHexString(r.worstInput())))
                    .append(", \"worstPass\": ").append(r.worstPass())
                    .append(", \"meanUlp\": ").append(Json.number(r.meanUlp()))
                    .append(", \"countAbove0_5\": ").append(r.countAbove0_5())
                    .append(", \"countAbove1\": ").append(r.countAbove1())
                    .append(", \"countAbove2\": ").append(r.countAbove2())
                    .append(", \"specialMismatches\": ").append(r.specialMismatches())
                    .append(", \"digest\": ").append(Json.quote(r.digest()))
                    .append(", \"seconds\": ").append(Json.number(Math.round(r.seconds() * 10) / 10.0))
                    .append('}').append(k + 1 < results.size() ? ",\n" : "\n");
        }
        b.append("  ]");
        if (!batches.isEmpty()) {
            b.append(",\n  \"batches\": [\n");
            for (int k = 0; k < batches.size(); k++) {
                BatchAccuracy.Result r = batches.get(k);
                b.append("    {\"name\": ").append(Json.quote(r.kernel()))
                        .append(", \"distribution\": ").append(Json.quote(r.distribution()))
                        .append(", \"rows\": ").append(r.rows()).append(", \"cols\": ").append(r.cols())
                        .append(", \"maxError\": ").append(Json.number(r.maxError()))
                        .append(", \"unit\": ").append(Json.quote(r.unit()))
                        .append(", \"worstRow\": ").append(r.worstRow())
                        .append(", \"seed\": ").append(seed)
                        .append(", \"digest\": ").append(Json.quote(r.digest()))
                        .append('}').append(k + 1 < batches.size() ? ",\n" : "\n");
            }
            b.append("  ]");
        }
        return b.append("\n}\n").toString();
    }

    static String markdown(Map<String, String> machine, List<SweepResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("# ULP report\n\n");
        b.append("- CPU: ").append(machine.get("cpuModel")).append(", ").append(machine.get("cpuId")).append(" (")
                .append(machine.get("osArch")).append("; ")
                .append(machine.get("cpuFeatures")).append(")\n");
        b.append("- JDK: ").append(machine.get("javaVersion")).append(", ").append(machine.get("javaVm")).append('\n');
        b.append("- Implementation: ").append(machine.get("implementation"));
        if (!"0".equals(machine.get("vectorBits"))) b.append(", ").append(machine.get("vectorBits")).append("-bit species");
        b.append("\n- JVM flags: `").append(machine.get("jvmFlags")).append("`\n\n");
        b.append("| function | inputs | max ULP | bound | worst input | mean ULP | > 0.5 | > 1 | > 2 | special mismatches | digest |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SweepResult r : results) {
            b.append(String.format("| %s | %s | %.4f | %s | %s | %.4f | %d | %d | %d | %d | `%s` |%n", r.name(),
                    r.mode().equals("exhaustive") ? "all 2^32" + (r.count() > (1L << 32) ? " x " + r.count() / (1L << 32) : "") : r.mode(),
                    r.maxUlp(), Json.number(r.bound()), Float.toHexString(r.worstInput()), r.meanUlp(),
                    r.countAbove0_5(), r.countAbove1(), r.countAbove2(), r.specialMismatches(),
                    r.digest().substring(0, 16)));
        }
        return b.toString();
    }

    // ----------------------------------------------------------------------------------------------------- compare

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> functions(Path p) throws IOException {
        Object root = Json.parse(Files.readString(p));
        if (!(root instanceof Map<?, ?> m) || !(m.get("functions") instanceof List<?> list)) {
            throw new IllegalArgumentException(p + " is not a ULP report (no 'functions' array)");
        }
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object o : list) {
            Map<String, Object> f = (Map<String, Object>) o;
            byName.put((String) f.get("name"), f);
        }
        return byName;
    }

    /** The "batches" entries of a report keyed "kernel distribution rowsxcols" (none in a sweep-only report). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> batches(Path p) throws IOException {
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        if (Json.parse(Files.readString(p)) instanceof Map<?, ?> m && m.get("batches") instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> r = (Map<String, Object>) o;
                byKey.put(r.get("name") + " " + r.get("distribution") + " " + ((Number) r.get("rows")).longValue() + "x"
                        + ((Number) r.get("cols")).longValue(), r);
            }
        }
        return byKey;
    }

    static int compare(String[] args, PrintStream out) throws IOException {
        if (args.length < 3) throw new IllegalArgumentException("compare needs two report files");
        boolean requireIdentical = false;
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--require-identical")) requireIdentical = true;
            else throw new IllegalArgumentException("unknown option " + args[i]);
        }
        Map<String, Map<String, Object>> a = functions(Path.of(args[1]));
        Map<String, Map<String, Object>> b = functions(Path.of(args[2]));
        boolean worse = false;
        boolean differ = false;
        out.println("| function | A max ULP | B max ULP | A special | B special | same inputs | digests | verdict |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (var e : a.entrySet()) {
            String name = e.getKey();
            Map<String, Object> fa = e.getValue();
            Map<String, Object> fb = b.get(name);
            if (fb == null) {
                out.printf("| %s | %s | missing | | | | | B lacks it |%n", name, fa.get("maxUlp"));
                worse = true;
                differ = true;
                continue;
            }
            double ua = ((Number) fa.get("maxUlp")).doubleValue();
            double ub = ((Number) fb.get("maxUlp")).doubleValue();
            long sa = ((Number) fa.get("specialMismatches")).longValue();
            long sb = ((Number) fb.get("specialMismatches")).longValue();
            // a NaN-interleaved sweep has the same inputs as a plain one
            boolean sameInputs = fa.get("mode").toString().replace(Sweep.INTERLEAVED, "")
                    .equals(fb.get("mode").toString().replace(Sweep.INTERLEAVED, ""));
            boolean sameDigest = sameInputs && fa.get("digest").equals(fb.get("digest"));
            boolean bWorse = ub > ua || sb > sa;
            worse |= bWorse;
            differ |= !sameDigest;
            out.printf("| %s | %.4f | %.4f | %d | %d | %s | %s | %s |%n", name, ua, ub, sa, sb, sameInputs ? "yes" : "no",
                    sameDigest ? "identical" : "differ", bWorse ? "B less accurate" : "ok");
        }
        for (String name : b.keySet()) {
            if (!a.containsKey(name)) out.printf("| %s | (not in A) | %s | | | | | |%n", name, b.get(name).get("maxUlp"));
        }
        // the row-wise kernels on seeded batches: keyed by kernel, distribution and shape; same inputs = same seed
        Map<String, Map<String, Object>> ba = batches(Path.of(args[1]));
        Map<String, Map<String, Object>> bb = batches(Path.of(args[2]));
        if (!ba.isEmpty() || !bb.isEmpty()) {
            out.println();
            out.println("| batch | A max error | B max error | unit | same inputs | digests | verdict |");
            out.println("|---|---|---|---|---|---|---|");
            for (var e : ba.entrySet()) {
                Map<String, Object> ra = e.getValue();
                Map<String, Object> rb = bb.get(e.getKey());
                if (rb == null) {
                    out.printf("| %s | %s | missing | | | | B lacks it |%n", e.getKey(), ra.get("maxError"));
                    worse = true;
                    differ = true;
                    continue;
                }
                double ea = ((Number) ra.get("maxError")).doubleValue();
                double eb = ((Number) rb.get("maxError")).doubleValue();
                // reports written before the seed was recorded carry none: taken as the same inputs
                boolean sameInputs = ra.get("seed") == null || rb.get("seed") == null || ra.get("seed").equals(rb.get("seed"));
                boolean sameDigest = sameInputs && ra.get("digest").equals(rb.get("digest"));
                boolean bWorse = eb > ea;
                worse |= bWorse;
                differ |= !sameDigest;
                out.printf("| %s | %.4f | %.4f | %s | %s | %s | %s |%n", e.getKey(), ea, eb, ra.get("unit"),
                        sameInputs ? "yes" : "no", sameDigest ? "identical" : "differ", bWorse ? "B less accurate" : "ok");
            }
            for (String key : bb.keySet()) {
                if (!ba.containsKey(key)) out.printf("| %s | (not in A) | %s | | | | |%n", key, bb.get(key).get("maxError"));
            }
        }
        if (worse) out.println("\nB is less accurate than A.");
        if (requireIdentical && differ) out.println("\nDigests differ (--require-identical).");
        return worse || (requireIdentical && differ) ? 1 : 0;
    }
}
