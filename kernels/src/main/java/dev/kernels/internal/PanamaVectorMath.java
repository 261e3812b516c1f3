package dev.kernels.internal;

import static dev.kernels.internal.MathConstants.*;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Panama bodies of the element-wise kernels. Each body is the lane-wise image of the matching {@link ScalarMath}
 * method (same constants, same operation order, same fmas), and tails run that scalar method, so every element is
 * bit-identical to the scalar path whatever the species width and the element's position.
 */
public final class PanamaVectorMath implements VectorMathSupport {
    private static final VectorSpecies<Float> F = PanamaSpecies.F;
    private static final VectorSpecies<Double> D = PanamaSpecies.D;
    private static final VectorSpecies<Float> FH = PanamaSpecies.FH;

    public PanamaVectorMath() {
        if (F.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("preferred vector size is " + F.vectorBitSize() + " bits (< 128)");
        }
    }

    // --------------------------------------------------------------------------------------------------------- exp
    //
    // Hot vector paths call no helper of ours, only Vector API methods: those are @ForceInline, while our own methods
    // are refused by C2 once the caller's graph is large (NodeCountInliningCutoff) and their vector arguments then get
    // boxed (measured: 8x slower, 24 KB allocated per 1024-element call when the kernel was inlined into a caller).

    @Override
    public void exp(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            // whole vectors of ordinary inputs skip the clamps and the two-factor scaling (same bits, see ScalarMath)
            if (!vx.compare(GE, EXP_FAST_MIN).and(vx.compare(LE, EXP_FAST_MAX)).allTrue()) {
                expGeneral(x, xOff + i, y, yOff + i);
                continue;
            }
            FloatVector vnb = vx.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            FloatVector vrHi = vn.fma(f(-LN2_HI_F), vx);
            FloatVector vrLo = vn.mul(-LN2_LO_F);
            FloatVector vhi = vrHi.add(1f);
            FloatVector vr = vrHi.add(vrLo);
            FloatVector vq = vr.fma(EXP_F_Q5, EXP_F_Q4).fma(vr, f(EXP_F_Q3)).fma(vr, f(EXP_F_Q2)).fma(vr, f(EXP_F_Q1))
                    .fma(vr, f(EXP_F_Q0));
            FloatVector vc = vrHi.sub(vhi.sub(1f)).add(vr.mul(vr).fma(vq, vrLo));
            FloatVector vs = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats();
            vc.fma(vs, vhi.mul(vs)).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.exp(x[xOff + i]);
    }

    /** One vector of {@link ScalarMath#exp}'s general form (clamps, two-factor scaling); reloads x (see above). */
    private static void expGeneral(float[] x, int xi, float[] y, int yi) {
        FloatVector vxc = FloatVector.fromArray(F, x, xi).max(EXP_CLAMP_MIN).min(EXP_CLAMP_MAX);
        FloatVector vnb = vxc.fma(LOG2E_F, EXP_MAGIC_F);
        FloatVector vn = vnb.sub(EXP_MAGIC_F);
        FloatVector vrHi = vn.fma(f(-LN2_HI_F), vxc);
        FloatVector vrLo = vn.mul(-LN2_LO_F);
        FloatVector vhi = vrHi.add(1f);
        FloatVector vr = vrHi.add(vrLo);
        FloatVector vq = vr.fma(EXP_F_Q5, EXP_F_Q4).fma(vr, f(EXP_F_Q3)).fma(vr, f(EXP_F_Q2)).fma(vr, f(EXP_F_Q1))
                .fma(vr, f(EXP_F_Q0));
        FloatVector vc = vrHi.sub(vhi.sub(1f)).add(vr.mul(vr).fma(vq, vrLo));
        IntVector vni = vnb.reinterpretAsInts().sub(Float.floatToRawIntBits(EXP_MAGIC_F) - 127);
        IntVector vkk = IntVector.zero(vni.species())
                .blend(64, vni.compare(LE, 1))
                .blend(-1, vni.compare(GE, 255));
        FloatVector vs1 = vni.add(vkk).lanewise(LSHL, 23).reinterpretAsFloats();
        FloatVector vs2 = IntVector.broadcast(vni.species(), 127).sub(vkk).lanewise(LSHL, 23).reinterpretAsFloats();
        vc.fma(vs1, vhi.mul(vs1)).mul(vs2).intoArray(y, yi);
    }

    // --------------------------------------------------------------------------------------------------------- log

