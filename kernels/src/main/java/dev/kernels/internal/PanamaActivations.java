package dev.kernels.internal;

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

    @Override
    public void relu(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            vx.blend(0f, vx.compare(LE, 0f)).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarActivations.relu(x[xOff + i]);
    }

    @Override
    public void leakyRelu(float[] x, int xOff, float[] y, int yOff, int len, float alpha) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            vx.blend(vx.mul(alpha), vx.compare(LE, 0f)).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarActivations.leakyRelu(x[xOff + i], alpha);
    }

    @Override
    public void reluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);
            vg.blend(0f, vx.compare(LE, 0f)).intoArray(gradIn, giOff + i);
        }
        for (; i < len; i++) gradIn[giOff + i] = ScalarActivations.reluBackward(x[xOff + i], gradOut[gOff + i]);
    }

    @Override
    public void leakyReluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len,
            float alpha) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);
            vg.mul(alpha).blend(vg, vx.compare(GT, 0f)).intoArray(gradIn, giOff + i);
        }
        for (; i < len; i++) {
            gradIn[giOff + i] = ScalarActivations.leakyReluBackward(x[xOff + i], gradOut[gOff + i], alpha);
        }
    }

    @Override
    public void sigmoidBackward(float[] y, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        int i = 0;
        int vbound = F.loopBound(len);
        while (true) {
            // four vectors per step: C2 neither unrolls a loop with a scalar detour nor vectorizes one, while a
            // plain loop of g*f'(y) is both (one vector per step ran at 0.6x it at 1024 elements)
            for (int bound = len - 4 * F.length(); i <= bound; i += 4 * F.length()) {
                FloatVector vy0 = FloatVector.fromArray(F, y, yOff + i);
                FloatVector vy1 = FloatVector.fromArray(F, y, yOff + i + F.length());
                FloatVector vy2 = FloatVector.fromArray(F, y, yOff + i + 2 * F.length());
                FloatVector vy3 = FloatVector.fromArray(F, y, yOff + i + 3 * F.length());
                // every lane 2^-64 <= y <= 2^32: the signed max of the shifted bits (see FLIP) is below the end. Else
                // (tiny, zero, negative, large, infinite or NaN y) these four take the one-vector form below
                if (!vy0.reinterpretAsInts().sub(SIGMOID_BACKWARD_LO)
                        .lanewise(MAX, vy1.reinterpretAsInts().sub(SIGMOID_BACKWARD_LO))
                        .lanewise(MAX, vy2.reinterpretAsInts().sub(SIGMOID_BACKWARD_LO))
                        .lanewise(MAX, vy3.reinterpretAsInts().sub(SIGMOID_BACKWARD_LO))
                        .compare(LT, SIGMOID_BACKWARD_END).allTrue()) {
                    break;
                }
                FloatVector.fromArray(F, gradOut, gOff + i).mul(vy0.neg().fma(vy0, vy0))
                        .intoArray(gradIn, giOff + i);
                FloatVector.fromArray(F, gradOut, gOff + i + F.length()).mul(vy1.neg().fma(vy1, vy1))
                        .intoArray(gradIn, giOff + i + F.length());
                FloatVector.fromArray(F, gradOut, gOff + i + 2 * F.length()).mul(vy2.neg().fma(vy2, vy2))
                        .intoArray(gradIn, giOff + i + 2 * F.length());
                FloatVector.fromArray(F, gradOut, gOff + i + 3 * F.length()).mul(vy3.neg().fma(vy3, vy3))
                        .intoArray(gradIn, giOff + i + 3 * F.length());
            }
            // the four vectors of a failed step, or the last one to three
            for (int end = Math.min(i + 4 * F.length(), vbound); i < end; i += F.length()) {
                FloatVector vy = FloatVector.fromArray(F, y, yOff + i);
                IntVector vyBits = vy.reinterpretAsInts();
                IntVector vya = vyBits.and(~SIGN_BIT_F);
                // |y| > 2^32, inf or NaN: the scalar method, lane by lane (inf and NaN through the vector form, the
                // same NaN, made sigmoid box its vectors under C2 alone after this had run on edge inputs)
                if (vya.compare(GT, SAVED_OUTPUT_BINARY32_MAX_BITS).anyTrue()) {
                    for (int k = i; k < i + F.length(); k++) {
                        gradIn[giOff + k] = ScalarActivations.sigmoidBackward(y[yOff + k], gradOut[gOff + k]);
                    }
                    continue;
                }
                FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);
                VectorMask<Integer> vtinyI = vya.compare(LT, SIGMOID_BACKWARD_TINY_BITS);
                if (!vtinyI.anyTrue()) {
                    vg.mul(vy.neg().fma(vy, vy)).intoArray(gradIn, giOff + i);
                    continue;
                }
                IntVector vgBits = vg.reinterpretAsInts();
                IntVector vga = vgBits.and(~SIGN_BIT_F);
                // |g| > 2^40 (|g| w could overflow), inf or NaN, with a tiny y: rare, the scalar method
                if (vga.compare(GT, SIGMOID_BACKWARD_G_SPLIT_BITS).anyTrue()) {
                    for (int k = i; k < i + F.length(); k++) {
                        gradIn[giOff + k] = ScalarActivations.sigmoidBackward(y[yOff + k], gradOut[gOff + k]);
                    }
                    continue;
                }
                // tiny y >= 0 lifted to 2^-64 by an unsigned max (a blend is several ops on AVX2); their value is below
                FloatVector vyN = vyBits.lanewise(UMAX, SIGMOID_BACKWARD_TINY_BITS).reinterpretAsFloats();
                FloatVector vplain = vg.mul(vyN.neg().fma(vyN, vyN));
                // |y| < 2^-64: y (1 - y) rounds to y, so the result is g y rounded once, formed with no subnormal
                // operand or product (an assist of ~150 cycles each on Intel: subnormal y ran 46-53x the normal time).
                // w = |y| 2^149 exactly, normal or 0: a subnormal |y| is its integer pattern, a normal one moves its
                // exponent
                IntVector vyaT = vya.lanewise(MIN, SIGMOID_BACKWARD_TINY_BITS); // other lanes at 2^-64
                FloatVector vw = ((FloatVector) vyaT.convert(I2F, 0))
                        .blend(vyaT.add(149 << 23).reinterpretAsFloats(), vyaT.compare(GE, NORMAL_MIN_BITS).cast(F));
                FloatVector vgAbs = vga.reinterpretAsFloats(); // p = |g| w >= |g| where w != 0: normal for a normal g
                // |g y| < 2^-126 (p < 2^23): its subnormal pattern, |g| w rounded to an integer by an fma with 2^23
                // (one rounding); else p 2^-149, exact in the exponent field. The signed max picks the right one, as
                // in exp: below 2^23 the second is at most 2p - 2^23, from 2^23 on the first is at most the second
                IntVector vsub = vgAbs.fma(vw, FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts().sub(0x4b000000);
                IntVector vmag = vsub.lanewise(MAX, vgAbs.mul(vw).reinterpretAsInts().sub(149 << 23));
                FloatVector vtinyRes = vmag.or(vgBits.lanewise(XOR, vyBits).and(SIGN_BIT_F)).reinterpretAsFloats();
                vplain.blend(vtinyRes, vtinyI.cast(F)).intoArray(gradIn, giOff + i);
            }
            if (i >= vbound) break;
        }
        for (; i < len; i++) gradIn[giOff + i] = ScalarActivations.sigmoidBackward(y[yOff + i], gradOut[gOff + i]);
    }

    @Override
    public void tanhBackward(float[] y, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        int i = 0;
        // four vectors per step: C2 neither unrolls a loop with a scalar detour nor vectorizes one, while a plain
        // loop of g*f'(y) is both (one vector per step ran at 0.6x it at 1024 elements)
        FloatVector vone = FloatVector.broadcast(F, 1f);
        for (int bound = len - 4 * F.length(); i <= bound; i += 4 * F.length()) {
            FloatVector vy0 = FloatVector.fromArray(F, y, yOff + i);
            FloatVector vy1 = FloatVector.fromArray(F, y, yOff + i + F.length());
            FloatVector vy2 = FloatVector.fromArray(F, y, yOff + i + 2 * F.length());
            FloatVector vy3 = FloatVector.fromArray(F, y, yOff + i + 3 * F.length());
            // saved outputs have |y| <= 1, so the OR of the magnitude bits stays below the bits of 2^32 unless a
            // lane is above 2^32, infinite or NaN: then the one-vector form for each of the four
            if (vy0.reinterpretAsInts().or(vy1.reinterpretAsInts()).or(vy2.reinterpretAsInts())
                    .or(vy3.reinterpretAsInts()).and(~SIGN_BIT_F)
                    .compare(GT, SAVED_OUTPUT_BINARY32_MAX_BITS).anyTrue()) {
                for (int l = i; l < i + 4 * F.length(); l += F.length()) {
                    FloatVector vy = FloatVector.fromArray(F, y, yOff + l);
                    // finite |y| > 2^32: binary64 in the scalar method, lane by lane; inf and NaN give its values below
                    if (vy.reinterpretAsInts().and(~SIGN_BIT_F).sub(SAVED_OUTPUT_HUGE_LO)
                            .compare(LT, SAVED_OUTPUT_HUGE_END).anyTrue()) {
                        for (int k = l; k < l + F.length(); k++) {
                            gradIn[giOff + k] = ScalarActivations.tanhBackward(y[yOff + k], gradOut[gOff + k]);
                        }
                        continue;
                    }
                    FloatVector vys = vy.add(TANH_BACKWARD_TINY_SHIFT); // as in the four-vector step
                    FloatVector.fromArray(F, gradOut, gOff + l).mul(vys.neg().fma(vys, vone))
                            .intoArray(gradIn, giOff + l);
                }
                continue;
            }
            // square y + 2^-100, never subnormal (ActivationConstants): a subnormal fma factor ran 31-39x on Intel
            FloatVector vy0s = vy0.add(TANH_BACKWARD_TINY_SHIFT);
            FloatVector vy1s = vy1.add(TANH_BACKWARD_TINY_SHIFT);
            FloatVector vy2s = vy2.add(TANH_BACKWARD_TINY_SHIFT);
            FloatVector vy3s = vy3.add(TANH_BACKWARD_TINY_SHIFT);
            FloatVector.fromArray(F, gradOut, gOff + i).mul(vy0s.neg().fma(vy0s, vone))
                    .intoArray(gradIn, giOff + i);
            FloatVector.fromArray(F, gradOut, gOff + i + F.length()).mul(vy1s.neg().fma(vy1s, vone))
                    .intoArray(gradIn, giOff + i + F.length());
            FloatVector.fromArray(F, gradOut, gOff + i + 2 * F.length()).mul(vy2s.neg().fma(vy2s, vone))
                    .intoArray(gradIn, giOff + i + 2 * F.length());
            FloatVector.fromArray(F, gradOut, gOff + i + 3 * F.length()).mul(vy3s.neg().fma(vy3s, vone))
                    .intoArray(gradIn, giOff + i + 3 * F.length());
        }
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            FloatVector vy = FloatVector.fromArray(F, y, yOff + i);
            // finite |y| > 2^32: binary64 in the scalar method, lane by lane; inf and NaN give its values below
            if (vy.reinterpretAsInts().and(~SIGN_BIT_F).sub(SAVED_OUTPUT_HUGE_LO)
                    .compare(LT, SAVED_OUTPUT_HUGE_END).anyTrue()) {
                for (int k = i; k < i + F.length(); k++) {
                    gradIn[giOff + k] = ScalarActivations.tanhBackward(y[yOff + k], gradOut[gOff + k]);
                }
                continue;
            }
            FloatVector vys = vy.add(TANH_BACKWARD_TINY_SHIFT); // as in the four-vector step
            FloatVector.fromArray(F, gradOut, gOff + i).mul(vys.neg().fma(vys, vone))
                    .intoArray(gradIn, giOff + i);
        }
        for (; i < len; i++) gradIn[giOff + i] = ScalarActivations.tanhBackward(y[yOff + i], gradOut[gOff + i]);
    }

    /** VectorMath.sigmoid's body (PanamaVectorMath delegates here), generated with the sigmoid family. */
    static void sigmoid(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            // whole vectors with 2^-30 <= |x| <= 40: no clamp, no special value, every result normal (tools/gen_panama_activations.py)
            if (FloatVector.fromArray(F, x, xOff + i).reinterpretAsInts().or(SIGN_BIT_F).sub(NEG_TINY_BITS + FLIP)
                    .compare(LT, SIGMOID_FAST_NEG_MAX_BITS - NEG_TINY_BITS + 1 + FLIP).allTrue()) {
                FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
                FloatVector vdc = vx.reinterpretAsInts().or(SIGN_BIT_F).reinterpretAsFloats(); // -|x|
                FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
                FloatVector vn = vnb.sub(EXP_MAGIC_F);
                FloatVector vrHi = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc);
                FloatVector vrLo = vn.mul(-LN2_LO_F);
                FloatVector vhi = vrHi.add(1f);
                FloatVector vr = vrHi.add(vrLo);
                FloatVector vq = vr.fma(EXP_F_Q5, EXP_F_Q4).fma(vr, FloatVector.broadcast(F, EXP_F_Q3))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_Q2)).fma(vr, FloatVector.broadcast(F, EXP_F_Q1))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_Q0));
                FloatVector vc = vrHi.sub(vhi.sub(1f)).add(vr.mul(vr).fma(vq, vrLo));
                FloatVector veh = vhi.add(vc);
                FloatVector vel = vc.sub(veh.sub(vhi));
                FloatVector vsDen = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n
                FloatVector ve = veh.mul(vsDen);
                FloatVector vw = ve.add(1f);
                FloatVector vlo = vel.fma(vsDen, ve.sub(vw.sub(1f)));
                FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
                FloatVector vnr0 = vr0.neg();
                FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
                FloatVector vt = veh.fma(vdelta, vel);
                FloatVector vneg = veh.fma(vr0, vr0.mul(vt)).mul(vsDen); // sigmoid(-a)
                vr0.fma(vdelta, vr0).blend(vneg, vx.compare(LT, 0f)).intoArray(y, yOff + i);
                continue;
            }
            // ScalarMath.sigmoid, op for op: both signs computed, blended on x < 0
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            IntVector vxBits = vx.reinterpretAsInts();
            IntVector vdBits = vxBits.or(SIGN_BIT_F); // -|x|
            FloatVector vdc = vdBits.lanewise(MAX, NEG_TINY_BITS).lanewise(MIN, SIGMOID_NEG_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            FloatVector vrHi = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc);
            FloatVector vrLo = vn.mul(-LN2_LO_F);
            FloatVector vhi = vrHi.add(1f);
            FloatVector vr = vrHi.add(vrLo);
            FloatVector vq = vr.fma(EXP_F_Q5, EXP_F_Q4).fma(vr, FloatVector.broadcast(F, EXP_F_Q3))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_Q2)).fma(vr, FloatVector.broadcast(F, EXP_F_Q1))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_Q0));
            FloatVector vc = vrHi.sub(vhi.sub(1f)).add(vr.mul(vr).fma(vq, vrLo));
            FloatVector veh = vhi.add(vc);
            FloatVector vel = vc.sub(veh.sub(vhi));
            IntVector vsUpBits = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23);
            FloatVector vsDen = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).lanewise(MAX, SIGMOID_DEN_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector ve = veh.mul(vsDen);
            FloatVector vw = ve.add(1f);
            FloatVector vlo = vel.fma(vsDen, ve.sub(vw.sub(1f)));
            FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
            FloatVector vnr0 = vr0.neg();
            FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
            FloatVector vt = veh.fma(vdelta, vel);
            FloatVector vsUp = vsUpBits.reinterpretAsFloats();
            FloatVector vsn = veh.fma(vr0, vr0.mul(vt)); // sigmoid(-a) 2^-n
            FloatVector vsigmaNegUp = vsn.mul(vsUp); // sigmoid(-a) 2^64
            VectorMask<Float> vnegTiny = vsigmaNegUp.compare(LT, EXP_NEG_U_MIN);
            // subnormal results in integers, and no product of them at all: a subnormal product is an assist of
            // ~150 cycles on an Intel Xeon, even when the lane is blended away afterwards
            FloatVector vneg = vnegTiny.anyTrue()
                    ? vsigmaNegUp.blend(EXP_NEG_U_MIN, vnegTiny).mul(EXP_NEG_SCALE_DOWN)
                            .blend(vsigmaNegUp.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000)
                                    .reinterpretAsFloats(), vnegTiny)
                    : vsigmaNegUp.mul(EXP_NEG_SCALE_DOWN);
            vr0.fma(vdelta, vr0).blend(vneg, vxBits.compare(LT, 0).cast(F))
                    .blend(vx, vdBits.compare(GT, NEG_INF_BITS).cast(F)).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.sigmoid(x[xOff + i]);
    }

    @Override
    public void silu(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            // whole vectors with 2^-30 <= |x| <= 40: no clamp, no special value, every result normal (tools/gen_panama_activations.py)
            if (FloatVector.fromArray(F, x, xOff + i).reinterpretAsInts().or(SIGN_BIT_F).sub(NEG_TINY_BITS + FLIP)
                    .compare(LT, SIGMOID_FAST_NEG_MAX_BITS - NEG_TINY_BITS + 1 + FLIP).allTrue()) {
                FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
                FloatVector vdc = vx.reinterpretAsInts().or(SIGN_BIT_F).reinterpretAsFloats(); // -|x|
                FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
                FloatVector vn = vnb.sub(EXP_MAGIC_F);
                FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));
                FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                        .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
                FloatVector vsDen = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n
                FloatVector ve = vp.mul(vsDen);
                FloatVector vw = ve.add(1f);
                FloatVector vlo = ve.sub(vw.sub(1f));
                FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
                FloatVector vnr0 = vr0.neg();
                FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
                VectorMask<Float> vneg = vx.compare(LT, 0f);
                FloatVector vph = vdc.mul(ve);
                FloatVector vnh = vx.blend(vph, vneg);
                FloatVector vnl = FloatVector.zero(F).blend(vdc.fma(ve, vph.neg()), vneg);
                FloatVector vcore = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta, vnl)));
                vcore.intoArray(y, yOff + i);
                continue;
            }
            // ScalarActivations.silu, op for op: both signs computed, blended on x < 0
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            IntVector vxBits = vx.reinterpretAsInts();
            IntVector vdBits = vxBits.or(SIGN_BIT_F); // -|x|
            FloatVector vdc = vdBits.lanewise(MAX, NEG_TINY_BITS).lanewise(MIN, SIGMOID_NEG_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            IntVector vsUpBits = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23);
            FloatVector vsDen = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).lanewise(MAX, SIGMOID_DEN_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector ve = vp.mul(vsDen);
            FloatVector vw = ve.add(1f);
            FloatVector vlo = ve.sub(vw.sub(1f));
            FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
            FloatVector vnr0 = vr0.neg();
            FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
            VectorMask<Float> vneg = vx.compare(LT, 0f);
            FloatVector vph = vdc.mul(vp);
            // |x| < 2^-30 lanes get their result in integers below: x >= 2^-30 here keeps subnormal x out of the
            // products (an assist each on Intel: subnormal x ran 17x slower)
            FloatVector vnh = vx.max(0x1p-30f).blend(vph, vneg);
            FloatVector vnl = FloatVector.zero(F).blend(vdc.fma(vp, vph.neg()), vneg);
            FloatVector vcore = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta, vnl)));
            // |silu(x)| 2^64 for x < 0 (positive lanes set to a value unscale leaves alone)
            FloatVector vnegUp = vcore.neg().mul(vsUpBits.reinterpretAsFloats()).blend(EXP_NEG_U_MIN, vneg.not());
            VectorMask<Float> vnegDownTiny = vnegUp.compare(LT, EXP_NEG_U_MIN);
            // subnormal results in integers, and no product of them at all: a subnormal product is an assist of
            // ~150 cycles on an Intel Xeon, even when the lane is blended away afterwards
            FloatVector vnegDown = vnegDownTiny.anyTrue()
                    ? vnegUp.blend(EXP_NEG_U_MIN, vnegDownTiny).mul(EXP_NEG_SCALE_DOWN)
                            .blend(vnegUp.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000)
                                    .reinterpretAsFloats(), vnegDownTiny)
                    : vnegUp.mul(EXP_NEG_SCALE_DOWN);
            FloatVector vy = vcore.blend(vnegDown.neg(), vneg);
            IntVector vaBits = vxBits.and(~SIGN_BIT_F);
            // |x| below 2^-30, infinite or NaN (a - TINY_BITS, unsigned, at least INF_BITS - TINY_BITS): rare, so tested
            // once per vector instead of blended into every one
            if (vaBits.sub(TINY_BITS + FLIP).compare(GE, INF_BITS - TINY_BITS + FLIP).anyTrue()) {
                IntVector vhalfBits = vaBits.sub(1 << 23)
                        .blend(vaBits.add(IntVector.zero(I).blend(1, vxBits.compare(GT, 0))).lanewise(ASHR, 1),
                                vaBits.compare(LT, HALF_EXACT_BITS))
                        .or(vxBits.and(SIGN_BIT_F));
                vy = vy.blend(vhalfBits.reinterpretAsFloats(), vaBits.compare(LT, TINY_BITS).cast(F))
                        .blend(vx, vdBits.compare(GT, NEG_INF_BITS).or(vxBits.compare(EQ, INF_BITS)).cast(F));
            }
            vy.intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarActivations.silu(x[xOff + i]);
    }

    @Override
    public void logSigmoidBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            // whole vectors with 2^-30 <= |x| <= 20 and 2^-20 <= |gradOut| <= 2^37: no clamp, no guard, no special value,
            // every result normal; g != 0 gives the result g's sign, which the general body sets
            if (FloatVector.fromArray(F, x, xOff + i).reinterpretAsInts().or(SIGN_BIT_F).sub(NEG_TINY_BITS + FLIP)
                    .compare(LT, SIGMOID_BACKWARD_FAST_NEG_MAX_BITS - NEG_TINY_BITS + 1 + FLIP)
                    .and(FloatVector.fromArray(F, gradOut, gOff + i).reinterpretAsInts().and(~SIGN_BIT_F)
                            .sub(SIGMOID_GRAD_FAST_MIN_BITS + FLIP)
                            .compare(LT, SIGMOID_GRAD_MAX_BITS - SIGMOID_GRAD_FAST_MIN_BITS + 1 + FLIP))
                    .allTrue()) {
                FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
                FloatVector vdc = vx.reinterpretAsInts().or(SIGN_BIT_F).reinterpretAsFloats(); // -|x|
                FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
                FloatVector vn = vnb.sub(EXP_MAGIC_F);
                FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));
                FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                        .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
                FloatVector vsDen = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n
                FloatVector ve = vp.mul(vsDen);
                FloatVector vw = ve.add(1f);
                FloatVector vlo = ve.sub(vw.sub(1f));
                FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
                FloatVector vnr0 = vr0.neg();
                FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
                FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);
                VectorMask<Float> vxNeg = vx.compare(LT, 0f);
                // nh = g 2^64 e (= g 2^(n+64) p exactly) or g 2^64 (x < 0, where nl comes out 0): the general body's values
                // (unscaled, the tail fma(nh, delta, nl) could cancel below 2^-126 and round differently)
                FloatVector vfactor = ve.mul(0x1p64f).blend(0x1p64f, vxNeg);
                FloatVector vnh = vg.mul(vfactor);
                FloatVector vnl = vg.fma(vfactor, vnh.neg());
                FloatVector vres = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta, vnl))).mul(EXP_NEG_SCALE_DOWN);
                vres.intoArray(gradIn, giOff + i);
                continue;
            }
            IntVector vgaIn = FloatVector.fromArray(F, gradOut, gOff + i).reinterpretAsInts().and(~SIGN_BIT_F);
            // |gradOut| above 2^37, inf or NaN: the scalar method, lane by lane, for the whole vector (only arrays live)
            if (vgaIn.compare(GT, SIGMOID_GRAD_MAX_BITS).anyTrue()) {
                for (int l = i; l < i + F.length(); l++) {
                    gradIn[giOff + l] = ScalarActivations.logSigmoidBackward(x[xOff + l], gradOut[gOff + l]);
                }
                continue;
            }
            // ScalarActivations.plainSigmoidFamily(LOG_SIGMOID_BACKWARD), op for op: both signs, blended on x < 0
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            IntVector vxBits = vx.reinterpretAsInts();
            IntVector vdBits = vxBits.or(SIGN_BIT_F); // -|x|
            FloatVector vdc = vdBits.lanewise(MAX, NEG_TINY_BITS).lanewise(MIN, SIGMOID_NEG_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            IntVector vsUpBits = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23);
            FloatVector vsDen = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).lanewise(MAX, SIGMOID_DEN_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector ve = vp.mul(vsDen);
            FloatVector vw = ve.add(1f);
            FloatVector vlo = ve.sub(vw.sub(1f));
            FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
            FloatVector vnr0 = vr0.neg();
            FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
            FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);
            VectorMask<Float> vxNeg = vxBits.compare(LT, 0).cast(F);
            // x >= 130 (clamped): |g sigmoid(-x)| <= 2^37 e^-130 < 2^-150 rounds to 0. There and where x < 0 (which
            // uses g 2^64) the x >= 0 numerator is unused: its scale 2^(n+64) becomes 1, as g 2^(n+64) may be
            // subnormal, and each product of it an assist (~150 cycles on Intel: masked logits ran 14-43x slower)
            VectorMask<Float> vzero = vdBits.compare(GE, SIGMOID_NEG_MIN_BITS).cast(F).andNot(vxNeg);
            // |g| 2^(n+64) < 2^-99 (read off the exponent fields, an upper bound for subnormal g): up < 2^-98 rounds to
            // 0 below, so 0 runs through; its rounding error nl went subnormal there (x in (100, 130): 30-38x the time)
            VectorMask<Float> vnegligible = vgaIn.add(vsUpBits).compare(ULT, (127 + 127 - 99) << 23).cast(F);
            FloatVector vgNeg = vg.mul(vsUpBits.reinterpretAsFloats().blend(1f, vxNeg.or(vzero)).blend(0f, vnegligible));
            FloatVector vgh = vgNeg.mul(vp);
            FloatVector vnh = vgh.blend(vg.mul(0x1p64f), vxNeg);
            // n < -60: w = 1, r0 = 1, |delta| < 2^-59, so up rounds to nh whatever nl and nh delta are (nl is nh's own
            // rounding error); both run as 0 there, as either may be subnormal (x in (100, 115): 3.8x the time)
            VectorMask<Float> vdeep = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).compare(LT, SIGMOID_DEN_MIN_BITS).cast(F);
            FloatVector vnl = vgNeg.blend(0f, vdeep).fma(vp, vgh.blend(0f, vdeep).neg()).blend(0f, vxNeg);
            FloatVector vupAbs = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta.blend(0f, vdeep), vnl))).abs(); // |g sigmoid(-x)| 2^64
            VectorMask<Float> vdownAnyTiny = vupAbs.compare(LT, EXP_NEG_U_MIN);
            // subnormal results in integers, and no product of them at all: a subnormal product is an assist of
            // ~150 cycles on an Intel Xeon, even when the lane is blended away afterwards
            FloatVector vdownAny = vdownAnyTiny.anyTrue()
                    ? vupAbs.blend(EXP_NEG_U_MIN, vdownAnyTiny).mul(EXP_NEG_SCALE_DOWN)
                            .blend(vupAbs.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000)
                                    .reinterpretAsFloats(), vdownAnyTiny)
                    : vupAbs.mul(EXP_NEG_SCALE_DOWN);
            FloatVector vdown = vdownAny.blend(0f, vzero);
            vdown.blend(vdown.neg(), vg.reinterpretAsInts().compare(LT, 0).cast(F)) // g's sign, also on zeros
                    .blend(vx, vdBits.compare(GT, NEG_INF_BITS).cast(F)).intoArray(gradIn, giOff + i);
        }
        for (; i < len; i++) gradIn[giOff + i] = ScalarActivations.logSigmoidBackward(x[xOff + i], gradOut[gOff + i]);
    }

    @Override
    public void siluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            // whole vectors with 2^-30 <= |x| <= 20 and 2^-20 <= |gradOut| <= 2^29: no clamp, no guard, no special value,
            // every result normal; g != 0 and hh != 0 give the products the sign the general body sets
            if (FloatVector.fromArray(F, x, xOff + i).reinterpretAsInts().or(SIGN_BIT_F).sub(NEG_TINY_BITS + FLIP)
                    .compare(LT, SIGMOID_BACKWARD_FAST_NEG_MAX_BITS - NEG_TINY_BITS + 1 + FLIP)
                    .and(FloatVector.fromArray(F, gradOut, gOff + i).reinterpretAsInts().and(~SIGN_BIT_F)
                            .sub(SIGMOID_GRAD_FAST_MIN_BITS + FLIP)
                            .compare(LT, SILU_GRAD_MAX_BITS - SIGMOID_GRAD_FAST_MIN_BITS + 1 + FLIP))
                    .allTrue()) {
                FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
                FloatVector vdc = vx.reinterpretAsInts().or(SIGN_BIT_F).reinterpretAsFloats(); // -|x|
                FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
                FloatVector vn = vnb.sub(EXP_MAGIC_F);
                FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));
                FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                        .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
                FloatVector vsDen = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n
                FloatVector ve = vp.mul(vsDen);
                FloatVector vw = ve.add(1f);
                FloatVector vlo = ve.sub(vw.sub(1f));
                FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
                FloatVector vnr0 = vr0.neg();
                FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
                FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);
                VectorMask<Float> vxNeg = vx.compare(LT, 0f);
                FloatVector vc = vdc.neg().mul(ve).blend(vdc, vxNeg); // x sigmoid(-x) / sigmoid(a)
                FloatVector vhh = vc.fma(vr0, FloatVector.broadcast(F, 1f));
                FloatVector vhl = vc.mul(vr0).mul(vdelta);
                // blended in every vector: 1/2 around x0 holds a tenth of N(0, 3)'s lanes, a branch there mispredicts
                FloatVector vdh = vx.sub(SILU_F_ROOT_HI);
                FloatVector vpw = vdh.fma(SILU_F_W8, SILU_F_W7).fma(vdh, FloatVector.broadcast(F, SILU_F_W6))
                        .fma(vdh, FloatVector.broadcast(F, SILU_F_W5)).fma(vdh, FloatVector.broadcast(F, SILU_F_W4))
                        .fma(vdh, FloatVector.broadcast(F, SILU_F_W3)).fma(vdh, FloatVector.broadcast(F, SILU_F_W2))
                        .fma(vdh, FloatVector.broadcast(F, SILU_F_W1));
                VectorMask<Float> vin = vdh.abs().compare(LT, SILU_F_ROOT_WINDOW);
                vhh = vhh.blend(vdh.add(vdh.fma(vdh.mul(vpw), FloatVector.broadcast(F, -SILU_F_ROOT_LO))), vin);
                vhl = vhl.blend(0f, vin);
                FloatVector vnum = FloatVector.broadcast(F, 1f).blend(vp, vxNeg);
                FloatVector vmh = vnum.mul(vhh);
                FloatVector vcorr = vnum.fma(vhl, vnum.mul(vdelta).fma(vhh, vnum.fma(vhh, vmh.neg())));
                // x < 0 at 2^(n+64), as in the general body: the same operations on the same values (unscaled, the tail
                // fma(q, corr, ql) could cancel below 2^-126), then 2^-64, exact: every result here is at least 2^-77
                FloatVector vsUp = vsDen.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS << 23).reinterpretAsFloats();
                FloatVector vq = vg.mul(FloatVector.broadcast(F, 1f).blend(vsUp, vxNeg));
                FloatVector vqh = vq.mul(vmh);
                FloatVector vql = vq.fma(vmh, vqh.neg());
                FloatVector vres = vr0.fma(vqh, vr0.mul(vq.fma(vcorr, vql)));
                vres.blend(vres.mul(EXP_NEG_SCALE_DOWN), vxNeg).intoArray(gradIn, giOff + i);
                continue;
            }
            IntVector vgaIn = FloatVector.fromArray(F, gradOut, gOff + i).reinterpretAsInts().and(~SIGN_BIT_F);
            // |gradOut| above 2^29, inf or NaN: the scalar method, lane by lane, for the whole vector (only arrays live)
            if (vgaIn.compare(GT, SILU_GRAD_MAX_BITS).anyTrue()) {
                for (int l = i; l < i + F.length(); l++) {
                    gradIn[giOff + l] = ScalarActivations.siluBackward(x[xOff + l], gradOut[gOff + l]);
                }
                continue;
            }
            // ScalarActivations.plainSigmoidFamily(x, g, SILU_BACKWARD), op for op: both signs computed, blended on x < 0
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            IntVector vxBits = vx.reinterpretAsInts();
            IntVector vdBits = vxBits.or(SIGN_BIT_F); // -|x|
            FloatVector vdc = vdBits.lanewise(MAX, NEG_TINY_BITS).lanewise(MIN, SIGMOID_NEG_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            IntVector vsUpBits = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23);
            FloatVector vsDen = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).lanewise(MAX, SIGMOID_DEN_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector ve = vp.mul(vsDen);
            FloatVector vw = ve.add(1f);
            FloatVector vlo = ve.sub(vw.sub(1f));
            FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
            FloatVector vnr0 = vr0.neg();
            FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
            FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);
            VectorMask<Float> vxNeg = vxBits.compare(LT, 0).cast(F);
            FloatVector vc = vdc.neg().mul(ve).blend(vdc, vxNeg); // x sigmoid(-x) / sigmoid(a)
            FloatVector vhh = vc.fma(vr0, FloatVector.broadcast(F, 1f));
            FloatVector vhl = vc.mul(vr0).mul(vdelta);
            // the root window only when a lane needs it (same bits as blending it into every vector): this body also
            // sees subnormal x, and a float op on one is an assist on x86
            if (vx.compare(GT, SILU_F_ROOT_HI - SILU_F_ROOT_WINDOW - 0x1p-10f)
                    .and(vx.compare(LT, SILU_F_ROOT_HI + SILU_F_ROOT_WINDOW + 0x1p-10f)).anyTrue()) {
                FloatVector vdh = vx.sub(SILU_F_ROOT_HI);
                FloatVector vpw = vdh.fma(SILU_F_W8, SILU_F_W7).fma(vdh, FloatVector.broadcast(F, SILU_F_W6))
                        .fma(vdh, FloatVector.broadcast(F, SILU_F_W5)).fma(vdh, FloatVector.broadcast(F, SILU_F_W4))
                        .fma(vdh, FloatVector.broadcast(F, SILU_F_W3)).fma(vdh, FloatVector.broadcast(F, SILU_F_W2))
                        .fma(vdh, FloatVector.broadcast(F, SILU_F_W1));
                VectorMask<Float> vin = vdh.abs().compare(LT, SILU_F_ROOT_WINDOW);
                vhh = vhh.blend(vdh.add(vdh.fma(vdh.mul(vpw), FloatVector.broadcast(F, -SILU_F_ROOT_LO))), vin);
                vhl = vhl.blend(0f, vin);
            }
            FloatVector vnum = FloatVector.broadcast(F, 1f).blend(vp, vxNeg);
            FloatVector vmh = vnum.mul(vhh);
            FloatVector vcorr = vnum.fma(vhl, vnum.mul(vdelta).fma(vhh, vnum.fma(vhh, vmh.neg())));
            // x <= -130 (clamped): |g silu'(x)| <= 2^29 129 e^-130 < 2^-150 rounds to 0. There the scale 2^(n+64) of x < 0
            // becomes 1 where some |x| >= 64, as products of g 2^(n+64) may be subnormal, each an assist (~150 cycles on
            // Intel: masked logits ran 10-13x slower), and the lane is set to 0 below; the test alone costs less than the
            // blends (those on every vector: 7% on N(0, 3)). Where |g| 2^(n+64) < 2^-95 (exponent fields, an upper
            // bound) |g silu'(-a)| 2^64 < 2^-87.4 rounds to 0 below, and 0 runs through instead of subnormal products
            // (x in (-130, -115) ran 6.8x slower). x >= 0 takes no scale.
            VectorMask<Float> vxPos = vxNeg.not();
            boolean vlarge = vdBits.compare(GE, SILU_BACKWARD_SCALE_GUARD_BITS).anyTrue();
            FloatVector vsUp = vsUpBits.reinterpretAsFloats();
            FloatVector vq = vg.mul(vlarge ? vsUp.blend(1f, vxPos.or(vdBits.compare(GE, SIGMOID_NEG_MIN_BITS).cast(F)))
                    .blend(0f, vgaIn.add(vsUpBits).compare(ULT, (127 + 127 - 95) << 23).cast(F).andNot(vxPos))
                    : vsUp.blend(1f, vxPos));
            FloatVector vqh = vq.mul(vmh);
            FloatVector vql = vq.fma(vmh, vqh.neg());
            FloatVector vupSigned = vr0.fma(vqh, vr0.mul(vq.fma(vcorr, vql)));
            FloatVector vup = vupSigned.abs(); // |g silu'(x)|, at 2^64 for x < 0
            VectorMask<Float> vdownAnyTiny = vup.compare(LT, EXP_NEG_U_MIN);
            // subnormal results in integers, and no product of them at all: a subnormal product is an assist of
            // ~150 cycles on an Intel Xeon, even when the lane is blended away afterwards
            FloatVector vdownAny = vdownAnyTiny.anyTrue()
                    ? vup.blend(EXP_NEG_U_MIN, vdownAnyTiny).mul(EXP_NEG_SCALE_DOWN)
                            .blend(vup.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000)
                                    .reinterpretAsFloats(), vdownAnyTiny)
                    : vup.mul(EXP_NEG_SCALE_DOWN);
            FloatVector vdown = vlarge ? vdownAny.blend(0f, vdBits.compare(GE, SIGMOID_NEG_MIN_BITS).cast(F)) : vdownAny;
            // the sign of g f'(x) from the signs (ScalarActivations.plainSigmoidFamily: zeros of g)
            IntVector vsign = vg.reinterpretAsInts()
                    .lanewise(XOR, vhh.reinterpretAsInts().and(vxBits.lanewise(ASHR, 31))).and(SIGN_BIT_F);
            vdown.blend(vup, vxPos).reinterpretAsInts().or(vsign).reinterpretAsFloats()
                    .blend(vx, vdBits.compare(GT, NEG_INF_BITS).cast(F)).intoArray(gradIn, giOff + i);
        }
        for (; i < len; i++) gradIn[giOff + i] = ScalarActivations.siluBackward(x[xOff + i], gradOut[gOff + i]);
    }

    @Override
    public void softplusBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len,
            float beta, float threshold) {
        if (beta != 1f) { // binary64: beta x is not exact in float
            softplusBackwardBinary64(x, xOff, gradOut, gOff, gradIn, giOff, len, beta, threshold);
            return;
        }
        // the fast path's x are at most 20: a threshold of 20 or more (PyTorch's default is 20) needs no blend there
        boolean thresholdInFastRange = !(threshold >= SIGMOID_BACKWARD_FAST_X_MAX);
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            // whole vectors with 2^-30 <= |x| <= 20 and 2^-20 <= |gradOut| <= 2^37: no clamp, no guard, no special value,
            // every result normal; g != 0 gives the result g's sign, which the general body sets
            if (FloatVector.fromArray(F, x, xOff + i).reinterpretAsInts().or(SIGN_BIT_F).sub(NEG_TINY_BITS + FLIP)
                    .compare(LT, SIGMOID_BACKWARD_FAST_NEG_MAX_BITS - NEG_TINY_BITS + 1 + FLIP)
                    .and(FloatVector.fromArray(F, gradOut, gOff + i).reinterpretAsInts().and(~SIGN_BIT_F)
                            .sub(SIGMOID_GRAD_FAST_MIN_BITS + FLIP)
                            .compare(LT, SIGMOID_GRAD_MAX_BITS - SIGMOID_GRAD_FAST_MIN_BITS + 1 + FLIP))
                    .allTrue()) {
                FloatVector vx = FloatVector.fromArray(F, x, xOff + i).neg();
                FloatVector vdc = vx.reinterpretAsInts().or(SIGN_BIT_F).reinterpretAsFloats(); // -|x|
                FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
                FloatVector vn = vnb.sub(EXP_MAGIC_F);
                FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));
                FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                        .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
                FloatVector vsDen = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n
                FloatVector ve = vp.mul(vsDen);
                FloatVector vw = ve.add(1f);
                FloatVector vlo = ve.sub(vw.sub(1f));
                FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
                FloatVector vnr0 = vr0.neg();
                FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
                FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);
                VectorMask<Float> vxNeg = vx.compare(LT, 0f);
                // nh = g 2^64 e (= g 2^(n+64) p exactly) or g 2^64 (x < 0, where nl comes out 0): the general body's values
                // (unscaled, the tail fma(nh, delta, nl) could cancel below 2^-126 and round differently)
                FloatVector vfactor = ve.mul(0x1p64f).blend(0x1p64f, vxNeg);
                FloatVector vnh = vg.mul(vfactor);
                FloatVector vnl = vg.fma(vfactor, vnh.neg());
                FloatVector vres = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta, vnl))).mul(EXP_NEG_SCALE_DOWN);
                if (thresholdInFastRange) vres = vres.blend(vg, vx.compare(LT, -threshold)); // x > threshold: g
                vres.intoArray(gradIn, giOff + i);
                continue;
            }
            IntVector vgaIn = FloatVector.fromArray(F, gradOut, gOff + i).reinterpretAsInts().and(~SIGN_BIT_F);
            // |gradOut| above 2^37, inf or NaN: the scalar method, lane by lane, for the whole vector (only arrays live)
            if (vgaIn.compare(GT, SIGMOID_GRAD_MAX_BITS).anyTrue()) {
                for (int l = i; l < i + F.length(); l++) {
                    gradIn[giOff + l] = ScalarActivations.softplusBackward(x[xOff + l], gradOut[gOff + l], 1.0, threshold);
                }
                continue;
            }
            // ScalarActivations.plainSigmoidFamily(LOG_SIGMOID_BACKWARD), op for op: both signs, blended on x < 0
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i).neg();
            IntVector vxBits = vx.reinterpretAsInts();
            IntVector vdBits = vxBits.or(SIGN_BIT_F); // -|x|
            FloatVector vdc = vdBits.lanewise(MAX, NEG_TINY_BITS).lanewise(MIN, SIGMOID_NEG_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            IntVector vsUpBits = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23);
            FloatVector vsDen = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).lanewise(MAX, SIGMOID_DEN_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector ve = vp.mul(vsDen);
            FloatVector vw = ve.add(1f);
            FloatVector vlo = ve.sub(vw.sub(1f));
            FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
            FloatVector vnr0 = vr0.neg();
            FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
            FloatVector vg = FloatVector.fromArray(F, gradOut, gOff + i);
            VectorMask<Float> vxNeg = vxBits.compare(LT, 0).cast(F);
            // x >= 130 (clamped): |g sigmoid(-x)| <= 2^37 e^-130 < 2^-150 rounds to 0. There and where x < 0 (which
            // uses g 2^64) the x >= 0 numerator is unused: its scale 2^(n+64) becomes 1, as g 2^(n+64) may be
            // subnormal, and each product of it an assist (~150 cycles on Intel: masked logits ran 14-43x slower)
            VectorMask<Float> vzero = vdBits.compare(GE, SIGMOID_NEG_MIN_BITS).cast(F).andNot(vxNeg);
            // |g| 2^(n+64) < 2^-99 (read off the exponent fields, an upper bound for subnormal g): up < 2^-98 rounds to
            // 0 below, so 0 runs through; its rounding error nl went subnormal there (x in (100, 130): 30-38x the time)
            VectorMask<Float> vnegligible = vgaIn.add(vsUpBits).compare(ULT, (127 + 127 - 99) << 23).cast(F);
            FloatVector vgNeg = vg.mul(vsUpBits.reinterpretAsFloats().blend(1f, vxNeg.or(vzero)).blend(0f, vnegligible));
            FloatVector vgh = vgNeg.mul(vp);
            FloatVector vnh = vgh.blend(vg.mul(0x1p64f), vxNeg);
            // n < -60: w = 1, r0 = 1, |delta| < 2^-59, so up rounds to nh whatever nl and nh delta are (nl is nh's own
            // rounding error); both run as 0 there, as either may be subnormal (x in (100, 115): 3.8x the time)
            VectorMask<Float> vdeep = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).compare(LT, SIGMOID_DEN_MIN_BITS).cast(F);
            FloatVector vnl = vgNeg.blend(0f, vdeep).fma(vp, vgh.blend(0f, vdeep).neg()).blend(0f, vxNeg);
            FloatVector vupAbs = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta.blend(0f, vdeep), vnl))).abs(); // |g sigmoid(-x)| 2^64
            VectorMask<Float> vdownAnyTiny = vupAbs.compare(LT, EXP_NEG_U_MIN);
            // subnormal results in integers, and no product of them at all: a subnormal product is an assist of
            // ~150 cycles on an Intel Xeon, even when the lane is blended away afterwards
            FloatVector vdownAny = vdownAnyTiny.anyTrue()
                    ? vupAbs.blend(EXP_NEG_U_MIN, vdownAnyTiny).mul(EXP_NEG_SCALE_DOWN)
                            .blend(vupAbs.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000)
                                    .reinterpretAsFloats(), vdownAnyTiny)
                    : vupAbs.mul(EXP_NEG_SCALE_DOWN);
            FloatVector vdown = vdownAny.blend(0f, vzero);
            vdown.blend(vdown.neg(), vg.reinterpretAsInts().compare(LT, 0).cast(F)) // g's sign, also on zeros
                    .blend(vx, vdBits.compare(GT, NEG_INF_BITS).cast(F))
                    .blend(vg, vx.compare(LT, -threshold)).intoArray(gradIn, giOff + i); // x > threshold: gradOut
        }
        for (; i < len; i++) gradIn[giOff + i] = ScalarActivations.softplusBackward(x[xOff + i], gradOut[gOff + i], 1.0, threshold);
    }

    /**
     * Pass one of softplus and logSigmoid (beta = 1) over x[xOff + from, xOff + to): e^-|x| as
     * ScalarSoftmax.softplusNegAbs computes it, to e at i - from; where |x| &gt; 87 in a vector, e is 0 and the
     * subnormal-safe e^-|x| goes to eLarge (read only for such vectors).
     */
    private static void expNegAbsForLog1p(float[] x, int xOff, int from, int to, float[] e, float[] eLarge) {
        for (int i = from; i < to; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, x, xOff + i).abs();
            // vsp = ScalarSoftmax.softplusNegAbs(a) = log1p(exp(-a)), op for op, its exp here and its log1p in the
            // second pass. a clamped to [2^-26, 104] on its bits (e^-a rounds to 1 below 2^-26, as for a = 0 in the
            // scalar twin, and nothing but e is used; NaN becomes 104 here and reaches the result through x): a subnormal
            // factor or r^2 is an assist on Intel (subnormal x ran 22-24x slower, |x| < 2^-63 6.5-7x)
            FloatVector vdc = va.reinterpretAsInts().lanewise(MAX, SOFTPLUS_A_MIN_BITS).lanewise(MIN, SOFTPLUS_A_MAX_BITS)
                    .reinterpretAsFloats().neg();
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            FloatVector vrHi = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc);
            FloatVector vrLo = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), FloatVector.zero(F));
            FloatVector vhi = vrHi.add(1f);
            FloatVector vr = vrHi.add(vrLo);
            FloatVector vq = vr.fma(EXP_F_Q5, EXP_F_Q4).fma(vr, FloatVector.broadcast(F, EXP_F_Q3))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_Q2)).fma(vr, FloatVector.broadcast(F, EXP_F_Q1))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_Q0));
            FloatVector vc = vrHi.sub(vhi.sub(1f)).add(vr.mul(vr).fma(vq, vrLo));
            FloatVector vs = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n where n >= -126
            FloatVector ve = vhi.add(vc).mul(vs);
            VectorMask<Float> mayBeSubnormal = va.compare(GT, E_NORMAL_A);
            if (mayBeSubnormal.anyTrue()) { // |x| above 87: unscale(u), subnormal e rounded in integers
                FloatVector vs1 = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
                FloatVector vu = vc.fma(vs1, vhi.mul(vs1));
                vu.blend(EXP_NEG_U_MIN, vu.compare(LT, EXP_NEG_U_MIN)).mul(EXP_NEG_SCALE_DOWN).blend(
                        vu.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000).reinterpretAsFloats(),
                        vu.compare(LT, EXP_NEG_U_MIN)).intoArray(eLarge, i - from);
                // e < 2^-125 there, so log1p(e) comes out as e itself (w1 = 1, k = f = 0): e is blended in at the end
                // and 0 runs through, as a subnormal e in an fma of log1p was an assist on Intel (|x| in (87, 140) 5-7x)
                ve = ve.blend(0f, mayBeSubnormal);
            }
            ve.intoArray(e, i - from);
        }
    }

    @Override
    public void softplus(float[] x, int xOff, float[] y, int yOff, int len, float beta, float threshold) {
        if (beta != 1f) { // binary64: beta x is not exact in float
            softplusBinary64(x, xOff, y, yOff, len, beta, threshold);
            return;
        }
        int bound = F.loopBound(len);
        float[][] pair = bound > 0 ? E_PAIR.get() : null;
        for (int from = 0; from < bound; from += SPLIT_BLOCK) {
            int to = Math.min(bound, from + SPLIT_BLOCK);
            expNegAbsForLog1p(x, xOff, from, to, pair[0], pair[1]);
            softplusBlock(x, xOff, y, yOff, from, to, threshold, pair[0], pair[1]);
        }
        int i = bound;
        for (; i < len; i++) y[yOff + i] = ScalarActivations.softplusUnitBeta(x[xOff + i], threshold);
    }

    private static void softplusBlock(float[] x, int xOff, float[] y, int yOff, int from, int to, float threshold,
            float[] e, float[] eLarge) {
        for (int i = from; i < to; i += F.length()) {
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            FloatVector ve = FloatVector.fromArray(F, e, i - from);
            FloatVector vw1 = ve.add(1f);
            FloatVector vcc = ve.sub(vw1.sub(1f));
            FloatVector vrec = FloatVector.broadcast(F, 1f).div(vw1);
            IntVector vix = vw1.reinterpretAsInts().sub(SQRT_HALF_BITS);
            FloatVector vk = (FloatVector) vix.lanewise(ASHR, 23).convert(I2F, 0);
            FloatVector vf = vix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
            FloatVector vf2 = vf.mul(vf);
            // ScalarMath.logPolyF's Estrin scheme written out: a helper method boxed where C2 did not inline it, and
            // fma(float, float) boxed logSigmoid under C2 alone after erf, log, log1p and softplus had run
            FloatVector vpl = vf.fma(FloatVector.broadcast(F, LOG_F_P7), FloatVector.broadcast(F, LOG_F_P6))
                    .fma(vf2, vf.fma(FloatVector.broadcast(F, LOG_F_P5), FloatVector.broadcast(F, LOG_F_P4)))
                    .fma(vf2.mul(vf2), vf.fma(FloatVector.broadcast(F, LOG_F_P3), FloatVector.broadcast(F, LOG_F_P2))
                            .fma(vf2, vf.fma(FloatVector.broadcast(F, LOG_F_P1), FloatVector.broadcast(F, LOG_F_P0))));
            FloatVector vb = vk.fma(FloatVector.broadcast(F, LN2_LO_F), vf2.mul(vf).mul(vpl));
            FloatVector vt = vf.fma(vf.mul(-0.5f), vb);
            FloatVector vsp = vk.fma(FloatVector.broadcast(F, LN2_HI_F), vf).add(vcc.fma(vrec, vt));
            VectorMask<Float> mayBeSubnormal = vx.abs().compare(GT, E_NORMAL_A);
            if (mayBeSubnormal.anyTrue()) vsp = vsp.blend(FloatVector.fromArray(F, eLarge, i - from), mayBeSubnormal);
            // ScalarActivations.softplusUnitBeta: max(x, 0) + sp (-0 gives +0), x itself above the threshold
            vx.blend(0f, vx.compare(LE, 0f)).add(vsp).blend(vx, vx.compare(GT, threshold)).intoArray(y, yOff + i);
        }
    }

    @Override
    public void logSigmoid(float[] x, int xOff, float[] y, int yOff, int len) {
        int bound = F.loopBound(len);
        float[][] pair = bound > 0 ? E_PAIR.get() : null;
        for (int from = 0; from < bound; from += SPLIT_BLOCK) {
            int to = Math.min(bound, from + SPLIT_BLOCK);
            expNegAbsForLog1p(x, xOff, from, to, pair[0], pair[1]);
            logSigmoidBlock(x, xOff, y, yOff, from, to, pair[0], pair[1]);
        }
        int i = bound;
        for (; i < len; i++) y[yOff + i] = ScalarActivations.logSigmoid(x[xOff + i]);
    }

    private static void logSigmoidBlock(float[] x, int xOff, float[] y, int yOff, int from, int to, float[] e,
            float[] eLarge) {
        for (int i = from; i < to; i += F.length()) {
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            FloatVector ve = FloatVector.fromArray(F, e, i - from);
            FloatVector vw1 = ve.add(1f);
            FloatVector vcc = ve.sub(vw1.sub(1f));
            FloatVector vrec = FloatVector.broadcast(F, 1f).div(vw1);
            IntVector vix = vw1.reinterpretAsInts().sub(SQRT_HALF_BITS);
            FloatVector vk = (FloatVector) vix.lanewise(ASHR, 23).convert(I2F, 0);
            FloatVector vf = vix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
            FloatVector vf2 = vf.mul(vf);
            // ScalarMath.logPolyF's Estrin scheme written out: a helper method boxed where C2 did not inline it, and
            // fma(float, float) boxed logSigmoid under C2 alone after erf, log, log1p and softplus had run
            FloatVector vpl = vf.fma(FloatVector.broadcast(F, LOG_F_P7), FloatVector.broadcast(F, LOG_F_P6))
                    .fma(vf2, vf.fma(FloatVector.broadcast(F, LOG_F_P5), FloatVector.broadcast(F, LOG_F_P4)))
                    .fma(vf2.mul(vf2), vf.fma(FloatVector.broadcast(F, LOG_F_P3), FloatVector.broadcast(F, LOG_F_P2))
                            .fma(vf2, vf.fma(FloatVector.broadcast(F, LOG_F_P1), FloatVector.broadcast(F, LOG_F_P0))));
            FloatVector vb = vk.fma(FloatVector.broadcast(F, LN2_LO_F), vf2.mul(vf).mul(vpl));
            FloatVector vt = vf.fma(vf.mul(-0.5f), vb);
            FloatVector vsp = vk.fma(FloatVector.broadcast(F, LN2_HI_F), vf).add(vcc.fma(vrec, vt));
            VectorMask<Float> mayBeSubnormal = vx.abs().compare(GT, E_NORMAL_A);
            if (mayBeSubnormal.anyTrue()) vsp = vsp.blend(FloatVector.fromArray(F, eLarge, i - from), mayBeSubnormal);
            // ScalarActivations.logSigmoid: -(max(-x, 0) + sp)
            FloatVector vnx = vx.neg();
            vnx.blend(0f, vnx.compare(LE, 0f)).add(vsp).neg().intoArray(y, yOff + i);
        }
    }

    // ------------------------------------------------------------------------------------------ binary64 kernels

    @Override
    public void gelu(float[] x, int xOff, float[] y, int yOff, int len) {
        int bound = PanamaSpecies.D_MASKS ? F.loopBound(len) : 0;
        for (int from = 0; from < bound; from += HALF_PASS_BLOCK) {
            int to = Math.min(bound, from + HALF_PASS_BLOCK);
            geluLowHalves(x, xOff, y, yOff, from, to);
            geluHighHalves(x, xOff, y, yOff, from, to);
        }
        int i = bound;
        for (; i < len; i++) y[yOff + i] = ScalarActivations.gelu(x[xOff + i]);
    }

    private static void geluLowHalves(float[] x, int xOff, float[] y, int yOff, int from, int to) {
        DoubleVector kLOG2E_D = DoubleVector.broadcast(D, LOG2E_D);
        DoubleVector kEXP_MAGIC_D = DoubleVector.broadcast(D, EXP_MAGIC_D);
        DoubleVector kNegLN2_HI_D = DoubleVector.broadcast(D, -LN2_HI_D);
        DoubleVector kNegLN2_LO_D = DoubleVector.broadcast(D, -LN2_LO_D);
        DoubleVector kEXP_D5_Q3 = DoubleVector.broadcast(D, EXP_D5_Q3);
        DoubleVector kEXP_D5_Q2 = DoubleVector.broadcast(D, EXP_D5_Q2);
        DoubleVector kEXP_D5_Q1 = DoubleVector.broadcast(D, EXP_D5_Q1);
        DoubleVector kEXP_D5_Q0 = DoubleVector.broadcast(D, EXP_D5_Q0);
        DoubleVector kEXP_D5_Q5 = DoubleVector.broadcast(D, EXP_D5_Q5);
        DoubleVector kEXP_D5_Q4 = DoubleVector.broadcast(D, EXP_D5_Q4);
        DoubleVector kGELU_FWD_H7 = DoubleVector.broadcast(D, GELU_FWD_H7);
        DoubleVector kGELU_FWD_H6 = DoubleVector.broadcast(D, GELU_FWD_H6);
        DoubleVector kGELU_FWD_H5 = DoubleVector.broadcast(D, GELU_FWD_H5);
        DoubleVector kGELU_FWD_H4 = DoubleVector.broadcast(D, GELU_FWD_H4);
        DoubleVector kGELU_FWD_H3 = DoubleVector.broadcast(D, GELU_FWD_H3);
        DoubleVector kGELU_FWD_H2 = DoubleVector.broadcast(D, GELU_FWD_H2);
        DoubleVector kGELU_FWD_H1 = DoubleVector.broadcast(D, GELU_FWD_H1);
        DoubleVector kGELU_FWD_H0 = DoubleVector.broadcast(D, GELU_FWD_H0);
        DoubleVector kGELU_FWD_H9 = DoubleVector.broadcast(D, GELU_FWD_H9);
        DoubleVector kGELU_FWD_H8 = DoubleVector.broadcast(D, GELU_FWD_H8);
        DoubleVector k1_0 = DoubleVector.broadcast(D, 1.0);
        VectorMask<Float> lowHalf = F.indexInRange(0, DL);
        for (int i = from; i < to; i += F.length()) {
            FloatVector vxIn = FloatVector.fromArray(F, x, xOff + i);
            DoubleVector vx = (DoubleVector) vxIn.convertShape(F2D, D, 0);
            DoubleVector vabs = vx.abs();
            DoubleVector va = vabs.blend(GELU_FWD_A_MAX, vabs.compare(GT, GELU_FWD_A_MAX));
            // ve = ScalarMath.expD5(...): the ops of ScalarMath.expD and expPoly5, in order
            DoubleVector vexpX = va.mul(va).mul(-0.5);
            DoubleVector vexpNb = vexpX.fma(kLOG2E_D, kEXP_MAGIC_D);
            DoubleVector vexpN = vexpNb.sub(kEXP_MAGIC_D);
            DoubleVector vexpR = vexpN.fma(kNegLN2_HI_D, vexpX);
            vexpR = vexpN.fma(kNegLN2_LO_D, vexpR);
            DoubleVector vexpQ = vexpR.fma(kEXP_D5_Q5, kEXP_D5_Q4).fma(vexpR, kEXP_D5_Q3).fma(vexpR, kEXP_D5_Q2)
                    .fma(vexpR, kEXP_D5_Q1).fma(vexpR, kEXP_D5_Q0);
            DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
            DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector ve = vexpS.fma(vexpU, vexpS);
            // vtailH = ScalarActivations.gaussTailHForward(va)
            DoubleVector vtailY = va.sub(GELU_FWD_H_K).div(va.add(GELU_FWD_H_K));
            DoubleVector vtailH = vtailY.fma(kGELU_FWD_H9, kGELU_FWD_H8).fma(vtailY, kGELU_FWD_H7)
                    .fma(vtailY, kGELU_FWD_H6).fma(vtailY, kGELU_FWD_H5).fma(vtailY, kGELU_FWD_H4)
                    .fma(vtailY, kGELU_FWD_H3).fma(vtailY, kGELU_FWD_H2).fma(vtailY, kGELU_FWD_H1)
                    .fma(vtailY, kGELU_FWD_H0);
            DoubleVector vq = ve.mul(vtailH);
            DoubleVector vp = vq.blend(k1_0.sub(vq), vx.compare(GE, 0.0));
            DoubleVector vres = vx.blend(-GELU_FWD_A_MAX, vx.compare(LT, -GELU_FWD_A_MAX)).mul(vp);
            FloatVector vrh = (FloatVector) vres.convertShape(D2F, F, 0);
            FloatVector.fromArray(F, y, yOff + i).blend(vrh, lowHalf).intoArray(y, yOff + i);
        }
    }

    private static void geluHighHalves(float[] x, int xOff, float[] y, int yOff, int from, int to) {
        DoubleVector kLOG2E_D = DoubleVector.broadcast(D, LOG2E_D);
        DoubleVector kEXP_MAGIC_D = DoubleVector.broadcast(D, EXP_MAGIC_D);
        DoubleVector kNegLN2_HI_D = DoubleVector.broadcast(D, -LN2_HI_D);
        DoubleVector kNegLN2_LO_D = DoubleVector.broadcast(D, -LN2_LO_D);
        DoubleVector kEXP_D5_Q3 = DoubleVector.broadcast(D, EXP_D5_Q3);
        DoubleVector kEXP_D5_Q2 = DoubleVector.broadcast(D, EXP_D5_Q2);
        DoubleVector kEXP_D5_Q1 = DoubleVector.broadcast(D, EXP_D5_Q1);
        DoubleVector kEXP_D5_Q0 = DoubleVector.broadcast(D, EXP_D5_Q0);
        DoubleVector kEXP_D5_Q5 = DoubleVector.broadcast(D, EXP_D5_Q5);
        DoubleVector kEXP_D5_Q4 = DoubleVector.broadcast(D, EXP_D5_Q4);
        DoubleVector kGELU_FWD_H7 = DoubleVector.broadcast(D, GELU_FWD_H7);
        DoubleVector kGELU_FWD_H6 = DoubleVector.broadcast(D, GELU_FWD_H6);
        DoubleVector kGELU_FWD_H5 = DoubleVector.broadcast(D, GELU_FWD_H5);
        DoubleVector kGELU_FWD_H4 = DoubleVector.broadcast(D, GELU_FWD_H4);
        DoubleVector kGELU_FWD_H3 = DoubleVector.broadcast(D, GELU_FWD_H3);
        DoubleVector kGELU_FWD_H2 = DoubleVector.broadcast(D, GELU_FWD_H2);
        DoubleVector kGELU_FWD_H1 = DoubleVector.broadcast(D, GELU_FWD_H1);
        DoubleVector kGELU_FWD_H0 = DoubleVector.broadcast(D, GELU_FWD_H0);
        DoubleVector kGELU_FWD_H9 = DoubleVector.broadcast(D, GELU_FWD_H9);
        DoubleVector kGELU_FWD_H8 = DoubleVector.broadcast(D, GELU_FWD_H8);
        DoubleVector k1_0 = DoubleVector.broadcast(D, 1.0);
        for (int i = from; i < to; i += F.length()) {
            FloatVector vxIn = FloatVector.fromArray(F, x, xOff + i);
            DoubleVector vx = (DoubleVector) vxIn.convertShape(F2D, D, 1);
            DoubleVector vabs = vx.abs();
            DoubleVector va = vabs.blend(GELU_FWD_A_MAX, vabs.compare(GT, GELU_FWD_A_MAX));
            // ve = ScalarMath.expD5(...): the ops of ScalarMath.expD and expPoly5, in order
            DoubleVector vexpX = va.mul(va).mul(-0.5);
            DoubleVector vexpNb = vexpX.fma(kLOG2E_D, kEXP_MAGIC_D);
            DoubleVector vexpN = vexpNb.sub(kEXP_MAGIC_D);
            DoubleVector vexpR = vexpN.fma(kNegLN2_HI_D, vexpX);
            vexpR = vexpN.fma(kNegLN2_LO_D, vexpR);
            DoubleVector vexpQ = vexpR.fma(kEXP_D5_Q5, kEXP_D5_Q4).fma(vexpR, kEXP_D5_Q3).fma(vexpR, kEXP_D5_Q2)
                    .fma(vexpR, kEXP_D5_Q1).fma(vexpR, kEXP_D5_Q0);
            DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
            DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector ve = vexpS.fma(vexpU, vexpS);
            // vtailH = ScalarActivations.gaussTailHForward(va)
            DoubleVector vtailY = va.sub(GELU_FWD_H_K).div(va.add(GELU_FWD_H_K));
            DoubleVector vtailH = vtailY.fma(kGELU_FWD_H9, kGELU_FWD_H8).fma(vtailY, kGELU_FWD_H7)
                    .fma(vtailY, kGELU_FWD_H6).fma(vtailY, kGELU_FWD_H5).fma(vtailY, kGELU_FWD_H4)
                    .fma(vtailY, kGELU_FWD_H3).fma(vtailY, kGELU_FWD_H2).fma(vtailY, kGELU_FWD_H1)
                    .fma(vtailY, kGELU_FWD_H0);
            DoubleVector vq = ve.mul(vtailH);
            DoubleVector vp = vq.blend(k1_0.sub(vq), vx.compare(GE, 0.0));
            DoubleVector vres = vx.blend(-GELU_FWD_A_MAX, vx.compare(LT, -GELU_FWD_A_MAX)).mul(vp);
            FloatVector vrh = (FloatVector) vres.convertShape(D2F, F, 0);
            vrh.unslice(DL, FloatVector.fromArray(F, y, yOff + i), 0).intoArray(y, yOff + i);
        }
    }

    @Override
    public void geluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        int bound = PanamaSpecies.D_MASKS ? F.loopBound(len) : 0;
        for (int from = 0; from < bound; from += HALF_PASS_BLOCK) {
            int to = Math.min(bound, from + HALF_PASS_BLOCK);
            geluBackwardLowHalves(x, xOff, gradOut, gOff, gradIn, giOff, from, to);
            geluBackwardHighHalves(x, xOff, gradOut, gOff, gradIn, giOff, from, to);
        }
        int i = bound;
        for (; i < len; i++) gradIn[giOff + i] = ScalarActivations.geluBackward(x[xOff + i], gradOut[gOff + i]);
    }

    private static void geluBackwardLowHalves(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff,
            int from, int to) {
        DoubleVector kLOG2E_D = DoubleVector.broadcast(D, LOG2E_D);
        DoubleVector kEXP_MAGIC_D = DoubleVector.broadcast(D, EXP_MAGIC_D);
        DoubleVector kNegLN2_HI_D = DoubleVector.broadcast(D, -LN2_HI_D);
        DoubleVector kNegLN2_LO_D = DoubleVector.broadcast(D, -LN2_LO_D);
        DoubleVector kEXP_D5_Q3 = DoubleVector.broadcast(D, EXP_D5_Q3);
        DoubleVector kEXP_D5_Q2 = DoubleVector.broadcast(D, EXP_D5_Q2);
        DoubleVector kEXP_D5_Q1 = DoubleVector.broadcast(D, EXP_D5_Q1);
        DoubleVector kEXP_D5_Q0 = DoubleVector.broadcast(D, EXP_D5_Q0);
        DoubleVector kEXP_D5_Q5 = DoubleVector.broadcast(D, EXP_D5_Q5);
        DoubleVector kEXP_D5_Q4 = DoubleVector.broadcast(D, EXP_D5_Q4);
        DoubleVector kGELU_BWD_H7 = DoubleVector.broadcast(D, GELU_BWD_H7);
        DoubleVector kGELU_BWD_H6 = DoubleVector.broadcast(D, GELU_BWD_H6);
        DoubleVector kGELU_BWD_H5 = DoubleVector.broadcast(D, GELU_BWD_H5);
        DoubleVector kGELU_BWD_H4 = DoubleVector.broadcast(D, GELU_BWD_H4);
        DoubleVector kGELU_BWD_H3 = DoubleVector.broadcast(D, GELU_BWD_H3);
        DoubleVector kGELU_BWD_H2 = DoubleVector.broadcast(D, GELU_BWD_H2);
        DoubleVector kGELU_BWD_H1 = DoubleVector.broadcast(D, GELU_BWD_H1);
        DoubleVector kGELU_BWD_H0 = DoubleVector.broadcast(D, GELU_BWD_H0);
        DoubleVector kGELU_BWD_H9 = DoubleVector.broadcast(D, GELU_BWD_H9);
        DoubleVector kGELU_BWD_H8 = DoubleVector.broadcast(D, GELU_BWD_H8);
        DoubleVector kNegINV_SQRT_2PI = DoubleVector.broadcast(D, -INV_SQRT_2PI);
        DoubleVector kGELU_W3 = DoubleVector.broadcast(D, GELU_W3);
        DoubleVector kGELU_W2 = DoubleVector.broadcast(D, GELU_W2);
        DoubleVector kGELU_W1 = DoubleVector.broadcast(D, GELU_W1);
        DoubleVector kGELU_W0 = DoubleVector.broadcast(D, GELU_W0);
        DoubleVector kGELU_W5 = DoubleVector.broadcast(D, GELU_W5);
        DoubleVector kGELU_W4 = DoubleVector.broadcast(D, GELU_W4);
        DoubleVector k1_0 = DoubleVector.broadcast(D, 1.0);
        VectorMask<Float> lowHalf = F.indexInRange(0, DL);
        for (int i = from; i < to; i += F.length()) {
            FloatVector vxIn = FloatVector.fromArray(F, x, xOff + i);
            FloatVector vgIn = FloatVector.fromArray(F, gradOut, gOff + i);
            FloatVector vxaF = vxIn.abs();
            // the factored form near the root of f' only when a lane needs it: same bits as blending it
            // into every vector, the window test below still decides per lane
            boolean nearRoot = vxaF.compare(GT, (float) (GELU_ROOT_HI - ROOT_WINDOW - 0x1p-10))
                    .and(vxaF.compare(LT, (float) (GELU_ROOT_HI + ROOT_WINDOW + 0x1p-10))).anyTrue();
            DoubleVector vx = (DoubleVector) vxIn.convertShape(F2D, D, 0);
            DoubleVector vabs = vx.abs();
            DoubleVector va = vabs.blend(GELU_A_MAX, vabs.compare(GT, GELU_A_MAX));
            // ve = ScalarMath.expD5(...): the ops of ScalarMath.expD and expPoly5, in order
            DoubleVector vexpX = va.mul(va).mul(-0.5);
            DoubleVector vexpNb = vexpX.fma(kLOG2E_D, kEXP_MAGIC_D);
            DoubleVector vexpN = vexpNb.sub(kEXP_MAGIC_D);
            DoubleVector vexpR = vexpN.fma(kNegLN2_HI_D, vexpX);
            vexpR = vexpN.fma(kNegLN2_LO_D, vexpR);
            DoubleVector vexpQ = vexpR.fma(kEXP_D5_Q5, kEXP_D5_Q4).fma(vexpR, kEXP_D5_Q3).fma(vexpR, kEXP_D5_Q2)
                    .fma(vexpR, kEXP_D5_Q1).fma(vexpR, kEXP_D5_Q0);
            DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
            DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector ve = vexpS.fma(vexpU, vexpS);
            // vtailH = ScalarActivations.gaussTailHBackward(va)
            DoubleVector vtailY = va.sub(GELU_BWD_H_K).div(va.add(GELU_BWD_H_K));
            DoubleVector vtailH = vtailY.fma(kGELU_BWD_H9, kGELU_BWD_H8).fma(vtailY, kGELU_BWD_H7)
                    .fma(vtailY, kGELU_BWD_H6).fma(vtailY, kGELU_BWD_H5).fma(vtailY, kGELU_BWD_H4)
                    .fma(vtailY, kGELU_BWD_H3).fma(vtailY, kGELU_BWD_H2).fma(vtailY, kGELU_BWD_H1)
                    .fma(vtailY, kGELU_BWD_H0);
            DoubleVector vhDirect = va.fma(kNegINV_SQRT_2PI, vtailH);
            DoubleVector vh = vhDirect;
            if (nearRoot) {
                DoubleVector vd = va.sub(GELU_ROOT_HI).sub(GELU_ROOT_LO);
                DoubleVector vw = vd.fma(kGELU_W5, kGELU_W4).fma(vd, kGELU_W3).fma(vd, kGELU_W2).fma(vd, kGELU_W1)
                        .fma(vd, kGELU_W0);
                vh = vhDirect.blend(vd.mul(vw), vd.abs().compare(LT, ROOT_WINDOW));
            }
            DoubleVector vdd = ve.mul(vh);
            DoubleVector vfp = vdd.blend(k1_0.sub(vdd), vx.compare(GE, 0.0));
            DoubleVector vg = (DoubleVector) vgIn.convertShape(F2D, D, 0);
            FloatVector vrh = (FloatVector) vg.mul(vfp).convertShape(D2F, F, 0);
            FloatVector.fromArray(F, gradIn, giOff + i).blend(vrh, lowHalf).intoArray(gradIn, giOff + i);
        }
    }

    private static void geluBackwardHighHalves(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn,
            int giOff, int from, int to) {
        DoubleVector kLOG2E_D = DoubleVector.broadcast(D, LOG2E_D);
        DoubleVector kEXP_MAGIC_D = DoubleVector.broadcast(D, EXP_MAGIC_D);
        DoubleVector kNegLN2_HI_D = DoubleVector.broadcast(D, -LN2_HI_D);
        DoubleVector kNegLN2_LO_D = DoubleVector.broadcast(D, -LN2_LO_D);
        DoubleVector kEXP_D5_Q3 = DoubleVector.broadcast(D, EXP_D5_Q3);
        DoubleVector kEXP_D5_Q2 = DoubleVector.broadcast(D, EXP_D5_Q2);
        DoubleVector kEXP_D5_Q1 = DoubleVector.broadcast(D, EXP_D5_Q1);
        DoubleVector kEXP_D5_Q0 = DoubleVector.broadcast(D, EXP_D5_Q0);
        DoubleVector kEXP_D5_Q5 = DoubleVector.broadcast(D, EXP_D5_Q5);
        DoubleVector kEXP_D5_Q4 = DoubleVector.broadcast(D, EXP_D5_Q4);
        DoubleVector kGELU_BWD_H7 = DoubleVector.broadcast(D, GELU_BWD_H7);
        DoubleVector kGELU_BWD_H6 = DoubleVector.broadcast(D, GELU_BWD_H6);
        DoubleVector kGELU_BWD_H5 = DoubleVector.broadcast(D, GELU_BWD_H5);
        DoubleVector kGELU_BWD_H4 = DoubleVector.broadcast(D, GELU_BWD_H4);
        DoubleVector kGELU_BWD_H3 = DoubleVector.broadcast(D, GELU_BWD_H3);
        DoubleVector kGELU_BWD_H2 = DoubleVector.broadcast(D, GELU_BWD_H2);
        DoubleVector kGELU_BWD_H1 = DoubleVector.broadcast(D, GELU_BWD_H1);
        DoubleVector kGELU_BWD_H0 = DoubleVector.broadcast(D, GELU_BWD_H0);
        DoubleVector kGELU_BWD_H9 = DoubleVector.broadcast(D, GELU_BWD_H9);
        DoubleVector kGELU_BWD_H8 = DoubleVector.broadcast(D, GELU_BWD_H8);
        DoubleVector kNegINV_SQRT_2PI = DoubleVector.broadcast(D, -INV_SQRT_2PI);
        DoubleVector kGELU_W3 = DoubleVector.broadcast(D, GELU_W3);
        DoubleVector kGELU_W2 = DoubleVector.broadcast(D, GELU_W2);
        DoubleVector kGELU_W1 = DoubleVector.broadcast(D, GELU_W1);
        DoubleVector kGELU_W0 = DoubleVector.broadcast(D, GELU_W0);
        DoubleVector kGELU_W5 = DoubleVector.broadcast(D, GELU_W5);
        DoubleVector kGELU_W4 = DoubleVector.broadcast(D, GELU_W4);
        DoubleVector k1_0 = DoubleVector.broadcast(D, 1.0);
        for (int i = from; i < to; i += F.length()) {
            FloatVector vxIn = FloatVector.fromArray(F, x, xOff + i);
            FloatVector vgIn = FloatVector.fromArray(F, gradOut, gOff + i);
            FloatVector vxaF = vxIn.abs();
            // the factored form near the root of f' only when a lane needs it: same bits as blending it
            // into every vector, the window test below still decides per lane
            boolean nearRoot = vxaF.compare(GT, (float) (GELU_ROOT_HI - ROOT_WINDOW - 0x1p-10))
                    .and(vxaF.compare(LT, (float) (GELU_ROOT_HI + ROOT_WINDOW + 0x1p-10))).anyTrue();
            DoubleVector vx = (DoubleVector) vxIn.convertShape(F2D, D, 1);
            DoubleVector vabs = vx.abs();
            DoubleVector va = vabs.blend(GELU_A_MAX, vabs.compare(GT, GELU_A_MAX));
            // ve = ScalarMath.expD5(...): the ops of ScalarMath.expD and expPoly5, in order
            DoubleVector vexpX = va.mul(va).mul(-0.5);
            DoubleVector vexpNb = vexpX.fma(kLOG2E_D, kEXP_MAGIC_D);
            DoubleVector vexpN = vexpNb.sub(kEXP_MAGIC_D);
            DoubleVector vexpR = vexpN.fma(kNegLN2_HI_D, vexpX);
            vexpR = vexpN.fma(kNegLN2_LO_D, vexpR);
            DoubleVector vexpQ = vexpR.fma(kEXP_D5_Q5, kEXP_D5_Q4).fma(vexpR, kEXP_D5_Q3).fma(vexpR, kEXP_D5_Q2)
                    .fma(vexpR, kEXP_D5_Q1).fma(vexpR, kEXP_D5_Q0);
            DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
            DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector ve = vexpS.fma(vexpU, vexpS);
            // vtailH = ScalarActivations.gaussTailHBackward(va)
            DoubleVector vtailY = va.sub(GELU_BWD_H_K).div(va.add(GELU_BWD_H_K));
            DoubleVector vtailH = vtailY.fma(kGELU_BWD_H9, kGELU_BWD_H8).fma(vtailY, kGELU_BWD_H7)
                    .fma(vtailY, kGELU_BWD_H6).fma(vtailY, kGELU_BWD_H5).fma(vtailY, kGELU_BWD_H4)
                    .fma(vtailY, kGELU_BWD_H3).fma(vtailY, kGELU_BWD_H2).fma(vtailY, kGELU_BWD_H1)
                    .fma(vtailY, kGELU_BWD_H0);
            DoubleVector vhDirect = va.fma(kNegINV_SQRT_2PI, vtailH);
            DoubleVector vh = vhDirect;
            if (nearRoot) {
                DoubleVector vd = va.sub(GELU_ROOT_HI).sub(GELU_ROOT_LO);
                DoubleVector vw = vd.fma(kGELU_W5, kGELU_W4).fma(vd, kGELU_W3).fma(vd, kGELU_W2).fma(vd, kGELU_W1)
                        .fma(vd, kGELU_W0);
                vh = vhDirect.blend(vd.mul(vw), vd.abs().compare(LT, ROOT_WINDOW));
            }
            DoubleVector vdd = ve.mul(vh);
            DoubleVector vfp = vdd.blend(k1_0.sub(vdd), vx.compare(GE, 0.0));
            DoubleVector vg = (DoubleVector) vgIn.convertShape(F2D, D, 1);
            FloatVector vrh = (FloatVector) vg.mul(vfp).convertShape(D2F, F, 0);
            vrh.unslice(DL, FloatVector.fromArray(F, gradIn, giOff + i), 0).intoArray(gradIn, giOff + i);
        }
    }

    @Override
    public void geluTanh(float[] x, int xOff, float[] y, int yOff, int len) {
        int bound = F.loopBound(len);
        float[][] pair = bound > 0 ? E_PAIR.get() : null;
        for (int from = 0; from < bound; from += SPLIT_BLOCK) {
            int to = Math.min(bound, from + SPLIT_BLOCK);
            geluTanhExp(x, xOff, from, to, pair[0], pair[1]);
            geluTanhBlock(x, xOff, y, yOff, from, to, pair[0], pair[1]);
        }
        int i = bound;
        for (; i < len; i++) y[yOff + i] = ScalarActivations.geluTanh(x[xOff + i]);
    }

    /** Pass one of geluTanh: for whole vectors in its fast range, p and vnb of e^-|u| at i - from. */
    private static void geluTanhExp(float[] x, int xOff, int from, int to, float[] p, float[] nb) {
        for (int i = from; i < to; i += F.length()) {
            if (FloatVector.fromArray(F, x, xOff + i).reinterpretAsInts().or(SIGN_BIT_F).sub(NEG_TINY_BITS + FLIP)
                    .compare(LT, GELU_TANH_FAST_NEG_MAX_BITS - NEG_TINY_BITS + 1 + FLIP).allTrue()) {
                FloatVector va = FloatVector.fromArray(F, x, xOff + i).abs();
                FloatVector vs = va.mul(va);
                FloatVector vsl = va.fma(va, vs.neg());
                FloatVector vbh = vs.mul(GELU_TANH_F_NB_HI);
                FloatVector vbl = vs.fma(FloatVector.broadcast(F, GELU_TANH_F_NB_HI), vbh.neg());
                FloatVector vqh = vbh.add(GELU_TANH_F_NA_HI); // TwoSum: either term may be the larger
                FloatVector vbb = vqh.sub(vbh);
                FloatVector vql = vbh.sub(vqh.sub(vbb)).add(FloatVector.broadcast(F, GELU_TANH_F_NA_HI).sub(vbb))
                        .add(vsl.fma(FloatVector.broadcast(F, GELU_TANH_F_NB_HI),
                                vs.fma(FloatVector.broadcast(F, GELU_TANH_F_NB_LO), vbl.add(GELU_TANH_F_NA_LO))));
                FloatVector vdc = va.mul(vqh); // -|u|
                FloatVector vdl = va.fma(vql, va.fma(vqh, vdc.neg()));
                FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
                FloatVector vn = vnb.sub(EXP_MAGIC_F);
                FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc)
                        .add(vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vdl));
                FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                        .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
                vp.intoArray(p, i - from);
                vnb.intoArray(nb, i - from);
            }
        }
    }

    private static void geluTanhBlock(float[] x, int xOff, float[] y, int yOff, int from, int to, float[] p,
            float[] nb) {
        for (int i = from; i < to; i += F.length()) {
            // whole vectors with 2^-30 <= |x| <= 9.5: no clamp, no special value, 2^n and every result normal, so x < 0
            // is scaled by 2^n directly (the same bits as the general body's 2^(n+64) and 2^-64, both exact there)
            if (FloatVector.fromArray(F, x, xOff + i).reinterpretAsInts().or(SIGN_BIT_F).sub(NEG_TINY_BITS + FLIP)
                    .compare(LT, GELU_TANH_FAST_NEG_MAX_BITS - NEG_TINY_BITS + 1 + FLIP).allTrue()) {
                FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
                FloatVector vp = FloatVector.fromArray(F, p, i - from);
                FloatVector vnb = FloatVector.fromArray(F, nb, i - from);
                FloatVector vs2n = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats(); // 2^n
                // an int max: positive floats order as their bits; FloatVector.max (NaN and -0 rules) is several ops on AVX2
                FloatVector vsDen = vs2n.reinterpretAsInts().lanewise(MAX, SIGMOID_DEN_MIN_BITS).reinterpretAsFloats();
                FloatVector ve = vp.mul(vsDen);
                FloatVector vw = ve.add(1f);
                FloatVector vlo = ve.sub(vw.sub(1f));
                FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
                FloatVector vnr0 = vr0.neg();
                FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
                VectorMask<Float> vneg = vx.compare(LT, 0f);
                FloatVector vph = vx.mul(vp); // -a p where x < 0
                FloatVector vnh = vx.blend(vph, vneg);
                FloatVector vnl = FloatVector.zero(F).blend(vx.fma(vp, vph.neg()), vneg);
                FloatVector vcore = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta, vnl)));
                vcore.blend(vcore.mul(vs2n), vneg).intoArray(y, yOff + i);
                continue;
            }
            // ScalarActivations.geluTanh, op for op: both signs computed, blended on x < 0
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            IntVector vxBits = vx.reinterpretAsInts();
            IntVector vdBits = vxBits.or(SIGN_BIT_F); // -|x|
            FloatVector va = vxBits.and(~SIGN_BIT_F).lanewise(MAX, TINY_BITS).lanewise(MIN, GELU_TANH_F_A_MAX_BITS)
                    .reinterpretAsFloats();
            FloatVector vs = va.mul(va);
            FloatVector vsl = va.fma(va, vs.neg());
            FloatVector vbh = vs.mul(GELU_TANH_F_NB_HI);
            FloatVector vbl = vs.fma(FloatVector.broadcast(F, GELU_TANH_F_NB_HI), vbh.neg());
            FloatVector vqh = vbh.add(GELU_TANH_F_NA_HI); // TwoSum: either term may be the larger
            FloatVector vbb = vqh.sub(vbh);
            FloatVector vql = vbh.sub(vqh.sub(vbb)).add(FloatVector.broadcast(F, GELU_TANH_F_NA_HI).sub(vbb))
                    .add(vsl.fma(FloatVector.broadcast(F, GELU_TANH_F_NB_HI),
                            vs.fma(FloatVector.broadcast(F, GELU_TANH_F_NB_LO), vbl.add(GELU_TANH_F_NA_LO))));
            FloatVector vdc = va.mul(vqh); // -|u|
            FloatVector vdl = va.fma(vql, va.fma(vqh, vdc.neg()));
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc)
                    .add(vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vdl));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            IntVector vsUpBits = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23);
            FloatVector vsDen = vsUpBits.sub(EXP_NEG_SCALE_BIAS << 23).lanewise(MAX, SIGMOID_DEN_MIN_BITS)
                    .reinterpretAsFloats();
            FloatVector ve = vp.mul(vsDen);
            FloatVector vw = ve.add(1f);
            FloatVector vlo = ve.sub(vw.sub(1f));
            FloatVector vr0 = FloatVector.broadcast(F, 1f).div(vw);
            FloatVector vnr0 = vr0.neg();
            FloatVector vdelta = vlo.fma(vnr0, vw.fma(vnr0, FloatVector.broadcast(F, 1f)));
            VectorMask<Float> vneg = vx.compare(LT, 0f);
            FloatVector vna = va.neg();
            FloatVector vph = vna.mul(vp);
            // |x| < 2^-30 lanes get their result in integers below: x >= 2^-30 here keeps subnormal x out of the products
            FloatVector vnh = vx.max(0x1p-30f).blend(vph, vneg);
            FloatVector vnl = FloatVector.zero(F).blend(vna.fma(vp, vph.neg()), vneg);
            FloatVector vcore = vnh.fma(vr0, vr0.mul(vnh.fma(vdelta, vnl)));
            // |geluTanh(x)| 2^64 for x < 0 (positive lanes set to a value unscale leaves alone)
            FloatVector vnegUp = vcore.neg().mul(vsUpBits.reinterpretAsFloats()).blend(EXP_NEG_U_MIN, vneg.not());
            VectorMask<Float> vnegDownTiny = vnegUp.compare(LT, EXP_NEG_U_MIN);
            // subnormal results in integers, and no product of them at all: a subnormal product is an assist of
            // ~150 cycles on an Intel Xeon, even when the lane is blended away afterwards
            FloatVector vnegDown = vnegDownTiny.anyTrue()
                    ? vnegUp.blend(EXP_NEG_U_MIN, vnegDownTiny).mul(EXP_NEG_SCALE_DOWN)
                            .blend(vnegUp.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000)
                                    .reinterpretAsFloats(), vnegDownTiny)
                    : vnegUp.mul(EXP_NEG_SCALE_DOWN);
            FloatVector vy = vcore.blend(vnegDown.neg(), vneg);
            IntVector vaBits = vxBits.and(~SIGN_BIT_F);
            // |x| below 2^-30, infinite or NaN (a - TINY_BITS, unsigned, at least INF_BITS - TINY_BITS): rare, so tested
            // once per vector instead of blended into every one
            if (vaBits.sub(TINY_BITS + FLIP).compare(GE, INF_BITS - TINY_BITS + FLIP).anyTrue()) {
                IntVector vhalfBits = vaBits.sub(1 << 23)
                        .blend(vaBits.add(IntVector.zero(I).blend(1, vxBits.compare(GT, 0))).lanewise(ASHR, 1),
                                vaBits.compare(LT, HALF_EXACT_BITS))
                        .or(vxBits.and(SIGN_BIT_F));
                vy = vy.blend(vhalfBits.reinterpretAsFloats(), vaBits.compare(LT, TINY_BITS).cast(F))
                        .blend(vx, vdBits.compare(GT, NEG_INF_BITS).or(vxBits.compare(EQ, INF_BITS)).cast(F));
            }
            vy.intoArray(y, yOff + i);
        }
    }

    @Override
    public void geluTanhBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        int bound = PanamaSpecies.D_MASKS ? F.loopBound(len) : 0;
        for (int from = 0; from < bound; from += HALF_PASS_BLOCK) {
            int to = Math.min(bound, from + HALF_PASS_BLOCK);
            geluTanhBackwardLowHalves(x, xOff, gradOut, gOff, gradIn, giOff, from, to);
            geluTanhBackwardHighHalves(x, xOff, gradOut, gOff, gradIn, giOff, from, to);
        }
        int i = bound;
        for (; i < len; i++) gradIn[giOff + i] = ScalarActivations.geluTanhBackward(x[xOff + i], gradOut[gOff + i]);
    }

    private static void geluTanhBackwardLowHalves(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn,
            int giOff, int from, int to) {
        DoubleVector kLOG2E_D = DoubleVector.broadcast(D, LOG2E_D);
        DoubleVector kEXP_MAGIC_D = DoubleVector.broadcast(D, EXP_MAGIC_D);
        DoubleVector kNegLN2_HI_D = DoubleVector.broadcast(D, -LN2_HI_D);
        DoubleVector kNegLN2_LO_D = DoubleVector.broadcast(D, -LN2_LO_D);
        DoubleVector kEXP_D5_Q3 = DoubleVector.broadcast(D, EXP_D5_Q3);
        DoubleVector kEXP_D5_Q2 = DoubleVector.broadcast(D, EXP_D5_Q2);
        DoubleVector kEXP_D5_Q1 = DoubleVector.broadcast(D, EXP_D5_Q1);
        DoubleVector kEXP_D5_Q0 = DoubleVector.broadcast(D, EXP_D5_Q0);
        DoubleVector kEXP_D5_Q5 = DoubleVector.broadcast(D, EXP_D5_Q5);
        DoubleVector kEXP_D5_Q4 = DoubleVector.broadcast(D, EXP_D5_Q4);
        DoubleVector k1_0 = DoubleVector.broadcast(D, 1.0);
        DoubleVector kGELU_TANH_W3 = DoubleVector.broadcast(D, GELU_TANH_W3);
        DoubleVector kGELU_TANH_W2 = DoubleVector.broadcast(D, GELU_TANH_W2);
        DoubleVector kGELU_TANH_W1 = DoubleVector.broadcast(D, GELU_TANH_W1);
        DoubleVector kGELU_TANH_W0 = DoubleVector.broadcast(D, GELU_TANH_W0);
        DoubleVector kGELU_TANH_W5 = DoubleVector.broadcast(D, GELU_TANH_W5);
        DoubleVector kGELU_TANH_W4 = DoubleVector.broadcast(D, GELU_TANH_W4);
        VectorMask<Float> lowHalf = F.indexInRange(0, DL);
        for (int i = from; i < to; i += F.length()) {
            FloatVector vxIn = FloatVector.fromArray(F, x, xOff + i);
            FloatVector vgIn = FloatVector.fromArray(F, gradOut, gOff + i);
            // the factored form near the root of f' only when a lane needs it: same bits as blending it
            // into every vector, the window test below still decides per lane
            boolean nearRoot = vxIn.compare(GT, (float) (GELU_TANH_ROOT_HI - ROOT_WINDOW - 0x1p-10))
                    .and(vxIn.compare(LT, (float) (GELU_TANH_ROOT_HI + ROOT_WINDOW + 0x1p-10))).anyTrue();
            DoubleVector vx = (DoubleVector) vxIn.convertShape(F2D, D, 0);
            DoubleVector vxc = vx.blend(-GELU_TANH_X_MAX, vx.compare(LT, -GELU_TANH_X_MAX))
                    .blend(GELU_TANH_X_MAX, vx.compare(GT, GELU_TANH_X_MAX));
            DoubleVector vx2 = vxc.mul(vxc);
            // ve = ScalarMath.expD5(...): the ops of ScalarMath.expD and expPoly5, in order
            DoubleVector vexpX = vxc.mul(vx2.fma(GELU_TANH_C, 1.0)).mul(GELU_TANH_M2K);
            DoubleVector vexpNb = vexpX.fma(kLOG2E_D, kEXP_MAGIC_D);
            DoubleVector vexpN = vexpNb.sub(kEXP_MAGIC_D);
            DoubleVector vexpR = vexpN.fma(kNegLN2_HI_D, vexpX);
            vexpR = vexpN.fma(kNegLN2_LO_D, vexpR);
            DoubleVector vexpQ = vexpR.fma(kEXP_D5_Q5, kEXP_D5_Q4).fma(vexpR, kEXP_D5_Q3).fma(vexpR, kEXP_D5_Q2)
                    .fma(vexpR, kEXP_D5_Q1).fma(vexpR, kEXP_D5_Q0);
            DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
            DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector ve = vexpS.fma(vexpU, vexpS);
            DoubleVector vs = k1_0.div(ve.add(1.0));
            DoubleVector vhDirect = vxc.mul(GELU_TANH_2K).mul(vx2.fma(GELU_TANH_3C, 1.0))
                    .fma(ve.mul(vs), k1_0);
            DoubleVector vh = vhDirect;
            if (nearRoot) {
                DoubleVector vd = vxc.sub(GELU_TANH_ROOT_HI).sub(GELU_TANH_ROOT_LO);
                DoubleVector vw = vd.fma(kGELU_TANH_W5, kGELU_TANH_W4).fma(vd, kGELU_TANH_W3)
                        .fma(vd, kGELU_TANH_W2).fma(vd, kGELU_TANH_W1).fma(vd, kGELU_TANH_W0);
                vh = vhDirect.blend(vd.mul(vw), vd.abs().compare(LT, ROOT_WINDOW));
            }
            DoubleVector vg = (DoubleVector) vgIn.convertShape(F2D, D, 0);
            FloatVector vrh = (FloatVector) vg.mul(vs.mul(vh)).convertShape(D2F, F, 0);
            FloatVector.fromArray(F, gradIn, giOff + i).blend(vrh, lowHalf).intoArray(gradIn, giOff + i);
        }
    }

    private static void geluTanhBackwardHighHalves(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn,
            int giOff, int from, int to) {
        DoubleVector kLOG2E_D = DoubleVector.broadcast(D, LOG2E_D);
        DoubleVector kEXP_MAGIC_D = DoubleVector.broadcast(D, EXP_MAGIC_D);
        DoubleVector kNegLN2_HI_D = DoubleVector.broadcast(D, -LN2_HI_D);
        DoubleVector kNegLN2_LO_D = DoubleVector.broadcast(D, -LN2_LO_D);
        DoubleVector kEXP_D5_Q3 = DoubleVector.broadcast(D, EXP_D5_Q3);
        DoubleVector kEXP_D5_Q2 = DoubleVector.broadcast(D, EXP_D5_Q2);
        DoubleVector kEXP_D5_Q1 = DoubleVector.broadcast(D, EXP_D5_Q1);
        DoubleVector kEXP_D5_Q0 = DoubleVector.broadcast(D, EXP_D5_Q0);
        DoubleVector kEXP_D5_Q5 = DoubleVector.broadcast(D, EXP_D5_Q5);
        DoubleVector kEXP_D5_Q4 = DoubleVector.broadcast(D, EXP_D5_Q4);
        DoubleVector k1_0 = DoubleVector.broadcast(D, 1.0);
        DoubleVector kGELU_TANH_W3 = DoubleVector.broadcast(D, GELU_TANH_W3);
        DoubleVector kGELU_TANH_W2 = DoubleVector.broadcast(D, GELU_TANH_W2);
        DoubleVector kGELU_TANH_W1 = DoubleVector.broadcast(D, GELU_TANH_W1);
        DoubleVector kGELU_TANH_W0 = DoubleVector.broadcast(D, GELU_TANH_W0);
        DoubleVector kGELU_TANH_W5 = DoubleVector.broadcast(D, GELU_TANH_W5);
        DoubleVector kGELU_TANH_W4 = DoubleVector.broadcast(D, GELU_TANH_W4);
        for (int i = from; i < to; i += F.length()) {
            FloatVector vxIn = FloatVector.fromArray(F, x, xOff + i);
            FloatVector vgIn = FloatVector.fromArray(F, gradOut, gOff + i);
            // the factored form near the root of f' only when a lane needs it: same bits as blending it
            // into every vector, the window test below still decides per lane
            boolean nearRoot = vxIn.compare(GT, (float) (GELU_TANH_ROOT_HI - ROOT_WINDOW - 0x1p-10))
                    .and(vxIn.compare(LT, (float) (GELU_TANH_ROOT_HI + ROOT_WINDOW + 0x1p-10))).anyTrue();
            DoubleVector vx = (DoubleVector) vxIn.convertShape(F2D, D, 1);
            DoubleVector vxc = vx.blend(-GELU_TANH_X_MAX, vx.compare(LT, -GELU_TANH_X_MAX))
                    .blend(GELU_TANH_X_MAX, vx.compare(GT, GELU_TANH_X_MAX));
            DoubleVector vx2 = vxc.mul(vxc);
            // ve = ScalarMath.expD5(...): the ops of ScalarMath.expD and expPoly5, in order
            DoubleVector vexpX = vxc.mul(vx2.fma(GELU_TANH_C, 1.0)).mul(GELU_TANH_M2K);
            DoubleVector vexpNb = vexpX.fma(kLOG2E_D, kEXP_MAGIC_D);
            DoubleVector vexpN = vexpNb.sub(kEXP_MAGIC_D);
            DoubleVector vexpR = vexpN.fma(kNegLN2_HI_D, vexpX);
            vexpR = vexpN.fma(kNegLN2_LO_D, vexpR);
            DoubleVector vexpQ = vexpR.fma(kEXP_D5_Q5, kEXP_D5_Q4).fma(vexpR, kEXP_D5_Q3).fma(vexpR, kEXP_D5_Q2)
                    .fma(vexpR, kEXP_D5_Q1).fma(vexpR, kEXP_D5_Q0);
            DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
            DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector ve = vexpS.fma(vexpU, vexpS);
            DoubleVector vs = k1_0.div(ve.add(1.0));
            DoubleVector vhDirect = vxc.mul(GELU_TANH_2K).mul(vx2.fma(GELU_TANH_3C, 1.0))
                    .fma(ve.mul(vs), k1_0);
            DoubleVector vh = vhDirect;
            if (nearRoot) {
                DoubleVector vd = vxc.sub(GELU_TANH_ROOT_HI).sub(GELU_TANH_ROOT_LO);
                DoubleVector vw = vd.fma(kGELU_TANH_W5, kGELU_TANH_W4).fma(vd, kGELU_TANH_W3)
                        .fma(vd, kGELU_TANH_W2).fma(vd, kGELU_TANH_W1).fma(vd, kGELU_TANH_W0);
                vh = vhDirect.blend(vd.mul(vw), vd.abs().compare(LT, ROOT_WINDOW));
            }
            DoubleVector vg = (DoubleVector) vgIn.convertShape(F2D, D, 1);
            FloatVector vrh = (FloatVector) vg.mul(vs.mul(vh)).convertShape(D2F, F, 0);
            vrh.unslice(DL, FloatVector.fromArray(F, gradIn, giOff + i), 0).intoArray(gradIn, giOff + i);
        }
    }

    /** softplus for beta != 1, in binary64 (beta x rounded once, like the scalar twin). */
    private void softplusBinary64(float[] x, int xOff, float[] y, int yOff, int len, float beta, float threshold) {
        int bound = PanamaSpecies.D_MASKS ? F.loopBound(len) : 0;
        for (int from = 0; from < bound; from += HALF_PASS_BLOCK) {
            int to = Math.min(bound, from + HALF_PASS_BLOCK);
            softplusLowHalves(x, xOff, y, yOff, from, to, beta, threshold);
            softplusHighHalves(x, xOff, y, yOff, from, to, beta, threshold);
        }
        double invBeta = 1.0 / beta;
        int i = bound;
        for (; i < len; i++) y[yOff + i] = ScalarActivations.softplus(x[xOff + i], beta, invBeta, threshold);
    }

    private static void softplusLowHalves(float[] x, int xOff, float[] y, int yOff, int from, int to, float beta,
            float threshold) {
        DoubleVector kLOG2E_D = DoubleVector.broadcast(D, LOG2E_D);
        DoubleVector kEXP_MAGIC_D = DoubleVector.broadcast(D, EXP_MAGIC_D);
        DoubleVector kNegLN2_HI_D = DoubleVector.broadcast(D, -LN2_HI_D);
        DoubleVector kNegLN2_LO_D = DoubleVector.broadcast(D, -LN2_LO_D);
        DoubleVector kEXP_D_Q6 = DoubleVector.broadcast(D, EXP_D_Q6);
        DoubleVector kEXP_D_Q5 = DoubleVector.broadcast(D, EXP_D_Q5);
        DoubleVector kEXP_D_Q4 = DoubleVector.broadcast(D, EXP_D_Q4);
        DoubleVector kEXP_D_Q3 = DoubleVector.broadcast(D, EXP_D_Q3);
        DoubleVector kEXP_D_Q2 = DoubleVector.broadcast(D, EXP_D_Q2);
        DoubleVector kEXP_D_Q1 = DoubleVector.broadcast(D, EXP_D_Q1);
        DoubleVector kEXP_D_Q0 = DoubleVector.broadcast(D, EXP_D_Q0);
        DoubleVector kEXP_D_Q8 = DoubleVector.broadcast(D, EXP_D_Q8);
        DoubleVector kEXP_D_Q7 = DoubleVector.broadcast(D, EXP_D_Q7);
        DoubleVector kLOG_D_T3 = DoubleVector.broadcast(D, LOG_D_T3);
        DoubleVector kLOG_D_T2 = DoubleVector.broadcast(D, LOG_D_T2);
        DoubleVector kLOG_D_T1 = DoubleVector.broadcast(D, LOG_D_T1);
        DoubleVector kLOG_D_T0 = DoubleVector.broadcast(D, LOG_D_T0);
        DoubleVector kLOG_D_T5 = DoubleVector.broadcast(D, LOG_D_T5);
        DoubleVector kLOG_D_T4 = DoubleVector.broadcast(D, LOG_D_T4);
        DoubleVector kLN2_HI_D = DoubleVector.broadcast(D, LN2_HI_D);
        DoubleVector kLN2_LO_D = DoubleVector.broadcast(D, LN2_LO_D);
        VectorMask<Float> lowHalf = F.indexInRange(0, DL);
        double invBeta = 1.0 / beta;
        for (int i = from; i < to; i += F.length()) {
            FloatVector vxIn = FloatVector.fromArray(F, x, xOff + i);
            DoubleVector vx = (DoubleVector) vxIn.convertShape(F2D, D, 0);
            DoubleVector vu = vx.mul(beta);
            DoubleVector va = vu.abs();
            DoubleVector vac = va.blend(EXP_ARG_MAX, va.compare(GT, EXP_ARG_MAX));
            // vl = ScalarActivations.log1pExpNeg(a) = log(1 + w) + (w - ((1 + w) - 1)), w = e^-min(a, 700)
            // vw = ScalarMath.expD(...): the ops of ScalarMath.expD and expPoly, in order
            DoubleVector vexpX = vac.neg();
            DoubleVector vexpNb = vexpX.fma(kLOG2E_D, kEXP_MAGIC_D);
            DoubleVector vexpN = vexpNb.sub(kEXP_MAGIC_D);
            DoubleVector vexpR = vexpN.fma(kNegLN2_HI_D, vexpX);
            vexpR = vexpN.fma(kNegLN2_LO_D, vexpR);
            DoubleVector vexpQ = vexpR.fma(kEXP_D_Q8, kEXP_D_Q7).fma(vexpR, kEXP_D_Q6).fma(vexpR, kEXP_D_Q5)
                    .fma(vexpR, kEXP_D_Q4).fma(vexpR, kEXP_D_Q3).fma(vexpR, kEXP_D_Q2).fma(vexpR, kEXP_D_Q1)
                    .fma(vexpR, kEXP_D_Q0);
            DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
            DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector vw = vexpS.fma(vexpU, vexpS);
            DoubleVector vw1 = vw.add(1.0);
            // vlogW1 = ScalarMath.logD(vw1): the ops of ScalarMath.logD, in order
            LongVector vlogIx = vw1.reinterpretAsLongs().sub(SQRT_HALF_BITS_D);
            LongVector vlogEb = vlogIx.add(0x3ff0000000000000L).lanewise(LSHR, 52);
            DoubleVector vlogE = vlogEb.add(0x4330000000000000L).reinterpretAsDoubles().sub(0x1.00000000003ffp52);
            DoubleVector vlogM = vlogIx.and(0x000fffffffffffffL).add(SQRT_HALF_BITS_D).reinterpretAsDoubles();
            DoubleVector vlogF = vlogM.sub(1.0);
            DoubleVector vlogS = vlogF.div(vlogF.add(2.0));
            DoubleVector vlogZ = vlogS.mul(vlogS);
            DoubleVector vlogT = vlogZ.fma(kLOG_D_T5, kLOG_D_T4).fma(vlogZ, kLOG_D_T3).fma(vlogZ, kLOG_D_T2)
                    .fma(vlogZ, kLOG_D_T1).fma(vlogZ, kLOG_D_T0);
            DoubleVector vlogLogm = vlogS.fma(vlogZ.mul(vlogT), vlogS.add(vlogS));
            DoubleVector vlogW1 = vlogE.fma(kLN2_HI_D,
                    vlogE.fma(kLN2_LO_D, vlogLogm));
            DoubleVector vl = vlogW1.add(vw.sub(vw1.sub(1.0)));
            DoubleVector vr = vu.blend(0.0, vu.compare(LE, 0.0)).add(vl).mul(invBeta); // max(u, 0): -0 gives +0
            FloatVector vrh = (FloatVector) vr.blend(vx, vu.compare(GT, threshold)).convertShape(D2F, F, 0);
            FloatVector.fromArray(F, y, yOff + i).blend(vrh, lowHalf).intoArray(y, yOff + i);
        }
    }

    private static void softplusHighHalves(float[] x, int xOff, float[] y, int yOff, int from, int to, float beta,
            float threshold) {
        DoubleVector kLOG2E_D = DoubleVector.broadcast(D, LOG2E_D);
        DoubleVector kEXP_MAGIC_D = DoubleVector.broadcast(D, EXP_MAGIC_D);
        DoubleVector kNegLN2_HI_D = DoubleVector.broadcast(D, -LN2_HI_D);
        DoubleVector kNegLN2_LO_D = DoubleVector.broadcast(D, -LN2_LO_D);
        DoubleVector kEXP_D_Q6 = DoubleVector.broadcast(D, EXP_D_Q6);
        DoubleVector kEXP_D_Q5 = DoubleVector.broadcast(D, EXP_D_Q5);
        DoubleVector kEXP_D_Q4 = DoubleVector.broadcast(D, EXP_D_Q4);
        DoubleVector kEXP_D_Q3 = DoubleVector.broadcast(D, EXP_D_Q3);
        DoubleVector kEXP_D_Q2 = DoubleVector.broadcast(D, EXP_D_Q2);
        DoubleVector kEXP_D_Q1 = DoubleVector.broadcast(D, EXP_D_Q1);
        DoubleVector kEXP_D_Q0 = DoubleVector.broadcast(D, EXP_D_Q0);
        DoubleVector kEXP_D_Q8 = DoubleVector.broadcast(D, EXP_D_Q8);
        DoubleVector kEXP_D_Q7 = DoubleVector.broadcast(D, EXP_D_Q7);
        DoubleVector kLOG_D_T3 = DoubleVector.broadcast(D, LOG_D_T3);
        DoubleVector kLOG_D_T2 = DoubleVector.broadcast(D, LOG_D_T2);
        DoubleVector kLOG_D_T1 = DoubleVector.broadcast(D, LOG_D_T1);
        DoubleVector kLOG_D_T0 = DoubleVector.broadcast(D, LOG_D_T0);
        DoubleVector kLOG_D_T5 = DoubleVector.broadcast(D, LOG_D_T5);
        DoubleVector kLOG_D_T4 = DoubleVector.broadcast(D, LOG_D_T4);
        DoubleVector kLN2_HI_D = DoubleVector.broadcast(D, LN2_HI_D);
        DoubleVector kLN2_LO_D = DoubleVector.broadcast(D, LN2_LO_D);
        double invBeta = 1.0 / beta;
        for (int i = from; i < to; i += F.length()) {
            FloatVector vxIn = FloatVector.fromArray(F, x, xOff + i);
            DoubleVector vx = (DoubleVector) vxIn.convertShape(F2D, D, 1);
            DoubleVector vu = vx.mul(beta);
            DoubleVector va = vu.abs();
            DoubleVector vac = va.blend(EXP_ARG_MAX, va.compare(GT, EXP_ARG_MAX));
            // vl = ScalarActivations.log1pExpNeg(a) = log(1 + w) + (w - ((1 + w) - 1)), w = e^-min(a, 700)
            // vw = ScalarMath.expD(...): the ops of ScalarMath.expD and expPoly, in order
            DoubleVector vexpX = vac.neg();
            DoubleVector vexpNb = vexpX.fma(kLOG2E_D, kEXP_MAGIC_D);
            DoubleVector vexpN = vexpNb.sub(kEXP_MAGIC_D);
            DoubleVector vexpR = vexpN.fma(kNegLN2_HI_D, vexpX);
            vexpR = vexpN.fma(kNegLN2_LO_D, vexpR);
            DoubleVector vexpQ = vexpR.fma(kEXP_D_Q8, kEXP_D_Q7).fma(vexpR, kEXP_D_Q6).fma(vexpR, kEXP_D_Q5)
                    .fma(vexpR, kEXP_D_Q4).fma(vexpR, kEXP_D_Q3).fma(vexpR, kEXP_D_Q2).fma(vexpR, kEXP_D_Q1)
                    .fma(vexpR, kEXP_D_Q0);
            DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
            DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector vw = vexpS.fma(vexpU, vexpS);
            DoubleVector vw1 = vw.add(1.0);
            // vlogW1 = ScalarMath.logD(vw1): the ops of ScalarMath.logD, in order
            LongVector vlogIx = vw1.reinterpretAsLongs().sub(SQRT_HALF_BITS_D);
            LongVector vlogEb = vlogIx.add(0x3ff0000000000000L).lanewise(LSHR, 52);
            DoubleVector vlogE = vlogEb.add(0x4330000000000000L).reinterpretAsDoubles().sub(0x1.00000000003ffp52);
            DoubleVector vlogM = vlogIx.and(0x000fffffffffffffL).add(SQRT_HALF_BITS_D).reinterpretAsDoubles();
            DoubleVector vlogF = vlogM.sub(1.0);
            DoubleVector vlogS = vlogF.div(vlogF.add(2.0));
            DoubleVector vlogZ = vlogS.mul(vlogS);
            DoubleVector vlogT = vlogZ.fma(kLOG_D_T5, kLOG_D_T4).fma(vlogZ, kLOG_D_T3).fma(vlogZ, kLOG_D_T2)
                    .fma(vlogZ, kLOG_D_T1).fma(vlogZ, kLOG_D_T0);
            DoubleVector vlogLogm = vlogS.fma(vlogZ.mul(vlogT), vlogS.add(vlogS));
            DoubleVector vlogW1 = vlogE.fma(kLN2_HI_D,
                    vlogE.fma(kLN2_LO_D, vlogLogm));
            DoubleVector vl = vlogW1.add(vw.sub(vw1.sub(1.0)));
            DoubleVector vr = vu.blend(0.0, vu.compare(LE, 0.0)).add(vl).mul(invBeta); // max(u, 0): -0 gives +0
            FloatVector vrh = (FloatVector) vr.blend(vx, vu.compare(GT, threshold)).convertShape(D2F, F, 0);
            vrh.unslice(DL, FloatVector.fromArray(F, y, yOff + i), 0).intoArray(y, yOff + i);
        }
    }

    /** softplusBackward for beta != 1, in binary64 (beta x exact, one division). */
    private void softplusBackwardBinary64(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len,
                                 float beta, float threshold) {
        int bound = PanamaSpecies.D_MASKS ? F.loopBound(len) : 0;
        for (int from = 0; from < bound; from += HALF_PASS_BLOCK) {
            int to = Math.min(bound, from + HALF_PASS_BLOCK);
            softplusBackwardLowHalves(x, xOff, gradOut, gOff, gradIn, giOff, from, to, beta, threshold);
            softplusBackwardHighHalves(x, xOff, gradOut, gOff, gradIn, giOff, from, to, beta, threshold);
        }
        int i = bound;
        for (; i < len; i++) {
            gradIn[giOff + i] = ScalarActivations.softplusBackward(x[xOff + i], gradOut[gOff + i], beta, threshold);
        }
    }

    private static void softplusBackwardLowHalves(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn,
            int giOff, int from, int to, float beta, float threshold) {
        DoubleVector kLOG2E_D = DoubleVector.broadcast(D, LOG2E_D);
        DoubleVector kEXP_MAGIC_D = DoubleVector.broadcast(D, EXP_MAGIC_D);
        DoubleVector kNegLN2_HI_D = DoubleVector.broadcast(D, -LN2_HI_D);
        DoubleVector kNegLN2_LO_D = DoubleVector.broadcast(D, -LN2_LO_D);
        DoubleVector kEXP_D_Q6 = DoubleVector.broadcast(D, EXP_D_Q6);
        DoubleVector kEXP_D_Q5 = DoubleVector.broadcast(D, EXP_D_Q5);
        DoubleVector kEXP_D_Q4 = DoubleVector.broadcast(D, EXP_D_Q4);
        DoubleVector kEXP_D_Q3 = DoubleVector.broadcast(D, EXP_D_Q3);
        DoubleVector kEXP_D_Q2 = DoubleVector.broadcast(D, EXP_D_Q2);
        DoubleVector kEXP_D_Q1 = DoubleVector.broadcast(D, EXP_D_Q1);
        DoubleVector kEXP_D_Q0 = DoubleVector.broadcast(D, EXP_D_Q0);
        DoubleVector kEXP_D_Q8 = DoubleVector.broadcast(D, EXP_D_Q8);
        DoubleVector kEXP_D_Q7 = DoubleVector.broadcast(D, EXP_D_Q7);
        VectorMask<Float> lowHalf = F.indexInRange(0, DL);
        for (int i = from; i < to; i += F.length()) {
            FloatVector vxIn = FloatVector.fromArray(F, x, xOff + i);
            FloatVector vgIn = FloatVector.fromArray(F, gradOut, gOff + i);
            DoubleVector vu = ((DoubleVector) vxIn.convertShape(F2D, D, 0)).mul(beta);
            DoubleVector vg = (DoubleVector) vgIn.convertShape(F2D, D, 0);
            // ve = ScalarMath.expD(...): the ops of ScalarMath.expD and expPoly, in order
            DoubleVector vexpX = vu.blend(-EXP_ARG_MAX, vu.compare(LT, -EXP_ARG_MAX))
                    .blend(EXP_ARG_MAX, vu.compare(GT, EXP_ARG_MAX)).neg();
            DoubleVector vexpNb = vexpX.fma(kLOG2E_D, kEXP_MAGIC_D);
            DoubleVector vexpN = vexpNb.sub(kEXP_MAGIC_D);
            DoubleVector vexpR = vexpN.fma(kNegLN2_HI_D, vexpX);
            vexpR = vexpN.fma(kNegLN2_LO_D, vexpR);
            DoubleVector vexpQ = vexpR.fma(kEXP_D_Q8, kEXP_D_Q7).fma(vexpR, kEXP_D_Q6).fma(vexpR, kEXP_D_Q5)
                    .fma(vexpR, kEXP_D_Q4).fma(vexpR, kEXP_D_Q3).fma(vexpR, kEXP_D_Q2).fma(vexpR, kEXP_D_Q1)
                    .fma(vexpR, kEXP_D_Q0);
            DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
            DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector ve = vexpS.fma(vexpU, vexpS);
            DoubleVector vr = vg.div(ve.add(1.0));
            FloatVector vrh = (FloatVector) vr.blend(vg, vu.compare(GT, threshold)).convertShape(D2F, F, 0);
            FloatVector.fromArray(F, gradIn, giOff + i).blend(vrh, lowHalf).intoArray(gradIn, giOff + i);
        }
    }

    private static void softplusBackwardHighHalves(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn,
            int giOff, int from, int to, float beta, float threshold) {
        DoubleVector kLOG2E_D = DoubleVector.broadcast(D, LOG2E_D);
        DoubleVector kEXP_MAGIC_D = DoubleVector.broadcast(D, EXP_MAGIC_D);
        DoubleVector kNegLN2_HI_D = DoubleVector.broadcast(D, -LN2_HI_D);
        DoubleVector kNegLN2_LO_D = DoubleVector.broadcast(D, -LN2_LO_D);
        DoubleVector kEXP_D_Q6 = DoubleVector.broadcast(D, EXP_D_Q6);
        DoubleVector kEXP_D_Q5 = DoubleVector.broadcast(D, EXP_D_Q5);
        DoubleVector kEXP_D_Q4 = DoubleVector.broadcast(D, EXP_D_Q4);
        DoubleVector kEXP_D_Q3 = DoubleVector.broadcast(D, EXP_D_Q3);
        DoubleVector kEXP_D_Q2 = DoubleVector.broadcast(D, EXP_D_Q2);
        DoubleVector kEXP_D_Q1 = DoubleVector.broadcast(D, EXP_D_Q1);
        DoubleVector kEXP_D_Q0 = DoubleVector.broadcast(D, EXP_D_Q0);
        DoubleVector kEXP_D_Q8 = DoubleVector.broadcast(D, EXP_D_Q8);
        DoubleVector kEXP_D_Q7 = DoubleVector.broadcast(D, EXP_D_Q7);
        for (int i = from; i < to; i += F.length()) {
            FloatVector vxIn = FloatVector.fromArray(F, x, xOff + i);
            FloatVector vgIn = FloatVector.fromArray(F, gradOut, gOff + i);
            DoubleVector vu = ((DoubleVector) vxIn.convertShape(F2D, D, 1)).mul(beta);
            DoubleVector vg = (DoubleVector) vgIn.convertShape(F2D, D, 1);
            // ve = ScalarMath.expD(...): the ops of ScalarMath.expD and expPoly, in order
            DoubleVector vexpX = vu.blend(-EXP_ARG_MAX, vu.compare(LT, -EXP_ARG_MAX))
                    .blend(EXP_ARG_MAX, vu.compare(GT, EXP_ARG_MAX)).neg();
            DoubleVector vexpNb = vexpX.fma(kLOG2E_D, kEXP_MAGIC_D);
            DoubleVector vexpN = vexpNb.sub(kEXP_MAGIC_D);
            DoubleVector vexpR = vexpN.fma(kNegLN2_HI_D, vexpX);
            vexpR = vexpN.fma(kNegLN2_LO_D, vexpR);
            DoubleVector vexpQ = vexpR.fma(kEXP_D_Q8, kEXP_D_Q7).fma(vexpR, kEXP_D_Q6).fma(vexpR, kEXP_D_Q5)
                    .fma(vexpR, kEXP_D_Q4).fma(vexpR, kEXP_D_Q3).fma(vexpR, kEXP_D_Q2).fma(vexpR, kEXP_D_Q1)
                    .fma(vexpR, kEXP_D_Q0);
            DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
            DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector ve = vexpS.fma(vexpU, vexpS);
            DoubleVector vr = vg.div(ve.add(1.0));
            FloatVector vrh = (FloatVector) vr.blend(vg, vu.compare(GT, threshold)).convertShape(D2F, F, 0);
            vrh.unslice(DL, FloatVector.fromArray(F, gradIn, giOff + i), 0).intoArray(gradIn, giOff + i);
        }
    }
}
