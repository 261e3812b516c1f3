package dev.kernels.internal;

import static dev.kernels.internal.MathConstants.*;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.MIN;
import static jdk.incubator.vector.VectorOperators.UMIN;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Panama bodies of the element-wise kernels. Each body is the lane-wise image of the matching {@link ScalarMath}
 * method (same constants, same operation order, same fmas), and tails run that scalar method, so every element is
 * bit-identical to the scalar path whatever the species width and the element's position.
 */
public final class PanamaVectorMath implements VectorMathSupport {
    private static final VectorSpecies<Float> F = PanamaSpecies.F;
    private static final VectorSpecies<Integer> I = PanamaSpecies.I;

    public PanamaVectorMath() {
        if (F.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("preferred vector size is " + F.vectorBitSize() + " bits (< 128)");
        }
    }

    // --------------------------------------------------------------------------------------------------------- exp
    //
    // Two rules keep C2 from boxing vectors (measured when broken: 8x slower, 24 KB allocated per 1024-element call):
    // 1. Hot paths call no method of ours, only Vector API methods: those are @ForceInline, ours are refused once the
    //    graph is large (NodeCountInliningCutoff) and their vector arguments are then boxed.
    // 2. Each entry writes its general path inline too, which keeps its bytecode above C2's FreqInlineSize (325): the
    //    kernel is then never inlined into a caller and always compiles as its own root, with its own node budget.
    //    KernelShapeTest checks the size. The general branch reloads x so no vector is live into a pruned branch.