    @Override
    public void log(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            FloatVector vx = FloatVector.fromArray(F, x, xOff + i);
            // whole vectors of positive normal finite inputs need no scaling and no special-value blends
            if (!vx.compare(GE, Float.MIN_NORMAL).and(vx.compare(LE, Float.MAX_VALUE)).allTrue()) {
                logGeneral(x, xOff + i, y, yOff + i);
                continue;
            }
            IntVector vix = vx.reinterpretAsInts().sub(SQRT_HALF_BITS);
            FloatVector ve = (FloatVector) vix.lanewise(ASHR, 23).convert(I2F, 0);
            FloatVector vm = vix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats();
            FloatVector vf = vm.sub(1f);
            FloatVector vs = vf.div(vf.add(2f));
            FloatVector vz = vs.mul(vs);
            FloatVector vtz = vz.fma(LOG_F_T3, LOG_F_T2).fma(vz, f(LOG_F_T1)).fma(vz, f(LOG_F_T0));
            FloatVector vhfsq = vf.mul(0.5f).mul(vf);
            FloatVector vb = ve.fma(f(LN2_LO_F), vs.mul(vz.fma(vtz, vhfsq)));
            FloatVector vc = vhfsq.sub(vb).sub(vf);
            ve.fma(f(LN2_HI_F), vc.neg()).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.log(x[xOff + i]);
    }

    /** One vector of {@link ScalarMath#log}: subnormals scaled by 2^23, specials blended in; reloads x. */
    private static void logGeneral(float[] x, int xi, float[] y, int yi) {
        FloatVector vx = FloatVector.fromArray(F, x, xi);
        VectorMask<Float> tiny = vx.compare(LT, Float.MIN_NORMAL);
        IntVector vix = vx.blend(vx.mul(TWO_P23_F), tiny).reinterpretAsInts().sub(SQRT_HALF_BITS);
        FloatVector ve = ((FloatVector) vix.lanewise(ASHR, 23).convert(I2F, 0)).add(FloatVector.zero(F).blend(-23f, tiny));
        FloatVector vm = vix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats();
        FloatVector vf = vm.sub(1f);
        FloatVector vs = vf.div(vf.add(2f));
        FloatVector vz = vs.mul(vs);
        FloatVector vtz = vz.fma(LOG_F_T3, LOG_F_T2).fma(vz, f(LOG_F_T1)).fma(vz, f(LOG_F_T0));
        FloatVector vhfsq = vf.mul(0.5f).mul(vf);
        FloatVector vb = ve.fma(f(LN2_LO_F), vs.mul(vz.fma(vtz, vhfsq)));
        FloatVector vc = vhfsq.sub(vb).sub(vf);
        FloatVector vy = ve.fma(f(LN2_HI_F), vc.neg());
        vy = vy.blend(Float.POSITIVE_INFINITY, vx.compare(EQ, Float.POSITIVE_INFINITY));
        vy = vy.blend(Float.NEGATIVE_INFINITY, vx.compare(EQ, 0f));
        vy.blend(Float.NaN, vx.compare(GE, 0f).not()).intoArray(y, yi);
    }

    // ----------------------------------------------------------------- vector-in, vector-out forms for other kernels
    // (fused kernels call these; they must be inlined into a compile root of modest size, see the note at exp)

    static FloatVector expFast(FloatVector vx) {
        FloatVector vnb = vx.fma(LOG2E_F, EXP_MAGIC_F);
        FloatVector vn = vnb.sub(EXP_MAGIC_F);
        FloatVector vrHi = vn.fma(f(-LN2_HI_F), vx);
        FloatVector vrLo = vn.mul(-LN2_LO_F);
        FloatVector vhi = vrHi.add(1f);
        FloatVector vc = expTail(vrHi, vrLo, vhi);
        FloatVector vs = vnb.reinterpretAsInts().lanewise(LSHL, 23).reinterpretAsFloats();
        return vc.fma(vs, vhi.mul(vs));
    }

