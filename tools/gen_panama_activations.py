#!/usr/bin/env python3
"""Writes PanamaActivations.java: the vector loops with the binary64 exp/log pieces written out inline.

Every block copies the operation sequence of the PanamaVectorMath helper it replaces (expD with minusOne = false,
expPoly, logD, widen, narrow) and of ScalarActivations.gaussTailHForward / gaussTailHBackward / log1pExpNeg, op for op.
"""
import re
import sys

IND = " " * 12


USED = []  # constants broadcast by the kernel being generated, hoisted above its loop (see kernel())


def const_name(c):
    return "k" + c.replace("-", "Neg").replace(".", "_")


def b(c):
    if c not in USED:
        USED.append(c)
    return const_name(c)


def horner(var, coefs, lead, ind=IND + "        ", width=116):
    """var.fma(c[n], c[n-1]).fma(var, b(c[n-2]))...: the vector image of nested Math.fma(.., var, c).

    lead is the text before the expression on its first line (for wrapping at width columns)."""
    parts = [f".fma({var}, {b(c)})" for c in coefs[2:]]
    lines, cur = [], f"{var}.fma({b(coefs[0])}, {b(coefs[1])})"
    col = len(lead) + len(cur)
    for p in parts:
        if col + len(p) + 1 > width:  # +1 for the ';' or ')' that may follow
            lines.append(cur)
            cur, col = "", len(ind)
        cur += p
        col += len(p)
    lines.append(cur)
    return ("\n" + ind).join(lines)


IN = {"x": ("vxIn", "xOff"), "gradOut": ("vgIn", "gOff")}


def widen(arr, off):
    """Half @H@ of the float vector loaded from arr at the loop head, in binary64."""
    return f"(DoubleVector) {IN[arr][0]}.convertShape(F2D, D, @H@)"


def hoist(line):
    """A binary32 statement (one or more lines) run once per float vector at the loop head, before the halves."""
    return "".join(f"@F@{ln.removeprefix(IND)}\n" for ln in line.split("\n"))


# Clamps are compare + blend, never max/min: C2 spells Java's NaN/-0 max and min as several instructions each (the
# same values here: the bounds are nonzero, NaN fails every compare and stays). Kernels without binary64 masks clamp
# the float vector at the loop head (the bounds are binary32 numbers, so the widened doubles are the same); binary64
# masks do not compile at 2 lanes on x86 (PanamaSpecies.D_MASKS).
def clamp(v, lo, hi):
    """v clamped to [lo, hi] (either may be None) with compares and blends; float or double, as v and the bounds."""
    e = v
    if lo is not None:
        e = f"{e}.blend({lo}, {v}.compare(LT, {lo}))"
    if hi is not None:
        sep = f"\n{IND}        " if lo is not None else ""  # both bounds: the second blend on its own line
        e = f"{e}{sep}.blend({hi}, {v}.compare(GT, {hi}))"
    return e


def store(expr, arr, off):
    """Narrows the half to vrh and stores its lanes (@STORE@, see half_body)."""
    line = f"{IND}FloatVector vrh = (FloatVector) {expr}.convertShape(D2F, F, 0);\n"
    if len(line) > 117:
        line = (f"{IND}DoubleVector vres = {expr};\n"
                f"{IND}FloatVector vrh = (FloatVector) vres.convertShape(D2F, F, 0);\n")
    return line + f"{IND}@STORE:{arr}:{off}@\n"


def exp_block(arg, out, degree5=False):
    """out = e^arg: ScalarMath.expD (degree5: expD5, the degree-5 Q), op for op."""
    q = [f"EXP_D5_Q{k}" for k in range(5, -1, -1)] if degree5 else [f"EXP_D_Q{k}" for k in range(8, -1, -1)]
    name, poly = ("expD5", "expPoly5") if degree5 else ("expD", "expPoly")
    return (
        f"{IND}// {out} = ScalarMath.{name}(...): the ops of ScalarMath.expD and {poly}, in order\n"
        f"{IND}DoubleVector vexpX = {arg};\n"
        f"{IND}DoubleVector vexpNb = vexpX.fma({b('LOG2E_D')}, {b('EXP_MAGIC_D')});\n"
        f"{IND}DoubleVector vexpN = vexpNb.sub({b('EXP_MAGIC_D')});\n"
        f"{IND}DoubleVector vexpR = vexpN.fma({b('-LN2_HI_D')}, vexpX);\n"
        f"{IND}vexpR = vexpN.fma({b('-LN2_LO_D')}, vexpR);\n"
        f"{IND}DoubleVector vexpQ = {horner('vexpR', q, IND + 'DoubleVector vexpQ = ')};\n"
        f"{IND}DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);\n"
        f"{IND}DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();\n"
        f"{IND}DoubleVector {out} = vexpS.fma(vexpU, vexpS);\n"
    )


def log_block(arg, out):
    """out = log(arg) for positive normal lanes: ScalarMath.logD, op for op."""
    t = [f"LOG_D_T{k}" for k in range(5, -1, -1)]
    return (
        f"{IND}// {out} = ScalarMath.logD({arg}): the ops of ScalarMath.logD, in order\n"
        f"{IND}LongVector vlogIx = {arg}.reinterpretAsLongs().sub(SQRT_HALF_BITS_D);\n"
        f"{IND}LongVector vlogEb = vlogIx.add(0x3ff0000000000000L).lanewise(LSHR, 52);\n"
        f"{IND}DoubleVector vlogE = vlogEb.add(0x4330000000000000L).reinterpretAsDoubles().sub(0x1.00000000003ffp52);\n"
        f"{IND}DoubleVector vlogM = vlogIx.and(0x000fffffffffffffL).add(SQRT_HALF_BITS_D).reinterpretAsDoubles();\n"
        f"{IND}DoubleVector vlogF = vlogM.sub(1.0);\n"
        f"{IND}DoubleVector vlogS = vlogF.div(vlogF.add(2.0));\n"
        f"{IND}DoubleVector vlogZ = vlogS.mul(vlogS);\n"
        f"{IND}DoubleVector vlogT = {horner('vlogZ', t, IND + 'DoubleVector vlogT = ')};\n"
        f"{IND}DoubleVector vlogLogm = vlogS.fma(vlogZ.mul(vlogT), vlogS.add(vlogS));\n"
        f"{IND}DoubleVector {out} = vlogE.fma({b('LN2_HI_D')},\n"
        f"{IND}        vlogE.fma({b('LN2_LO_D')}, vlogLogm));\n"
    )


def tail_h_block(arg, out, pre):
    """out = H(arg): ScalarActivations.gaussTailHForward (pre GELU_FWD_H) or gaussTailHBackward (GELU_BWD_H)."""
    deg, fn = 9, {"GELU_FWD_H": "gaussTailHForward", "GELU_BWD_H": "gaussTailHBackward"}[pre]
    h = [f"{pre}{k}" for k in range(deg, -1, -1)]
    return (
        f"{IND}// {out} = ScalarActivations.{fn}({arg})\n"
        f"{IND}DoubleVector vtailY = {arg}.sub({pre}_K).div({arg}.add({pre}_K));\n"
        f"{IND}DoubleVector {out} = {horner('vtailY', h, IND + f'DoubleVector {out} = ')};\n"
    )


def log1p_exp_neg_block(arg, out):
    """out = log(1 + e^-arg) for arg = min(a, EXP_ARG_MAX): ScalarActivations.log1pExpNeg, op for op."""
    return (
        f"{IND}// {out} = ScalarActivations.log1pExpNeg(a) = log(1 + w) + (w - ((1 + w) - 1)), w = e^-min(a, 700)\n"
        + exp_block(f"{arg}.neg()", "vw")
        + f"{IND}DoubleVector vw1 = vw.add(1.0);\n"
        + log_block("vw1", "vlogW1")
        + f"{IND}DoubleVector {out} = vlogW1.add(vw.sub(vw1.sub(1.0)));\n"
    )


def root_window(prefix, var="vd", ind=IND):
    w = [f"{prefix}_W{k}" for k in range(5, -1, -1)]
    return f"{ind}DoubleVector vw = {horner(var, w, ind + 'DoubleVector vw = ', ind + '        ')};\n"


def near_root(src, prefix):
    """A binary32 test at the loop head: does some lane of src lie within ROOT_WINDOW (plus 2^-10) of the root of f'?"""
    lo = f"(float) ({prefix}_ROOT_HI - ROOT_WINDOW - 0x1p-10)"
    hi = f"(float) ({prefix}_ROOT_HI + ROOT_WINDOW + 0x1p-10)"
    return hoist(f"{IND}// the factored form near the root of f' only when a lane needs it: same bits as blending it\n"
                 f"{IND}// into every vector, the window test below still decides per lane\n"
                 f"{IND}boolean nearRoot = {src}.compare(GT, {lo})\n"
                 f"{IND}        .and({src}.compare(LT, {hi})).anyTrue();")


def root_form(prefix, var):
    """h = the direct form, or d W(d) on the lanes within ROOT_WINDOW of the root (only if nearRoot)."""
    i2 = IND + "    "
    inner = (f"{i2}DoubleVector vd = {var}.sub({prefix}_ROOT_HI).sub({prefix}_ROOT_LO);\n"
             + root_window(prefix, "vd", i2)
             + f"{i2}vh = vhDirect.blend(vd.mul(vw), vd.abs().compare(LT, ROOT_WINDOW));\n")
    return f"{IND}DoubleVector vh = vhDirect;\n{IND}if (nearRoot) {{\n" + inner + f"{IND}}}\n"


UNARY = "float[] x, int xOff, float[] y, int yOff, int len"
BINARY = "float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len"


def half_body(body, h):
    """The loop body of half h of the float vector: widen half h, run the binary64 body, narrow, and store only the
    lanes of that half, keeping the other half of the output as it is (so x, gradOut or the output itself may alias
    the output: the other pass reads only its own half of the inputs)."""
    m = re.search(r"@STORE:(\w+):(\w+)@", body)
    arr, off = m.group(1), m.group(2)
    loads = "".join(f"{IND}FloatVector {v} = FloatVector.fromArray(F, {a}, {o} + i);\n"
                    for a, (v, o) in IN.items() if v in body)
    hoisted = "".join(IND + ln[3:] + "\n" for ln in body.splitlines() if ln.startswith("@F@"))
    body = "".join(ln + "\n" for ln in body.splitlines() if not ln.startswith("@F@"))
    cur = f"FloatVector.fromArray(F, {arr}, {off} + i)"
    join = f"{cur}.blend(vrh, lowHalf)" if h == 0 else f"vrh.unslice(DL, {cur}, 0)"
    return loads + hoisted + body.replace("@H@", str(h)).replace(m.group(0), f"{join}.intoArray({arr}, {off} + i);")


HALF_NAMES = ("LowHalves", "HighHalves")


