package dev.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the two shape rules of the Panama kernels (see the note in PanamaVectorMath): a kernel entry (a public
 * method taking arrays) has more than 325 bytes of bytecode, C2's FreqInlineSize, so it is never inlined into a
 * caller, and it calls no method of the Panama classes themselves, whose vector arguments C2 would box once its
 * inlining budget runs out. Measured when broken: 8x slower and 24-86 KB allocated per 1024-element call.
 */
class KernelShapeTest {
    static final int FREQ_INLINE_SIZE = 325;

    static ClassModel model(String name) throws IOException {
        try (InputStream in = KernelShapeTest.class.getResourceAsStream("/dev/kernels/internal/" + name + ".class")) {
            return in == null ? null : ClassFile.of().parse(in.readAllBytes());
        }
    }

    static boolean isKernelEntry(MethodModel m) {
        return m.flags().has(AccessFlag.PUBLIC) && !m.flags().has(AccessFlag.STATIC)
                && m.methodType().stringValue().contains("[F");
    }

    /** Rule 1, for every Panama class: no array-level method calls a method of ours that takes or returns a vector. */
    @ParameterizedTest
    @ValueSource(strings = {"PanamaVectorMath", "PanamaActivations", "PanamaSoftmax"})
    void kernelEntriesCallNoVectorTypedHelperOfOurs(String className) throws IOException {
        ClassModel cm = model(className);
        assertTrue(cm != null, className + " not found");
        List<String> problems = new ArrayList<>();
        for (MethodModel m : cm.methods()) {
            // every method that is not itself a vector-typed helper: kernel entries and the array-level passes
            if (m.code().isEmpty() || m.methodType().stringValue().contains("jdk/incubator/vector/")) continue;
            for (var e : m.code().orElseThrow()) {
                if (e instanceof InvokeInstruction inv && inv.owner().asInternalName().startsWith("dev/kernels/")
                        && inv.type().stringValue().contains("jdk/incubator/vector/")) {
                    problems.add(m.methodName() + " calls " + inv.owner().asInternalName() + "." + inv.name());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * A small entry that only passes its arguments on to one static loop of another Panama class (sigmoid's, generated
     * into PanamaActivations): that loop must then be the large compile root.
     */
    static boolean forwardsToLargeLoop(MethodModel m) throws IOException {
        List<InvokeInstruction> calls = new ArrayList<>();
        for (var e : m.code().orElseThrow()) {
            if (e instanceof InvokeInstruction inv) calls.add(inv);
        }
        if (calls.size() != 1 || calls.get(0).opcode() != Opcode.INVOKESTATIC) return false;
        InvokeInstruction call = calls.get(0);
        String owner = call.owner().asInternalName();
        if (!owner.startsWith("dev/kernels/internal/Panama")) return false;
        ClassModel target = model(owner.substring(owner.lastIndexOf('/') + 1));
        for (MethodModel t : target.methods()) {
            if (t.methodName().equalsString(call.name().stringValue())
                    && t.methodType().equalsString(call.type().stringValue())) {
                return t.findAttribute(Attributes.code()).orElseThrow().codeLength() > FREQ_INLINE_SIZE;
            }
        }
        return false;
    }

    /** Rule 2, for the element-wise math kernels: every entry is its own compile root. */
    @ParameterizedTest
    @ValueSource(strings = {"PanamaVectorMath"})
    void kernelEntriesAreNeverInlinedIntoCallers(String className) throws IOException {
        ClassModel cm = model(className);
        assertTrue(cm != null, className + " not found");
        List<String> problems = new ArrayList<>();
        for (MethodModel m : cm.methods()) {
            if (!isKernelEntry(m)) continue;
            int size = m.findAttribute(Attributes.code()).orElseThrow().codeLength();
            if (size <= FREQ_INLINE_SIZE && !forwardsToLargeLoop(m)) {
                problems.add(m.methodName() + ": " + size + " bytes of bytecode <= " + FREQ_INLINE_SIZE);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
