package dev.kernels.internal;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;

/**
 * Chooses, once per JVM, between the Panama (vector) and the scalar implementations.
 *
 * <p>The vector path is used when the {@code jdk.incubator.vector} module is readable, C2 is on, and the chosen float
 * species is at least 128 bits; otherwise the scalar path, with exactly one warning line on standard error that names
 * the fix. Panama classes are loaded by name only, so without the module nothing links against
 * {@code jdk.incubator.vector} and no {@link NoClassDefFoundError} can occur.
 *
 * <p>{@code -Ddev.kernels.impl=scalar|vector} forces a path ({@code vector} throws if it cannot be had);
 * {@code -Ddev.kernels.maxVectorBits=128|256|512} caps the species width.
 */
public final class KernelProvider {
    public static final String IMPL_PROPERTY = "dev.kernels.impl";
    public static final String MAX_BITS_PROPERTY = "dev.kernels.maxVectorBits";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private KernelProvider() {}

    /** The decision: which implementation, at which width, and why. */
    public record Selection(boolean vector, int vectorBits, int floatLanes, String reason) {}

    /** Holder idiom: initialised on first use, never while another class initialiser holds a lock on us. */
    private static final class Holder {
        static final Selection SELECTION;
        static final VectorMathSupport MATH;

        static {
            Selection sel = select();
            VectorMathSupport math = sel.vector() ? (VectorMathSupport) newPanama("PanamaVectorMath") : null;
            SELECTION = sel;
            MATH = math != null ? math : new ScalarVectorMath();
        }
    }

    public static Selection selection() {
        return Holder.SELECTION;
    }

    public static VectorMathSupport vectorMath() {
        return Holder.MATH;
    }

    /** Instantiates the Panama class of another kernel family, or returns the scalar one when the scalar path runs. */
    public static <T> T load(String panamaSimpleName, Class<T> type, Supplier<T> scalar) {
        return Holder.SELECTION.vector() ? type.cast(newPanama(panamaSimpleName)) : scalar.get();
    }

    private static Object newPanama(String simpleName) {
        try {
            Class<?> c = Class.forName(KernelProvider.class.getPackageName() + "." + simpleName);
            return c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + simpleName, e);
        }
    }

    private static Selection select() {
        String forced = System.getProperty(IMPL_PROPERTY, "").trim();
        if (!forced.isEmpty() && !forced.equals("scalar") && !forced.equals("vector")) {
            throw new IllegalArgumentException("-D" + IMPL_PROPERTY + " must be 'scalar' or 'vector', got '" + forced + "'");
        }
        if (forced.equals("scalar")) {
            return new Selection(false, 0, 1, "forced by -D" + IMPL_PROPERTY + "=scalar");
        }
        String problem = vectorProblem();
        int bits = 0;
        int lanes = 1;
        if (problem == null) {
            try {
                Object probe = newPanama("PanamaProbe");
                int[] info = (int[]) probe.getClass().getMethod("info").invoke(probe);
                bits = info[0];
                lanes = info[1];
                if (bits < 128) problem = "the vector species has " + bits + " bits (< 128)";
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Throwable cause = e;
                while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) cause = cause.getCause();
                if (cause instanceof IllegalArgumentException iae) throw iae; // a bad -Ddev.kernels.maxVectorBits
                problem = "the Vector API could not be initialised (" + cause + ")";
            }
        }
        if (problem == null) {
            return new Selection(true, bits, lanes, "jdk.incubator.vector, " + bits + "-bit species");
        }
        if (forced.equals("vector")) {
            throw new IllegalStateException("-D" + IMPL_PROPERTY + "=vector, but the vector path is unavailable: " + problem);
        }
        System.err.println("WARNING: dev.kernels uses its scalar path (same results, slower): " + problem
                + ". Fix: run java with --add-modules " + VECTOR_MODULE + " on a HotSpot JVM with C2.");
        return new Selection(false, 0, 1, problem);
    }

    /** Why the vector path cannot run, or null when it can. */
    private static String vectorProblem() {
        var module = ModuleLayer.boot().findModule(VECTOR_MODULE);
        if (module.isEmpty()) return "module " + VECTOR_MODULE + " is not in the boot layer";
        KernelProvider.class.getModule().addReads(module.get());
        String vm = System.getProperty("java.vm.name", "");
        if (!vm.contains("HotSpot") && !vm.contains("OpenJDK")) return "the JVM is not HotSpot (" + vm + ")";
        if (System.getProperty("java.vm.info", "").contains("interpreted mode")) return "the JVM runs interpreted (-Xint)";
        try {
            List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
            for (String a : args) {
                if (a.equals("-XX:-UseCompiler")) return "the JIT is off (-XX:-UseCompiler)";
                if (a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4")) return "C2 is off (" + a + ")";
                if (a.equals("-XX:+UseJVMCICompiler")) return "C2 is replaced by a JVMCI compiler";
            }
        } catch (LinkageError | RuntimeException e) {
            // java.management absent (jlinked runtime): nothing more to check
        }
        return null;
    }
}