def kernel(name, params, body, tail, loop="D", pre="", head="", decl=None):
    """A kernel: loop "D" the binary64 form (d_kernel), else one loop of whole float vectors running body, then tail;
    decl replaces the "@Override public void name(params) {" lines of either (a javadoc'd, static or private method)."""
    # kernels that compare or blend binary64 vectors leave them to the scalar tail when C2 cannot (2-lane D)
    bound = "F.loopBound(len)"
    dbody = "".join(ln for ln in body.splitlines(True) if not ln.startswith("@F@"))  # hoisted lines are binary32
    if loop == "D" and ("compare(" in dbody or "blend(" in dbody) and "DoubleVector" in dbody:
        bound = f"PanamaSpecies.D_MASKS ? {bound} : 0"
    if loop == "D":
        return d_kernel(name, params, body, tail, bound, pre, decl)
    consts = "".join(f"        DoubleVector {const_name(c)} = DoubleVector.broadcast(D, {c});\n" for c in USED)
    USED.clear()
    pre = consts + pre
    if decl is None:
        decl = "    @Override\n" + signature(f"    public void {name}(", [q.strip() for q in params.split(",")])
    return (
        f"{decl}"
        f"{pre}"
        f"        int i = 0;\n"
        f"{head}"
        f"        for (int bound = {bound}; i < bound; i += F.length()) {{\n"
        f"{body}"
        f"        }}\n"
        f"{tail}"
        f"    }}\n\n"
    )


def signature(head, plist, width=120):
    """head + the parameters + ") {", wrapped at width columns with continuation lines indented by 8."""
    lines, cur = [], head
    for k, p in enumerate(plist):
        piece = p + (", " if k < len(plist) - 1 else ") {")
        if len(cur) + len(piece.rstrip()) > width:
            lines.append(cur.rstrip())
            cur = " " * 12
        cur += piece
    return "\n".join(lines + [cur]) + "\n"


def range_form(plist):
    """A kernel's parameters with len replaced by the block range (int from, int to), and the matching call arguments."""
    names = [p.split()[-1] for p in plist]
    return ([q for p in plist for q in (["int from", "int to"] if p == "int len" else [p])],
            ", ".join("from, to" if n == "len" else n for n in names))


def d_kernel(name, params, body, tail, bound, pre, decl=None):
    """A binary64 kernel: the public method (or decl's) runs the two halves of each float vector as two passes over
    blocks of HALF_PASS_BLOCK elements, each pass a method of its own, then the scalar tail."""
    plist = [p.strip() for p in params.split(",")]
    half_plist, args = range_form(plist)
    consts = "".join(f"        DoubleVector {const_name(c)} = DoubleVector.broadcast(D, {c});\n" for c in USED)
    USED.clear()
    if decl is None:
        decl = f"    @Override\n    public void {name}({params}) {{\n"
    out = (
        f"{decl}"
        f"        int bound = {bound};\n"
        f"        for (int from = 0; from < bound; from += HALF_PASS_BLOCK) {{\n"
        f"            int to = Math.min(bound, from + HALF_PASS_BLOCK);\n"
        f"            {name}{HALF_NAMES[0]}({args});\n"
        f"            {name}{HALF_NAMES[1]}({args});\n"
        f"        }}\n"
        f"{pre}"
        f"        int i = bound;\n"
        f"{tail}"
        f"    }}\n\n"
    )
    for h in (0, 1):
        mask = f"        VectorMask<Float> lowHalf = F.indexInRange(0, DL);\n" if h == 0 else ""
        out += (
            f"{signature(f'    private static void {name}{HALF_NAMES[h]}(', half_plist)}"
            f"{consts}{mask}{pre}"
            f"        for (int i = from; i < to; i += F.length()) {{\n"
            f"{half_body(body, h)}"
            f"        }}\n"
            f"    }}\n\n"
        )
    return out


def simple_tail(lhs, call):
    return f"        for (; i < len; i++) {lhs} = {call};\n"


def long_tail(lhs, call):
    return f"        for (; i < len; i++) {{\n            {lhs} = {call};\n        }}\n"


out = []
out.append('''package dev.kernels.internal;

import static dev.kernels.internal.ActivationConstants.*;
import static dev.kernels.internal.MathConstants.*;
import static dev.kernels.internal.SoftmaxConstants.EXP_NEG_SCALE_BIAS;
import static dev.kernels.internal.SoftmaxConstants.EXP_NEG_SCALE_DOWN;
import static dev.kernels.internal.SoftmaxConstants.EXP_NEG_TO_SUBNORMAL;
import static dev.kernels.internal.SoftmaxConstants.EXP_NEG_MIN;
import static dev.kernels.internal.SoftmaxConstants.EXP_NEG_U_MIN;
import static dev.kernels.internal.SoftmaxConstants.E_NORMAL_A;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.ULT;
import static jdk.incubator.vector.VectorOperators.UMAX;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.MIN;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Panama bodies of the activation kernels. Each lane runs the matching {@link ScalarActivations} element method (same
 * constants, operation order and fmas) and tails call that method, so every element is bit-identical to the scalar path
 * at any species width and any position. Kernels evaluated in binary64 widen the low or the high half of each float
 * vector to {@code D}, narrow the result and store the lanes of that half: the two halves are two passes, each a method
 * of its own, over blocks of {@code HALF_PASS_BLOCK} elements (in L1 for the second pass). One half per C2 compile
 * keeps the graph well below C2's node budget: with both halves in one loop softplus reached NodeCountInliningCutoff
 * and, in one CI run of this machine, boxed a vector (880 B per call). There is no half-width float species: a second
 * float shape in the JVM makes the JDK's shared {@code FloatVector} call sites bimorphic, and C2 then boxes vectors
 * (measured: up to 5.7 KB allocated per 185-element call once all kernels had run in one JVM).
 *
 * <p>Why the vector loops call no method of ours (the binary64 exp/log of {@link PanamaVectorMath} and the former
 * helpers are written out inline, each block commented with the scalar method it mirrors): when C2 inlines a kernel
 * into a large caller it runs out of node budget (NodeCountInliningCutoff); Vector API methods are
 * {@code @ForceInline} and are still inlined, but a plain helper is then refused and every vector crossing its
 * boundary is boxed (measured 8-10x slower and tens of KB allocated per 1024-element call). For the same reason every
 * loop with real work (each half pass of a binary64 kernel) is a method of more than 325 bytes of bytecode (C2's
 * FreqInlineSize), so C2 compiles it as its own root instead of inlining it into callers; only arrays and scalars
 * cross into it. Binary64 constants are broadcast once above
 * the loop (kNAME): broadcast in
 * place, each one inlined a tree of JDK methods per use, and with -Xbatch C2 then boxed the stored vector of logSigmoid
 * and geluBackward (880 B per call, see AllocationMain). The only branch (sigmoid/tanh backward, a
 * saved output out of range) leaves no vector value live. Keep it so when
 * editing: a new helper call in a loop brings the boxing back (CompositeActivationBenchmark with -prof gc must show
 * 0 B/op).
 */
public final class PanamaActivations implements ActivationSupport {
    private static final VectorSpecies<Float> F = PanamaSpecies.F;
    private static final VectorSpecies<Double> D = PanamaSpecies.D;
    private static final VectorSpecies<Integer> I = PanamaSpecies.I;
    private static final int DL = D.length();
    /** Elements per block of the two half passes: a multiple of every lane count, three 4 KB arrays fit in L1. */
    private static final int HALF_PASS_BLOCK = 1024;
    /** Elements per block of the split kernels: x, y and the first pass's two 4 KB arrays in L1. */
    private static final int SPLIT_BLOCK = 1024;
    /**
     * The first pass's output, per thread: expNegAbsForLog1p's (e, eLarge) or geluTanhExp's (p, vnb). The kernels
     * stay stateless and allocate nothing per call; none calls another while it holds them.
     */
    private static final ThreadLocal<float[][]> E_PAIR = ThreadLocal.withInitial(() -> new float[2][SPLIT_BLOCK]);

    public PanamaActivations() {
        if (F.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("preferred vector size is " + F.vectorBitSize() + " bits (< 128)");
        }
    }

    // ------------------------------------------------------------------------------------------ binary32 kernels

''')

out.append(kernel("relu", UNARY,
    f"{IND}FloatVector vx = FloatVector.fromArray(F, x, xOff + i);\n"
    f"{IND}vx.blend(0f, vx.compare(LE, 0f)).intoArray(y, yOff + i);\n",
    simple_tail("y[yOff + i]", "ScalarActivations.relu(x[xOff + i])"), loop="F"))
out.append(kernel("leakyRelu", UNARY + ", float alpha",
    f"{IND}FloatVector vx = FloatVector.fromArray(F, x, xOff + i);\n"
    f"{IND}vx.blend(vx.mul(alpha), vx.compare(LE, 0f)).intoArray(y, yOff + i);\n",
    simple_tail("y[yOff + i]", "ScalarActivations.leakyRelu(x[xOff + i], alpha)"), loop="F"))
out.append(kernel("reluBackward", BINARY,
    f"{IND}FloatVector vx = FloatVector.fromArray(F, x, xOff + i);\n"
    f"{IND}FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);\n"
    f"{IND}vg.blend(0f, vx.compare(LE, 0f)).intoArray(gradIn, giOff + i);\n",
    simple_tail("gradIn[giOff + i]", "ScalarActivations.reluBackward(x[xOff + i], gradOut[gOff + i])"), loop="F"))
out.append(kernel("leakyReluBackward", BINARY.replace("int len", "int len,\n                                  float alpha"),
    f"{IND}FloatVector vx = FloatVector.fromArray(F, x, xOff + i);\n"
    f"{IND}FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);\n"
    f"{IND}vg.mul(alpha).blend(vg, vx.compare(GT, 0f)).intoArray(gradIn, giOff + i);\n",
    long_tail("gradIn[giOff + i]", "ScalarActivations.leakyReluBackward(x[xOff + i], gradOut[gOff + i], alpha)"),
    loop="F"))

SAVED = "float[] y, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len"


def tanh_backward_edge(at, I2=IND):
    """One vector at offset `at` of tanhBackward: finite |y| > 2^32 lane by lane in the scalar method, the rest
    (inf and NaN too: the binary64 form gives the same infinities and NaNs) g fma(-y', y', 1), y' = y + 2^-100."""
    return (
        f"{I2}FloatVector vy = FloatVector.fromArray(F, y, yOff + {at});\n"
        f"{I2}// finite |y| > 2^32: binary64 in the scalar method, lane by lane; inf and NaN give its values below\n"
        f"{I2}if (vy.reinterpretAsInts().and(~SIGN_BIT_F).sub(SAVED_OUTPUT_HUGE_LO)\n"
        f"{I2}        .compare(LT, SAVED_OUTPUT_HUGE_END).anyTrue()) {{\n"
        f"{I2}    for (int k = {at}; k < {at} + F.length(); k++) {{\n"
        f"{I2}        gradIn[giOff + k] = ScalarActivations.tanhBackward(y[yOff + k], gradOut[gOff + k]);\n"
        f"{I2}    }}\n"
        f"{I2}    continue;\n"
        f"{I2}}}\n"
        f"{I2}FloatVector vys = vy.add(TANH_BACKWARD_TINY_SHIFT); // as in the four-vector step\n"
        f"{I2}FloatVector.fromArray(F, gradOut, gOff + {at}).mul(vys.neg().fma(vys, vone))\n"
        f"{I2}        .intoArray(gradIn, giOff + {at});\n")


