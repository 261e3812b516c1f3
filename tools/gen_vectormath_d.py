#!/usr/bin/env python3
"""Emits the binary64-evaluated kernel of PanamaVectorMath (expm1; log1p is binary32 and written by hand): the vector
body repeats, op for op, the ScalarMath method it mirrors (expm1D inline, no helper calls: see the note at
PanamaVectorMath.exp). Output: /tmp/gen/out.java, pasted between the markers in PanamaVectorMath."""
import re
def B(c): return f"DoubleVector.broadcast(D, {c})"
def expm1d(v, out, ind):
    p = ind
    return [
f"{p}// ScalarMath.expm1D({v})",
f"{p}DoubleVector {out}nb = {v}.fma(LOG2E_D, EXP_MAGIC_D);",
f"{p}DoubleVector {out}n = {out}nb.sub(EXP_MAGIC_D);",
f"{p}DoubleVector {out}r = {out}n.fma({B('-LN2_HI_D')}, {v});",
f"{p}{out}r = {out}n.fma({B('-LN2_LO_D')}, {out}r);",
f"{p}DoubleVector {out}q = {out}r.fma(EXP_D5_Q5, EXP_D5_Q4).fma({out}r, {B('EXP_D5_Q3')})",
f"{p}        .fma({out}r, {B('EXP_D5_Q2')}).fma({out}r, {B('EXP_D5_Q1')}).fma({out}r, {B('EXP_D5_Q0')});",
f"{p}DoubleVector {out}s = {out}nb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();",
f"{p}DoubleVector {out} = {out}s.fma({out}r.mul({out}r).fma({out}q, {out}r), {out}s.sub(1.0));",
]
def load(k, ind, clamp=None, name="vd"):
    # one float vector per iteration, widened in two binary64 halves: no half-width float species anywhere (a second
    # float shape in the JVM makes the JDK's shared FloatVector call sites bimorphic and C2 then boxes vectors)
    L = [f"{ind}FloatVector vx = FloatVector.fromArray(F, x, xOff + i);"] if k == 0 else []
    if clamp is None:
        return L + [f"{ind}DoubleVector {name}{k} = (DoubleVector) vx.convertShape(F2D, D, {k});"]
    # clamp = (float expression, lo, hi): clamped in binary32 before widening (the bounds are binary32 numbers, so
    # the doubles are the ones Math.max/min give); compare + blend, because C2 spells Java's NaN/-0 max and min as
    # several instructions, and on the float side, because binary64 masks do not compile at 2 lanes on x86
    if k == 0:
        src, lo, hi = clamp
        v = src
        if src != "vx":
            L += [f"{ind}FloatVector vxs = {src};"]
            v = "vxs"
        e = v if lo is None else f"{v}.blend({lo}, {v}.compare(LT, {lo}))\n{ind}        "
        L += [f"{ind}FloatVector vxc = {e}.blend({hi}, {v}.compare(GT, {hi}));"]
    return L + [f"{ind}DoubleVector {name}{k} = (DoubleVector) vxc.convertShape(F2D, D, {k});"]
def store(expr, k, ind, copysign=False):
    """k = 0: narrow the low half into vr0; k = 1: narrow the high half, join with vr0 and store."""
    if k == 0:
        return [f"{ind}FloatVector vr0 = (FloatVector) {expr}.convertShape(D2F, F, 0);"]
    L = [f"{ind}FloatVector vr = ((FloatVector) {expr}.convertShape(D2F, F, 0)).unslice(DL, vr0, 0);"]
    if copysign:
        return L + [f"{ind}vr.reinterpretAsInts().or(vx.reinterpretAsInts().and(SIGN_BIT_F)).reinterpretAsFloats().intoArray(y, yOff + i);"]
    return L + [f"{ind}vr.intoArray(y, yOff + i);"]

CLAMPS = {"expm1": ("vx", "(float) EXPM1_MIN", "(float) EXPM1_MAX")}

NAMES = {"expm1": "vc"}  # what the widened, clamped half is called in each body

def body(name, k, ind):
    L = load(k, ind, CLAMPS.get(name), NAMES.get(name, "vd"))
    if name == "expm1":
        L += expm1d(f"vc{k}", f"ve{k}", ind)
        L += [f"{ind}// expm1 has the sign of x: OR-ing the sign bit only changes -0 (the polynomial yields +0)"]
        L += store(f"ve{k}", k, ind, True)
    return L

out = []
for name in ["expm1"]:
    ind = "            "
    out.append("    @Override")
    out.append(f"    public void {name}(float[] x, int xOff, float[] y, int yOff, int len) {{")
    out.append("        int i = 0;")
    out.append("        // one float vector per iteration: its low and high halves in binary64, joined before the store")
    out.append("        for (int bound = F.loopBound(len); i < bound; i += F.length()) {")
    out += body(name, 0, ind)
    out += body(name, 1, ind)
    out.append("        }")
    out.append(f"        for (; i < len; i++) y[yOff + i] = ScalarMath.{name}(x[xOff + i]);")
    out.append("    }")
    out.append("")
import os
os.makedirs('/tmp/gen', exist_ok=True)
open('/tmp/gen/out.java','w').write("\n".join(out))
