import dev.kernels.test.ActivationOracle;
import dev.kernels.test.Ulp;

/**
 * Prototype of a binary32 gelu for |x| in [2^-30, 10] (reports/design-gelu-binary32.md), not part of the library: its
 * error against the float64 oracle over every step-th float of that range. Coefficients from tools/gelu_h_pieces.py (section 2).
 * <pre>
 * javac -cp kernels-test/target/classes:kernels/target/classes -d /tmp/gp tools/GeluBinary32Probe.java
 * java -cp /tmp/gp:kernels-test/target/classes:kernels/target/classes GeluBinary32Probe plain|pair 97
 * </pre>
 */
public class GeluBinary32Probe {
    static final float[] GC = {0x0p+0f, 0x1.4p+0f, 0x1.cp+0f, 0x1.4p+1f, 0x1.cp+1f, 0x1.4p+2f, 0x1.cp+2f, 0x1.2p+3f};
    static final float[] GH = {0x1p-1f, 0x1.d898dep-3f, 0x1.7b5abep-3f, 0x1.217252p-3f, 0x1.b396fap-4f, 0x1.3b0fbcp-4f, 0x1.c9e12p-5f, 0x1.66ccb8p-5f};
    static final float[][] GR = {
        {-0x1.98844ap-2f, 0x1.fffddcp-3f, -0x1.104198p-3f, 0x1.fe237cp-5f, -0x1.a8955p-6f, 0x1.2cc0f2p-7f, -0x1.3b6844p-9f, 0x1.5c1214p-12f},
        {-0x1.c49322p-4f, 0x1.7b79f2p-5f, -0x1.1f33cap-6f, 0x1.8fb8c4p-8f, -0x1.03b88ap-9f, 0x1.6384cap-11f, -0x1.5a963p-13f, -0x1.f13da4p-12f},
        {-0x1.3253b6p-4f, 0x1.bd4088p-6f, -0x1.29655ep-7f, 0x1.7be428p-9f, -0x1.ad5374p-11f, -0x1.64e83p-10f, -0x1.098b7ap-13f, 0x1.7357dap-7f},
        {-0x1.75ab64p-5f, 0x1.bf3a42p-7f, -0x1.f6277p-9f, 0x1.0a7832p-10f, -0x1.0ddf5ep-12f, 0x1.1e05c2p-14f, -0x1.f3014p-17f, -0x1.db9e64p-18f},
        {-0x1.b6038ap-6f, 0x1.a29e62p-8f, -0x1.7e82eap-10f, 0x1.50477cp-12f, -0x1.1bb08ep-14f, 0x1.6ecd16p-17f, -0x1.8d77c4p-19f, 0x1.80fe46p-18f},
        {-0x1.d614eap-7f, 0x1.542bc4p-9f, -0x1.dea8d2p-12f, 0x1.478b88p-14f, -0x1.b63d5p-17f, 0x1.34d9d6p-19f, -0x1.859304p-22f, -0x1.27d4eep-26f},
        {-0x1.f7d59ep-8f, 0x1.1064fp-10f, -0x1.21a5bp-13f, 0x1.2dcba6p-16f, -0x1.388cf6p-19f, 0x1.af3c04p-22f, -0x1.40ab62p-25f, -0x1.6cccdap-25f},
        {-0x1.378124p-8f, 0x1.0b6d2p-11f, -0x1.c636dp-15f, 0x1.7f5596p-18f, -0x1.3ea7f6p-21f, 0x1.ec321ap-26f, -0x1.63ff52p-28f, 0x1.0062f2p-26f},
    };
    static final float LOG2E_F = 0x1.715476p+0f, EXP_MAGIC_F = 0x1.8000fep23f, LN2_HI_F = 0x1.62e4p-1f,
            LN2_LO_F = 0x1.7f7d1cp-20f, P0 = 0x1.fffffcp-2f, P1 = 0x1.555492p-3f, P2 = 0x1.5558aap-5f,
            P3 = 0x1.12396cp-7f, P4 = 0x1.6a5228p-10f;

    static float gelu32(float x, boolean pairH) {
        float a = Math.abs(x);
        int k = Math.max(0, Math.min(7, (Float.floatToRawIntBits(a) >> 22) - 253));
        float v = a - GC[k];
        float[] r = GR[k];
        float R = r[7];
        for (int j = 6; j >= 0; j--) R = Math.fma(R, v, r[j]);
        float s = a * a, sl = Math.fma(a, a, -s);
        float dh = -0.5f * s, dl = -0.5f * sl;
        float nb = Math.fma(dh, LOG2E_F, EXP_MAGIC_F);
        float n = nb - EXP_MAGIC_F;
        float rr = Math.fma(n, -LN2_HI_F, dh) + Math.fma(n, -LN2_LO_F, dl);
        float poly = Math.fma(Math.fma(Math.fma(Math.fma(P4, rr, P3), rr, P2), rr, P1), rr, P0);
        float c = Math.fma(rr * rr, poly, rr); // e^r = 1 + c
        float scale = Float.intBitsToFloat(Float.floatToRawIntBits(nb) << 23); // 2^n
        float th, tl;
        if (!pairH) {
            float h = Math.fma(v, R, GH[k]);
            th = a * h;
            tl = Math.fma(a, h, -th);
        } else { // a (hk + v R): a hk split exactly, a (v R) rounded into the tail
            float u = v * R;
            th = a * GH[k];
            tl = Math.fma(a, GH[k], -th) + a * u; // not exact: a u is up to 30% of a hk
            float t2 = th + tl;
            tl = tl - (t2 - th);
            th = t2;
        }
        float z = Math.fma(th, c, Math.fma(tl, c, tl));
        if (x < 0) return -((th + z) * scale);
        float w = th * scale, w2 = z * scale;
        float sd = a - w;
        float err = (a - sd) - w;
        return sd + (err - w2);
    }

    public static void main(String[] args) {
        boolean pairH = args.length > 0 && args[0].equals("pair");
        double worst = 0; float worstX = 0; long above1 = 0, above05 = 0, count = 0;
        int lo = Float.floatToRawIntBits(0x1p-30f), hi = Float.floatToRawIntBits(10f);
        int step = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int b = lo; b <= hi; b += step) {
            for (int sgn = 0; sgn < 2; sgn++) {
                float x = Float.intBitsToFloat(b | (sgn << 31));
                double e = Ulp.error(gelu32(x, pairH), ActivationOracle.gelu(x));
                count++;
                if (e > 1) above1++;
                if (e > 0.5) above05++;
                if (e > worst) { worst = e; worstX = x; }
            }
        }
        System.out.printf("pairH=%s step=%d: %d inputs, max %.4f ULP at x=%s (%s), above 0.5: %d, above 1: %d%n", pairH, step,
                count, worst, worstX, Float.toHexString(worstX), above05, above1);
    }
}