def tanh_backward_kernel():
    """binary32 g * fma(-y, y, 1), four vectors per step with one range test for the four, then one vector per step;
    a step of four that fails the test takes the one-vector form four times."""
    at = lambda k: "" if k == 0 else f" + {k} * F.length()" if k > 1 else " + F.length()"
    quad = (
        f"        // four vectors per step: C2 neither unrolls a loop with a scalar detour nor vectorizes one, while a plain\n"
        f"        // loop of g*f'(y) is both (one vector per step ran at 0.6x it at 1024 elements)\n"
        f"        FloatVector vone = FloatVector.broadcast(F, 1f);\n"
        f"        for (int bound = len - 4 * F.length(); i <= bound; i += 4 * F.length()) {{\n"
        + "".join(f"{IND}FloatVector vy{k} = FloatVector.fromArray(F, y, yOff + i{at(k)});\n" for k in range(4))
        + f"{IND}// saved outputs have |y| <= 1, so the OR of the magnitude bits stays below the bits of 2^32 unless a\n"
        f"{IND}// lane is above 2^32, infinite or NaN: then the one-vector form for each of the four\n"
        f"{IND}if (vy0.reinterpretAsInts().or(vy1.reinterpretAsInts()).or(vy2.reinterpretAsInts())\n"
        f"{IND}        .or(vy3.reinterpretAsInts()).and(~SIGN_BIT_F)\n"
        f"{IND}        .compare(GT, SAVED_OUTPUT_BINARY32_MAX_BITS).anyTrue()) {{\n"
        f"{IND}    for (int l = i; l < i + 4 * F.length(); l += F.length()) {{\n"
        + tanh_backward_edge("l", IND + "        ")
        + f"{IND}    }}\n"
        f"{IND}    continue;\n"
        f"{IND}}}\n"
        f"{IND}// square y + 2^-100, never subnormal (ActivationConstants): a subnormal fma factor ran 31-39x on Intel\n"
        + "".join(f"{IND}FloatVector vy{k}s = vy{k}.add(TANH_BACKWARD_TINY_SHIFT);\n" for k in range(4))
        + "".join(f"{IND}FloatVector.fromArray(F, gradOut, gOff + i{at(k)}).mul(vy{k}s.neg().fma(vy{k}s, vone))\n"
                  f"{IND}        .intoArray(gradIn, giOff + i{at(k)});\n" for k in range(4))
        + "        }\n")
    return kernel("tanhBackward", SAVED, tanh_backward_edge("i"),
                  simple_tail("gradIn[giOff + i]", "ScalarActivations.tanhBackward(y[yOff + i], gradOut[gOff + i])"),
                  loop="F", head=quad)


# sigmoidBackward: the tanh form's four-vector step, but its range test also sends |y| < 2^-64 (and negative y) to a
# per-vector edge form: g y (1 - y) with a subnormal y or a subnormal product takes an assist on Intel (46-53x)
def sigmoid_backward_edge(at):
    """One vector at offset `at`: |y| > 2^32, inf or NaN lane by lane in the scalar method; |y| < 2^-64 lanes as
    g y rounded once with no subnormal operand or result; the others g fma(-y, y, y)."""
    I2 = IND + "    "
    return (
        f"{I2}FloatVector vy = FloatVector.fromArray(F, y, yOff + {at});\n"
        f"{I2}IntVector vyBits = vy.reinterpretAsInts();\n"
        f"{I2}IntVector vya = vyBits.and(~SIGN_BIT_F);\n"
        f"{I2}// |y| > 2^32, inf or NaN: the scalar method, lane by lane (inf and NaN through the vector form, the\n"
        f"{I2}// same NaN, made sigmoid box its vectors under C2 alone after this had run on edge inputs)\n"
        f"{I2}if (vya.compare(GT, SAVED_OUTPUT_BINARY32_MAX_BITS).anyTrue()) {{\n"
        f"{I2}    for (int k = {at}; k < {at} + F.length(); k++) {{\n"
        f"{I2}        gradIn[giOff + k] = ScalarActivations.sigmoidBackward(y[yOff + k], gradOut[gOff + k]);\n"
        f"{I2}    }}\n"
        f"{I2}    continue;\n"
        f"{I2}}}\n"
        f"{I2}FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + {at});\n"
        f"{I2}VectorMask<Integer> vtinyI = vya.compare(LT, SIGMOID_BACKWARD_TINY_BITS);\n"
        f"{I2}if (!vtinyI.anyTrue()) {{\n"
        f"{I2}    vg.mul(vy.neg().fma(vy, vy)).intoArray(gradIn, giOff + {at});\n"
        f"{I2}    continue;\n"
        f"{I2}}}\n"
        f"{I2}IntVector vgBits = vg.reinterpretAsInts();\n"
        f"{I2}IntVector vga = vgBits.and(~SIGN_BIT_F);\n"
        f"{I2}// |g| > 2^40 (|g| w could overflow), inf or NaN, with a tiny y: rare, the scalar method\n"
        f"{I2}if (vga.compare(GT, SIGMOID_BACKWARD_G_SPLIT_BITS).anyTrue()) {{\n"
        f"{I2}    for (int k = {at}; k < {at} + F.length(); k++) {{\n"
        f"{I2}        gradIn[giOff + k] = ScalarActivations.sigmoidBackward(y[yOff + k], gradOut[gOff + k]);\n"
        f"{I2}    }}\n"
        f"{I2}    continue;\n"
        f"{I2}}}\n"
        f"{I2}// tiny y >= 0 lifted to 2^-64 by an unsigned max (a blend is several ops on AVX2); their value is below\n"
        f"{I2}FloatVector vyN = vyBits.lanewise(UMAX, SIGMOID_BACKWARD_TINY_BITS).reinterpretAsFloats();\n"
        f"{I2}FloatVector vplain = vg.mul(vyN.neg().fma(vyN, vyN));\n"
        f"{I2}// |y| < 2^-64: y (1 - y) rounds to y, so the result is g y rounded once, formed with no subnormal\n"
        f"{I2}// operand or product (an assist of ~150 cycles each on Intel: subnormal y ran 46-53x the normal time).\n"
        f"{I2}// w = |y| 2^149 exactly, normal or 0: a subnormal |y| is its integer pattern, a normal one moves its\n"
        f"{I2}// exponent\n"
        f"{I2}IntVector vyaT = vya.lanewise(MIN, SIGMOID_BACKWARD_TINY_BITS); // other lanes at 2^-64\n"
        f"{I2}FloatVector vw = ((FloatVector) vyaT.convert(I2F, 0))\n"
        f"{I2}        .blend(vyaT.add(149 << 23).reinterpretAsFloats(), vyaT.compare(GE, NORMAL_MIN_BITS).cast(F));\n"
        f"{I2}FloatVector vgAbs = vga.reinterpretAsFloats(); // p = |g| w >= |g| where w != 0: normal for a normal g\n"
        f"{I2}// |g y| < 2^-126 (p < 2^23): its subnormal pattern, |g| w rounded to an integer by an fma with 2^23\n"
        f"{I2}// (one rounding); else p 2^-149, exact in the exponent field. The signed max picks the right one, as\n"
        f"{I2}// in exp: below 2^23 the second is at most 2p - 2^23, from 2^23 on the first is at most the second\n"
        f"{I2}IntVector vsub = vgAbs.fma(vw, FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts().sub(0x4b000000);\n"
        f"{I2}IntVector vmag = vsub.lanewise(MAX, vgAbs.mul(vw).reinterpretAsInts().sub(149 << 23));\n"
        f"{I2}FloatVector vtinyRes = vmag.or(vgBits.lanewise(XOR, vyBits).and(SIGN_BIT_F)).reinterpretAsFloats();\n"
        f"{I2}vplain.blend(vtinyRes, vtinyI.cast(F)).intoArray(gradIn, giOff + {at});\n")


def sigmoid_backward_kernel():
    """Steps of four vectors while every lane passes the range test; a step that fails, and the last one to three
    vectors, run the one-vector form (written once), then the steps of four resume."""
    at = lambda k: "" if k == 0 else f" + {k} * F.length()" if k > 1 else " + F.length()"
    I1 = IND + "    "
    return (
        f"    @Override\n"
        f"    public void sigmoidBackward({SAVED}) {{\n"
        f"        int i = 0;\n"
        f"        int vbound = F.loopBound(len);\n"
        f"        while (true) {{\n"
        f"            // four vectors per step: C2 neither unrolls a loop with a scalar detour nor vectorizes one, while a\n"
        f"            // plain loop of g*f'(y) is both (one vector per step ran at 0.6x it at 1024 elements)\n"
        f"            for (int bound = len - 4 * F.length(); i <= bound; i += 4 * F.length()) {{\n"
        + "".join(f"{I1}FloatVector vy{k} = FloatVector.fromArray(F, y, yOff + i{at(k)});\n" for k in range(4))
        + f"{I1}// every lane 2^-64 <= y <= 2^32: the signed max of the shifted bits (see FLIP) is below the end. Else\n"
        f"{I1}// (tiny, zero, negative, large, infinite or NaN y) these four take the one-vector form below\n"
        f"{I1}if (!vy0.reinterpretAsInts().sub(SIGMOID_BACKWARD_LO)\n"
        f"{I1}        .lanewise(MAX, vy1.reinterpretAsInts().sub(SIGMOID_BACKWARD_LO))\n"
        f"{I1}        .lanewise(MAX, vy2.reinterpretAsInts().sub(SIGMOID_BACKWARD_LO))\n"
        f"{I1}        .lanewise(MAX, vy3.reinterpretAsInts().sub(SIGMOID_BACKWARD_LO))\n"
        f"{I1}        .compare(LT, SIGMOID_BACKWARD_END).allTrue()) {{\n"
        f"{I1}    break;\n"
        f"{I1}}}\n"
        + "".join(f"{I1}FloatVector.fromArray(F, gradOut, gOff + i{at(k)}).mul(vy{k}.neg().fma(vy{k}, vy{k}))\n"
                  f"{I1}        .intoArray(gradIn, giOff + i{at(k)});\n" for k in range(4))
        + f"            }}\n"
        f"            // the four vectors of a failed step, or the last one to three\n"
        f"            for (int end = Math.min(i + 4 * F.length(), vbound); i < end; i += F.length()) {{\n"
        + sigmoid_backward_edge("i")
        + f"            }}\n"
        f"            if (i >= vbound) break;\n"
        f"        }}\n"
        f"        for (; i < len; i++) gradIn[giOff + i] = ScalarActivations.sigmoidBackward(y[yOff + i], gradOut[gOff + i]);\n"
        f"    }}\n\n")


out.append(sigmoid_backward_kernel())
out.append(tanh_backward_kernel())