    @Override
    public void exp(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            // x clamped below at -104 as ScalarMath.exp does, by an unsigned int min on the bits (one op: only floats
            // below -104, -inf and NaNs with the sign bit have larger bits), so the subnormal form needs no zero blend;
            // x > 88, +inf and any NaN fail both range checks on the loaded x and take the last form
            FloatVector vx0 = FloatVector.fromArray(F, x, xOff + i);
            FloatVector vx = vx0.reinterpretAsInts().lanewise(UMIN, EXP_CLAMP_MIN_BITS).reinterpretAsFloats();
            FloatVector vnb = vx.fma(LOG2E_F, EXP_MAGIC0_F);
            FloatVector vn = vnb.sub(EXP_MAGIC0_F);
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vx));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            IntVector vnbBits = vnb.reinterpretAsInts();
            IntVector vnBits = vnbBits.lanewise(LSHL, 23); // n in the exponent field (two's complement)
            // a normal y is p's bits plus n in the exponent field: exact, and no FP multiply that could go subnormal
            IntVector vyn = vp.reinterpretAsInts().add(vnBits);
            // Three forms, all giving ScalarMath.exp's bits. No FP operation may produce a subnormal: CPUs take a
            // ~150-cycle assist for it (the JDK's lanewise EXP slow path); subnormal results are built as integers.
            if (vnbBits.sub(EXP_NB0_LO).compare(LT, EXP_NB0_END).allTrue()) {
                // every n in [-125, 127]: every y is normal
                vyn.reinterpretAsFloats().intoArray(y, yOff + i);
                continue;
            }
            if (vx0.compare(LE, EXP_X_MAX_SUB_FORM).allTrue()) {
                // every x <= 88 (NaN fails): n <= 127. Where p's exponent field plus n comes out <= 0, y is
                // subnormal: its pattern is p * 2^(n + 149) rounded to an integer, which the fma with 2^23 does (RNE,
                // one rounding); 2^(n + 149) is a normal float for n >= -150. The signed max picks the right one: for
                // a subnormal y, vyn < vsub (vyn <= p's mantissa bits); for a normal y, vsub encodes
                // (y + 2^-126)/2 <= y, or (n >= -21, where 2^(n + 149) wraps) a value near 2^-126 or below.
                // x < -104 (masked logits, -inf), clamped to -104 above, gives +0 here as in ScalarMath.exp, not in the
                // last form (the former general one took 6x the time on a Xeon); a blend of 0 there instead of the clamp
                // cost 16% on [-100, -88] with -XX:UseAVX=2. 2^(n + 149) has a zero mantissa field, so even wrapped it
                // is never subnormal (0, +-2^k or +-inf), and the fma does not round its product: no assist for any x
                FloatVector vs149 = vnBits.add((127 + 149) << 23).reinterpretAsFloats();
                IntVector vsub = vp.fma(vs149, FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts().sub(0x4b000000);
                vyn.max(vsub).reinterpretAsFloats().intoArray(y, yOff + i);
                continue;
            }
            // Some x > 88, +inf or NaN: the subnormal form on x reloaded (no vector of the common forms is live here),
            // clamped above at 89 as ScalarMath.exp does (n <= 128), NaN taken as 0; where the exponent field
            // reaches 255 (n = 128, p >= 1) y is +inf, and NaN lanes give x. A former general form that scaled by two
            // factors after NaN-aware max/min clamps ran 2.5-3x this form's time on such vectors.
            FloatVector vg = FloatVector.fromArray(F, x, xOff + i);
            VectorMask<Float> nan = vg.compare(NE, vg);
            FloatVector vgc = vg.blend(EXP_CLAMP_MAX, vg.compare(GT, EXP_CLAMP_MAX)).blend(0f, nan);
            FloatVector vgnb = vgc.fma(LOG2E_F, EXP_MAGIC0_F);
            FloatVector vgn = vgnb.sub(EXP_MAGIC0_F);
            FloatVector vgr = vgn.fma(FloatVector.broadcast(F, -LN2_LO_F), vgn.fma(FloatVector.broadcast(F, -LN2_HI_F), vgc));
            FloatVector vgp = vgr.fma(EXP_F_P4, EXP_F_P3).fma(vgr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vgr, FloatVector.broadcast(F, EXP_F_P1)).fma(vgr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vgr, FloatVector.broadcast(F, 1f)).fma(vgr, FloatVector.broadcast(F, 1f));
            IntVector vgnBits = vgnb.reinterpretAsInts().lanewise(LSHL, 23);
            IntVector vgyn = vgp.reinterpretAsInts().add(vgnBits);
            VectorMask<Float> vgzero = vgc.compare(LT, EXP_CLAMP_MIN);
            FloatVector vgs149 = vgnBits.add((127 + 149) << 23).reinterpretAsFloats(); // never subnormal, as above
            IntVector vgsub = vgp.fma(vgs149, FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts().sub(0x4b000000);
            vgyn.max(vgsub).blend(INF_BITS, vgyn.compare(GE, INF_BITS)).reinterpretAsFloats()
                    .blend(0f, vgzero).blend(vg, nan).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.exp(x[xOff + i]);
    }

    /**
     * 1.5 * 2^23: rounds x log2e to the same integer n as EXP_MAGIC_F (no x of the common forms puts x log2e on a
     * tie: that needs |x| >= 2^22), and leaves n itself, not n + 127, in the low mantissa bits.
     */
    private static final float EXP_MAGIC0_F = 0x1.8p23f;
    /** The subnormal form's upper bound on x: x &lt;= 88 rounds x log2e to n &lt;= 127 (88 log2e = 126.96). */
    private static final float EXP_X_MAX_SUB_FORM = 88f;
    /** Bits of EXP_CLAMP_MIN = -104: as unsigned ints, larger exactly for x &lt; -104, -inf and sign-set NaNs. */
    private static final int EXP_CLAMP_MIN_BITS = Float.floatToRawIntBits(EXP_CLAMP_MIN);
    /** Bits of EXP_MAGIC0_F + n for n in [-125, 127]: every result normal. */
    private static final int EXP_NB0_BITS_MIN = Float.floatToRawIntBits(EXP_MAGIC0_F) - 125;
    private static final int EXP_NB0_BITS_MAX = Float.floatToRawIntBits(EXP_MAGIC0_F) + 127;
    /** The same range as a signed test (see FLIP): MIN &le; bits &le; MAX exactly where bits - LO &lt; END. */
    private static final int EXP_NB0_LO = EXP_NB0_BITS_MIN + FLIP;
    private static final int EXP_NB0_END = EXP_NB0_BITS_MAX - EXP_NB0_BITS_MIN + 1 + FLIP;

    // --------------------------------------------------------------------------------------------------------- log

    @Override
    public void log(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            // whole vectors of positive normal finite inputs need no scaling and no special-value blends
            if (vx.reinterpretAsInts().sub(NORMAL_MIN_BITS + FLIP).compare(LT, NORMAL_MAX_BITS - NORMAL_MIN_BITS + 1 + FLIP).allTrue()) {
                IntVector vix = vx.reinterpretAsInts().sub(SQRT_HALF_BITS);
                FloatVector ve = (FloatVector) vix.lanewise(ASHR, 23).convert(I2F, 0);
                FloatVector vf = vix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
                FloatVector vf2 = vf.mul(vf);
                // ScalarMath.logPolyF's Estrin scheme written out: a helper method boxed where C2 did not inline it
                FloatVector vp = vf.fma(LOG_F_P7, LOG_F_P6).fma(vf2, vf.fma(LOG_F_P5, LOG_F_P4))
                        .fma(vf2.mul(vf2), vf.fma(LOG_F_P3, LOG_F_P2).fma(vf2, vf.fma(LOG_F_P1, LOG_F_P0)));
                FloatVector vb = ve.fma(FloatVector.broadcast(F, LN2_LO_F), vf2.mul(vf).mul(vp));
                ve.fma(FloatVector.broadcast(F, LN2_HI_F), vf.add(vf2.fma(FloatVector.broadcast(F, -0.5f), vb)))
                        .intoArray(y, yOff + i);
            } else {
                // subnormals scaled by 2^23 (e adjusted by -23), specials blended in at the end; x reloaded
                FloatVector vg = FloatVector.fromArray(F, x, xOff + i);
                VectorMask<Float> tiny = vg.compare(LT, Float.MIN_NORMAL);
                IntVector vix = vg.blend(vg.mul(TWO_P23_F), tiny).reinterpretAsInts().sub(SQRT_HALF_BITS);
                FloatVector ve = ((FloatVector) vix.lanewise(ASHR, 23).convert(I2F, 0))
                        .add(FloatVector.zero(F).blend(-23f, tiny));
                FloatVector vf = vix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
                FloatVector vf2 = vf.mul(vf);
                FloatVector vp = vf.fma(LOG_F_P7, LOG_F_P6).fma(vf2, vf.fma(LOG_F_P5, LOG_F_P4))
                        .fma(vf2.mul(vf2), vf.fma(LOG_F_P3, LOG_F_P2).fma(vf2, vf.fma(LOG_F_P1, LOG_F_P0)));
                FloatVector vb = ve.fma(FloatVector.broadcast(F, LN2_LO_F), vf2.mul(vf).mul(vp));
                ve.fma(FloatVector.broadcast(F, LN2_HI_F), vf.add(vf2.fma(FloatVector.broadcast(F, -0.5f), vb)))
                        .blend(Float.POSITIVE_INFINITY, vg.compare(EQ, Float.POSITIVE_INFINITY))
                        .blend(Float.NEGATIVE_INFINITY, vg.compare(EQ, 0f))
                        .blend(Float.NaN, vg.compare(GE, 0f).not())
                        .intoArray(y, yOff + i);
            }
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.log(x[xOff + i]);
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] y, int yOff, int len) {
        // generated with the sigmoid family in PanamaActivations (only arrays and ints cross the call)
        PanamaActivations.sigmoid(x, xOff, y, yOff, len);
    }

    @Override
    public void tanh(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            // ScalarMath.tanh, op for op; the three forms computed, blended on |x| >= 0.7 and >= 1.4, tiny x passed through
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            IntVector vaBits = vx.reinterpretAsInts().and(~SIGN_BIT_F);
            IntVector vaLoBits = vaBits.lanewise(MAX, TINY_BITS);
            FloatVector vaLo = vaLoBits.reinterpretAsFloats();
            FloatVector vt = vaLo.mul(vaLo);
            FloatVector vp = vt.fma(TANH_F_P5, TANH_F_P4).fma(vt, FloatVector.broadcast(F, TANH_F_P3))
                    .fma(vt, FloatVector.broadcast(F, TANH_F_P2)).fma(vt, FloatVector.broadcast(F, TANH_F_P1))
                    .fma(vt, FloatVector.broadcast(F, TANH_F_P0));
            FloatVector vsmall = vaLo.fma(vt.mul(vp), vaLo);
            FloatVector vv = vaLo.sub(TANH_F_CENTER);
            FloatVector vmid = vv.fma(TANH_F_H8, TANH_F_H7).fma(vv, FloatVector.broadcast(F, TANH_F_H6))
                    .fma(vv, FloatVector.broadcast(F, TANH_F_H5)).fma(vv, FloatVector.broadcast(F, TANH_F_H4))
                    .fma(vv, FloatVector.broadcast(F, TANH_F_H3)).fma(vv, FloatVector.broadcast(F, TANH_F_H2))
                    .fma(vv, FloatVector.broadcast(F, TANH_F_H1)).fma(vv, FloatVector.broadcast(F, TANH_F_H0));
            // exp's all-normal form (n in [-29, 0] here), the bits ScalarMath.exp gives
            FloatVector vd = vaLoBits.lanewise(MIN, TANH_F_CLAMP_BITS).reinterpretAsFloats().mul(-2f);
            FloatVector vnb = vd.fma(LOG2E_F, EXP_MAGIC0_F);
            FloatVector vn = vnb.sub(EXP_MAGIC0_F);
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vd));
            FloatVector vep = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            FloatVector ve = vep.reinterpretAsInts().add(vnb.reinterpretAsInts().lanewise(LSHL, 23)).reinterpretAsFloats();
            FloatVector vlarge = ve.div(ve.add(1f)).fma(-2f, 1f);
            // |x| < 2^-30 passes through as the int min with |x|'s bits: those lanes compute tanh(2^-30) = 2^-30
            // exactly, and every other tanh(a) is at most a (a blend there cost several uops with AVX2)
            vsmall.blend(vmid, vaLo.compare(GE, TANH_F_SMALL_MAX)).blend(vlarge, vaLo.compare(GE, TANH_F_MID_MAX))
                    .reinterpretAsInts().lanewise(MIN, vaBits).or(vx.reinterpretAsInts().and(SIGN_BIT_F))
                    .reinterpretAsFloats().intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.tanh(x[xOff + i]);
    }

    @Override
    public void erf(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            // ScalarMath.erf, op for op; both polynomials computed, blended on |x| >= 1
            // whole vectors with 2^-30 <= |x| < inf: no floor at 2^-30, no subnormal form, no NaN blend (same bits)
            if (FloatVector.fromArray(F, x, xOff + i).reinterpretAsInts().and(~SIGN_BIT_F).sub(TINY_BITS + FLIP)
                    .compare(LT, INF_BITS - TINY_BITS + FLIP).allTrue()) {
                FloatVector vf = FloatVector.fromArray(F, x, xOff + i);
                IntVector vfaBits = vf.reinterpretAsInts().and(~SIGN_BIT_F);
                FloatVector vfa = vfaBits.reinterpretAsFloats();
                FloatVector vfu = vfa.mul(vfa).sub(ERF_F_T_CENTER);
                FloatVector vfc = vfu.fma(ERF_F_S6, ERF_F_S5).fma(vfu, FloatVector.broadcast(F, ERF_F_S4))
                        .fma(vfu, FloatVector.broadcast(F, ERF_F_S3)).fma(vfu, FloatVector.broadcast(F, ERF_F_S2))
                        .fma(vfu, FloatVector.broadcast(F, ERF_F_S1)).fma(vfu, FloatVector.broadcast(F, ERF_F_S0));
                FloatVector vfv = vfaBits.lanewise(MIN, ERF_F_SAT_BITS).reinterpretAsFloats().sub(ERF_F_CENTER);
                // ScalarMath.erfLargePolyF: R by Estrin's scheme, then three Horner steps down to the pinned H0
                FloatVector vfv2 = vfv.mul(vfv);
                FloatVector vfv4 = vfv2.mul(vfv2);
                FloatVector vfva = vfv.fma(ERF_F_H6, ERF_F_H5).fma(vfv2, vfv.fma(ERF_F_H4, ERF_F_H3));
                FloatVector vfvb = vfv.fma(ERF_F_H10, ERF_F_H9).fma(vfv2, vfv.fma(ERF_F_H8, ERF_F_H7));
                FloatVector vfvc = vfv.fma(ERF_F_H14, ERF_F_H13).fma(vfv2, vfv.fma(ERF_F_H12, ERF_F_H11));
                FloatVector vflarge = vfv4.fma(FloatVector.broadcast(F, ERF_F_H15), vfvc)
                        .fma(vfv4.mul(vfv4), vfvb.fma(vfv4, vfva))
                        .fma(vfv, FloatVector.broadcast(F, ERF_F_H2)).fma(vfv, FloatVector.broadcast(F, ERF_F_H1))
                        .fma(vfv, FloatVector.broadcast(F, ERF_F_H0));
                vfa.fma(vfc, vfa).blend(vflarge, vfaBits.compare(GE, ONE_BITS_F).cast(F))
                        .reinterpretAsInts().or(vf.reinterpretAsInts().and(SIGN_BIT_F)).reinterpretAsFloats()
                        .intoArray(y, yOff + i);
                continue;
            }
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            IntVector vxBits = vx.reinterpretAsInts();
            IntVector vaBits = vxBits.and(~SIGN_BIT_F);
            FloatVector va = vaBits.reinterpretAsFloats();
            FloatVector vaT = vaBits.lanewise(MAX, TINY_BITS).reinterpretAsFloats();
            FloatVector vu = vaT.mul(vaT).sub(ERF_F_T_CENTER);
            FloatVector vc = vu.fma(ERF_F_S6, ERF_F_S5).fma(vu, FloatVector.broadcast(F, ERF_F_S4))
                    .fma(vu, FloatVector.broadcast(F, ERF_F_S3)).fma(vu, FloatVector.broadcast(F, ERF_F_S2))
                    .fma(vu, FloatVector.broadcast(F, ERF_F_S1)).fma(vu, FloatVector.broadcast(F, ERF_F_S0));
            FloatVector vv = vaBits.lanewise(MIN, ERF_F_SAT_BITS).reinterpretAsFloats().sub(ERF_F_CENTER);
            // ScalarMath.erfLargePolyF: R by Estrin's scheme, then three Horner steps down to the pinned H0
            FloatVector vv2 = vv.mul(vv);
            FloatVector vv4 = vv2.mul(vv2);
            FloatVector vva = vv.fma(ERF_F_H6, ERF_F_H5).fma(vv2, vv.fma(ERF_F_H4, ERF_F_H3));
            FloatVector vvb = vv.fma(ERF_F_H10, ERF_F_H9).fma(vv2, vv.fma(ERF_F_H8, ERF_F_H7));
            FloatVector vvc = vv.fma(ERF_F_H14, ERF_F_H13).fma(vv2, vv.fma(ERF_F_H12, ERF_F_H11));
            FloatVector vlarge = vv4.fma(FloatVector.broadcast(F, ERF_F_H15), vvc)
                    .fma(vv4.mul(vv4), vvb.fma(vv4, vva))
                    .fma(vv, FloatVector.broadcast(F, ERF_F_H2)).fma(vv, FloatVector.broadcast(F, ERF_F_H1))
                    .fma(vv, FloatVector.broadcast(F, ERF_F_H0));
            // subnormal lanes (unsigned: 0 < |x| < MIN_NORMAL) must not reach an FP unit: they enter the fma as +0
            VectorMask<Float> subnormal = vaBits.sub(1 + FLIP).compare(LT, NORMAL_MIN_BITS - 1 + FLIP).cast(F);
            FloatVector vaN = va.blend(0f, subnormal);
            FloatVector vsmall = vaN.fma(vc, vaN);
            if (subnormal.anyTrue()) { // (m + round(m c)) 2^-149 in integers, as ScalarMath.erf; c = S(-1/2) there
                IntVector vk = vaBits.add(((FloatVector) vaBits.convert(I2F, 0)).fma(ERF_F_C_TINY, 0x1p23f)
                        .reinterpretAsInts()).sub(0x4b000000);
                vsmall = vsmall.blend(vk.reinterpretAsFloats(), subnormal);
            }
            vsmall.blend(vlarge, vaBits.compare(GE, ONE_BITS_F).cast(F))
                    .reinterpretAsInts().or(vxBits.and(SIGN_BIT_F)).reinterpretAsFloats()
                    .blend(vx, vaBits.compare(GT, INF_BITS).cast(F))
                    .intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.erf(x[xOff + i]);
    }

    // ------------------------------------------------------------------------------------------------- expm1

    @Override
    public void expm1(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            // ScalarMath.expm1, op for op: 2^n (c + e^r - 1), c = 1 - 2^-n, the sum rounded once, then scaled exactly
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            // whole vectors with 2^-30 <= |x| and -16.9 < x <= 88 (n <= 127): no clamp, no special blend, and one
            // scaling factor, 2^n (the same bits as 2^(n-1) * 2 where the result is finite)
            if (vx.reinterpretAsInts().and(~SIGN_BIT_F).compare(GE, TINY_BITS)
                    .and(vx.compare(GT, EXPM1_F_MIN).and(vx.compare(LE, EXPM1_F_FAST_MAX)).cast(I)).allTrue()) {
                FloatVector vnb = vx.fma(LOG2E_F, EXP_MAGIC_F);
                FloatVector vn = vnb.sub(EXP_MAGIC_F);
                FloatVector vrHi = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vx);
                FloatVector vrLo = vn.mul(-LN2_LO_F);
                FloatVector vr = vrHi.add(vrLo);
                FloatVector vq = vr.fma(EXP_F_Q5, EXP_F_Q4).fma(vr, FloatVector.broadcast(F, EXP_F_Q3))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_Q2)).fma(vr, FloatVector.broadcast(F, EXP_F_Q1))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_Q0));
                FloatVector vtail = vr.mul(vr).fma(vq, vrLo);
                IntVector vpn = vnb.reinterpretAsInts().lanewise(LSHL, 23); // 2^n
                FloatVector vtwoNegN = IntVector.broadcast(I, 254 << 23).sub(vpn)
                        .lanewise(MAX, EXPM1_TWO_NEG_N_MIN_BITS).reinterpretAsFloats();
                FloatVector vc = FloatVector.broadcast(F, 1f).sub(vtwoNegN);
                FloatVector vcErr = FloatVector.broadcast(F, 1f).sub(vc).sub(vtwoNegN);
                FloatVector vhi = vc.add(vrHi);
                FloatVector vlo = vtail.add(vrHi.sub(vhi.sub(vc)).add(vcErr));
                vhi.add(vlo).mul(vpn.reinterpretAsFloats()).intoArray(y, yOff + i);
            } else {
                // tiny |x| enter as 0 and leave as x, x clamped, -1 at and below -25 ln2; x reloaded
                FloatVector vg = FloatVector.fromArray(F, x, xOff + i);
                VectorMask<Float> tiny = vg.reinterpretAsInts().and(~SIGN_BIT_F).compare(LT, TINY_BITS).cast(F);
                FloatVector vxt = vg.blend(0f, tiny);
                FloatVector vxc = vxt.blend(EXPM1_F_MIN, vxt.compare(LT, EXPM1_F_MIN))
                        .blend(EXPM1_F_MAX, vxt.compare(GT, EXPM1_F_MAX));
                FloatVector vnb = vxc.fma(LOG2E_F, EXP_MAGIC_F);
                FloatVector vn = vnb.sub(EXP_MAGIC_F);
                FloatVector vrHi = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vxc);
                FloatVector vrLo = vn.mul(-LN2_LO_F);
                FloatVector vr = vrHi.add(vrLo);
                FloatVector vq = vr.fma(EXP_F_Q5, EXP_F_Q4).fma(vr, FloatVector.broadcast(F, EXP_F_Q3))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_Q2)).fma(vr, FloatVector.broadcast(F, EXP_F_Q1))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_Q0));
                FloatVector vtail = vr.mul(vr).fma(vq, vrLo);
                IntVector vpn = vnb.reinterpretAsInts().lanewise(LSHL, 23); // 2^n
                FloatVector vtwoNegN = IntVector.broadcast(I, 254 << 23).sub(vpn)
                        .lanewise(MAX, EXPM1_TWO_NEG_N_MIN_BITS).reinterpretAsFloats();
                FloatVector vc = FloatVector.broadcast(F, 1f).sub(vtwoNegN);
                FloatVector vcErr = FloatVector.broadcast(F, 1f).sub(vc).sub(vtwoNegN);
                FloatVector vhi = vc.add(vrHi);
                FloatVector vlo = vtail.add(vrHi.sub(vhi.sub(vc)).add(vcErr));
                vhi.add(vlo).mul(vpn.sub(1 << 23).reinterpretAsFloats()).mul(2f)
                        .blend(-1f, vg.compare(LE, EXPM1_F_NEG_ONE))
                        .blend(vg, tiny)
                        .intoArray(y, yOff + i);
            }
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.expm1(x[xOff + i]);
    }

    @Override
    public void log1p(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            // ScalarMath.log1p, op for op: log's reduction of w = 1 + x, the TwoSum error c/w in the tail
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            // whole vectors of finite x > -1 with |x| >= 2^-30 need no clamp and no special-value blends
            if (vx.reinterpretAsInts().and(~SIGN_BIT_F).sub(TINY_BITS + FLIP).compare(LT, INF_BITS - TINY_BITS + FLIP)
                    .and(vx.compare(GT, -1f).cast(I)).allTrue()) {
                FloatVector vw = vx.add(1f);
                FloatVector vbb = vw.sub(1f);
                FloatVector vc = FloatVector.broadcast(F, 1f).sub(vw.sub(vbb)).add(vx.sub(vbb));
                IntVector vix = vw.reinterpretAsInts().sub(SQRT_HALF_BITS);
                FloatVector vk = (FloatVector) vix.lanewise(ASHR, 23).convert(I2F, 0);
                FloatVector vf = vix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
                FloatVector vf2 = vf.mul(vf);
                FloatVector vcw = vc.div(vw.reinterpretAsInts().lanewise(MIN, LOG1P_W_CAP_BITS).reinterpretAsFloats());
                // ScalarMath.logPolyF's Estrin scheme written out: a helper method boxed where C2 did not inline it
                FloatVector vp = vf.fma(LOG_F_P7, LOG_F_P6).fma(vf2, vf.fma(LOG_F_P5, LOG_F_P4))
                        .fma(vf2.mul(vf2), vf.fma(LOG_F_P3, LOG_F_P2).fma(vf2, vf.fma(LOG_F_P1, LOG_F_P0)));
                FloatVector vb = vk.fma(FloatVector.broadcast(F, LN2_LO_F), vf2.mul(vf).fma(vp, vcw));
                vk.fma(FloatVector.broadcast(F, LN2_HI_F), vf.add(vf2.fma(FloatVector.broadcast(F, -0.5f), vb)))
                        .intoArray(y, yOff + i);
            } else {
                // tiny |x| enter as 0 and leave as x, specials blended in at the end; x reloaded
                FloatVector vg = FloatVector.fromArray(F, x, xOff + i);
                VectorMask<Float> tiny = vg.reinterpretAsInts().and(~SIGN_BIT_F).compare(LT, TINY_BITS).cast(F);
                FloatVector vxc = vg.blend(0f, tiny);
                FloatVector vw = vxc.add(1f);
                FloatVector vbb = vw.sub(1f);
                FloatVector vc = FloatVector.broadcast(F, 1f).sub(vw.sub(vbb)).add(vxc.sub(vbb));
                IntVector vix = vw.reinterpretAsInts().sub(SQRT_HALF_BITS);
                FloatVector vk = (FloatVector) vix.lanewise(ASHR, 23).convert(I2F, 0);
                FloatVector vf = vix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
                FloatVector vf2 = vf.mul(vf);
                FloatVector vcw = vc.div(vw.reinterpretAsInts().lanewise(MIN, LOG1P_W_CAP_BITS).reinterpretAsFloats());
                FloatVector vp = vf.fma(LOG_F_P7, LOG_F_P6).fma(vf2, vf.fma(LOG_F_P5, LOG_F_P4))
                        .fma(vf2.mul(vf2), vf.fma(LOG_F_P3, LOG_F_P2).fma(vf2, vf.fma(LOG_F_P1, LOG_F_P0)));
                FloatVector vb = vk.fma(FloatVector.broadcast(F, LN2_LO_F), vf2.mul(vf).fma(vp, vcw));
                vk.fma(FloatVector.broadcast(F, LN2_HI_F), vf.add(vf2.fma(FloatVector.broadcast(F, -0.5f), vb)))
                        .blend(vg, tiny)
                        .blend(Float.POSITIVE_INFINITY, vg.compare(EQ, Float.POSITIVE_INFINITY))
                        .blend(Float.NEGATIVE_INFINITY, vg.compare(EQ, -1f))
                        .blend(Float.NaN, vg.compare(GE, -1f).not())
                        .intoArray(y, yOff + i);
            }
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.log1p(x[xOff + i]);
    }
}
