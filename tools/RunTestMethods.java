import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs JUnit test methods without a JUnit engine (by reflection: no-arg test methods, assertions from
 * junit-jupiter-api), for JVMs where Surefire is not at hand, such as the emulated aarch64 JDK of arm-emulation.sh:
 * <pre>
 * javac -d /tmp/rt tools/RunTestMethods.java
 * tools/arm-emulation.sh run neoverse-n1 --add-modules jdk.incubator.vector \
 *     -cp /tmp/rt:kernels/target/classes:kernels-test/target/classes:kernels-test/target/test-classes:JUNIT_API:OPENTEST4J \
 *     RunTestMethods dev.kernels.softmax.SoftmaxCrossCheckTest bce bceInPlace
 * </pre>
 * Prints PASS or FAIL per method; exits 1 if any failed.
 */
public final class RunTestMethods {
    public static void main(String[] args) throws Exception {
        Class<?> c = Class.forName(args[0]);
        Constructor<?> k = c.getDeclaredConstructor();
        k.setAccessible(true);
        Object instance = k.newInstance();
        boolean failed = false;
        for (int i = 1; i < args.length; i++) {
            Method m = c.getDeclaredMethod(args[i]);
            m.setAccessible(true);
            long start = System.nanoTime();
            try {
                m.invoke(instance);
                System.out.printf("PASS %s (%.1f s)%n", args[i], (System.nanoTime() - start) / 1e9);
            } catch (InvocationTargetException e) {
                failed = true;
                System.out.println("FAIL " + args[i] + ": " + e.getCause());
            }
        }
        if (failed) System.exit(1);
    }
}