# ---- the sigmoid family: sigmoid (VectorMath) on ScalarMath.sigmoid's compensated core; silu, siluBackward,
# logSigmoidBackward and softplusBackward on ScalarActivations.plainSigmoidFamily's shorter one
def unscale(src, dst):
    """dst = ScalarSoftmax.unscale(src) for src >= 0 (or NaN): src 2^-64, subnormal results rounded in integers."""
    return (
        f"{IND}VectorMask<Float> {dst}Tiny = {src}.compare(LT, EXP_NEG_U_MIN);\n"
        f"{IND}// subnormal results in integers, and no product of them at all: a subnormal product is an assist of\n"
        f"{IND}// ~150 cycles on an Intel Xeon, even when the lane is blended away afterwards\n"
        f"{IND}FloatVector {dst} = {dst}Tiny.anyTrue()\n"
        f"{IND}        ? {src}.blend(EXP_NEG_U_MIN, {dst}Tiny).mul(EXP_NEG_SCALE_DOWN)\n"
        f"{IND}                .blend({src}.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000)\n"
        f"{IND}                        .reinterpretAsFloats(), {dst}Tiny)\n"
        f"{IND}        : {src}.mul(EXP_NEG_SCALE_DOWN);\n")


def exp_neg_reduction(rlo):
    """The compensated binary32 exp of vdc <= 0 up to vc (ScalarMath.expTail): vnb, vn, vrHi, vrLo = rlo, vhi, vc."""
    return (
        f"{IND}FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);\n"
        f"{IND}FloatVector vn = vnb.sub(EXP_MAGIC_F);\n"
        f"{IND}FloatVector vrHi = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc);\n"
        f"{IND}FloatVector vrLo = {rlo};\n"
        f"{IND}FloatVector vhi = vrHi.add(1f);\n"
        f"{IND}FloatVector vr = vrHi.add(vrLo);\n"
        f"{IND}FloatVector vq = vr.fma(EXP_F_Q5, EXP_F_Q4).fma(vr, FloatVector.broadcast(F, EXP_F_Q3))\n"
        f"{IND}        .fma(vr, FloatVector.broadcast(F, EXP_F_Q2)).fma(vr, FloatVector.broadcast(F, EXP_F_Q1))\n"
        f"{IND}        .fma(vr, FloatVector.broadcast(F, EXP_F_Q0));\n"
        f"{IND}FloatVector vc = vrHi.sub(vhi.sub(1f)).add(vr.mul(vr).fma(vq, vrLo));\n")


# The sigmoid core's pieces shared by its general and fast bodies: e^-a as the float pair eh + el, then 1 + e = w + lo
# and 1/(w + lo) = r0 (1 + delta), with t = eh delta + el (ScalarMath.sigmoid).
SIGMOID_E_PAIR = (
    f"{IND}FloatVector veh = vhi.add(vc);\n"
    f"{IND}FloatVector vel = vc.sub(veh.sub(vhi));\n")

SIGMOID_QUOTIENT = (
    f"{IND}FloatVector ve = veh.mul(vsDen);\n"
    f"{IND}FloatVector vw = ve.add(1f);\n"
    f"{IND}FloatVector vlo = vel.fma(vsDen, ve.sub(vw.sub(1f)));\n"
    f"{IND}FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);\n"
    f"{IND}FloatVector vnr0 = vr0.neg();\n"
    f"{IND}FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));\n"
    f"{IND}FloatVector vt = veh.fma(vdelta, vel);\n")


def indent4(text):
    """text one block deeper (the fast bodies sit inside an if)."""
    return "".join("    " + l + "\n" for l in text.splitlines())


SIGMOID_CORE_HEAD = (
    f"{IND}FloatVector vx = FloatVector.fromArray(F, x, xOff + i);\n"
    f"{IND}IntVector vxBits = vx.reinterpretAsInts();\n"
    f"{IND}IntVector vdBits = vxBits.or(SIGN_BIT_F); // -|x|\n"
    f"{IND}FloatVector vdc = vdBits.lanewise(MAX, NEG_TINY_BITS).lanewise(MIN, SIGMOID_NEG_MIN_BITS)\n"
    f"{IND}        .reinterpretAsFloats();\n")

SIGMOID_CORE_EXP = exp_neg_reduction("vn.mul(-LN2_LO_F)") + SIGMOID_E_PAIR

SIGMOID_CORE_REST = (
    f"{IND}IntVector vsUpBits = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23);\n"
    f"{IND}FloatVector vsDen = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).lanewise(MAX, SIGMOID_DEN_MIN_BITS)\n"
    f"{IND}        .reinterpretAsFloats();\n"
    + SIGMOID_QUOTIENT
    + f"{IND}FloatVector vsUp = vsUpBits.reinterpretAsFloats();\n"
    f"{IND}FloatVector vsn = veh.fma(vr0, vr0.mul(vt)); // sigmoid(-a) 2^-n\n")

SIGMOID_CORE = SIGMOID_CORE_HEAD + SIGMOID_CORE_EXP + SIGMOID_CORE_REST

SIGMOID_TAIL = (
    f"{IND}FloatVector vsigmaNegUp = vsn.mul(vsUp); // sigmoid(-a) 2^64\n"
    + unscale("vsigmaNegUp", "vneg")
    + f"{IND}vr0.fma(vdelta, vr0).blend(vneg, vxBits.compare(LT, 0).cast(F))\n"
    f"{IND}        .blend(vx, vdBits.compare(GT, NEG_INF_BITS).cast(F)).intoArray(y, yOff + i);\n")

# silu's tiny x (x/2 rounded in integers), NaN and +inf, after its value vy
SILU_SPECIALS = (
    f"{IND}IntVector vaBits = vxBits.and(~SIGN_BIT_F);\n"
    f"{IND}// |x| below 2^-30, infinite or NaN (a - TINY_BITS, unsigned, at least INF_BITS - TINY_BITS): rare, so tested\n"
    f"{IND}// once per vector instead of blended into every one\n"
    f"{IND}if (vaBits.sub(TINY_BITS + FLIP).compare(GE, INF_BITS - TINY_BITS + FLIP).anyTrue()) {{\n"
    f"{IND}    IntVector vhalfBits = vaBits.sub(1 << 23)\n"
    f"{IND}            .blend(vaBits.add(IntVector.zero(I).blend(1, vxBits.compare(GT, 0))).lanewise(ASHR, 1),\n"
    f"{IND}                    vaBits.compare(LT, HALF_EXACT_BITS))\n"
    f"{IND}            .or(vxBits.and(SIGN_BIT_F));\n"
    f"{IND}    vy = vy.blend(vhalfBits.reinterpretAsFloats(), vaBits.compare(LT, TINY_BITS).cast(F))\n"
    f"{IND}            .blend(vx, vdBits.compare(GT, NEG_INF_BITS).or(vxBits.compare(EQ, INF_BITS)).cast(F));\n"
    f"{IND}}}\n"
    f"{IND}vy.intoArray(y, yOff + i);\n")


def large_gradout_pre(max_bits, bound, call):
    """Loop-head guard: a vector with some |gradOut| above bound (or inf or NaN) goes lane by lane to the scalar call."""
    return (f"{IND}IntVector vgaIn = FloatVector.fromArray(F, gradOut, gOff + i).reinterpretAsInts().and(~SIGN_BIT_F);\n"
            f"{IND}// |gradOut| above {bound}, inf or NaN: the scalar method, lane by lane, for the whole vector (only arrays live)\n"
            f"{IND}if (vgaIn.compare(GT, {max_bits}).anyTrue()) {{\n"
            f"{IND}    for (int l = i; l < i + F.length(); l++) {{\n"
            f"{IND}        gradIn[giOff + l] = {call};\n"
            f"{IND}    }}\n"
            f"{IND}    continue;\n"
            f"{IND}}}\n")


# sigmoid's fast path: whole vectors with 2^-30 <= |x| <= 40 need no clamp, keep 2^n (n >= -58) in the
# denominator's range and give normal results only, so the value at 2^-n is scaled by 2^n directly (the same bits as
# scaling up by 2^(n+64) and down by 2^-64, both exact there) and no special value is blended in.
def x_in_fast_range(neg_max_bits):
    """Lanes with 2^-30 <= |x| <= -neg_max (-|x| bits in a range, tested signed: see FLIP): every fast path's test."""
    return (f"FloatVector.fromArray(F, x, xOff + i).reinterpretAsInts().or(SIGN_BIT_F).sub(NEG_TINY_BITS + FLIP)\n"
            f"{IND}        .compare(LT, {neg_max_bits} - NEG_TINY_BITS + 1 + FLIP)")


def fast_x(load="FloatVector.fromArray(F, x, xOff + i)"):
    """A fast body's vx and vdc = -|x| (no clamp needed in the fast range)."""
    return (f"{IND}    FloatVector vx = {load};\n"
            f"{IND}    FloatVector vdc = vx.reinterpretAsInts().or(SIGN_BIT_F).reinterpretAsFloats(); // -|x|\n")


SIGMOID_FAST_CORE = (
    fast_x()
    + indent4(exp_neg_reduction("vn.mul(-LN2_LO_F)") + SIGMOID_E_PAIR)
    + f"{IND}    FloatVector vsDen = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n\n"
    + indent4(SIGMOID_QUOTIENT))

SIGMOID_FAST_TAIL = (
    f"{IND}    FloatVector vneg = veh.fma(vr0, vr0.mul(vt)).mul(vsDen); // sigmoid(-a)\n"
    f"{IND}    vr0.fma(vdelta, vr0).blend(vneg, vx.compare(LT, 0f)).intoArray(y, yOff + i);\n")

def sigmoid_fast(body):
    """sigmoid's and silu's fast path: whole vectors with 2^-30 <= |x| <= 40 run body, then the next vector."""
    return (
        f"{IND}// whole vectors with 2^-30 <= |x| <= 40: no clamp, no special value, every result normal (tools/gen_panama_activations.py)\n"
        f"{IND}if ({x_in_fast_range('SIGMOID_FAST_NEG_MAX_BITS')}.allTrue()) {{\n"
        f"{body}"
        f"{IND}    continue;\n"
        f"{IND}}}\n")


out.append(kernel("sigmoid", UNARY,
    sigmoid_fast(SIGMOID_FAST_CORE + SIGMOID_FAST_TAIL)
    + f"{IND}// ScalarMath.sigmoid, op for op: both signs computed, blended on x < 0\n"
    + SIGMOID_CORE + SIGMOID_TAIL,
    simple_tail("y[yOff + i]", "ScalarMath.sigmoid(x[xOff + i])"), loop="F",
    decl="    /** VectorMath.sigmoid's body (PanamaVectorMath delegates here), generated with the sigmoid family. */\n"
         f"    static void sigmoid({UNARY}) {{\n"))

# silu on exp's plain binary32 polynomial (ScalarActivations.silu): e^-a = p 2^n with p rounded once, 1 + e = w + lo,
# 1/(w + lo) = r0 (1 + delta), then the numerator x (x >= 0) or -a p (x < 0, split exactly as nh + nl) times
# r0 (1 + delta), rounded once.
def plain_core(fast):
    """The exp and the corrected reciprocal; fast: vdc = -|x| unclamped, 2^n normal (vsDen), e = p 2^n."""
    body = (
        f"{IND}FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);\n"
        f"{IND}FloatVector vn = vnb.sub(EXP_MAGIC_F);\n"
        f"{IND}FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));\n"
        f"{IND}FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))\n"
        f"{IND}        .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))\n"
        f"{IND}        .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));\n")
    if fast:
        body += f"{IND}FloatVector vsDen = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n\n"
    else:
        body += (
            f"{IND}IntVector vsUpBits = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23);\n"
            f"{IND}FloatVector vsDen = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).lanewise(MAX, SIGMOID_DEN_MIN_BITS)\n"
            f"{IND}        .reinterpretAsFloats();\n")
    return body + PLAIN_QUOTIENT


