package dev.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Fails the run when the implementation is not the one the surefire execution expects (-Dtests.requireImpl,
 * -Dtests.maxBits): a silent fallback to the scalar path would otherwise make every cross-check trivially pass.
 */
class ImplementationGuardTest {
    @Test
    void runsTheExpectedImplementation() {
        String required = System.getProperty("tests.requireImpl", "");
        System.out.println("dev.kernels implementation: " + KernelInfo.describe());
        if (!required.isEmpty()) {
            assertEquals(required, KernelInfo.implementation(), "expected the " + required + " path: " + KernelInfo.describe());
        }
        String maxBits = System.getProperty("tests.maxBits", "");
        if (!maxBits.isEmpty() && required.equals("vector")) {
            int bits = KernelInfo.vectorBitSize();
            assertTrue(bits >= 128 && bits <= Integer.parseInt(maxBits), "vector width " + bits + " > " + maxBits);
        }
        if (KernelInfo.implementation().equals("vector")) {
            assertEquals(KernelInfo.vectorBitSize() / 32, KernelInfo.floatLanes());
        } else {
            assertEquals(0, KernelInfo.vectorBitSize());
        }
    }
}