    static FloatVector expGeneral(FloatVector vx) {
        FloatVector vxc = vx.max(EXP_CLAMP_MIN).min(EXP_CLAMP_MAX);
        FloatVector vnb = vxc.fma(LOG2E_F, EXP_MAGIC_F);
        FloatVector vn = vnb.sub(EXP_MAGIC_F);
        FloatVector vrHi = vn.fma(f(-LN2_HI_F), vxc);
        FloatVector vrLo = vn.mul(-LN2_LO_F);
        FloatVector vhi = vrHi.add(1f);
        FloatVector vc = expTail(vrHi, vrLo, vhi);
        IntVector vni = vnb.reinterpretAsInts().sub(Float.floatToRawIntBits(EXP_MAGIC_F) - 127);
        IntVector vkk = IntVector.zero(vni.species())
                .blend(64, vni.compare(LE, 1))
                .blend(-1, vni.compare(GE, 255));
        FloatVector vs1 = vni.add(vkk).lanewise(LSHL, 23).reinterpretAsFloats();
        FloatVector vs2 = IntVector.broadcast(vni.species(), 127).sub(vkk).lanewise(LSHL, 23).reinterpretAsFloats();
        return vc.fma(vs1, vhi.mul(vs1)).mul(vs2);
    }

    static FloatVector expTail(FloatVector vrHi, FloatVector vrLo, FloatVector vhi) {
        FloatVector vr = vrHi.add(vrLo);
        FloatVector vq = vr.fma(EXP_F_Q5, EXP_F_Q4).fma(vr, f(EXP_F_Q3)).fma(vr, f(EXP_F_Q2)).fma(vr, f(EXP_F_Q1))
                .fma(vr, f(EXP_F_Q0));
        FloatVector vlo = vrHi.sub(vhi.sub(1f));
        return vlo.add(vr.mul(vr).fma(vq, vrLo));
    }

    // ---------------------------------------------------------------------------------- binary64-evaluated kernels

    static FloatVector f(float c) {
        return FloatVector.broadcast(F, c);
    }

    static DoubleVector d(double c) {
        return DoubleVector.broadcast(D, c);
    }

    static DoubleVector widen(float[] x, int i) {
        return (DoubleVector) FloatVector.fromArray(FH, x, i).convertShape(F2D, D, 0);
    }

    static FloatVector narrow(DoubleVector v) {
        return (FloatVector) v.convertShape(D2F, FH, 0);
    }

    static FloatVector copySignBit(FloatVector vy, FloatVector vx) {
        return vy.reinterpretAsInts().or(vx.reinterpretAsInts().and(SIGN_BIT_F)).reinterpretAsFloats();
    }

    static DoubleVector expPoly(DoubleVector vr) {
        return vr.fma(EXP_D_Q8, EXP_D_Q7).fma(vr, d(EXP_D_Q6)).fma(vr, d(EXP_D_Q5)).fma(vr, d(EXP_D_Q4)).fma(vr, d(EXP_D_Q3))
                .fma(vr, d(EXP_D_Q2)).fma(vr, d(EXP_D_Q1)).fma(vr, d(EXP_D_Q0));
    }

    /** e^x as {u, s} with e^x = s (1 + u); see {@link ScalarMath#expD}. */
    static DoubleVector expD(DoubleVector vx, boolean minusOne) {
        DoubleVector vnb = vx.fma(LOG2E_D, EXP_MAGIC_D);
        DoubleVector vn = vnb.sub(EXP_MAGIC_D);
        DoubleVector vr = vn.fma(d(-LN2_HI_D), vx);
        vr = vn.fma(d(-LN2_LO_D), vr);
        DoubleVector vu = vr.mul(vr).fma(expPoly(vr), vr);
        DoubleVector vs = vnb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
        return vs.fma(vu, minusOne ? vs.sub(1.0) : vs);
    }

    static DoubleVector logD(DoubleVector vw) {
        LongVector vix = vw.reinterpretAsLongs().sub(SQRT_HALF_BITS_D);
        LongVector veb = vix.add(0x3ff0000000000000L).lanewise(LSHR, 52);
        DoubleVector ve = veb.add(0x4330000000000000L).reinterpretAsDoubles().sub(0x1.00000000003ffp52);
        DoubleVector vm = vix.and(0x000fffffffffffffL).add(SQRT_HALF_BITS_D).reinterpretAsDoubles();
        DoubleVector vf = vm.sub(1.0);
        DoubleVector vs = vf.div(vf.add(2.0));
        DoubleVector vz = vs.mul(vs);
        DoubleVector vt = vz.fma(LOG_D_T5, LOG_D_T4).fma(vz, d(LOG_D_T3)).fma(vz, d(LOG_D_T2)).fma(vz, d(LOG_D_T1))
                .fma(vz, d(LOG_D_T0));
        DoubleVector vlogm = vs.fma(vz.mul(vt), vs.add(vs));
        return ve.fma(d(LN2_HI_D), ve.fma(d(LN2_LO_D), vlogm));
    }