# e = p 2^n (vsDen), 1 + e = w + lo (Fast2Sum, e <= 1), 1/(w + lo) = r0 (1 + delta): silu's core and geluTanh's
PLAIN_QUOTIENT = (
    f"{IND}FloatVector ve = vp.mul(vsDen);\n"
    f"{IND}FloatVector vw = ve.add(1f);\n"
    f"{IND}FloatVector vlo = ve.sub(vw.sub(1f));\n"
    f"{IND}FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);\n"
    f"{IND}FloatVector vnr0 = vr0.neg();\n"
    f"{IND}FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));\n")


def silu_plain_exp(fast):
    """silu's numerator times r0 (1 + delta) as vcore; fast: at 2^n (exact there: every value normal), silu(x) itself."""
    body = plain_core(fast)
    m = "ve" if fast else "vp"
    body += (
        f"{IND}VectorMask<Float> vneg = vx.compare(LT, 0f);\n"
        f"{IND}FloatVector vph = vdc.mul({m});\n"
        + (f"{IND}FloatVector vnh = vx.blend(vph, vneg);\n" if fast else
           f"{IND}// |x| < 2^-30 lanes get their result in integers below: x >= 2^-30 here keeps subnormal x out of the\n"
           f"{IND}// products (an assist each on Intel: subnormal x ran 17x slower)\n"
           f"{IND}FloatVector vnh = vx.max(0x1p-30f).blend(vph, vneg);\n") +
        f"{IND}FloatVector vnl = FloatVector.zero(F).blend(vdc.fma({m}, vph.neg()), vneg);\n"
        f"{IND}FloatVector vcore = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta, vnl)));\n")
    return body


SILU_FAST = sigmoid_fast(fast_x() + indent4(silu_plain_exp(True)) + f"{IND}    vcore.intoArray(y, yOff + i);\n")

SILU_GENERAL = (
    f"{IND}// ScalarActivations.silu, op for op: both signs computed, blended on x < 0\n"
    + SIGMOID_CORE_HEAD + silu_plain_exp(False)
    + f"{IND}// |silu(x)| 2^64 for x < 0 (positive lanes set to a value unscale leaves alone)\n"
    f"{IND}FloatVector vnegUp = vcore.neg().mul(vsUpBits.reinterpretAsFloats()).blend(EXP_NEG_U_MIN, vneg.not());\n"
    + unscale("vnegUp", "vnegDown")
    + f"{IND}FloatVector vy = vcore.blend(vnegDown.neg(), vneg);\n"
    + SILU_SPECIALS)

out.append(kernel("silu", UNARY, SILU_FAST + SILU_GENERAL,
    simple_tail("y[yOff + i]", "ScalarActivations.silu(x[xOff + i])"), loop="F"))

def split_driver(first, second, tail):
    """A split kernel's public body: per block of SPLIT_BLOCK elements the first pass into the per-thread buffers, then
    the second, then the scalar tail (first and second: the two calls, with from, to and pair in scope)."""
    return (
        f"        int bound = F.loopBound(len);\n"
        f"        float[][] pair = bound > 0 ? E_PAIR.get() : null;\n"
        f"        for (int from = 0; from < bound; from += SPLIT_BLOCK) {{\n"
        f"            int to = Math.min(bound, from + SPLIT_BLOCK);\n"
        f"            {first};\n"
        f"            {second};\n"
        f"        }}\n"
        f"        int i = bound;\n"
        f"{tail}"
        f"    }}\n\n")


# logSigmoidBackward (and softplusBackward = logSigmoidBackward at -x) on silu's plain core, one loop: g 2^64 (x < 0)
# or g 2^(n+64) p (x >= 0, split exactly) times r0 (1 + delta), rounded once, scaled down (ScalarActivations)
LOG_SIGMOID_BACKWARD_PLAIN = (
    f"{IND}FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);\n"
    f"{IND}VectorMask<Float> vxNeg = vxBits.compare(LT, 0).cast(F);\n"
    f"{IND}// x >= 130 (clamped): |g sigmoid(-x)| <= 2^37 e^-130 < 2^-150 rounds to 0. There and where x < 0 (which\n"
    f"{IND}// uses g 2^64) the x >= 0 numerator is unused: its scale 2^(n+64) becomes 1, as g 2^(n+64) may be\n"
    f"{IND}// subnormal, and each product of it an assist (~150 cycles on Intel: masked logits ran 14-43x slower)\n"
    f"{IND}VectorMask<Float> vzero = vdBits.compare(GE, SIGMOID_NEG_MIN_BITS).cast(F).andNot(vxNeg);\n"
    f"{IND}// |g| 2^(n+64) < 2^-99 (read off the exponent fields, an upper bound for subnormal g): up < 2^-98 rounds to\n"
    f"{IND}// 0 below, so 0 runs through; its rounding error nl went subnormal there (x in (100, 130): 30-38x the time)\n"
    f"{IND}VectorMask<Float> vnegligible = vgaIn.add(vsUpBits).compare(ULT, (127 + 127 - 99) << 23).cast(F);\n"
    f"{IND}FloatVector vgNeg = vg.mul(vsUpBits.reinterpretAsFloats().blend(1f, vxNeg.or(vzero)).blend(0f, vnegligible));\n"
    f"{IND}FloatVector vgh = vgNeg.mul(vp);\n"
    f"{IND}FloatVector vnh = vgh.blend(vg.mul(0x1p64f), vxNeg);\n"
    f"{IND}// n < -60: w = 1, r0 = 1, |delta| < 2^-59, so up rounds to nh whatever nl and nh delta are (nl is nh's own\n"
    f"{IND}// rounding error); both run as 0 there, as either may be subnormal (x in (100, 115): 3.8x the time)\n"
    f"{IND}VectorMask<Float> vdeep = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).compare(LT, SIGMOID_DEN_MIN_BITS).cast(F);\n"
    f"{IND}FloatVector vnl = vgNeg.blend(0f, vdeep).fma(vp, vgh.blend(0f, vdeep).neg()).blend(0f, vxNeg);\n"
    f"{IND}FloatVector vupAbs = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta.blend(0f, vdeep), vnl))).abs(); // |g sigmoid(-x)| 2^64\n"
    + unscale("vupAbs", "vdownAny")
    + f"{IND}FloatVector vdown = vdownAny.blend(0f, vzero);\n"
    f"{IND}vdown.blend(vdown.neg(), vg.reinterpretAsInts().compare(LT, 0).cast(F)) // g's sign, also on zeros\n"
    f"{IND}        .blend(vx, vdBits.compare(GT, NEG_INF_BITS).cast(F)).intoArray(gradIn, giOff + i);\n")


def backward_fast_range(g_max_bits):
    """The fast paths' test of the backward kernels: 2^-30 <= |x| <= 20 and 2^-20 <= |gradOut| <= g_max, all lanes."""
    return (f"{IND}if ({x_in_fast_range('SIGMOID_BACKWARD_FAST_NEG_MAX_BITS')}\n"
            f"{IND}        .and(FloatVector.fromArray(F, gradOut, gOff + i).reinterpretAsInts().and(~SIGN_BIT_F)\n"
            f"{IND}                .sub(SIGMOID_GRAD_FAST_MIN_BITS + FLIP)\n"
            f"{IND}                .compare(LT, {g_max_bits} - SIGMOID_GRAD_FAST_MIN_BITS + 1 + FLIP))\n"
            f"{IND}        .allTrue()) {{\n")


def plain_sigmoid_backward_fast(load, store_suffix):
    """Whole vectors with 2^-30 <= |x| <= 20 and 2^-20 <= |g| <= 2^37: the general body's operations at its 2^64 scale
    without clamps, guards and special values, then 2^-64 (exact: every result is at least 2^-49), g's own sign."""
    return (
        f"{IND}// whole vectors with 2^-30 <= |x| <= 20 and 2^-20 <= |gradOut| <= 2^37: no clamp, no guard, no special value,\n"
        f"{IND}// every result normal; g != 0 gives the result g's sign, which the general body sets\n"
        + backward_fast_range("SIGMOID_GRAD_MAX_BITS")
        + fast_x(load)
        + indent4(plain_core(True))
        + f"{IND}    FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);\n"
        f"{IND}    VectorMask<Float> vxNeg = vx.compare(LT, 0f);\n"
        f"{IND}    // nh = g 2^64 e (= g 2^(n+64) p exactly) or g 2^64 (x < 0, where nl comes out 0): the general body's values\n"
        f"{IND}    // (unscaled, the tail fma(nh, delta, nl) could cancel below 2^-126 and round differently)\n"
        f"{IND}    FloatVector vfactor = ve.mul(0x1p64f).blend(0x1p64f, vxNeg);\n"
        f"{IND}    FloatVector vnh = vg.mul(vfactor);\n"
        f"{IND}    FloatVector vnl = vg.fma(vfactor, vnh.neg());\n"
        f"{IND}    FloatVector vres = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta, vnl))).mul(EXP_NEG_SCALE_DOWN);\n"
        f"{store_suffix}"
        f"{IND}    vres.intoArray(gradIn, giOff + i);\n"
        f"{IND}    continue;\n"
        f"{IND}}}\n")


def plain_sigmoid_backward(name, params, tail_text, tail, large_g, neg=False, store_suffix="", pre=""):
    """logSigmoidBackward's one-loop kernel (softplusBackward's on -x): the fast path, the large-gradOut detour
    (large_g), then ScalarActivations.plainSigmoidFamily's general body finished by tail_text."""
    load = "FloatVector.fromArray(F, x, xOff + i)" + (".neg()" if neg else "")
    return kernel(name, params,
        plain_sigmoid_backward_fast(load, store_suffix)
        + large_g
        + f"{IND}// ScalarActivations.plainSigmoidFamily(LOG_SIGMOID_BACKWARD), op for op: both signs, blended on x < 0\n"
        + SIGMOID_CORE_HEAD.replace("FloatVector.fromArray(F, x, xOff + i)", load, 1)
        + plain_core(False) + tail_text,
        tail, loop="F", pre=pre)


out.append(plain_sigmoid_backward("logSigmoidBackward", BINARY,
    LOG_SIGMOID_BACKWARD_PLAIN,
    simple_tail("gradIn[giOff + i]", "ScalarActivations.logSigmoidBackward(x[xOff + i], gradOut[gOff + i])"),
    large_gradout_pre("SIGMOID_GRAD_MAX_BITS", "2^37", "ScalarActivations.logSigmoidBackward(x[xOff + l], gradOut[gOff + l])")))


