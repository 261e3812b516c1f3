package dev.kernels.internal;

import static dev.kernels.internal.MathConstants.*;
import static dev.kernels.internal.SoftmaxConstants.*;
import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.UMIN;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector bodies of the passes of {@link ScalarSoftmax}; the row logic is inherited, so only these passes have to
 * (and do) reproduce the scalar bits.
 *
 * <p>Width-independent sums: the 16 binary64 partials live in NACC = 16 / D.length() double vectors. Float vector
 * number v of a row covers elements [v FL, (v+1) FL); its two F2D halves are added to accumulators a0 and a1, and
 * the accumulators then rotate by two, so after each block of 16 elements lane l of accumulator i has received
 * exactly the elements j with j % 16 = i DL + l, in increasing j: the scalar partial j % 16. The last, partial block
 * is processed with masks (absent lanes add +0.0, which leaves a partial unchanged), and {@link #tree} combines the
 * partials with the scalar's pairing.
 */
public final class PanamaSoftmax extends ScalarSoftmax {
    private static final VectorSpecies<Float> F = PanamaSpecies.F;
    private static final VectorSpecies<Double> D = PanamaSpecies.D;
    private static final VectorSpecies<Integer> I = F.withLanes(int.class);
    private static final int FL = F.length();
    private static final int DL = D.length();
    private static final int NACC = PARTIALS / DL;
    /** Bits of EXP_NEG_MIN = -104: as unsigned ints, d's bits are larger exactly where d &lt; -104 (or d = -inf). */
    private static final int EXP_NEG_MIN_BITS = Float.floatToRawIntBits(EXP_NEG_MIN);
    /** Added to the bits of d &lt; 0, negative exactly where |d| &le; 104: -2^31 - (bits of 104) - 1, wrapping. */
    private static final int EXP_NEG_IN_RANGE_SHIFT = FLIP - Float.floatToRawIntBits(-EXP_NEG_MIN) - 1;

    public PanamaSoftmax() {
        if (F.vectorBitSize() < 128 || FL != 2 * DL || FL > PARTIALS) {
            throw new UnsupportedOperationException("unsupported species " + F + " / " + D);
        }
    }

    // Hot paths call no vector-typed helper of ours (C2 may refuse to inline them in large callers and then boxes the
    // vectors, see PanamaVectorMath): exp, log and the partial-sum tree are written out in each pass.

    // ================================================================================================ staging

    // A masked load whose vector reaches past the array end leaves the intrinsic: the JDK checks the lanes out of line
    // and allocates the mask (32 B each, measured per call on the last row). Such vectors are loaded from a
    // per-thread buffer instead. Tail stores always go through the buffer: aarch64 NEON has no masked store.
    private static final ThreadLocal<float[]> STAGE = ThreadLocal.withInitial(() -> new float[2 * FL]);

    /** The buffer, holding a[off, off + count) (count clamped to [0, FL]) at [at, at + FL), zero-padded. */
    private static float[] stageIn(float[] a, int off, int count, int at) {
        float[] buf = STAGE.get();
        int c = Math.max(0, Math.min(FL, count));
        if (c > 0) System.arraycopy(a, off, buf, at, c); // off may lie past the end when no lane is present
        java.util.Arrays.fill(buf, at + c, at + FL, 0f);
        return buf;
    }

    // TAIL: a row's last, partial vector, in rows of at least FL elements. Loads take the row's last FL elements and
    // slide them down (absent lanes +0): a masked load whose absent lanes reach into the next row made logSoftmax at
    // 256x1000 1.3x slower on Zen 4 (0.93 vs 0.70 ns/element; 1000 columns at row stride 1008 ran at the fast rate).
    // Stores write the row's last FL outputs, the previous vector's (rewritten with the same bits) slid together with
    // these: the staged copy (or a masked store) made softmax at 256x1000 1.3x slower (1.08 vs 0.82 ns/element).
    // The load is written out at each site: as a static helper returning the vector it was not inlined and boxed
    // (AllocationMain, C2 only and -Xbatch: 7.7-28.8 MB per run of the row-wise kernels).

    // ======================================================================================================= passes

    @Override
    protected float rowMax(float[] x, int o, int n) {
        // compare-and-blend chains, 2.5x faster at 512 bits than the NaN- and -0-aware max: a NaN never enters them, so
        // running sums catch it (inf - inf false alarms are harmless), and a zero max may be -0 by order: both rerun it
        FloatVector m0 = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
        int j = 0;
        for (int bound = n - 4 * FL; j <= bound; j += 4 * FL) {
            FloatVector v0 = FloatVector.fromArray(F, x, o + j);
            FloatVector v1 = FloatVector.fromArray(F, x, o + j + FL);
            FloatVector v2 = FloatVector.fromArray(F, x, o + j + 2 * FL);
            FloatVector v3 = FloatVector.fromArray(F, x, o + j + 3 * FL);
            m0 = m0.blend(v0, v0.compare(GT, m0));
            m1 = m1.blend(v1, v1.compare(GT, m1));
            m2 = m2.blend(v2, v2.compare(GT, m2));
            m3 = m3.blend(v3, v3.compare(GT, m3));
            s0 = s0.add(v0);
            s1 = s1.add(v1);
            s2 = s2.add(v2);
            s3 = s3.add(v3);
        }
        for (int bound = n - FL; j <= bound; j += FL) {
            FloatVector v0 = FloatVector.fromArray(F, x, o + j);
            m0 = m0.blend(v0, v0.compare(GT, m0));
            s0 = s0.add(v0);
        }
        float m = m0.max(m1).max(m2.max(m3)).reduceLanes(MAX);
        if (m == 0f || Float.isNaN(s0.add(s1).add(s2.add(s3)).reduceLanes(ADD))) m = exactMax(x, o, j);
        for (int i = j; i < n; i++) m = Math.max(m, x[o + i]);
        return m;
    }

    /** The max of x[o, o + n) with Math.max semantics (NaN wins, +0 over -0), in any order. */
    private static float exactMax(float[] x, int o, int n) {
        FloatVector m0 = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        int j = 0;
        for (int bound = n - FL; j <= bound; j += FL) m0 = m0.max(FloatVector.fromArray(F, x, o + j));
        float m = m0.reduceLanes(MAX);
        for (int i = j; i < n; i++) m = Math.max(m, x[o + i]);
        return m;
    }

    @Override
    protected void farTerms(float[] x, int xo, int from, int n, float m, double[] p) {
        // the scalar twin's terms in its order: lane l of the vector at j (a multiple of FL, from = 0) adds to partial
        // (j + l) % 16, +0.0 outside the window (a partial >= +0 stays as it is); vectors without such a lane skip.
        // Taken only by rows with one max and t < n 2^-120 (the scalar loop ran those rows 3-3.5x slower)
        int j = from;
        for (int bound = F.loopBound(n); j < bound; j += FL) {
            FloatVector vd = FloatVector.fromArray(F, x, xo + j).sub(m);
            VectorMask<Float> far = vd.compare(GE, EXP_FAR_MIN).and(vd.compare(LT, EXP_NEG_MIN));
            if (!far.anyTrue()) continue;
            FloatVector vdc = vd.blend(EXP_FAR_MIN, vd.compare(LT, EXP_FAR_MIN)); // n >= -189: 2^(n+64) normal
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            // ScalarSoftmax.expFarScaled
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            FloatVector vs1 = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
            FloatVector vt = FloatVector.zero(F).blend(vp.mul(vs1), far);
            int b = j & (PARTIALS - 1);
            DoubleVector.fromArray(D, p, b).add((DoubleVector) vt.convertShape(F2D, D, 0)).intoArray(p, b);
            DoubleVector.fromArray(D, p, b + DL).add((DoubleVector) vt.convertShape(F2D, D, 1)).intoArray(p, b + DL);
        }
        super.farTerms(x, xo, j, n, m, p);
    }

    @Override
    protected double expSum(float[] x, int xo, int n, float m, float[] y, int yo, double[] p) {
        // x - m is subnormal only where |m| < 2^-102 (elsewhere 0 or at least half an ulp of m, normal): such rows take
        // subnormal x - m as 0, which gives the same e = 1 (and is exact: a subnormal difference has lo = 0) without
        // a subnormal factor in the polynomial, an assist on Intel (rows of subnormal logits ran 38x slower)
        boolean tinyMax = Math.abs(m) < 0x1p-100f;
        DoubleVector dz = DoubleVector.zero(D);
        // ties counted here, where x == m is tested anyway: one masked add per vector, one reduction per row (counting
        // them in the max pass took two compares, two blends and an add per vector, and four masked reductions per row)
        IntVector vk = IntVector.zero(I);
        DoubleVector a0 = dz, a1 = dz, a2 = dz, a3 = dz, a4 = dz, a5 = dz, a6 = dz, a7 = dz, t0, t1;
        int full = n & -PARTIALS;
        int end = full + (n > full ? PARTIALS : 0);
        int j = 0;
        // Finite m with |m| >= 2^-100, rows of at least SPLIT_MIN with vectors of at most 8 floats: per block of
        // EXP_BLOCK elements over the full blocks of 16, the terms into a per-thread buffer (expTerms), then their
        // sums (addToPartials, the partials carried in p); same terms, same order, same bits as the fused loop below.
        // With -XX:UseAVX=2 on a Zen 4 the two loops took about 0.85x the fused loop's time on rows of 1000 and 32000
        // (too many operations in flight per vector for its schedulers, as BCE's fused loop); at 512 bits 0.80-1.19x
        // and on rows of 128 up to 1.38x (the per-row calls), so those keep the fused loop
        // (reports/jmh-rowwise-exp-split-x86-epyc.md).
        int nonTies = 0; // minus the count of lanes with x < m in [0, fastEnd)
        IntVector vnonTies = IntVector.zero(I); // the same count in the fused loop
        boolean finiteMax = !tinyMax && Math.abs(m) <= Float.MAX_VALUE;
        if (finiteMax && FL <= 8 && full >= SPLIT_MIN) {
            clear(p);
            float[] terms = sinks(Math.min(full, EXP_BLOCK))[0];
            for (int from = 0; from < full; from += EXP_BLOCK) {
                int len = Math.min(EXP_BLOCK, full - from);
                nonTies += expTerms(x, xo + from, len, m, y, yo + from, terms);
                addToPartials(terms, len, p);
            }
            j = full;
            // the partials go on in registers: after a multiple of 16 elements the rotation is back where it started
            a0 = DoubleVector.fromArray(D, p, 0);
            a1 = DoubleVector.fromArray(D, p, DL);
            if (NACC >= 4) {
                a2 = DoubleVector.fromArray(D, p, 2 * DL);
                a3 = DoubleVector.fromArray(D, p, 3 * DL);
            }
            if (NACC == 8) {
                a4 = DoubleVector.fromArray(D, p, 4 * DL);
                a5 = DoubleVector.fromArray(D, p, 5 * DL);
                a6 = DoubleVector.fromArray(D, p, 6 * DL);
                a7 = DoubleVector.fromArray(D, p, 7 * DL);
            }
        } else if (finiteMax) {
            // the same as one loop: the clamp, the dropped lo and the excluded terms as int ops on d's bits (see
            // expTerms)
            for (; j < full; j += FL) {
                FloatVector vx = FloatVector.fromArray(F, x, xo + j);
                FloatVector vd = vx.sub(m);
                FloatVector vbv = vd.sub(vx);
                FloatVector vav = vd.sub(vbv);
                FloatVector vlo = vx.sub(vav).sub(vbv.add(m)); // TwoSum error of x - m
                IntVector vdBits = vd.reinterpretAsInts();
                IntVector vnonTie = vdBits.lanewise(ASHR, 31); // -1 where x < m
                // -1 where d >= -104 for d < 0 (|d|'s bits minus those of 104 go negative; ties: lo = 0, no term)
                IntVector vin = vdBits.add(EXP_NEG_IN_RANGE_SHIFT).lanewise(ASHR, 31);
                FloatVector vloc = vlo.reinterpretAsInts().and(vin).reinterpretAsFloats(); // lo NaN for x = -inf
                FloatVector vdc = vdBits.lanewise(UMIN, EXP_NEG_MIN_BITS).reinterpretAsFloats(); // max(d, -104)
                FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
                FloatVector vn = vnb.sub(EXP_MAGIC_F);
                // ScalarSoftmax.expNegScaledHorner: 1 + r (1 + r P(r)), r = rHi + rLo rounded once
                FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc)
                        .add(vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vloc));
                FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                        .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
                FloatVector vs1 = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
                FloatVector vu = vp.mul(vs1); // e * 2^64, always normal, exact scaling
                if (y != null) vu.intoArray(y, yo + j); // u, unscaled by the pass that reads it
                vnonTies = vnonTies.add(vnonTie);
                FloatVector vt = vu.reinterpretAsInts().and(vin).reinterpretAsFloats(); // +0 as the blend (ties too)
                a0 = a0.add((DoubleVector) vt.convertShape(F2D, D, 0));
                a1 = a1.add((DoubleVector) vt.convertShape(F2D, D, 1));
                if (NACC == 4) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = t0; a3 = t1; }
                if (NACC == 8) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = a4; a3 = a5; a4 = a6; a5 = a7; a6 = t0; a7 = t1; }
            }
        }
        int fastEnd = j; // lanes [0, fastEnd) counted through nonTies and vnonTies
        for (; j < full; j += FL) {
            FloatVector vx = FloatVector.fromArray(F, x, xo + j);
            FloatVector vd = vx.sub(m);
            FloatVector vbv = vd.sub(vx);
            FloatVector vav = vd.sub(vbv);
            FloatVector vlo = vx.sub(vav).sub(vbv.add(m)); // TwoSum error of x - m
            FloatVector vloc = FloatVector.zero(F).blend(vlo, vd.compare(GE, EXP_NEG_MIN));
            FloatVector vdc = vd.blend(EXP_NEG_MIN, vd.compare(LT, EXP_NEG_MIN));
            if (tinyMax) vdc = vdc.blend(0f, vd.abs().compare(LT, Float.MIN_NORMAL)); // see tinyMax
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            // ScalarSoftmax.expNegScaledHorner: 1 + r (1 + r P(r)), r = rHi + rLo rounded once
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc)
                    .add(vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vloc));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            FloatVector vs1 = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
            FloatVector vu = vp.mul(vs1); // e * 2^64, always normal, exact scaling
            if (y != null) vu.intoArray(y, yo + j); // u, unscaled by the pass that reads it
            // the max terms (exactly 1 each, counted) and those below 2^-150 stay out of t; NaN lanes stay in
            VectorMask<Float> tie = vx.compare(EQ, m);
            vk = vk.lanewise(ADD, 1, tie.cast(I));
            FloatVector vt = vu.blend(0f, tie.or(vd.compare(LT, EXP_NEG_MIN)));
            a0 = a0.add((DoubleVector) vt.convertShape(F2D, D, 0));
            a1 = a1.add((DoubleVector) vt.convertShape(F2D, D, 1));
            if (NACC == 4) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = t0; a3 = t1; }
            if (NACC == 8) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = a4; a3 = a5; a4 = a6; a5 = a7; a6 = t0; a7 = t1; }
        }
        for (; j < end; j += FL) { // the last, partial block of 16, masked: absent lanes add +0.0
            VectorMask<Float> in = F.indexInRange(j, n);
            FloatVector vx;
            if (j + FL <= n) vx = FloatVector.fromArray(F, x, xo + j);
            else if (n >= FL) vx = FloatVector.fromArray(F, x, xo + n - FL).slice(FL - Math.max(0, n - j)); // see TAIL
            else { // rows shorter than FL: a masked load, staged near the array end
                float[] s = x;
                int so = xo + j;
                if (so > x.length - FL) { s = stageIn(x, so, n - j, 0); so = 0; }
                vx = FloatVector.fromArray(F, s, so, in);
            }
            FloatVector vd = vx.sub(m);
            FloatVector vbv = vd.sub(vx);
            FloatVector vav = vd.sub(vbv);
            FloatVector vlo = vx.sub(vav).sub(vbv.add(m)); // TwoSum error of x - m
            FloatVector vloc = FloatVector.zero(F).blend(vlo, vd.compare(GE, EXP_NEG_MIN));
            FloatVector vdc = vd.blend(EXP_NEG_MIN, vd.compare(LT, EXP_NEG_MIN));
            if (tinyMax) vdc = vdc.blend(0f, vd.abs().compare(LT, Float.MIN_NORMAL)); // see tinyMax
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            // ScalarSoftmax.expNegScaledHorner: 1 + r (1 + r P(r)), r = rHi + rLo rounded once
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc)
                    .add(vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vloc));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            FloatVector vs1 = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
            FloatVector vu = vp.mul(vs1); // e * 2^64, always normal, exact scaling
            VectorMask<Float> tie = vx.compare(EQ, m).and(in);
            vk = vk.lanewise(ADD, 1, tie.cast(I));
            FloatVector vt = FloatVector.zero(F).blend(vu, in.andNot(tie.or(vd.compare(LT, EXP_NEG_MIN))));
            a0 = a0.add((DoubleVector) vt.convertShape(F2D, D, 0));
            a1 = a1.add((DoubleVector) vt.convertShape(F2D, D, 1));
            if (y != null) {
                int c = n - j;
                if (c >= FL) vu.intoArray(y, yo + j);
                else if (c > 0 && n >= FL) { // the row's last FL outputs: the previous vector's (stored) and these
                    FloatVector.fromArray(F, y, yo + j - FL).slice(c, vu).intoArray(y, yo + n - FL);
                } else if (c > 0) { // rows shorter than FL: unmasked into the buffer, then the present lanes (NEON has no masked store)
                    float[] ys = STAGE.get();
                    vu.intoArray(ys, 0);
                    System.arraycopy(ys, 0, y, yo + j, c);
                }
            }
            if (NACC == 4) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = t0; a3 = t1; }
            if (NACC == 8) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = a4; a3 = a5; a4 = a6; a5 = a7; a6 = t0; a7 = t1; }
        }
        // accumulator i holds partials i DL .. i DL + DL - 1; the scalar tree adds them (C2 cannot slice 2-lane doubles)
        p[TIES] = vk.reduceLanes(ADD) + fastEnd + nonTies + vnonTies.reduceLanes(ADD);
        a0.intoArray(p, 0);
        a1.intoArray(p, DL);
        if (NACC >= 4) {
            a2.intoArray(p, 2 * DL);
            a3.intoArray(p, 3 * DL);
        }
        if (NACC == 8) {
            a4.intoArray(p, 4 * DL);
            a5.intoArray(p, 5 * DL);
            a6.intoArray(p, 6 * DL);
            a7.intoArray(p, 7 * DL);
        }
        return tree(p) * EXP_NEG_SUM_SCALE_DOWN;
    }

    /** Elements per round of expSum's two passes (its terms, then their sums): the terms stay in L1 between them. */
    private static final int EXP_BLOCK = 1024;
    /** The shortest row (its full blocks of 16) that takes expSum's two passes. */
    private static final int SPLIT_MIN = 512;

    /**
     * expSum's first pass over x[xo, xo + n) (n a multiple of FL) for a finite m with |m| &gt;= 2^-100: u = e^(x - m)
     * 2^64 (ScalarSoftmax.expNegScaledHorner, x - m's rounding error carried in) stored to y[yo, yo + n) when y is not
     * null, and the term of each element to terms[0, n): u, or +0 for the max terms (counted instead) and below 2^-150
     * (d &lt; -104). The clamp, the dropped lo and the excluded terms are int ops on d's bits (same values: d &lt;= 0 is
     * never NaN, and ties are d = +0, the only d with the sign bit clear; with m = +0 an x = -0 would be a tie with
     * d = -0): AVX2 blends are several uops each. Returns minus the number of elements below m.
     */
    private static int expTerms(float[] x, int xo, int n, float m, float[] y, int yo, float[] terms) {
        int below = 0;
        for (int j = 0; j < n; j += FL) {
            FloatVector vx = FloatVector.fromArray(F, x, xo + j);
            FloatVector vd = vx.sub(m);
            FloatVector vbv = vd.sub(vx);
            FloatVector vav = vd.sub(vbv);
            FloatVector vlo = vx.sub(vav).sub(vbv.add(m)); // TwoSum error of x - m
            IntVector vdBits = vd.reinterpretAsInts();
            // x < m (d's sign bit) counted in a general register: a vector count was one of two vectors the loop kept
            // on the stack with AVX2, where softmax ran 3x slower at some caller stack depths (tools/StackDepthScan.java)
            below += vdBits.compare(LT, 0).trueCount();
            // -1 where d >= -104 for d < 0 (|d|'s bits minus those of 104 go negative; ties: lo = 0, no term)
            IntVector vin = vdBits.add(EXP_NEG_IN_RANGE_SHIFT).lanewise(ASHR, 31);
            FloatVector vloc = vlo.reinterpretAsInts().and(vin).reinterpretAsFloats(); // lo NaN for x = -inf
            FloatVector vdc = vdBits.lanewise(UMIN, EXP_NEG_MIN_BITS).reinterpretAsFloats(); // max(d, -104)
            FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            // ScalarSoftmax.expNegScaledHorner: 1 + r (1 + r P(r)), r = rHi + rLo rounded once
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc)
                    .add(vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vloc));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            FloatVector vs1 = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
            FloatVector vu = vp.mul(vs1); // e * 2^64, always normal, exact scaling
            if (y != null) vu.intoArray(y, yo + j); // u, unscaled by the pass that reads it
            // +0 as the blend for d < -104 and for the ties: vin is 0 for d = +0 as well
            vu.reinterpretAsInts().and(vin).reinterpretAsFloats().intoArray(terms, j);
        }
        return -below;
    }

    @Override
    protected double expSumD(float[] x, int xo, int n, float m, double[] p) {
        // binary64 blends C2 cannot compile at 2 lanes
        if (!PanamaSpecies.D_MASKS) return super.expSumD(x, xo, n, m, p);
        DoubleVector dz = DoubleVector.zero(D);
        DoubleVector a0 = dz, a1 = dz, a2 = dz, a3 = dz, a4 = dz, a5 = dz, a6 = dz, a7 = dz, t0, t1;
        int k = 0;
        double md = m;
        int full = n & -PARTIALS;
        int end = full + (n > full ? PARTIALS : 0);
        // one float vector per step, its halves into a0 and a1, then rotate by two: a_i holds partials i DL + l
        for (int j = 0; j < end; j += FL) {
            FloatVector vxIn;
            if (j + FL <= n) vxIn = FloatVector.fromArray(F, x, xo + j);
            else if (n >= FL) vxIn = FloatVector.fromArray(F, x, xo + n - FL).slice(FL - Math.max(0, n - j)); // see TAIL
            else { // rows shorter than FL: a masked load, staged near the array end
                float[] s = x;
                int so = xo + j;
                if (so > x.length - FL) { s = stageIn(x, so, n - j, 0); so = 0; }
                vxIn = FloatVector.fromArray(F, s, so, F.indexInRange(j, n));
            }
            {   // low half
                DoubleVector vx = (DoubleVector) vxIn.convertShape(F2D, D, 0);
                DoubleVector vd = vx.sub(md);
                DoubleVector vdc = vd.blend(EXP_D_NEG_MIN, vd.compare(LT, EXP_D_NEG_MIN));
                {   // ve = ScalarMath.expD(vdc): the ops of ScalarMath.expD and expPoly, in order
                    DoubleVector vexpNb = vdc.fma(LOG2E_D, EXP_MAGIC_D);
                    DoubleVector vexpN = vexpNb.sub(EXP_MAGIC_D);
                    DoubleVector vexpR = vexpN.fma(DoubleVector.broadcast(D, -LN2_HI_D), vdc);
                    vexpR = vexpN.fma(DoubleVector.broadcast(D, -LN2_LO_D), vexpR);
                    DoubleVector vexpQ = vexpR.fma(EXP_D_Q8, EXP_D_Q7).fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q6))
                            .fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q5)).fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q4))
                            .fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q3)).fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q2))
                            .fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q1)).fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q0));
                    DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
                    DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
                    DoubleVector ve = vexpS.fma(vexpU, vexpS);
                    // absent lanes, the max terms and terms below e^-708 add +0.0
                    VectorMask<Double> present = D.indexInRange(j, n);
                    VectorMask<Double> tie = vx.compare(EQ, md).and(present);
                    k += tie.trueCount();
                    VectorMask<Double> drop = tie.or(vd.compare(LT, EXP_D_NEG_MIN)).or(present.not());
                    a0 = a0.add(ve.blend(0.0, drop));
                }
            }
            {   // high half
                DoubleVector vx = (DoubleVector) vxIn.convertShape(F2D, D, 1);
                DoubleVector vd = vx.sub(md);
                DoubleVector vdc = vd.blend(EXP_D_NEG_MIN, vd.compare(LT, EXP_D_NEG_MIN));
                {   // ve = ScalarMath.expD(vdc): the ops of ScalarMath.expD and expPoly, in order
                    DoubleVector vexpNb = vdc.fma(LOG2E_D, EXP_MAGIC_D);
                    DoubleVector vexpN = vexpNb.sub(EXP_MAGIC_D);
                    DoubleVector vexpR = vexpN.fma(DoubleVector.broadcast(D, -LN2_HI_D), vdc);
                    vexpR = vexpN.fma(DoubleVector.broadcast(D, -LN2_LO_D), vexpR);
                    DoubleVector vexpQ = vexpR.fma(EXP_D_Q8, EXP_D_Q7).fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q6))
                            .fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q5)).fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q4))
                            .fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q3)).fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q2))
                            .fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q1)).fma(vexpR, DoubleVector.broadcast(D, EXP_D_Q0));
                    DoubleVector vexpU = vexpR.mul(vexpR).fma(vexpQ, vexpR);
                    DoubleVector vexpS = vexpNb.reinterpretAsLongs().lanewise(LSHL, 52).reinterpretAsDoubles();
                    DoubleVector ve = vexpS.fma(vexpU, vexpS);
                    // absent lanes, the max terms and terms below e^-708 add +0.0
                    VectorMask<Double> present = D.indexInRange(j + DL, n);
                    VectorMask<Double> tie = vx.compare(EQ, md).and(present);
                    k += tie.trueCount();
                    VectorMask<Double> drop = tie.or(vd.compare(LT, EXP_D_NEG_MIN)).or(present.not());
                    a1 = a1.add(ve.blend(0.0, drop));
                }
            }
            if (NACC == 4) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = t0; a3 = t1; }
            if (NACC == 8) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = a4; a3 = a5; a4 = a6; a5 = a7; a6 = t0; a7 = t1; }
        }
        // accumulator i holds partials i DL .. i DL + DL - 1; the scalar tree adds them (C2 cannot slice 2-lane doubles)
        p[TIES] = k;
        a0.intoArray(p, 0);
        a1.intoArray(p, DL);
        if (NACC >= 4) {
            a2.intoArray(p, 2 * DL);
            a3.intoArray(p, 3 * DL);
        }
        if (NACC == 8) {
            a4.intoArray(p, 4 * DL);
            a5.intoArray(p, 5 * DL);
            a6.intoArray(p, 6 * DL);
            a7.intoArray(p, 7 * DL);
        }
        return tree(p);
    }

    @Override
    protected double dot(float[] a, int ao, float[] b, int bo, int n) {
        DoubleVector dz = DoubleVector.zero(D);
        DoubleVector a0 = dz, a1 = dz, a2 = dz, a3 = dz, a4 = dz, a5 = dz, a6 = dz, a7 = dz, t0, t1;
        int full = n & -PARTIALS;
        int end = full + (n > full ? PARTIALS : 0);
        int j = 0;
        // the high half of each vector as the low half of one loaded DL further on, where that load stays in the arrays:
        // convertShape's part 1 is a permute and a blend on three constant registers, and with them this loop kept
        // accumulators on the stack with AVX2, where softmaxBackward ran 2x slower at some caller stack depths
        // (tools/StackDepthScan.java); same values, same order
        int shifted = Math.min(full, Math.min(a.length - ao, b == null ? a.length - ao : b.length - bo) - DL - FL + 1);
        for (; j < shifted; j += FL) {
            DoubleVector vlo = (DoubleVector) FloatVector.fromArray(F, a, ao + j).convertShape(F2D, D, 0);
            DoubleVector vhi = (DoubleVector) FloatVector.fromArray(F, a, ao + j + DL).convertShape(F2D, D, 0);
            if (b != null) {
                vlo = vlo.mul((DoubleVector) FloatVector.fromArray(F, b, bo + j).convertShape(F2D, D, 0));
                vhi = vhi.mul((DoubleVector) FloatVector.fromArray(F, b, bo + j + DL).convertShape(F2D, D, 0));
            }
            a0 = a0.add(vlo);
            a1 = a1.add(vhi);
            if (NACC == 4) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = t0; a3 = t1; }
            if (NACC == 8) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = a4; a3 = a5; a4 = a6; a5 = a7; a6 = t0; a7 = t1; }
        }
        for (; j < full; j += FL) {
            FloatVector va = FloatVector.fromArray(F, a, ao + j);
            DoubleVector vlo = (DoubleVector) va.convertShape(F2D, D, 0);
            DoubleVector vhi = (DoubleVector) va.convertShape(F2D, D, 1);
            if (b != null) {
                FloatVector vb = FloatVector.fromArray(F, b, bo + j);
                vlo = vlo.mul((DoubleVector) vb.convertShape(F2D, D, 0));
                vhi = vhi.mul((DoubleVector) vb.convertShape(F2D, D, 1));
            }
            a0 = a0.add(vlo);
            a1 = a1.add(vhi);
            if (NACC == 4) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = t0; a3 = t1; }
            if (NACC == 8) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = a4; a3 = a5; a4 = a6; a5 = a7; a6 = t0; a7 = t1; }
        }
        for (; j < end; j += FL) { // the last, partial block of 16, masked: absent lanes add +0.0
            FloatVector va;
            if (j + FL <= n) va = FloatVector.fromArray(F, a, ao + j);
            else if (n >= FL) va = FloatVector.fromArray(F, a, ao + n - FL).slice(FL - Math.max(0, n - j)); // see TAIL
            else { // rows shorter than FL: a masked load, staged near the array end
                float[] s = a;
                int so = ao + j;
                if (so > a.length - FL) { s = stageIn(a, so, n - j, 0); so = 0; }
                va = FloatVector.fromArray(F, s, so, F.indexInRange(j, n));
            }
            DoubleVector vlo = (DoubleVector) va.convertShape(F2D, D, 0);
            DoubleVector vhi = (DoubleVector) va.convertShape(F2D, D, 1);
            if (b != null) {
                FloatVector vb;
                if (j + FL <= n) vb = FloatVector.fromArray(F, b, bo + j);
                else if (n >= FL) vb = FloatVector.fromArray(F, b, bo + n - FL).slice(FL - Math.max(0, n - j)); // see TAIL
                else { // rows shorter than FL: a masked load, staged near the array end
                    float[] s = b;
                    int so = bo + j;
                    if (so > b.length - FL) { s = stageIn(b, so, n - j, FL); so = FL; }
                    vb = FloatVector.fromArray(F, s, so, F.indexInRange(j, n));
                }
                vlo = vlo.mul((DoubleVector) vb.convertShape(F2D, D, 0));
                vhi = vhi.mul((DoubleVector) vb.convertShape(F2D, D, 1));
            }
            a0 = a0.add(vlo);
            a1 = a1.add(vhi);
            if (NACC == 4) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = t0; a3 = t1; }
            if (NACC == 8) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = a4; a3 = a5; a4 = a6; a5 = a7; a6 = t0; a7 = t1; }
        }
        // accumulator i holds partials i DL .. i DL + DL - 1; the scalar tree adds them (C2 cannot slice 2-lane doubles)
        double[] p = scratch();
        a0.intoArray(p, 0);
        a1.intoArray(p, DL);
        if (NACC >= 4) {
            a2.intoArray(p, 2 * DL);
            a3.intoArray(p, 3 * DL);
        }
        if (NACC == 8) {
            a4.intoArray(p, 4 * DL);
            a5.intoArray(p, 5 * DL);
            a6.intoArray(p, 6 * DL);
            a7.intoArray(p, 7 * DL);
        }
        return tree(p);
    }

    /** Elements per round of the BCE passes: their intermediates stay in L1 between them. */
    private static final int BCE_BLOCK = 1024;

    private static final ThreadLocal<float[][]> SINK = ThreadLocal.withInitial(() -> new float[7][0]);

    /** Index of the sinks' array of ones: bceFused's weights where there are none. */
    private static final int ONES = 6;

    /**
     * Seven per-thread arrays of at least n floats, the blocks' intermediates between the BCE passes. With posWeight:
     * sigma, softplus, losses, exp(-|z|), exp(-|z|) 2^64 unrounded where |z| &gt; 87, a copy of z where the losses
     * overwrite it; without: exp(-|z|), softplus, losses, 1 / (1 + e), the same unrounded exp; and ones at index ONES
     * (the weights where there are none).
     */
    private static float[][] sinks(int n) {
        float[][] h = SINK.get();
        if (h[0].length < n) {
            int len = Math.max(n, 2 * h[0].length);
            for (int i = 0; i < h.length; i++) h[i] = new float[len];
            java.util.Arrays.fill(h[ONES], 1f);
        }
        return h;
    }

    /**
     * One BCE row. Without posWeight, per block of {@code BCE_BLOCK} elements over the full blocks of 16: exp
     * (bceExpNegAbs), softplus and 1 / (1 + e) (bceSoftplusNegAbs), then the loss and gradient (bceFused), then the sums
     * (addToPartials), the blocks' intermediates in L1; then the scalar twin's element loop for the rest. Three short
     * loops (exp; softplus, loss and gradient; the sums) took 0.56-0.69x the time of the one fused loop before
     * (reports/jmh-bce-split-x86-epyc.md), which took 0.74-0.85x that of the four passes below; softplus moved out
     * of the loss loop later (see bceSoftplusNegAbs). Called from here, not from bceFused: inlined there, bceFused
     * boxed a vector per call (80 B at 512 bits) in two of three JVMs of AllocationTest's kernel sequence. With
     * posWeight, the binary64 loss in vector passes per block of {@code BCE_BLOCK} elements (exp; softplus and
     * 1 / (1 + e); sigma and the scaled softplus; the losses of the high binary64 halves, then of the low halves; the
     * gradient) over the full blocks of 16, then the scalar twin's
     * element loop for the rest; the partials are carried in p between blocks. Small methods because one with all of
     * it (2.9 KB of bytecode) made C1 give up (out of virtual registers), and the former single loss pass, both halves
     * in one body, boxed vectors under -XX:-TieredCompilation (2.0-2.6 KB per call; see bceLossHalves). The gradient
     * pass runs only when a gradient is wanted, after both loss passes have read z: grad and lossOut may be z, and
     * where both are, the gradient wins, as in the scalar twin. Its tiny form hands some lanes to the twin's formula,
     * which reads z: where lossOut is z, from a copy of the block taken before the loss passes.
     */
    @Override
    protected double bceRow(float[] z, int zo, float[] t, int to, float[] w, int wo, float[] pw, int n,
                            float[] lossOut, int lo, float[] grad, int go, float sf) {
        double[] p = scratch();
        clear(p);
        if (pw == null) { // the float loss: no binary64 blends, so every width runs it
            int full = n & -PARTIALS;
            float[][] sk = sinks(Math.min(full, BCE_BLOCK));
            boolean needFar = w != null || Math.abs(sf) > 1f; // factors above 1: weights, or a gradient scale above 1
            for (int from = 0; from < full; from += BCE_BLOCK) {
                int len = Math.min(BCE_BLOCK, full - from);
                bceExpNegAbs(z, zo + from, len, sk[0], sk[4], needFar);
                bceSoftplusNegAbs(sk[0], len, sk[1], sk[3]);
                bceFused(z, zo + from, t, to + from, w, wo + from, len, sk, lossOut, lo + from, grad, go + from, sf,
                        needFar);
                addToPartials(sk[2], len, p);
            }
            bceElements(z, zo, t, to, w, wo, null, full, n, lossOut, lo, grad, go, sf, p);
            return tree(p);
        }
        int full = PanamaSpecies.D_MASKS ? n & -PARTIALS : 0; // else all in the scalar loop: 2-lane binary64 blends
        if (full > 0) {
            float[][] sk = sinks(Math.min(full, BCE_BLOCK));
            float[] lArr = lossOut == null ? sk[2] : lossOut;
            for (int from = 0; from < full; from += BCE_BLOCK) {
                int len = Math.min(BCE_BLOCK, full - from); // a multiple of 16: element e adds to partial e % 16
                int lOff = lossOut == null ? 0 : lo + from;
                bceExpNegAbs(z, zo + from, len, sk[3], sk[4], true);
                bceSoftplusNegAbs(sk[3], len, sk[1], sk[0]);
                boolean tiny = bceSigmoidSoftplus(z, zo + from, len, sk[3], sk[0], sk[1], sk[4]);
                float[] zg = z;
                int zgo = zo + from;
                if (grad != null && tiny && lossOut == z) { // the loss passes overwrite z; the tiny gradient reads it
                    System.arraycopy(z, zo + from, sk[5], 0, len);
                    zg = sk[5];
                    zgo = 0;
                }
                bceLossHalves(z, zo + from, t, to + from, w, wo + from, pw, from, len, DL, sk[1], lArr, lOff, p);
                bceLossHalves(z, zo + from, t, to + from, w, wo + from, pw, from, len, 0, sk[1], lArr, lOff, p);
                if (grad != null && tiny) {
                    bceGradientsTiny(zg, zgo, t, to + from, w, wo + from, pw, from, len, sk[3], sk[0], sk[4], grad,
                            go + from, sf);
                } else if (grad != null) {
                    bceGradients(t, to + from, w, wo + from, pw, from, len, sk[0], grad, go + from, sf);
                }
            }
        }
        bceElements(z, zo, t, to, w, wo, pw, full, n, lossOut, lo, grad, go, sf, p);
        return tree(p);
    }

    /**
     * BCE without posWeight over n (a multiple of 16) elements, as the scalar twin's bceElements, from e = exp(-|z|) in
     * sk[0], softplus(-|z|) = log1p(e) in sk[1] and 1 / (1 + e) in sk[3] (bceExpNegAbs and bceSoftplusNegAbs, run
     * before it): sigma(z), the float loss (stored to sink[0, n) for addToPartials, and to lArr when it is not null)
     * and, when gArr is not null, the gradient, stored after the loss (where both are one array, the gradient wins).
     * Vectors with some e below eTiny take the forms below for those lanes (a subnormal e is its own softplus, and
     * bceSoftplusNegAbs's value there is replaced); with needFar, far in sk[4] as bceExpNegAbs left it. One fused loop
     * with exp took 1.45-1.8x
     * the time (reports/jmh-bce-split-x86-epyc.md), and its speed moved with small changes (its 2^n subnormal test,
     * where its sums went): too many live vectors for one loop. The loop-invariant branches box nothing in loops that
     * carry no vector.
     */
    private static void bceFused(float[] z, int zo, float[] t, int to, float[] w, int wo, int n, float[][] sk,
                                 float[] lArr, int lOff, float[] gArr, int gOff, float sf, boolean needFar) {
        float[] e = sk[0], sp = sk[1], sink = sk[2], rec = sk[3], far = sk[4];
        // e below which a vector may meet a subnormal operand: e itself (softplus, the loss), with weights any loss w,
        // with a gradient e (w) sf; 2^-100 covers weights and sf >= 2^-24
        float eTiny = w != null ? 0x1p-100f : gArr == null ? 0x1p-125f
                : Math.max(0x1p-125f, Math.min(0x1p-100f, 0x1p-124f / Math.abs(sf)));
        // w and w sf up to FAR_FACTOR_MAX in the small forms (above it ScalarSoftmax.bceTimesTiny is binary64)
        float fMax = FAR_FACTOR_MAX / Math.max(1f, Math.abs(sf));
        FloatVector one = FloatVector.broadcast(F, 1f);
        VectorMask<Float> hasG = F.maskAll(gArr != null);
        VectorMask<Float> noLanes = F.maskAll(false);
        float[] wArr = w == null ? sk[ONES] : w; // no weights: ones, not a blend on a mask kept in a register
        int wOff = w == null ? 0 : wo;
        for (int j = 0; j < n; j += FL) {
            FloatVector vz = FloatVector.fromArray(F, z, zo + j);
            FloatVector vy = FloatVector.fromArray(F, t, to + j);
            FloatVector vw = FloatVector.fromArray(F, wArr, wOff + j);
            FloatVector ve = FloatVector.fromArray(F, e, j);
            FloatVector vsp = FloatVector.fromArray(F, sp, j);
            FloatVector vrec = FloatVector.fromArray(F, rec, j);
            VectorMask<Float> pos = vz.compare(GE, 0f);
            if (ve.compare(LT, eTiny).anyTrue()) {
                // |z| > 69: the same values with no subnormal operand (each an assist of ~150 cycles on Intel: N(0, 30)
                // logits ran 1.2-1.6x slower). Where e is subnormal, w1 = 1, r = 1 and k = f = t = 0, so softplus = e
                // and sigma(-|z|) = e exactly, and c |z| + e (e > 0) rounds as c |z| + 2^-100 (c |z| is a multiple of
                // 2^-64 whose half-ulp points are too, for |c| >= 2^-24); 0 < |c| < 2^-24 takes the scalar twin
                VectorMask<Float> sub = ve.compare(LT, Float.MIN_NORMAL);
                FloatVector vc = vy.blend(one.sub(vy), pos);
                // weights (or w sf) past 2^39 take the twin too: its e f is binary64 there, and f 2^85 in the small
                // forms below would overflow past 2^42 (a zero loss with w >= 2^43 came out -3.6e-7 where the twin
                // gives 0; q = a 2^64 f from 2^124 on: inf)
                if (vc.abs().compare(LT, 0x1p-24f).and(vc.compare(NE, 0f)).and(sub).or(vw.abs().compare(GT, fMax)).anyTrue()) {
                    for (int q = j; q < j + FL; q++) {
                        float zq = z[zo + q];
                        float wq = w == null ? 1f : w[wo + q];
                        float lq = bceLossF(zq, t[to + q], wq, Math.abs(zq), e[q], softplusNegAbs(e[q]));
                        sink[q] = lq;
                        if (lArr != null) lArr[lOff + q] = lq;
                        if (gArr != null) gArr[gOff + q] = bceGrad(zq, t[to + q], w == null ? sf : wq * sf, false, 1f, e[q]);
                    }
                    continue;
                }
                // ScalarSoftmax.bceTimesTiny's lanes: the loss w e (c = 0, |z| finite) with w > 1, the gradient
                // (e - y) w sf (z < 0, |y| < 2^-60) with w sf > 1: e unrounded, u = far (bceExpNegAbs), into the
                // scaled products below as a 2^64 = u, resp. (u - y 2^64)
                // (none without weights and a gradient scale <= 1: the masks' cost slowed N(0,30) rows 1.1-1.2x)
                VectorMask<Float> tinyLoss = noLanes, tinyGrad = noLanes;
                FloatVector vu = one;
                if (needFar) {
                    tinyLoss = sub.and(vc.compare(EQ, 0f)).and(vw.compare(GT, 1f)).and(vz.abs().compare(LE, Float.MAX_VALUE));
                    tinyGrad = sub.and(hasG).andNot(pos).and(vy.abs().compare(LT, 0x1p-60f)).and(vw.mul(sf).compare(GT, 1f));
                    if (tinyLoss.or(tinyGrad).anyTrue()) vu = FloatVector.fromArray(F, far, j);
                }
                // (e = 0, |z| > 104: c |z| + 0, a tie of c |z| stays a tie)
                FloatVector vca = vc.fma(vz.abs(), vsp.blend(0x1p-100f, sub).blend(0f, ve.compare(EQ, 0f)));
                FloatVector vlw = vca.blend(ve, sub.and(vca.compare(EQ, 0x1p-100f))); // c |z| = 0 (not 0 inf = NaN): e
                // a f rounded once (both products below): where |a| < 2^-60, a 2^64 (exact; m 2^-85 for a subnormal a = m
                // 2^-149) times f; below 2^-62 the product is subnormal and a f 2^149 is rounded to an integer by an fma
                // with 2^23 (its pattern), else scaled by 2^-64 exactly; the product's sign
                FloatVector vsl;
                {
                    IntVector aBits = vlw.reinterpretAsInts();
                    IntVector aAbs = aBits.and(~SIGN_BIT_F);
                    VectorMask<Float> small = aAbs.compare(LT, BCE_SMALL_BITS).cast(F);
                    VectorMask<Float> normal = aAbs.compare(GE, NORMAL_MIN_BITS).cast(F);
                    FloatVector a64 = ((FloatVector) aAbs.convert(I2F, 0)).mul(0x1p-85f)
                            .blend(aAbs.reinterpretAsFloats().blend(1f, normal.not()).mul(0x1p64f), normal)
                            .blend(1f, small.not()).blend(vu, tinyLoss);
                    small = small.or(tinyLoss);
                    FloatVector fAbs = vw.abs();
                    FloatVector q = a64.mul(fAbs);
                    VectorMask<Float> tinyQ = q.compare(LT, EXP_NEG_U_MIN);
                    FloatVector mag = q.blend(EXP_NEG_U_MIN, tinyQ).mul(EXP_NEG_SCALE_DOWN).blend(a64.fma(
                            fAbs.mul(EXP_NEG_TO_SUBNORMAL), FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts()
                            .sub(0x4b000000).reinterpretAsFloats(), tinyQ);
                    vsl = vlw.blend(1f, small).mul(vw).blend(mag.reinterpretAsInts().or(aBits.lanewise(XOR,
                            vw.reinterpretAsInts()).and(SIGN_BIT_F)).reinterpretAsFloats(), small);
                }
                vsl.intoArray(sink, j);
                if (lArr != null) vsl.intoArray(lArr, lOff + j);
                if (gArr != null) {
                    FloatVector vd = ve.blend(0f, sub).mul(vrec).blend(ve, sub).blend(vrec, pos).sub(vy); // sigma - y
                    FloatVector vws = vw.mul(sf);
                    FloatVector vd64 = vu.sub(vy.mul(0x1p64f)); // (e - y) 2^64 on the tinyGrad lanes, rounded once
                    IntVector dBits = vd.reinterpretAsInts();
                    IntVector aAbs = dBits.and(~SIGN_BIT_F);
                    IntVector aBits = dBits.blend(vd64.reinterpretAsInts(), tinyGrad.cast(I));
                    VectorMask<Float> small = aAbs.compare(LT, BCE_SMALL_BITS).cast(F);
                    VectorMask<Float> normal = aAbs.compare(GE, NORMAL_MIN_BITS).cast(F);
                    FloatVector a64 = ((FloatVector) aAbs.convert(I2F, 0)).mul(0x1p-85f)
                            .blend(aAbs.reinterpretAsFloats().blend(1f, normal.not()).mul(0x1p64f), normal)
                            .blend(1f, small.not()).blend(vd64.abs(), tinyGrad);
                    small = small.or(tinyGrad);
                    FloatVector fAbs = vws.abs();
                    FloatVector q = a64.mul(fAbs);
                    VectorMask<Float> tinyQ = q.compare(LT, EXP_NEG_U_MIN);
                    FloatVector mag = q.blend(EXP_NEG_U_MIN, tinyQ).mul(EXP_NEG_SCALE_DOWN).blend(a64.fma(
                            fAbs.mul(EXP_NEG_TO_SUBNORMAL), FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts()
                            .sub(0x4b000000).reinterpretAsFloats(), tinyQ);
                    vd.blend(1f, small).mul(vws).blend(mag.reinterpretAsInts().or(aBits.lanewise(XOR,
                            vws.reinterpretAsInts()).and(SIGN_BIT_F)).reinterpretAsFloats(), small)
                            .intoArray(gArr, gOff + j);
                }
                continue;
            }
            FloatVector vl = vy.blend(one.sub(vy), pos).fma(vz.abs(), vsp).mul(vw); // bceLossF
            // summed by addToPartials from the block's sink: double accumulators carried by this loop boxed (C2 only,
            // after the other row-wise kernels had run: 4 KB per call); adding through p itself chained every vector
            // to the store just made
            vl.intoArray(sink, j);
            if (lArr != null) vl.intoArray(lArr, lOff + j);
            if (gArr != null) { // bceGrad: sigma(-|z|) = e / (1 + e), never 1 - tiny
                ve.mul(vrec).blend(vrec, pos).sub(vy).mul(vw.mul(sf)).intoArray(gArr, gOff + j);
            }
        }
    }

    /**
     * softplus(-|z|) = log1p(e) (ScalarSoftmax.softplusNegAbs) into sp[0, n) and 1 / (1 + e) into rec[0, n), from
     * e[0, n) (n a multiple of FL), for bceFused and bceSigmoidSoftplus. A pass of its own: in one loop with the loss
     * and the gradient, C2 kept three vectors per iteration on the stack with AVX2, and at some caller stack depths
     * that loop ran 2-2.8x slower (probably 4K aliasing of a spill slot with a constant it loads;
     * tools/StackDepthScan.java). Where e is subnormal (e &lt; 2^-126) sp is not softplus: the readers replace those
     * lanes; e is taken there as 2^-126 in the correction term, so no multiply or fma meets a subnormal operand (an
     * assist on Intel; 1 + e remains, as before).
     */
    private static void bceSoftplusNegAbs(float[] e, int n, float[] sp, float[] rec) {
        for (int j = 0; j < n; j += FL) {
            FloatVector ve = FloatVector.fromArray(F, e, j);
            // hi = k LN2_HI + f exact, the rest rounded once into lo
            FloatVector vw1 = ve.add(1f);
            FloatVector vcc = ve.reinterpretAsInts().max(NORMAL_MIN_BITS).reinterpretAsFloats().sub(vw1.sub(1f)); // e >= 0: int max
            FloatVector vrec = FloatVector.broadcast(F, 1f).div(vw1);
            IntVector vix = vw1.reinterpretAsInts().sub(SQRT_HALF_BITS);
            FloatVector vk = (FloatVector) vix.lanewise(ASHR, 23).convert(I2F, 0);
            FloatVector vf = vix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
            FloatVector vf2 = vf.mul(vf);
            // ScalarMath.logPolyF's Estrin scheme written out: a helper method boxed where C2 did not inline it
            FloatVector vpl = vf.fma(LOG_F_P7, LOG_F_P6).fma(vf2, vf.fma(LOG_F_P5, LOG_F_P4))
                    .fma(vf2.mul(vf2), vf.fma(LOG_F_P3, LOG_F_P2).fma(vf2, vf.fma(LOG_F_P1, LOG_F_P0)));
            FloatVector vb = vk.fma(FloatVector.broadcast(F, LN2_LO_F), vf2.mul(vf).mul(vpl));
            FloatVector vt = vf.fma(vf.mul(-0.5f), vb);
            vk.fma(FloatVector.broadcast(F, LN2_HI_F), vf).add(vcc.fma(vrec, vt)).intoArray(sp, j);
            vrec.intoArray(rec, j);
        }
    }

    /**
     * e = exp(-|z|) over n (a multiple of FL) elements into e[0, n), as ScalarSoftmax.expNeg(-|z|, 0) unscaled; with
     * needFar, in the vectors with some |z| &gt; 87, also far = ScalarSoftmax.bceFarScaled(|z|) (other vectors leave far
     * stale: its readers take only lanes with a subnormal e, and only where needFar was set).
     */
    private static void bceExpNegAbs(float[] z, int zo, int n, float[] e, float[] far, boolean needFar) {
        for (int j = 0; j < n; j += FL) {
            FloatVector va = FloatVector.fromArray(F, z, zo + j).abs();
            // a clamped to 104 and a < 2^-26 taken as 0 (e^-a = 1 either way): a subnormal factor, or r^2 going
            // subnormal, is an assist on Intel (subnormal logits ran 25x slower, tiny ones 6-8x)
            FloatVector vdc = va.blend(-EXP_NEG_MIN, va.compare(GT, -EXP_NEG_MIN))
                    .blend(0f, va.compare(LT, BCE_A_ONE)).neg();
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
            FloatVector veh = vhi.add(vc);
            // e = unscale(u), u = e 2^64: where e is normal, the same rounding at 2^n
            FloatVector ve;
            VectorMask<Float> mayBeSmall = va.compare(GT, E_NORMAL_A);
            if (mayBeSmall.anyTrue()) { // |z| above 87: unscale(u), subnormal e rounded in integers
                FloatVector vs1 = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
                FloatVector vu = vc.fma(vs1, vhi.mul(vs1));
                // 1 for 2^n there: below 2^-126 its pattern is no such float, and a subnormal factor is an assist
                ve = veh.mul(vs.blend(1f, mayBeSmall)).blend(vu.blend(EXP_NEG_U_MIN, vu.compare(LT, EXP_NEG_U_MIN))
                        .mul(EXP_NEG_SCALE_DOWN).blend(vu.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts()
                                .sub(0x4b000000).reinterpretAsFloats(), vu.compare(LT, EXP_NEG_U_MIN)), mayBeSmall);
                // far = ScalarSoftmax.bceFarScaled(|z|), e 2^64 unrounded down to |z| = 131 (0 beyond), for the
                // products of a subnormal e with factors above 1 (unweighted BCE has none: N(0,30) rows ran 1.1-1.4x)
                if (needFar) {
                    FloatVector vfc = va.blend(-EXP_FAR_MIN, va.compare(GT, -EXP_FAR_MIN)).neg();
                    FloatVector vfnb = vfc.fma(LOG2E_F, EXP_MAGIC_F);
                    FloatVector vfn = vfnb.sub(EXP_MAGIC_F);
                    FloatVector vfr = vfn.fma(FloatVector.broadcast(F, -LN2_LO_F), vfn.fma(FloatVector.broadcast(F, -LN2_HI_F), vfc));
                    FloatVector one = FloatVector.broadcast(F, 1f);
                    vfr.fma(EXP_F_P4, EXP_F_P3).fma(vfr, FloatVector.broadcast(F, EXP_F_P2))
                            .fma(vfr, FloatVector.broadcast(F, EXP_F_P1)).fma(vfr, FloatVector.broadcast(F, EXP_F_P0))
                            .fma(vfr, one).fma(vfr, one)
                            .mul(vfnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats())
                            .blend(0f, va.compare(GT, -EXP_FAR_MIN)).intoArray(far, j);
                }
            } else {
                ve = veh.mul(vs);
            }
            ve.intoArray(e, j);
        }
    }

    /** Bits of 2^-60: products of smaller magnitudes go through bceFused's scaled form. */
    private static final int BCE_SMALL_BITS = Float.floatToRawIntBits(0x1p-60f);

    /**
     * Adds a[0, n) (n a multiple of 16) to the 16 binary64 partials of p, element e to partial e % 16 in increasing e,
     * as the scalar twin's loop: the accumulator rotation of expSum, in registers.
     */
    private static void addToPartials(float[] a, int n, double[] p) {
        DoubleVector a0 = DoubleVector.fromArray(D, p, 0), a1 = DoubleVector.fromArray(D, p, DL), a2 = a0, a3 = a0;
        DoubleVector a4 = a0, a5 = a0, a6 = a0, a7 = a0, t0, t1;
        if (NACC >= 4) {
            a2 = DoubleVector.fromArray(D, p, 2 * DL);
            a3 = DoubleVector.fromArray(D, p, 3 * DL);
        }
        if (NACC == 8) {
            a4 = DoubleVector.fromArray(D, p, 4 * DL);
            a5 = DoubleVector.fromArray(D, p, 5 * DL);
            a6 = DoubleVector.fromArray(D, p, 6 * DL);
            a7 = DoubleVector.fromArray(D, p, 7 * DL);
        }
        int j = 0;
        // high halves as the low halves of vectors loaded DL further on, where that stays in a (see dot)
        for (int shifted = Math.min(n, a.length - DL - FL + 1); j < shifted; j += FL) {
            a0 = a0.add((DoubleVector) FloatVector.fromArray(F, a, j).convertShape(F2D, D, 0));
            a1 = a1.add((DoubleVector) FloatVector.fromArray(F, a, j + DL).convertShape(F2D, D, 0));
            if (NACC == 4) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = t0; a3 = t1; }
            if (NACC == 8) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = a4; a3 = a5; a4 = a6; a5 = a7; a6 = t0; a7 = t1; }
        }
        for (; j < n; j += FL) {
            FloatVector va = FloatVector.fromArray(F, a, j);
            a0 = a0.add((DoubleVector) va.convertShape(F2D, D, 0));
            a1 = a1.add((DoubleVector) va.convertShape(F2D, D, 1));
            if (NACC == 4) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = t0; a3 = t1; }
            if (NACC == 8) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = a4; a3 = a5; a4 = a6; a5 = a7; a6 = t0; a7 = t1; }
        }
        a0.intoArray(p, 0);
        a1.intoArray(p, DL);
        if (NACC >= 4) {
            a2.intoArray(p, 2 * DL);
            a3.intoArray(p, 3 * DL);
        }
        if (NACC == 8) {
            a4.intoArray(p, 4 * DL);
            a5.intoArray(p, 5 * DL);
            a6.intoArray(p, 6 * DL);
            a7.intoArray(p, 7 * DL);
        }
    }

    /**
     * Pass 1 over n (a multiple of FL) elements: sigma(z) into sig and softplus(-|z|) = log1p(exp(-|z|)) into sp, as
     * the scalar twin, from e = exp(-|z|) in e[0, n), softplus in sp and 1 / (1 + e) in sig as bceExpNegAbs and
     * bceSoftplusNegAbs left them (run by bceRow first). Returns whether some e &lt; 2^-100 (|z| &gt; 69), where
     * sigma and the gradient may be subnormal: the gradient pass then takes bceGradientsTiny. sp is stored times 2^64
     * (exact), and where e is subnormal as far = ScalarSoftmax.bceFarScaled(|z|), e 2^64 unrounded: the binary64 loss
     * scales it back (a blend of its own in bceLossHalves boxed vectors under C2 alone: 3.6 KB per call).
     */
    private static boolean bceSigmoidSoftplus(float[] z, int zo, int n, float[] e, float[] sig, float[] sp,
                                              float[] far) {
        boolean tiny = false;
        for (int j = 0; j < n; j += FL) {
            FloatVector vz = FloatVector.fromArray(F, z, zo + j);
            FloatVector ve = FloatVector.fromArray(F, e, j);
            FloatVector vsp = FloatVector.fromArray(F, sp, j);
            FloatVector vrec = FloatVector.fromArray(F, sig, j);
            VectorMask<Float> pos = vz.compare(GE, 0f);
            if (ve.compare(LT, 0x1p-100f).anyTrue()) {
                tiny = true;
                // e subnormal (|z| > 87): w1 = 1, r = 1, k = f = t = 0, so softplus = e and sigma(-|z|) = e exactly,
                // taken as such rather than through a subnormal factor (an assist of ~150 cycles on Intel)
                VectorMask<Float> sub = ve.compare(LT, Float.MIN_NORMAL);
                vsp.mul(0x1p64f).blend(FloatVector.fromArray(F, far, j), sub).intoArray(sp, j);
                ve.blend(0f, sub).mul(vrec).blend(ve, sub).blend(vrec, pos).intoArray(sig, j);
                continue;
            }
            vsp.mul(0x1p64f).intoArray(sp, j);
            ve.mul(vrec).blend(vrec, pos).intoArray(sig, j);
        }
        return tiny;
    }

    /**
     * Binary64 losses over n (a multiple of 16) elements, one half of each float vector: the low halves (lanes [0, DL))
     * for first = 0, the high halves for first = DL, adding to the even resp. odd DL-lane slots of p. A high half is
     * read as the low half of the vector loaded DL further on and blended into place, no cross-lane operation: with
     * convertShape's part 1 and unslice the pass boxed its accumulator under -XX:-TieredCompilation. The last vector's
     * high half would reach past the block and runs the scalar twin's formula (same bits). Each pass reads only its
     * own lanes of z and writes only its own lanes of the loss array, so lossOut may be z. No loop-invariant branch
     * (with four of them C2's loop unswitching ran for minutes on JDK 25): absent weights are ones chosen by an
     * invariant mask, absent outputs go to sinks.
     */
    private static void bceLossHalves(float[] z, int zo, float[] t, int to, float[] w, int wo, float[] pw, int pwo,
                                      int n, int first, float[] sp, float[] lArr, int lOff, double[] p) {
        // slot 2i (low) or 2i + 1 (high) of p takes the halves of vectors i, i + NACC / 2, ...: k0 is the next one
        DoubleVector k0 = DoubleVector.fromArray(D, p, first), k1 = k0, k2 = k0, k3 = k0, t0;
        if (NACC >= 4) k1 = DoubleVector.fromArray(D, p, first + 2 * DL);
        if (NACC == 8) {
            k2 = DoubleVector.fromArray(D, p, first + 4 * DL);
            k3 = DoubleVector.fromArray(D, p, first + 6 * DL);
        }
        FloatVector one = FloatVector.broadcast(F, 1f);
        DoubleVector oneD = DoubleVector.broadcast(D, 1.0);
        VectorMask<Float> hasW = F.maskAll(w != null);
        VectorMask<Float> hasPw = F.maskAll(pw != null);
        VectorMask<Float> lowHalf = F.indexInRange(0, DL);
        float[] wArr = w == null ? z : w;
        int wOff = w == null ? zo : wo;
        float[] pwArr = pw == null ? z : pw;
        int pwOff = pw == null ? zo : pwo;
        int j = first;
        for (; j <= n - FL; j += FL) { // j: start of the half
            FloatVector vz = FloatVector.fromArray(F, z, zo + j);
            FloatVector vy = FloatVector.fromArray(F, t, to + j);
            FloatVector vw = one.blend(FloatVector.fromArray(F, wArr, wOff + j), hasW);
            FloatVector vpw = one.blend(FloatVector.fromArray(F, pwArr, pwOff + j), hasPw);
            FloatVector vsp = FloatVector.fromArray(F, sp, j);
            DoubleVector ad = (DoubleVector) vz.abs().convertShape(F2D, D, 0);
            DoubleVector yd = (DoubleVector) vy.convertShape(F2D, D, 0);
            DoubleVector pwd = (DoubleVector) vpw.convertShape(F2D, D, 0);
            DoubleVector wd = (DoubleVector) vw.convertShape(F2D, D, 0);
            DoubleVector spd = (DoubleVector) vsp.convertShape(F2D, D, 0);
            // sp 2^64 from bceSigmoidSoftplus (a subnormal e unrounded, as ScalarSoftmax.bceElements passes it), exact
            spd = spd.mul(EXP_NEG_SUM_SCALE_DOWN);
            DoubleVector zd = (DoubleVector) vz.convertShape(F2D, D, 0);
            DoubleVector pwy = pwd.mul(yd);
            DoubleVector omy = oneD.sub(yd);
            DoubleVector lin = pwy.blend(omy, zd.compare(GE, 0.0)).mul(ad);
            DoubleVector lw = pwy.add(omy); // ScalarSoftmax.bceLoss
            DoubleVector loss = wd.mul(lin.add(lw.mul(spd)));
            FloatVector.fromArray(F, lArr, lOff + j).blend((FloatVector) loss.convertShape(D2F, F, 0), lowHalf)
                    .intoArray(lArr, lOff + j);
            k0 = k0.add(loss);
            if (NACC == 4) { t0 = k0; k0 = k1; k1 = t0; }
            if (NACC == 8) { t0 = k0; k0 = k1; k1 = k2; k2 = k3; k3 = t0; }
        }
        if (first != 0) { // the last vector's turn, taken by the scalar loop below: the rotation is back where it started
            if (NACC == 4) { t0 = k0; k0 = k1; k1 = t0; }
            if (NACC == 8) { t0 = k0; k0 = k1; k1 = k2; k2 = k3; k3 = t0; }
        }
        k0.intoArray(p, first);
        if (NACC >= 4) k1.intoArray(p, first + 2 * DL);
        if (NACC == 8) {
            k2.intoArray(p, first + 4 * DL);
            k3.intoArray(p, first + 6 * DL);
        }
        for (int e = j; e < n; e++) { // first = DL only: the last high half
            float ze = z[zo + e];
            double loss = bceLoss(ze, t[to + e], w == null ? 1f : w[wo + e], pw == null ? 1f : pw[pwo + e],
                    Math.abs(ze), sp[e] * EXP_NEG_SUM_SCALE_DOWN);
            lArr[lOff + e] = (float) loss;
            p[e & 15] += loss;
        }
    }

    /** Gradients over n (a multiple of FL) elements from sigma, as the scalar twin's bceGrad; one invariant branch. */
    private static void bceGradients(float[] t, int to, float[] w, int wo, float[] pw, int pwo, int n, float[] sig,
                                     float[] gArr, int gOff, float sf) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        VectorMask<Float> hasW = F.maskAll(w != null);
        VectorMask<Float> hasPw = F.maskAll(pw != null);
        float[] wArr = w == null ? t : w;
        int wOff = w == null ? to : wo;
        float[] pwArr = pw == null ? t : pw;
        int pwOff = pw == null ? to : pwo;
        for (int j = 0; j < n; j += FL) {
            FloatVector vy = FloatVector.fromArray(F, t, to + j);
            FloatVector vw = one.blend(FloatVector.fromArray(F, wArr, wOff + j), hasW);
            FloatVector vpw = one.blend(FloatVector.fromArray(F, pwArr, pwOff + j), hasPw);
            FloatVector vsig = FloatVector.fromArray(F, sig, j);
            FloatVector vws = vw.mul(sf); // 1 * sf = sf exactly
            FloatVector vg = pw == null ? vsig.sub(vy).mul(vws)
                    : vpw.fma(vy, one.sub(vy)).fma(vsig, vpw.mul(vy).neg()).mul(vws);
            vg.intoArray(gArr, gOff + j);
        }
    }

    /**
     * bceGradients with posWeight for blocks where pass 1 met some e &lt; 2^-100: there sigma, A sigma and the gradient
     * may be subnormal, each such factor or product an assist on Intel (|z| in [80, 140] ran 3.9-4.3x the N(0, 3)
     * time). The scalar twin's d = fma(A, sigma, B), A = fma(pw, y, 1 - y), B = -pw y, then d ws, lane by lane:
     * <ul>
     * <li>sigma &lt; 2^-60 and B = 0: d = A sigma rounded once, from sigma 2^60 (exact, below 1) times A as in bceFused:
     *     its subnormal pattern by an fma with 2^23, or scaled by 2^-60;
     * <li>0 &lt; sigma &lt; 2^-60 and |A| &le; |B| 2^34: |A sigma| &lt; |B| 2^-26, under a quarter ulp of B, so
     *     d = B = fma(A, 0, B); sigma = 0 the same way, exactly (zeros keep the fma's signs);
     * <li>other lanes: the fma itself (sigma normal);
     * </ul>
     * then d ws rounded once by the same scaled form where |d| &lt; 2^-60, else the plain product; where sigma is
     * subnormal, B = 0 and f = A ws &gt; 1, u f 2^-64 rounded once instead (ScalarSoftmax.bceTimesTiny, u = far from
     * bceExpNegAbs; f above FAR_FACTOR_MAX: the scalar formula). Vectors with no
     * sigma &lt; 2^-100 take bceGradients' formula; those with some tiny sigma whose B != 0 is not that large against A
     * (or NaN) take the scalar formula.
     */
    private static void bceGradientsTiny(float[] z, int zo, float[] t, int to, float[] w, int wo, float[] pw, int pwo,
                                         int n, float[] e, float[] sig, float[] far, float[] gArr, int gOff, float sf) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        VectorMask<Float> hasW = F.maskAll(w != null);
        float[] wArr = w == null ? t : w;
        int wOff = w == null ? to : wo;
        for (int j = 0; j < n; j += FL) {
            FloatVector vy = FloatVector.fromArray(F, t, to + j);
            FloatVector vw = one.blend(FloatVector.fromArray(F, wArr, wOff + j), hasW);
            FloatVector vpw = FloatVector.fromArray(F, pw, pwo + j);
            FloatVector vsig = FloatVector.fromArray(F, sig, j);
            FloatVector vws = vw.mul(sf);
            FloatVector vA = vpw.fma(vy, one.sub(vy));
            FloatVector vB = vpw.mul(vy).neg();
            // no sigma < 2^-100 (85-92% of the vectors of N(0, 30) logits): bceGradients' formula, whose sigma and
            // A sigma stay normal for |A| >= 2^-26, d ws for |A ws| >= 2^-26 (routing on 2^-60 cost 6-13% there)
            if (!vsig.compare(LT, 0x1p-100f).anyTrue()) {
                vA.fma(vsig, vB).mul(vws).intoArray(gArr, gOff + j);
                continue;
            }
            VectorMask<Float> tiny = vsig.compare(LT, 0x1p-60f);
            VectorMask<Float> tinyPos = tiny.and(vsig.compare(GT, 0f));
            VectorMask<Float> product = tinyPos.and(vB.compare(EQ, 0f));
            // ScalarSoftmax.bceTimesTiny's lanes: sigma = e subnormal, B = 0, f = A ws > 1 (above FAR_FACTOR_MAX: twin)
            FloatVector vf = vA.mul(vws);
            VectorMask<Float> farLanes = vsig.compare(LT, Float.MIN_NORMAL).and(vB.compare(EQ, 0f)).and(vf.compare(GT, 1f));
            // and a subnormal B (pw y) beside sigma < 2^-100: the twin's binary64 form
            VectorMask<Float> subB = vB.abs().compare(LT, Float.MIN_NORMAL).and(vB.compare(NE, 0f))
                    .and(vsig.compare(LT, 0x1p-100f));
            if (tinyPos.andNot(product).andNot(vA.abs().compare(LE, vB.abs().mul(0x1p34f)))
                    .or(farLanes.and(vf.compare(GT, FAR_FACTOR_MAX))).or(subB).anyTrue()) {
                for (int q = j; q < j + FL; q++) {
                    float ws = w == null ? sf : w[wo + q] * sf;
                    gArr[gOff + q] = bceGrad(z[zo + q], t[to + q], ws, true, pw[pwo + q], e[q]);
                }
                continue;
            }
            FloatVector vd = vA.fma(vsig.blend(0f, tiny), vB);
            { // A sigma rounded once where product (sigma < 2^-60, normal or not)
                IntVector aAbs = vsig.reinterpretAsInts();
                VectorMask<Float> normal = aAbs.compare(GE, NORMAL_MIN_BITS).cast(F);
                FloatVector a60 = ((FloatVector) aAbs.convert(I2F, 0)).mul(0x1p-89f)
                        .blend(vsig.blend(1f, normal.not()).mul(0x1p60f), normal).blend(1f, tiny.not());
                FloatVector fAbs = vA.abs();
                FloatVector q = a60.mul(fAbs);
                VectorMask<Float> tinyQ = q.compare(LT, 0x1p-66f);
                FloatVector mag = q.blend(0x1p-66f, tinyQ).mul(0x1p-60f).blend(a60.mul(0x1p89f)
                        .fma(fAbs, FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts()
                        .sub(0x4b000000).reinterpretAsFloats(), tinyQ);
                vd = vd.blend(mag.reinterpretAsInts().or(vA.reinterpretAsInts().and(SIGN_BIT_F)).reinterpretAsFloats(),
                        product);
            }
            { // d ws rounded once (the scaled form where |d| < 2^-60)
                IntVector aBits = vd.reinterpretAsInts();
                IntVector aAbs = aBits.and(~SIGN_BIT_F);
                VectorMask<Float> small = aAbs.compare(LT, BCE_SMALL_BITS).cast(F);
                VectorMask<Float> normal = aAbs.compare(GE, NORMAL_MIN_BITS).cast(F);
                FloatVector a60 = ((FloatVector) aAbs.convert(I2F, 0)).mul(0x1p-89f)
                        .blend(aAbs.reinterpretAsFloats().blend(1f, normal.not()).mul(0x1p60f), normal)
                        .blend(1f, small.not());
                FloatVector fAbs = vws.abs();
                FloatVector q = a60.mul(fAbs);
                VectorMask<Float> tinyQ = q.compare(LT, 0x1p-66f);
                FloatVector mag = q.blend(0x1p-66f, tinyQ).mul(0x1p-60f).blend(a60.mul(0x1p89f)
                        .fma(fAbs, FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts()
                        .sub(0x4b000000).reinterpretAsFloats(), tinyQ);
                vd = vd.blend(1f, small).mul(vws).blend(mag.reinterpretAsInts().or(aBits.lanewise(XOR,
                        vws.reinterpretAsInts()).and(SIGN_BIT_F)).reinterpretAsFloats(), small);
            }
            if (farLanes.anyTrue()) { // u f 2^-64 rounded once, u = far (bceExpNegAbs): e 2^64 unrounded
                FloatVector vu = FloatVector.zero(F).blend(FloatVector.fromArray(F, far, j), farLanes);
                FloatVector fv = one.blend(vf, farLanes);
                FloatVector q = vu.mul(fv);
                VectorMask<Float> tinyQ = q.compare(LT, EXP_NEG_U_MIN);
                vd = vd.blend(q.blend(EXP_NEG_U_MIN, tinyQ).mul(EXP_NEG_SCALE_DOWN).blend(vu.fma(fv.mul(EXP_NEG_TO_SUBNORMAL),
                        FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts().sub(0x4b000000).reinterpretAsFloats(), tinyQ),
                        farLanes);
            }
            vd.intoArray(gArr, gOff + j);
        }
    }

    // The target passes of cross-entropy with label smoothing or soft targets, in dot's layout over the full blocks of
    // 16 (partial j % 16, accumulators rotated), the last partial block in the scalar order into the same partials (an
    // absent lane would add m - 0, not 0). They ran as scalar loops before: 3.5 / 8 ns per element at 512 bits.

    @Override
    protected double targetSum(float[] x, int xo, float[] q, int qo, int n, float m, float[] w, float omEps,
                               float epsC) {
        FloatVector vomEps = FloatVector.broadcast(F, omEps), vepsC = FloatVector.broadcast(F, epsC);
        DoubleVector md = DoubleVector.broadcast(D, (double) m);
        DoubleVector dz = DoubleVector.zero(D);
        DoubleVector a0 = dz, a1 = dz, a2 = dz, a3 = dz, a4 = dz, a5 = dz, a6 = dz, a7 = dz, t0, t1;
        int full = n & -PARTIALS;
        for (int j = 0; j < full; j += FL) {
            // a_j as ScalarSoftmax.targetSum takes it, lane by lane; times m - x_j where x is given
            FloatVector va = q != null ? FloatVector.fromArray(F, q, qo + j).fma(vomEps, vepsC) : FloatVector.broadcast(F, 1f);
            if (w != null) va = q != null ? FloatVector.fromArray(F, w, j).mul(va) : FloatVector.fromArray(F, w, j);
            DoubleVector vlo = (DoubleVector) va.convertShape(F2D, D, 0);
            DoubleVector vhi = (DoubleVector) va.convertShape(F2D, D, 1);
            if (x != null) {
                FloatVector vx = FloatVector.fromArray(F, x, xo + j);
                vlo = vlo.mul(md.sub((DoubleVector) vx.convertShape(F2D, D, 0)));
                vhi = vhi.mul(md.sub((DoubleVector) vx.convertShape(F2D, D, 1)));
            }
            a0 = a0.add(vlo);
            a1 = a1.add(vhi);
            if (NACC == 4) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = t0; a3 = t1; }
            if (NACC == 8) { t0 = a0; t1 = a1; a0 = a2; a1 = a3; a2 = a4; a3 = a5; a4 = a6; a5 = a7; a6 = t0; a7 = t1; }
        }
        double[] p = scratch();
        a0.intoArray(p, 0);
        a1.intoArray(p, DL);
        if (NACC >= 4) {
            a2.intoArray(p, 2 * DL);
            a3.intoArray(p, 3 * DL);
        }
        if (NACC == 8) {
            a4.intoArray(p, 4 * DL);
            a5.intoArray(p, 5 * DL);
            a6.intoArray(p, 6 * DL);
            a7.intoArray(p, 7 * DL);
        }
        for (int j = full; j < n; j++) p[j & 15] += targetTerm(x, xo, q, qo, j, m, w, omEps, epsC);
        return tree(p);
    }

    @Override
    protected void softGradRow(float[] grad, int go, float[] q, int qo, int n, float[] w, float omEps, float epsC,
                               float cA, float sf) {
        FloatVector vomEps = FloatVector.broadcast(F, omEps), vepsC = FloatVector.broadcast(F, epsC);
        boolean scaledE = eTimesCaScaled(cA);
        FloatVector vcA = FloatVector.broadcast(F, scaledE ? cA * 0x1p-64f : cA);
        int j = 0;
        for (int bound = F.loopBound(n); j < bound; j += FL) {
            FloatVector vu = FloatVector.fromArray(F, grad, go + j);
            FloatVector va = FloatVector.fromArray(F, q, qo + j).fma(vomEps, vepsC); // softTarget, lane by lane
            if (w != null) va = FloatVector.fromArray(F, w, j).mul(va);
            // e 2^64 (then times cA 2^-64, see ceGradRow), or e = ScalarSoftmax.unscale(u): no subnormal float arithmetic
            VectorMask<Float> vtiny = vu.compare(LT, EXP_NEG_U_MIN);
            IntVector vsubBits = vu.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000);
            FloatVector vg = scaledE ? vu.blend(((FloatVector) vsubBits.convert(I2F, 0)).mul(0x1p-85f), vtiny)
                    : vu.blend(EXP_NEG_U_MIN, vtiny).mul(EXP_NEG_SCALE_DOWN).blend(vsubBits.reinterpretAsFloats(), vtiny);
            vg.fma(vcA, va.mul(sf).neg()).intoArray(grad, go + j);
        }
        for (; j < n; j++) {
            grad[go + j] = Math.fma(unscale(grad[go + j]), cA, -(softTarget(q[qo + j], w, j, omEps, epsC) * sf));
        }
    }

    @Override
    protected void scale(float[] y, int yo, int n, float r) {
        // ScalarSoftmax.scaleDown lane by lane: u r is normal; lanes whose result is subnormal take the integer
        // rounding, and multiply 1 before the 2^-64 (a subnormal product is an x86 assist of ~150 cycles per vector)
        float rSub = r * EXP_NEG_TO_SUBNORMAL;
        int j = 0;
        for (int bound = F.loopBound(n); j < bound; j += FL) {
            FloatVector vu = FloatVector.fromArray(F, y, yo + j);
            FloatVector vpr = vu.mul(r);
            VectorMask<Float> tiny = vpr.compare(LT, EXP_NEG_U_MIN);
            if (!tiny.anyTrue()) {
                vpr.mul(EXP_NEG_SCALE_DOWN).intoArray(y, yo + j);
            } else {
                vpr.blend(1f, tiny).mul(EXP_NEG_SCALE_DOWN).blend(vu.fma(FloatVector.broadcast(F, rSub),
                        FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts().sub(0x4b000000).reinterpretAsFloats(), tiny)
                        .intoArray(y, yo + j);
            }
        }
        for (; j < n; j++) y[yo + j] = scaleDown(y[yo + j], r, rSub);
    }

    @Override
    protected void shiftLog(float[] x, int xo, float[] y, int yo, int n, float m, float lf) {
        int j = 0;
        for (int bound = F.loopBound(n); j < bound; j += FL) {
            FloatVector.fromArray(F, x, xo + j).sub(m).sub(lf).intoArray(y, yo + j);
        }
        for (; j < n; j++) y[yo + j] = (x[xo + j] - m) - lf;
    }

    @Override
    protected void softmaxBackwardRow(float[] y, int yo, float[] g, int go, float[] gi, int gio, int n, float s) {
        int j = 0;
        int bound = F.loopBound(n);
        for (; j < bound; j += FL) {
            FloatVector vy = FloatVector.fromArray(F, y, yo + j);
            // from the first vector with some 0 < y < 2^-60 on (wide rows), the rest of the row takes the scaled form;
            // the test costs 5-15% on ordinary rows (the same kept in dot instead: no less). Negative y, not a softmax
            // output, is not looked for: one operation less, the same bits
            if (vy.reinterpretAsInts().sub(1 + FLIP).compare(LT, SB_Y_MIN_BITS - 1 + FLIP).anyTrue()) break;
            vy.mul(FloatVector.fromArray(F, g, go + j).sub(s)).intoArray(gi, gio + j);
        }
        if (j < bound) softmaxBackwardScaled(y, yo, g, go, gi, gio, j, bound, s);
        for (j = bound; j < n; j++) gi[gio + j] = y[yo + j] * (g[go + j] - s);
    }

    /**
     * softmaxBackwardRow's vectors [from, to), the first with some 0 &lt; y &lt; 2^-60 (rows of wide logits, where most y
     * are subnormal or tiny), in its own compile as logSoftmaxBackwardScaled: gi = y d, d = g - s, rounded once
     * with no subnormal factor or product (N(0,30) rows ran 11x the time). Lanes with |y| &ge; 2^-60 or y = 0 multiply
     * directly (|y d| &ge; 2^-120 or 0 for |d| &ge; 2^-60); the others use Y = |y| 2^149 (the integer significand of a
     * subnormal y, or two exact scalings), exact below 2^89: Y |d| &lt; 2^23 is the subnormal result's pattern,
     * rounded by an fma with 2^23, else round(|y| 2^23 |d|) 2^-23 (Y |d| may overflow); the sign is y's xor d's. Vectors
     * with some 0 &lt; |d| &lt; 2^-60 or NaN d (whose sign the product keeps) take the scalar method.
     */
    private static void softmaxBackwardScaled(float[] y, int yo, float[] g, int go, float[] gi, int gio, int from,
                                              int to, float s) {
        for (int j = from; j < to; j += FL) {
            FloatVector vy = FloatVector.fromArray(F, y, yo + j);
            FloatVector vd = FloatVector.fromArray(F, g, go + j).sub(s);
            IntVector vda = vd.reinterpretAsInts().and(~SIGN_BIT_F);
            if (vda.sub(1 + FLIP).compare(LT, SB_Y_MIN_BITS - 1 + FLIP).or(vda.compare(GT, INF_BITS)).anyTrue()) { // or NaN
                for (int l = j; l < j + FL; l++) gi[gio + l] = y[yo + l] * (g[go + l] - s);
                continue;
            }
            IntVector vyBits = vy.reinterpretAsInts();
            IntVector vya = vyBits.and(~SIGN_BIT_F);
            VectorMask<Float> vsmall = vya.sub(1 + FLIP).compare(LT, SB_Y_MIN_BITS - 1 + FLIP).cast(F);
            VectorMask<Float> vsubn = vya.compare(LT, 0x00800000).cast(F);
            FloatVector vabs = vya.reinterpretAsFloats();
            // Y = |y| 2^149: small normal lanes by two exact scalings, subnormal ones from their bits, others 1
            FloatVector vY = vabs.blend(1f, vsubn.or(vsmall.not())).mul(0x1p75f).mul(0x1p74f)
                    .blend((FloatVector) vya.convert(I2F, 0), vsubn).blend(1f, vsmall.not());
            FloatVector vdAbs = vda.reinterpretAsFloats();
            FloatVector vP = vY.mul(vdAbs);
            VectorMask<Float> vtiny = vP.compare(LT, 0x1p23f);
            FloatVector vintOut = vY.fma(vdAbs, FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts().sub(0x4b000000)
                    .reinterpretAsFloats();
            // not vP 2^-149: vP overflows for |y d| >= 2^-21 (gave inf where the scalar twin gives y d); |y| 2^23 |d| never
            FloatVector vsmallOut = vY.mul(0x1p-126f).mul(vdAbs.blend(0x1p23f, vtiny)).mul(0x1p-23f).blend(vintOut, vtiny)
                    .reinterpretAsInts().or(vyBits.lanewise(XOR, vd.reinterpretAsInts()).and(SIGN_BIT_F)).reinterpretAsFloats();
            vy.blend(0f, vsmall).mul(vd).blend(vsmallOut, vsmall).intoArray(gi, gio + j);
        }
    }

    /** softmaxBackwardRow's direct form: every y zero or |y| &ge; 2^-60 (or NaN, inf); its scaled form: |d| too. */
    private static final int SB_Y_MIN_BITS = Float.floatToRawIntBits(0x1p-60f);

    @Override
    protected void logSoftmaxBackwardRow(float[] o, int oo, float[] g, int go, float[] gi, int gio, int n, float s) {
        int j = 0;
        int bound = F.loopBound(n);
        FloatVector vsum = FloatVector.broadcast(F, s);
        for (; j < bound; j += FL) {
            FloatVector vo = FloatVector.fromArray(F, o, oo + j);
            // from the first vector with some o < -40 on, the rest of the row takes the scaled form (a call in this
            // loop cost its direct vectors 10-20% once taken: vectors saved around it)
            if (vo.compare(LT, LSB_DIRECT_O_MIN).anyTrue()) break;
            // every o >= -40 (or NaN): ScalarMath.exp's general form (two-factor scaling; no low clamp needed),
            // lane by lane, e >= 2^-58 normal; every clamp in this class is a compare + blend (same values, NaN
            // stays): C2 spells Java max/min as several instructions
            FloatVector vxc = vo.blend(EXP_CLAMP_MAX, vo.compare(GT, EXP_CLAMP_MAX));
            FloatVector vnb = vxc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vxc));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            IntVector vni = vnb.reinterpretAsInts().sub(Float.floatToRawIntBits(EXP_MAGIC_F) - 127);
            IntVector vkk = IntVector.zero(I).blend(64, vni.compare(LE, 1)).blend(-1, vni.compare(GE, 255));
            FloatVector vs1 = vni.add(vkk).lanewise(LSHL, 23).reinterpretAsFloats();
            FloatVector vs2 = IntVector.broadcast(I, 127).sub(vkk).lanewise(LSHL, 23).reinterpretAsFloats();
            FloatVector ve = vp.mul(vs1).mul(vs2);
            ve.neg().fma(vsum, FloatVector.fromArray(F, g, go + j)).intoArray(gi, gio + j);
        }
        if (j < bound) logSoftmaxBackwardScaled(o, oo, g, go, gi, gio, j, bound, s);
        for (j = bound; j < n; j++) gi[gio + j] = logSoftmaxGradIn(o[oo + j], s, g[go + j]);
    }

    /**
     * logSoftmaxBackwardRow's vectors [from, to), the first with some o &lt; -40 (wide or masked rows); its own compile
     * (inlined into the row loop it made C2 box vectors after a recompile, -XX:-TieredCompilation -Xbatch: 40 KB per
     * call): e may be subnormal, and e s (g = 0, the NLL case) may round to one; a subnormal factor or product is an Intel assist
     * (N(0,30) rows ran 7.6-13x the time, masked ones 4.6-8.5x). Scaled: u = e 2^64 normal (ScalarSoftmax.expFarScaled:
     * e unrounded where it is subnormal, 0 below lsbScaledOMin(s), so u s is never subnormal), W = fma(-u, s, g 2^64) = V 2^64 rounded once (V = g - e s),
     * the scalar twin's logSoftmaxGradIn, then
     * - g != 0, 2^-60 &lt;= |g| &lt; 2^60, |s| in [2^-60, 2^39]: V = 0 or |V| &ge; 2^-109 (g and e s are multiples of
     *   2^-48 |g| or finer near a cancellation; for o &lt; -87, |e s| &lt; 2^-87), so W 2^-64 is exact;
     * - g = +-0, e &gt; 0, |W| &lt; 2^-62: V is subnormal, its pattern round(e |s| 2^149) by an fma with 2^23, with -s's
     *   sign (u 2^85 &lt; 2^83 is exact); otherwise W 2^-64 again (zeros keep fma's signs: e = 0 gives W = g 2^64).
     * Vectors outside these ranges (o &gt; 0 or NaN, tiny or huge g, s out of range) take the scalar method.
     */
    private static void logSoftmaxBackwardScaled(float[] o, int oo, float[] g, int go, float[] gi, int gio, int from,
                                                 int to, float s) {
        float sa = Math.abs(s);
        boolean sOutOfRange = !(sa >= LSB_SCALED_S_MIN && sa <= FAR_FACTOR_MAX); // NaN too
        float oMin = sOutOfRange ? 0f : lsbScaledOMin(s);
        for (int j = from; j < to; j += FL) {
            FloatVector vo = FloatVector.fromArray(F, o, oo + j);
            FloatVector vg = FloatVector.fromArray(F, g, go + j);
            IntVector vga = vg.reinterpretAsInts().and(~SIGN_BIT_F);
            if (sOutOfRange || !vo.compare(LE, 0f).allTrue() || !vga.compare(EQ, 0)
                    .or(vga.sub(LSB_G_MIN_BITS + FLIP).compare(LT, LSB_G_MAX_BITS - LSB_G_MIN_BITS + FLIP)).allTrue()) {
                for (int l = j; l < j + FL; l++) gi[gio + l] = logSoftmaxGradIn(o[oo + l], s, g[go + l]);
                continue;
            }
            // u = ScalarSoftmax.expFarScaled(o) = p 2^(n+64), o below lsbScaledOMin(s) computed as 0 (e |s| < 2^-150)
            VectorMask<Float> vzero = vo.compare(LT, oMin);
            FloatVector vxc = vo.blend(0f, vzero);
            FloatVector vnb = vxc.fma(LOG2E_F, EXP_MAGIC_F);
            FloatVector vn = vnb.sub(EXP_MAGIC_F);
            FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vxc));
            FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                    .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                    .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
            FloatVector vs1 = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
            FloatVector vu = vp.mul(vs1).blend(0f, vzero);
            FloatVector vw = vu.neg().fma(FloatVector.broadcast(F, s), vg.mul(0x1p64f));
            VectorMask<Float> vtiny = vw.abs().compare(LT, 0x1p-62f).and(vga.compare(EQ, 0).cast(F)).andNot(vzero);
            FloatVector vsubOut = vu.mul(0x1p85f).fma(FloatVector.broadcast(F, sa), FloatVector.broadcast(F, 0x1p23f))
                    .reinterpretAsInts().sub(0x4b000000).or(Float.floatToRawIntBits(-s) & SIGN_BIT_F).reinterpretAsFloats();
            vw.blend(1f, vtiny).mul(0x1p-64f).blend(vsubOut, vtiny).intoArray(gi, gio + j);
        }
    }

    /**
     * ScalarSoftmax.ceGradAbove1 for cA in (1, 2^39]: u (cA 2^-64) rounded once, u as expSum stored it for d &ge; -104
     * and expFarScaled(d) below (vectors with such a lane), 0 under farOMin(cA). Results below 2^-126 (u cA &lt;
     * 2^-62) are rounded as integers, fma(u, cA 2^85, 2^23), and the plain product runs on 1 there: no subnormal
     * factor (u &ge; 2^-88 / cA where nonzero) and no subnormal product, except for u in [thrU, 2^-62 / cA), a window
     * of 1e-5 relative where the plain product may come out subnormal (right, with an Intel assist).
     */
    private static void ceGradAbove1Vectors(float[] x, int xo, float m, float[] g, int go, int n, float cA) {
        float oMin = farOMin(cA, EXP_NEG_MIN);
        float c64 = cA * EXP_NEG_SCALE_DOWN;
        float c85 = cA * 0x1p85f; // at most 2^124
        float thrU = (0x1p-62f / cA) * 0.99999f; // below it u cA < 2^-62 surely: the integer form is exact there
        int j = 0;
        for (int bound = F.loopBound(n); j < bound; j += FL) {
            FloatVector vu = FloatVector.fromArray(F, g, go + j);
            FloatVector vd = FloatVector.fromArray(F, x, xo + j).sub(m);
            VectorMask<Float> far = vd.compare(LT, EXP_NEG_MIN);
            if (far.anyTrue()) {
                // ScalarSoftmax.expFarScaled on d clamped below at oMin (n >= -189: 2^(n+64) normal), 0 under it
                VectorMask<Float> gone = vd.compare(LT, oMin);
                FloatVector vdc = vd.blend(oMin, gone);
                FloatVector vnb = vdc.fma(LOG2E_F, EXP_MAGIC_F);
                FloatVector vn = vnb.sub(EXP_MAGIC_F);
                FloatVector vr = vn.fma(FloatVector.broadcast(F, -LN2_LO_F), vn.fma(FloatVector.broadcast(F, -LN2_HI_F), vdc));
                FloatVector vp = vr.fma(EXP_F_P4, EXP_F_P3).fma(vr, FloatVector.broadcast(F, EXP_F_P2))
                        .fma(vr, FloatVector.broadcast(F, EXP_F_P1)).fma(vr, FloatVector.broadcast(F, EXP_F_P0))
                        .fma(vr, FloatVector.broadcast(F, 1f)).fma(vr, FloatVector.broadcast(F, 1f));
                FloatVector vs1 = vnb.reinterpretAsInts().add(EXP_NEG_SCALE_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
                vu = vu.blend(vp.mul(vs1).blend(0f, gone), far);
            }
            VectorMask<Float> small = vu.compare(LT, thrU);
            FloatVector vres = vu.blend(1f, small).mul(c64);
            if (small.anyTrue()) {
                vres = vres.blend(vu.fma(FloatVector.broadcast(F, c85), FloatVector.broadcast(F, 0x1p23f))
                        .reinterpretAsInts().sub(0x4b000000).reinterpretAsFloats(), small);
            }
            vres.intoArray(g, go + j);
        }
        ceGradAbove1(x, xo, m, g, go, j, n, cA);
    }

    /** logSoftmaxBackwardRow's direct form needs every o at least this (e &ge; 2^-58: e s normal for |s| &ge; 2^-60). */
    private static final float LSB_DIRECT_O_MIN = -40f;
    /** Its scaled form's range of nonzero |g|: [2^-60, 2^60). */
    private static final int LSB_G_MIN_BITS = Float.floatToRawIntBits(0x1p-60f);
    private static final int LSB_G_MAX_BITS = Float.floatToRawIntBits(0x1p60f);

    /**
     * Whether a gradient's e cA is formed as (e 2^64)(cA 2^-64): cA 2^-64 is then exact and normal, so the product
     * has no subnormal factor (e itself may be subnormal on wide rows) and rounds once, as e cA does.
     */
    private static boolean eTimesCaScaled(float cA) {
        return cA >= 0x1p-62f && cA <= 0x1p64f;
    }

    /**
     * Unsmoothed gradients: round(e * cA) for 0 &lt;= e * cA &lt; 2^-126 (e &ge; 0, cA &le; 1) without subnormal float
     * arithmetic: e * 2^149 is exact (integer bits of a subnormal e, or a scaled normal e), and fma(e 2^149, cA, 2^23)
     * rounds e cA 2^149 to an integer with round-to-nearest-even, which is exactly the subnormal's bit pattern.
     */
    @Override
    protected void ceGradRow(float[] x, int xo, float m, float[] g, int go, int n, float cA, boolean smooth,
                             float[] w, float sEps) {
        if (!smooth && cA >= CE_SCALE_MIN && cA <= 1f) { // as the scalar twin
            scale(g, go, n, cA);
            return;
        }
        if (!smooth && cA > 1f) {
            if (cA <= FAR_FACTOR_MAX) ceGradAbove1Vectors(x, xo, m, g, go, n, cA);
            else ceGradAbove1(x, xo, m, g, go, 0, n, cA); // binary64, as the scalar twin
            return;
        }
        int j = 0;
        boolean scaledE = eTimesCaScaled(cA);
        // lanes below thr would give (or are) subnormals: computed as integers, exactly as the multiply rounds
        float thr = cA <= 1f ? (0x1p-126f / cA) * 0.99999f : 0x1p-126f;
        int thrBits = Float.floatToRawIntBits(thr); // e >= +0: integer order is float order
        for (int bound = F.loopBound(n); j < bound; j += FL) {
            FloatVector vu = FloatVector.fromArray(F, g, go + j);
            // e = ScalarSoftmax.unscale(u), as in bceSigmoidSoftplus: no subnormal float arithmetic
            FloatVector vg = vu.blend(EXP_NEG_U_MIN, vu.compare(LT, EXP_NEG_U_MIN)).mul(EXP_NEG_SCALE_DOWN).blend(
                    vu.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts().sub(0x4b000000).reinterpretAsFloats(),
                    vu.compare(LT, EXP_NEG_U_MIN));
            if (!smooth) {
                VectorMask<Float> small = vg.reinterpretAsInts().compare(LT, thrBits).cast(F);
                // below 2^-105 (a label's class weight 0 or tiny), e 2^149 in the integer form could overflow (0 * inf
                // gave garbage where the scalar twin gives 0): the plain product, assists or not; so for a NaN cA (a
                // row with +inf: the integer form's NaN gave 0x1.8p-22 where the scalar twin gives NaN)
                if (!small.anyTrue() || !(cA >= 0x1p-105f && cA <= 1f)) {
                    vg = vg.mul(cA);
                } else {
                    FloatVector vgsub;
                    { // round(vg * cA) for results below 2^-126, as integers (see the note above)
                        IntVector vbits = vg.reinterpretAsInts();
                        VectorMask<Float> sub = vbits.compare(LT, 0x00800000).cast(F);
                        FloatVector vint = (FloatVector) vbits.convert(I2F, 0);
                        FloatVector vsc = vg.blend(Float.MIN_NORMAL, sub).mul(0x1p127f).mul(0x1p22f).blend(vint, sub);
                        vgsub = vsc.fma(FloatVector.broadcast(F, cA), FloatVector.broadcast(F, 0x1p23f)).reinterpretAsInts()
                                .sub(0x4b000000).reinterpretAsFloats();
                    }
                    // small lanes multiply 1 (thr * cA would itself be subnormal: an x86 assist of ~150 cycles per vector)
                    vg = vg.blend(1f, small).mul(cA).blend(vgsub, small);
                }
            } else {
                FloatVector vc = w == null ? FloatVector.broadcast(F, -sEps) : FloatVector.fromArray(F, w, j).mul(sEps).neg();
                // e cA + c with e subnormal (wide rows) as e 2^64 times cA 2^-64: the same exact product, one rounding,
                // no subnormal factor (an assist: smoothed N(0,30) rows ran 4.6x N(0,3)'s time)
                // (e 2^64 = u where e is normal, the integer significand E times 2^-85 where it is subnormal)
                vg = scaledE ? vu.blend(((FloatVector) vu.fma(EXP_NEG_TO_SUBNORMAL, 0x1p23f).reinterpretAsInts()
                                .sub(0x4b000000).convert(I2F, 0)).mul(0x1p-85f), vu.compare(LT, EXP_NEG_U_MIN))
                        .fma(FloatVector.broadcast(F, cA * 0x1p-64f), vc)
                        : vg.fma(FloatVector.broadcast(F, cA), vc);
            }
            vg.intoArray(g, go + j);
        }
        for (; j < n; j++) {
            float e = unscale(g[go + j]);
            g[go + j] = !smooth ? e * cA : w == null ? Math.fma(e, cA, -sEps) : Math.fma(e, cA, -(w[j] * sEps));
        }
    }

}
