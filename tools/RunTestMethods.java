import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs JUnit test methods without a JUnit engine (by reflection: no-arg test methods, and one-parameter ones over the
 * class's static kernels() as their @MethodSource; the class's static @BeforeAll methods first; assertions from
 * junit-jupiter-api), for JVMs where Surefire is not at hand, such as the emulated aarch64 JDK of arm-emulation.sh:
 * <pre>
 * javac -d /tmp/rt tools/RunTestMethods.java
 * tools/arm-emulation.sh run neoverse-n1 --add-modules jdk.incubator.vector \
 *     -cp /tmp/rt:kernels/target/classes:kernels-test/target/classes:kernels-test/target/test-classes:JUNIT_API:OPENTEST4J \
 *     RunTestMethods dev.kernels.softmax.SoftmaxCrossCheckTest bce bceInPlace
 * </pre>
 * Prints the active implementation, then PASS or FAIL per method (per kernel for a parameterized one); exits 1 if any
 * failed.
 */
public final class RunTestMethods {
    public static void main(String[] args) throws Exception {
        Class<?> c = Class.forName(args[0]);
        Constructor<?> k = c.getDeclaredConstructor();
        k.setAccessible(true);
        Object instance = k.newInstance();
        boolean failed = false;
        try { // the library's active path, when it is on the class path
            System.out.println("active: " + Class.forName("dev.kernels.KernelInfo").getMethod("describe").invoke(null));
        } catch (ClassNotFoundException e) {
            // not a dev.kernels run
        }
        for (Method b : c.getDeclaredMethods()) { // the class's static @BeforeAll methods (warm-ups) first
            if (b.isAnnotationPresent(org.junit.jupiter.api.BeforeAll.class)) {
                b.setAccessible(true);
                b.invoke(null);
            }
        }
        for (int i = 1; i < args.length; i++) {
            String wanted = args[i];
            Method m = java.util.Arrays.stream(c.getDeclaredMethods()).filter(d -> d.getName().equals(wanted)).findFirst()
                    .orElseThrow(() -> new NoSuchMethodException(wanted));
            m.setAccessible(true);
            // a one-parameter method is parameterized over the class's static kernels() (its @MethodSource)
            Iterable<?> params = java.util.Collections.singletonList(null); // null: call without an argument
            if (m.getParameterCount() > 0) {
                if (m.getParameterCount() != 1 || !hasMethod(c, "kernels")) {
                    failed = true;
                    System.out.println("FAIL " + wanted + ": only no-arg methods and one-parameter ones over kernels() run here");
                    continue;
                }
                params = (Iterable<?>) invokeStatic(c, "kernels");
            }
            for (Object p : params) {
                String name = args[i] + (p == null ? "" : "[" + p + "]");
                long start = System.nanoTime();
                try {
                    if (p == null) m.invoke(instance);
                    else m.invoke(instance, p);
                    System.out.printf("PASS %s (%.1f s)%n", name, (System.nanoTime() - start) / 1e9);
                } catch (InvocationTargetException e) {
                    failed = true;
                    System.out.println("FAIL " + name + ": " + e.getCause());
                }
            }
        }
        if (failed) System.exit(1);
    }

    private static boolean hasMethod(Class<?> c, String name) {
        return java.util.Arrays.stream(c.getDeclaredMethods()).anyMatch(d -> d.getName().equals(name) && d.getParameterCount() == 0);
    }

    private static Object invokeStatic(Class<?> c, String name) throws ReflectiveOperationException {
        Method s = c.getDeclaredMethod(name);
        s.setAccessible(true);
        return s.invoke(null);
    }
}