# siluBackward on silu's plain core (ScalarActivations.plainSigmoidFamily, SILU_BACKWARD): g S N r0 (1 + delta)
# (hh + hl), with c = a e (x >= 0) or -a (x < 0), hh + hl = 1 + c r0 (1 + delta), N = 1 or p and S = 1 or 2^(n+64)
# (in the fast path too, which only skips clamps, guards and special values), N hh and g S N hh split exactly; within
# 1/2 of the root h = d + d^2 P(d).
def silu_root_window(ind):
    """hh = dh + (dh^2 P(dh) - lo), hl = 0 where |x - hi| < SILU_F_ROOT_WINDOW (plainSigmoidFamily, SILU_BACKWARD)."""
    return (
        f"{ind}FloatVector vdh = vx.sub(SILU_F_ROOT_HI);\n"
        f"{ind}FloatVector vpw = vdh.fma(SILU_F_W8, SILU_F_W7).fma(vdh, FloatVector.broadcast(F, SILU_F_W6))\n"
        f"{ind}        .fma(vdh, FloatVector.broadcast(F, SILU_F_W5)).fma(vdh, FloatVector.broadcast(F, SILU_F_W4))\n"
        f"{ind}        .fma(vdh, FloatVector.broadcast(F, SILU_F_W3)).fma(vdh, FloatVector.broadcast(F, SILU_F_W2))\n"
        f"{ind}        .fma(vdh, FloatVector.broadcast(F, SILU_F_W1));\n"
        f"{ind}VectorMask<Float> vin = vdh.abs().compare(LT, SILU_F_ROOT_WINDOW);\n"
        f"{ind}vhh = vhh.blend(vdh.add(vdh.fma(vdh.mul(vpw), FloatVector.broadcast(F, -SILU_F_ROOT_LO))), vin);\n"
        f"{ind}vhl = vhl.blend(0f, vin);\n")


def silu_backward_h(ind, neg):
    """c, hh and hl (before the root window) from vdc, ve, vr0, vdelta; neg: the mask of x < 0."""
    return (
        f"{ind}FloatVector vc = vdc.neg().mul(ve).blend(vdc, {neg}); // x sigmoid(-x) / sigmoid(a)\n"
        f"{ind}FloatVector vhh = vc.fma(vr0, FloatVector.broadcast(F, 1f));\n"
        f"{ind}FloatVector vhl = vc.mul(vr0).mul(vdelta);\n")


def silu_backward_product(ind, neg):
    """vmh and vcorr: N hh split exactly plus the tails, N = p where x < 0, else 1."""
    return (
        f"{ind}FloatVector vnum = FloatVector.broadcast(F, 1f).blend(vp, {neg});\n"
        f"{ind}FloatVector vmh = vnum.mul(vhh);\n"
        f"{ind}FloatVector vcorr = vnum.fma(vhl, vnum.mul(vdelta).fma(vhh, vnum.fma(vhh, vmh.neg())));\n")


def silu_backward_result(ind, dst):
    """dst = q r0 (mh + corr) rounded once, q = g S exact, q mh split exactly (qh + ql): g r0 is never rounded alone."""
    return (
        f"{ind}FloatVector vqh = vq.mul(vmh);\n"
        f"{ind}FloatVector vql = vq.fma(vmh, vqh.neg());\n"
        f"{ind}FloatVector {dst} = vr0.fma(vqh, vr0.mul(vq.fma(vcorr, vql)));\n")


SILU_BACKWARD_FAST = (
    f"{IND}// whole vectors with 2^-30 <= |x| <= 20 and 2^-20 <= |gradOut| <= 2^29: no clamp, no guard, no special value,\n"
    f"{IND}// every result normal; g != 0 and hh != 0 give the products the sign the general body sets\n"
    + backward_fast_range("SILU_GRAD_MAX_BITS")
    + fast_x()
    + indent4(plain_core(True))
    + f"{IND}    FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);\n"
    f"{IND}    VectorMask<Float> vxNeg = vx.compare(LT, 0f);\n"
    + silu_backward_h(IND + "    ", "vxNeg")
    + f"{IND}    // blended in every vector: 1/2 around x0 holds a tenth of N(0, 3)'s lanes, a branch there mispredicts\n"
    + silu_root_window(IND + "    ")
    + silu_backward_product(IND + "    ", "vxNeg")
    + f"{IND}    // x < 0 at 2^(n+64), as in the general body: the same operations on the same values (unscaled, the tail\n"
    f"{IND}    // fma(q, corr, ql) could cancel below 2^-126), then 2^-64, exact: every result here is at least 2^-77\n"
    f"{IND}    FloatVector vsUp = vsDen.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS << 23).reinterpretAsFloats();\n"
    f"{IND}    FloatVector vq = vg.mul(FloatVector.broadcast(F, 1f).blend(vsUp, vxNeg));\n"
    + silu_backward_result(IND + "    ", "vres")
    + f"{IND}    vres.blend(vres.mul(EXP_NEG_SCALE_DOWN), vxNeg).intoArray(gradIn, giOff + i);\n"
    f"{IND}    continue;\n"
    f"{IND}}}\n")

SILU_BACKWARD_GENERAL = (
    f"{IND}FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);\n"
    f"{IND}VectorMask<Float> vxNeg = vxBits.compare(LT, 0).cast(F);\n"
    + silu_backward_h(IND, "vxNeg")
    + f"{IND}// the root window only when a lane needs it (same bits as blending it into every vector): this body also\n"
    f"{IND}// sees subnormal x, and a float op on one is an assist on x86\n"
    f"{IND}if (vx.compare(GT, SILU_F_ROOT_HI - SILU_F_ROOT_WINDOW - 0x1p-10f)\n"
    f"{IND}        .and(vx.compare(LT, SILU_F_ROOT_HI + SILU_F_ROOT_WINDOW + 0x1p-10f)).anyTrue()) {{\n"
    + silu_root_window(IND + "    ")
    + f"{IND}}}\n"
    + silu_backward_product(IND, "vxNeg")
    + f"{IND}// x <= -130 (clamped): |g silu'(x)| <= 2^29 129 e^-130 < 2^-150 rounds to 0. There the scale 2^(n+64) of x < 0\n"
    f"{IND}// becomes 1 where some |x| >= 64, as products of g 2^(n+64) may be subnormal, each an assist (~150 cycles on\n"
    f"{IND}// Intel: masked logits ran 10-13x slower), and the lane is set to 0 below; the test alone costs less than the\n"
    f"{IND}// blends (those on every vector: 7% on N(0, 3)). Where |g| 2^(n+64) < 2^-95 (exponent fields, an upper\n"
    f"{IND}// bound) |g silu'(-a)| 2^64 < 2^-87.4 rounds to 0 below, and 0 runs through instead of subnormal products\n"
    f"{IND}// (x in (-130, -115) ran 6.8x slower). x >= 0 takes no scale.\n"
    f"{IND}VectorMask<Float> vxPos = vxNeg.not();\n"
    f"{IND}boolean vlarge = vdBits.compare(GE, SILU_BACKWARD_SCALE_GUARD_BITS).anyTrue();\n"
    f"{IND}FloatVector vsUp = vsUpBits.reinterpretAsFloats();\n"
    f"{IND}FloatVector vq = vg.mul(vlarge ? vsUp.blend(1f, vxPos.or(vdBits.compare(GE, SIGMOID_NEG_MIN_BITS).cast(F)))\n"
    f"{IND}        .blend(0f, vgaIn.add(vsUpBits).compare(ULT, (127 + 127 - 95) << 23).cast(F).andNot(vxPos))\n"
    f"{IND}        : vsUp.blend(1f, vxPos));\n"
    + silu_backward_result(IND, "vupSigned")
    + f"{IND}FloatVector vup = vupSigned.abs(); // |g silu'(x)|, at 2^64 for x < 0\n"
    + unscale("vup", "vdownAny")
    + f"{IND}FloatVector vdown = vlarge ? vdownAny.blend(0f, vdBits.compare(GE, SIGMOID_NEG_MIN_BITS).cast(F)) : vdownAny;\n"
    f"{IND}// the sign of g f'(x) from the signs (ScalarActivations.plainSigmoidFamily: zeros of g)\n"
    f"{IND}IntVector vsign = vg.reinterpretAsInts()\n"
    f"{IND}        .lanewise(XOR, vhh.reinterpretAsInts().and(vxBits.lanewise(ASHR, 31))).and(SIGN_BIT_F);\n"
    f"{IND}vdown.blend(vup, vxPos).reinterpretAsInts().or(vsign).reinterpretAsFloats()\n"
    f"{IND}        .blend(vx, vdBits.compare(GT, NEG_INF_BITS).cast(F)).intoArray(gradIn, giOff + i);\n")

out.append(kernel("siluBackward", BINARY,
    SILU_BACKWARD_FAST
    + large_gradout_pre("SILU_GRAD_MAX_BITS", "2^29", "ScalarActivations.siluBackward(x[xOff + l], gradOut[gOff + l])")
    + f"{IND}// ScalarActivations.plainSigmoidFamily(x, g, SILU_BACKWARD), op for op: both signs computed, blended on x < 0\n"
    + SIGMOID_CORE_HEAD + plain_core(False) + SILU_BACKWARD_GENERAL,
    simple_tail("gradIn[giOff + i]", "ScalarActivations.siluBackward(x[xOff + i], gradOut[gOff + i])"), loop="F"))


# softplusBackward with beta = 1: g sigmoid(x) = logSigmoidBackward(-x, g), the same core on -x (negation is exact)
SPB_PRE = ("        if (beta != 1f) { // binary64: beta x is not exact in float\n"
           "            softplusBackwardBinary64(x, xOff, gradOut, gOff, gradIn, giOff, len, beta, threshold);\n"
           "            return;\n"
           "        }\n"
           "        // the fast path's x are at most 20: a threshold of 20 or more (PyTorch's default is 20) needs no blend there\n"
           "        boolean thresholdInFastRange = !(threshold >= SIGMOID_BACKWARD_FAST_X_MAX);\n")
SPB_TAIL = LOG_SIGMOID_BACKWARD_PLAIN.replace(
    f"{IND}        .blend(vx, vdBits.compare(GT, NEG_INF_BITS).cast(F)).intoArray(gradIn, giOff + i);\n",
    f"{IND}        .blend(vx, vdBits.compare(GT, NEG_INF_BITS).cast(F))\n"
    f"{IND}        .blend(vg, vx.compare(LT, -threshold)).intoArray(gradIn, giOff + i); // x > threshold: gradOut\n")
assert SPB_TAIL != LOG_SIGMOID_BACKWARD_PLAIN
out.append(plain_sigmoid_backward("softplusBackward", BINARY + ", float beta, float threshold", SPB_TAIL,
    simple_tail("gradIn[giOff + i]", "ScalarActivations.softplusBackward(x[xOff + i], gradOut[gOff + i], 1.0, threshold)"),
    large_gradout_pre("SIGMOID_GRAD_MAX_BITS", "2^37", "ScalarActivations.softplusBackward(x[xOff + l], gradOut[gOff + l], 1.0, threshold)"),
    neg=True, store_suffix=f"{IND}    if (thresholdInFastRange) vres = vres.blend(vg, vx.compare(LT, -threshold)); // x > threshold: g\n",
    pre=SPB_PRE))