    @Override
    public void expm1(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = FH.loopBound(len); i < bound; i += FH.length()) {
            DoubleVector vx = widen(x, xOff + i).max(EXPM1_MIN).min(EXPM1_MAX);
            FloatVector vy = narrow(expD(vx, true));
            copySignBit(vy, FloatVector.fromArray(FH, x, xOff + i)).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.expm1(x[xOff + i]);
    }

    @Override
    public void log1p(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = FH.loopBound(len); i < bound; i += FH.length()) {
            FloatVector vxf = FloatVector.fromArray(FH, x, xOff + i);
            DoubleVector vx = (DoubleVector) vxf.convertShape(F2D, D, 0);
            DoubleVector vw = vx.add(1.0);
            DoubleVector vc = vx.sub(vw.sub(1.0));
            FloatVector vy = narrow(logD(vw).add(vc.div(vw)));
            vy = vy.blend(Float.POSITIVE_INFINITY, vxf.compare(EQ, Float.POSITIVE_INFINITY));
            vy = vy.blend(Float.NEGATIVE_INFINITY, vxf.compare(EQ, -1f));
            vy = vy.blend(Float.NaN, vxf.compare(GE, -1f).not());
            copySignBit(vy, vxf).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.log1p(x[xOff + i]);
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = FH.loopBound(len); i < bound; i += FH.length()) {
            DoubleVector vx = widen(x, xOff + i).max(-SIGMOID_SATURATION).min(SIGMOID_SATURATION);
            DoubleVector ve = expD(vx.neg(), false);
            narrow(DoubleVector.broadcast(D, 1.0).div(ve.add(1.0))).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.sigmoid(x[xOff + i]);
    }

    @Override
    public void tanh(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = FH.loopBound(len); i < bound; i += FH.length()) {
            FloatVector vxf = FloatVector.fromArray(FH, x, xOff + i);
            DoubleVector va = ((DoubleVector) vxf.convertShape(F2D, D, 0)).abs().min(TANH_SATURATION);
            DoubleVector vem = expD(va.add(va), true);
            copySignBit(narrow(vem.div(vem.add(2.0))), vxf).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.tanh(x[xOff + i]);
    }

    @Override
    public void erf(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = FH.loopBound(len); i < bound; i += FH.length()) {
            FloatVector vxf = FloatVector.fromArray(FH, x, xOff + i);
            DoubleVector va = ((DoubleVector) vxf.convertShape(F2D, D, 0)).abs().min(ERF_SATURATION);
            DoubleVector vt = va.mul(va);
            DoubleVector vp = vt.fma(ERF_P10, ERF_P9).fma(vt, d(ERF_P8)).fma(vt, d(ERF_P7)).fma(vt, d(ERF_P6))
                    .fma(vt, d(ERF_P5)).fma(vt, d(ERF_P4)).fma(vt, d(ERF_P3)).fma(vt, d(ERF_P2)).fma(vt, d(ERF_P1)).fma(vt, d(ERF_P0));
            DoubleVector vsmall = va.mul(vp);
            DoubleVector vv = va.sub(ERFC_CENTER);
            DoubleVector vg = vv.fma(ERFC_G16, ERFC_G15).fma(vv, d(ERFC_G14)).fma(vv, d(ERFC_G13)).fma(vv, d(ERFC_G12))
                    .fma(vv, d(ERFC_G11)).fma(vv, d(ERFC_G10)).fma(vv, d(ERFC_G9)).fma(vv, d(ERFC_G8)).fma(vv, d(ERFC_G7))
                    .fma(vv, d(ERFC_G6)).fma(vv, d(ERFC_G5)).fma(vv, d(ERFC_G4)).fma(vv, d(ERFC_G3)).fma(vv, d(ERFC_G2))
                    .fma(vv, d(ERFC_G1)).fma(vv, d(ERFC_G0));
            DoubleVector vlarge = DoubleVector.broadcast(D, 1.0).sub(expD(vt.neg(), false).mul(vg));
            DoubleVector vr = vlarge.blend(vsmall, va.compare(LT, 1.0));
            copySignBit(narrow(vr), vxf).intoArray(y, yOff + i);
        }
        for (; i < len; i++) y[yOff + i] = ScalarMath.erf(x[xOff + i]);
    }
}