# ---- softplus (beta = 1) and logSigmoid in binary32: ScalarSoftmax.softplusNegAbs per lane, BCE's core
# softplus(x) = max(x, 0) + log1p(exp(-|x|)) in two loops per block of SPLIT_BLOCK elements: e^-|x| into the per-thread
# buffers (expNegAbsForLog1p), then log1p(e) and the kernel's own finish ({name}Block). One loop of some 55 operations
# per vector ran well below this CPU's op throughput, as BCE's fused loop and siluBackward's did; same operations on
# the same values, so the same bits (reports/jmh-softplus-split-x86-epyc.md).
SOFTPLUS_EXP_NEG_ABS = (
    f"{IND}FloatVector va = FloatVector.fromArray(F, x, xOff + i).abs();\n"
    f"{IND}// vsp = ScalarSoftmax.softplusNegAbs(a) = log1p(exp(-a)), op for op, its exp here and its log1p in the\n"
    f"{IND}// second pass. a clamped to [2^-26, 104] on its bits (e^-a rounds to 1 below 2^-26, as for a = 0 in the\n"
    f"{IND}// scalar twin, and nothing but e is used; NaN becomes 104 here and reaches the result through x): a subnormal\n"
    f"{IND}// factor or r^2 is an assist on Intel (subnormal x ran 22-24x slower, |x| < 2^-63 6.5-7x)\n"
    f"{IND}FloatVector vdc = va.reinterpretAsInts().lanewise(MAX, SOFTPLUS_A_MIN_BITS).lanewise(MIN, SOFTPLUS_A_MAX_BITS)\n"
    f"{IND}        .reinterpretAsFloats().neg();\n"
    + exp_neg_reduction("vn.fma(FloatVector.broadcast(F, -LN2_LO_F), FloatVector.zero(F))")
    + f"{IND}FloatVector vs = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n where n >= -126\n"
    f"{IND}FloatVector ve = vhi.add(vc).mul(vs);\n"
    f"{IND}VectorMask<Float> mayBeSubnormal = va.compare(GT, E_NORMAL_A);\n"
    f"{IND}if (mayBeSubnormal.anyTrue()) {{ // |x| above 87: unscale(u), subnormal e rounded in integers\n"
    f"{IND}    FloatVector vs1 = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();\n"
    f"{IND}    FloatVector vu = vc.fma(vs1, vhi.mul(vs1));\n"
    f"{IND}    vu.blend(EXP_NEG_U_MIN, vu.compare(LT, EXP_NEG_U_MIN)).mul(EXP_NEG_SCALE_DOWN).blend(\n"
    f"{IND}            vu.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000).reinterpretAsFloats(),\n"
    f"{IND}            vu.compare(LT, EXP_NEG_U_MIN)).intoArray(eLarge, i - from);\n"
    f"{IND}    // e < 2^-125 there, so log1p(e) comes out as e itself (w1 = 1, k = f = 0): e is blended in at the end\n"
    f"{IND}    // and 0 runs through, as a subnormal e in an fma of log1p was an assist on Intel (|x| in (87, 140) 5-7x)\n"
    f"{IND}    ve = ve.blend(0f, mayBeSubnormal);\n"
    f"{IND}}}\n"
    f"{IND}ve.intoArray(e, i - from);\n")

SOFTPLUS_LOG1P = (
    f"{IND}FloatVector vx = FloatVector.fromArray(F, x, xOff + i);\n"
    f"{IND}FloatVector ve = FloatVector.fromArray(F, e, i - from);\n"
    f"{IND}FloatVector vw1 = ve.add(1f);\n"
    f"{IND}FloatVector vcc = ve.sub(vw1.sub(1f));\n"
    f"{IND}FloatVector vrec = FloatVector.broadcast(F, 1f).div(vw1);\n"
    f"{IND}IntVector vix = vw1.reinterpretAsInts().sub(SQRT_HALF_BITS);\n"
    f"{IND}FloatVector vk = (FloatVector) vix.lanewise(ASHR, 23).convert(I2F, 0);\n"
    f"{IND}FloatVector vf = vix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);\n"
    f"{IND}FloatVector vf2 = vf.mul(vf);\n"
    f"{IND}// ScalarMath.logPolyF's Estrin scheme written out: a helper method boxed where C2 did not inline it, and\n"
    f"{IND}// fma(float, float) boxed logSigmoid under C2 alone after erf, log, log1p and softplus had run\n"
    f"{IND}FloatVector vpl = vf.fma(FloatVector.broadcast(F, LOG_F_P7), FloatVector.broadcast(F, LOG_F_P6))\n"
    f"{IND}        .fma(vf2, vf.fma(FloatVector.broadcast(F, LOG_F_P5), FloatVector.broadcast(F, LOG_F_P4)))\n"
    f"{IND}        .fma(vf2.mul(vf2), vf.fma(FloatVector.broadcast(F, LOG_F_P3), FloatVector.broadcast(F, LOG_F_P2))\n"
    f"{IND}                .fma(vf2, vf.fma(FloatVector.broadcast(F, LOG_F_P1), FloatVector.broadcast(F, LOG_F_P0))));\n"
    f"{IND}FloatVector vb = vk.fma(FloatVector.broadcast(F, LN2_LO_F), vf2.mul(vf).mul(vpl));\n"
    f"{IND}FloatVector vt = vf.fma(vf.mul(-0.5f), vb);\n"
    f"{IND}FloatVector vsp = vk.fma(FloatVector.broadcast(F, LN2_HI_F), vf).add(vcc.fma(vrec, vt));\n"
    f"{IND}VectorMask<Float> mayBeSubnormal = vx.abs().compare(GT, E_NORMAL_A);\n"
    f"{IND}if (mayBeSubnormal.anyTrue()) vsp = vsp.blend(FloatVector.fromArray(F, eLarge, i - from), mayBeSubnormal);\n")


def softplus_family(name, head, store, tail, pre="", extra=()):
    """name's public method: expNegAbsForLog1p then {name}Block per block, then the scalar tail."""
    plist = ["float[] x", "int xOff", "float[] y", "int yOff", "int from", "int to"] + list(extra) + [
        "float[] e", "float[] eLarge"]
    args = ", ".join(["x, xOff, y, yOff, from, to"] + [q.split()[-1] for q in extra] + ["pair[0], pair[1]"])
    return (
        f"{head}"
        f"{pre}"
        + split_driver("expNegAbsForLog1p(x, xOff, from, to, pair[0], pair[1])", f"{name}Block({args})", tail)
        + f"{signature(f'    private static void {name}Block(', plist)}"
        f"        for (int i = from; i < to; i += F.length()) {{\n"
        f"{SOFTPLUS_LOG1P}{store}"
        f"        }}\n"
        f"    }}\n\n")


out.append(
    "    /**\n"
    "     * Pass one of softplus and logSigmoid (beta = 1) over x[xOff + from, xOff + to): e^-|x| as\n"
    "     * ScalarSoftmax.softplusNegAbs computes it, to e at i - from; where |x| &gt; 87 in a vector, e is 0 and the\n"
    "     * subnormal-safe e^-|x| goes to eLarge (read only for such vectors).\n"
    "     */\n"
    f"{signature('    private static void expNegAbsForLog1p(', ['float[] x', 'int xOff', 'int from', 'int to', 'float[] e', 'float[] eLarge'])}"
    "        for (int i = from; i < to; i += F.length()) {\n"
    f"{SOFTPLUS_EXP_NEG_ABS}"
    "        }\n"
    "    }\n\n")

out.append(softplus_family("softplus",
    "    @Override\n"
    "    public void softplus(float[] x, int xOff, float[] y, int yOff, int len, float beta, float threshold) {\n",
    f"{IND}// ScalarActivations.softplusUnitBeta: max(x, 0) + sp (-0 gives +0), x itself above the threshold\n"
    f"{IND}vx.blend(0f, vx.compare(LE, 0f)).add(vsp).blend(vx, vx.compare(GT, threshold)).intoArray(y, yOff + i);\n",
    simple_tail("y[yOff + i]", "ScalarActivations.softplusUnitBeta(x[xOff + i], threshold)"),
    pre="        if (beta != 1f) { // binary64: beta x is not exact in float\n"
        "            softplusBinary64(x, xOff, y, yOff, len, beta, threshold);\n"
        "            return;\n"
        "        }\n",
    extra=("float threshold",)))

out.append(softplus_family("logSigmoid",
    "    @Override\n"
    "    public void logSigmoid(float[] x, int xOff, float[] y, int yOff, int len) {\n",
    f"{IND}// ScalarActivations.logSigmoid: -(max(-x, 0) + sp)\n"
    f"{IND}FloatVector vnx = vx.neg();\n"
    f"{IND}vnx.blend(0f, vnx.compare(LE, 0f)).add(vsp).neg().intoArray(y, yOff + i);\n",
    simple_tail("y[yOff + i]", "ScalarActivations.logSigmoid(x[xOff + i])")))

out.append("    // ------------------------------------------------------------------------------------------ binary64 kernels\n\n")

out.append(kernel("gelu", UNARY,
    f"{IND}DoubleVector vx = {widen('x', 'xOff')};\n"
    f"{IND}DoubleVector vabs = vx.abs();\n"
    f"{IND}DoubleVector va = {clamp('vabs', None, 'GELU_FWD_A_MAX')};\n"
    + exp_block("va.mul(va).mul(-0.5)", "ve", degree5=True)
    + tail_h_block("va", "vtailH", "GELU_FWD_H")
    + f"{IND}DoubleVector vq = ve.mul(vtailH);\n"
    f"{IND}DoubleVector vp = vq.blend({b('1.0')}.sub(vq), vx.compare(GE, 0.0));\n"
    + store(f"{clamp('vx', '-GELU_FWD_A_MAX', None)}.mul(vp)", "y", "yOff"),
    simple_tail("y[yOff + i]", "ScalarActivations.gelu(x[xOff + i])")))

out.append(kernel("geluBackward", BINARY,
    hoist(f"{IND}FloatVector vxaF = vxIn.abs();")
    + near_root("vxaF", "GELU")
    + f"{IND}DoubleVector vx = {widen('x', 'xOff')};\n"
    f"{IND}DoubleVector vabs = vx.abs();\n"
    f"{IND}DoubleVector va = {clamp('vabs', None, 'GELU_A_MAX')};\n"
    + exp_block("va.mul(va).mul(-0.5)", "ve", degree5=True)
    + tail_h_block("va", "vtailH", "GELU_BWD_H")
    + f"{IND}DoubleVector vhDirect = va.fma({b('-INV_SQRT_2PI')}, vtailH);\n"
    + root_form("GELU", "va")
    + f"{IND}DoubleVector vdd = ve.mul(vh);\n"
    f"{IND}DoubleVector vfp = vdd.blend({b('1.0')}.sub(vdd), vx.compare(GE, 0.0));\n"
    f"{IND}DoubleVector vg = {widen('gradOut', 'gOff')};\n"
    + store("vg.mul(vfp)", "gradIn", "giOff"),
    simple_tail("gradIn[giOff + i]", "ScalarActivations.geluBackward(x[xOff + i], gradOut[gOff + i])")))

# geluTanh in binary32 (ScalarActivations.geluTanh): -|u| as the float pair vdc + vdl from a = |x|, then silu's plain
# core with e^-|u| in place of e^-|x| and -a p as the numerator of x < 0
def gelu_tanh_u():
    """-|u| = a (NA + NB a^2) as vdc + vdl from va, op for op as ScalarActivations.geluTanh."""
    return (
        f"{IND}FloatVector vs = va.mul(va);\n"
        f"{IND}FloatVector vsl = va.fma(va, vs.neg());\n"
        f"{IND}FloatVector vbh = vs.mul(GELU_TANH_F_NB_HI);\n"
        f"{IND}FloatVector vbl = vs.fma(FloatVector.broadcast(F, GELU_TANH_F_NB_HI), vbh.neg());\n"
        f"{IND}FloatVector vqh = vbh.add(GELU_TANH_F_NA_HI); // TwoSum: either term may be the larger\n"
        f"{IND}FloatVector vbb = vqh.sub(vbh);\n"
        f"{IND}FloatVector vql = vbh.sub(vqh.sub(vbb)).add(FloatVector.broadcast(F, GELU_TANH_F_NA_HI).sub(vbb))\n"
        f"{IND}        .add(vsl.fma(FloatVector.broadcast(F, GELU_TANH_F_NB_HI),\n"
        f"{IND}                vs.fma(FloatVector.broadcast(F, GELU_TANH_F_NB_LO), vbl.add(GELU_TANH_F_NA_LO))));\n"
        f"{IND}FloatVector vdc = va.mul(vqh); // -|u|\n"
        f"{IND}FloatVector vdl = va.fma(vql, va.fma(vqh, vdc.neg()));\n"
        f"{IND}FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);\n"
        f"{IND}FloatVector vn = vnb.sub(EXP_MAGIC_F);\n"
        f"{IND}FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc)\n"
        f"{IND}        .add(vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vdl));\n"
        f"{IND}FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))\n"
        f"{IND}        .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))\n"
        f"{IND}        .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));\n")


# geluTanh in two loops per block of SPLIT_BLOCK elements, as softplus: for whole vectors in the fast range, -|u| and
# its exp's polynomial p and scale vnb into the per-thread buffers (geluTanhExp), then the quotient and the result
# (geluTanhBlock), which runs the general body, all of it, for the other vectors. Same operations, same bits
# (reports/jmh-gelutanh-split-x86-epyc.md).
GELU_TANH_FAST_EXP = (
    f"{IND}if ({x_in_fast_range('GELU_TANH_FAST_NEG_MAX_BITS')}.allTrue()) {{\n"
    f"{IND}    FloatVector va = FloatVector.fromArray(F, x, xOff + i).abs();\n"
    + indent4(gelu_tanh_u())
    + f"{IND}    vp.intoArray(p, i - from);\n"
    f"{IND}    vnb.intoArray(nb, i - from);\n"
    f"{IND}}}\n")

GELU_TANH_FAST = (
    f"{IND}// whole vectors with 2^-30 <= |x| <= 9.5: no clamp, no special value, 2^n and every result normal, so x < 0\n"
    f"{IND}// is scaled by 2^n directly (the same bits as the general body's 2^(n+64) and 2^-64, both exact there)\n"
    f"{IND}if ({x_in_fast_range('GELU_TANH_FAST_NEG_MAX_BITS')}.allTrue()) {{\n"
    f"{IND}    FloatVector vx = FloatVector.fromArray(F, x, xOff + i);\n"
    f"{IND}    FloatVector vp = FloatVector.fromArray(F, p, i - from);\n"
    f"{IND}    FloatVector vnb = FloatVector.fromArray(F, nb, i - from);\n"
    + f"{IND}    FloatVector vs2n = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n\n"
    f"{IND}    // an int max: positive floats order as their bits; FloatVector.max (NaN and -0 rules) is several ops on AVX2\n"
    f"{IND}    FloatVector vsDen = vs2n.reinterpretAsInts().lanewise(MAX, SIGMOID_DEN_MIN_BITS).reinterpretAsFloats();\n"
    + indent4(PLAIN_QUOTIENT)
    + f"{IND}    VectorMask<Float> vneg = vx.compare(LT, 0f);\n"
    f"{IND}    FloatVector vph = vx.mul(vp); // -a p where x < 0\n"
    f"{IND}    FloatVector vnh = vx.blend(vph, vneg);\n"
    f"{IND}    FloatVector vnl = FloatVector.zero(F).blend(vx.fma(vp, vph.neg()), vneg);\n"
    f"{IND}    FloatVector vcore = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta, vnl)));\n"
    f"{IND}    vcore.blend(vcore.mul(vs2n), vneg).intoArray(y, yOff + i);\n"
    f"{IND}    continue;\n"
    f"{IND}}}\n")

GELU_TANH_GENERAL = (
    f"{IND}FloatVector vx = FloatVector.fromArray(F, x, xOff + i);\n"
    f"{IND}IntVector vxBits = vx.reinterpretAsInts();\n"
    f"{IND}IntVector vdBits = vxBits.or(SIGN_BIT_F); // -|x|\n"
    f"{IND}FloatVector va = vxBits.and(~SIGN_BIT_F).lanewise(MAX, TINY_BITS).lanewise(MIN, GELU_TANH_F_A_MAX_BITS)\n"
    f"{IND}        .reinterpretAsFloats();\n"
    + gelu_tanh_u()
    + f"{IND}IntVector vsUpBits = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23);\n"
    f"{IND}FloatVector vsDen = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).lanewise(MAX, SIGMOID_DEN_MIN_BITS)\n"
    f"{IND}        .reinterpretAsFloats();\n"
    + PLAIN_QUOTIENT
    + f"{IND}VectorMask<Float> vneg = vx.compare(LT, 0f);\n"
    f"{IND}FloatVector vna = va.neg();\n"
    f"{IND}FloatVector vph = vna.mul(vp);\n"
    f"{IND}// |x| < 2^-30 lanes get their result in integers below: x >= 2^-30 here keeps subnormal x out of the products\n"
    f"{IND}FloatVector vnh = vx.max(0x1p-30f).blend(vph, vneg);\n"
    f"{IND}FloatVector vnl = FloatVector.zero(F).blend(vna.fma(vp, vph.neg()), vneg);\n"
    f"{IND}FloatVector vcore = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta, vnl)));\n"
    f"{IND}// |geluTanh(x)| 2^64 for x < 0 (positive lanes set to a value unscale leaves alone)\n"
    f"{IND}FloatVector vnegUp = vcore.neg().mul(vsUpBits.reinterpretAsFloats()).blend(EXP_NEG_U_MIN, vneg.not());\n"
    + unscale("vnegUp", "vnegDown")
    + f"{IND}FloatVector vy = vcore.blend(vnegDown.neg(), vneg);\n"
    + SILU_SPECIALS)

GT_PLIST = ["float[] x", "int xOff", "float[] y", "int yOff", "int from", "int to", "float[] p", "float[] nb"]
out.append(
    f"    @Override\n    public void geluTanh({UNARY}) {{\n"
    + split_driver("geluTanhExp(x, xOff, from, to, pair[0], pair[1])",
                   "geluTanhBlock(x, xOff, y, yOff, from, to, pair[0], pair[1])",
                   simple_tail("y[yOff + i]", "ScalarActivations.geluTanh(x[xOff + i])"))
    +     f"    /** Pass one of geluTanh: for whole vectors in its fast range, p and vnb of e^-|u| at i - from. */\n"
    f"{signature('    private static void geluTanhExp(', ['float[] x', 'int xOff', 'int from', 'int to', 'float[] p', 'float[] nb'])}"
    f"        for (int i = from; i < to; i += F.length()) {{\n"
    f"{GELU_TANH_FAST_EXP}"
    f"        }}\n"
    f"    }}\n\n"
    f"{signature('    private static void geluTanhBlock(', GT_PLIST)}"
    f"        for (int i = from; i < to; i += F.length()) {{\n"
    f"{GELU_TANH_FAST}"
    f"{IND}// ScalarActivations.geluTanh, op for op: both signs computed, blended on x < 0\n"
    f"{GELU_TANH_GENERAL}"
    f"        }}\n"
    f"    }}\n\n")



out.append(kernel("geluTanhBackward", BINARY,
    near_root("vxIn", "GELU_TANH")
    + f"{IND}DoubleVector vx = {widen('x', 'xOff')};\n"
    f"{IND}DoubleVector vxc = {clamp('vx', '-GELU_TANH_X_MAX', 'GELU_TANH_X_MAX')};\n"
    f"{IND}DoubleVector vx2 = vxc.mul(vxc);\n"
    + exp_block("vxc.mul(vx2.fma(GELU_TANH_C, 1.0)).mul(GELU_TANH_M2K)", "ve", degree5=True)
    + f"{IND}DoubleVector vs = {b('1.0')}.div(ve.add(1.0));\n"
    f"{IND}DoubleVector vhDirect = vxc.mul(GELU_TANH_2K).mul(vx2.fma(GELU_TANH_3C, 1.0))\n"
    f"{IND}        .fma(ve.mul(vs), {b('1.0')});\n"
    + root_form("GELU_TANH", "vxc")
    + f"{IND}DoubleVector vg = {widen('gradOut', 'gOff')};\n"
    + store("vg.mul(vs.mul(vh))", "gradIn", "giOff"),
    simple_tail("gradIn[giOff + i]", "ScalarActivations.geluTanhBackward(x[xOff + i], gradOut[gOff + i])")))

out.append(kernel("softplus", UNARY + ", float beta, float threshold",
    f"{IND}DoubleVector vx = {widen('x', 'xOff')};\n"
    f"{IND}DoubleVector vu = vx.mul(beta);\n"
    f"{IND}DoubleVector va = vu.abs();\n"
    f"{IND}DoubleVector vac = {clamp('va', None, 'EXP_ARG_MAX')};\n"
    + log1p_exp_neg_block("vac", "vl")
    + f"{IND}DoubleVector vr = vu.blend(0.0, vu.compare(LE, 0.0)).add(vl).mul(invBeta); // max(u, 0): -0 gives +0\n"
    + store("vr.blend(vx, vu.compare(GT, threshold))", "y", "yOff"),
    simple_tail("y[yOff + i]", "ScalarActivations.softplus(x[xOff + i], beta, invBeta, threshold)"),
    pre="        double invBeta = 1.0 / beta;\n",
    decl="    /** softplus for beta != 1, in binary64 (beta x rounded once, like the scalar twin). */\n"
         f"    private void softplusBinary64({UNARY}, float beta, float threshold) {{\n"))

SPB64_PARAMS = BINARY.replace("int len", "int len,\n                                 float beta, float threshold")
out.append(kernel("softplusBackward", SPB64_PARAMS,
    f"{IND}DoubleVector vu = ({widen('x', 'xOff')}).mul(beta);\n"
    f"{IND}DoubleVector vg = {widen('gradOut', 'gOff')};\n"
    + exp_block(f"{clamp('vu', '-EXP_ARG_MAX', 'EXP_ARG_MAX')}.neg()", "ve")
    + f"{IND}DoubleVector vr = vg.div(ve.add(1.0));\n"
    + store("vr.blend(vg, vu.compare(GT, threshold))", "gradIn", "giOff"),
    long_tail("gradIn[giOff + i]", "ScalarActivations.softplusBackward(x[xOff + i], gradOut[gOff + i], beta, threshold)"),
    decl="    /** softplusBackward for beta != 1, in binary64 (beta x exact, one division). */\n"
         f"    private void softplusBackwardBinary64({SPB64_PARAMS}) {{\n"))




text = "".join(out).rstrip("\n") + "\n}\n"
sys.stdout.write(text)
