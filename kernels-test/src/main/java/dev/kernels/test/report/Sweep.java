package dev.kernels.test.report;

import dev.kernels.KernelInfo;
import dev.kernels.test.Ulp;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sweeps a kernel over every float (exhaustive: all 2^32 bit patterns, in order) or over N seeded random bit
 * patterns, through the public API in chunks of 2^16, and compares each output with the binary64 oracle.
 *
 * <p>The digest is a SHA-256 over the per-chunk 64-bit hashes of the output bits (NaNs canonicalised) taken in input
 * order, so it does not depend on the thread count: equal digests mean bit-identical outputs for every input.
 */
public final class Sweep {
    static final int CHUNK = 1 << 16;
    /** Appended to the mode of a NaN-interleaved sweep: the same inputs, fed in another arrangement. */
    static final String INTERLEAVED = ", NaN-interleaved";

    private final int threads;
    private final PrintStream progress;
    private final boolean interleaveNaN;

    public Sweep(int threads, PrintStream progressOrNull) {
        this(threads, progressOrNull, false);
    }

    /**
     * interleaveNaN: each input goes to the kernel with a NaN after it (x[2i] = input i, x[2i + 1] = NaN, y[2i] kept),
     * so that every vector holds a NaN lane and takes its kernel's general body: the whole-vector fast paths test for
     * finite lanes in a range, and in input order almost every vector of an exhaustive sweep passes that test. The
     * same digests with and without it mean both bodies give the same bits for every input.
     */
    public Sweep(int threads, PrintStream progressOrNull, boolean interleaveNaN) {
        this.threads = Math.max(1, threads);
        this.progress = progressOrNull;
        this.interleaveNaN = interleaveNaN;
    }

    /** The input of sample {@code index}: all bit patterns in order, or a counter-based hash of (seed, index). */
    static int inputBits(boolean exhaustive, long seed, long index) {
        if (exhaustive) return (int) index;
        long z = seed + index * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }

    private static final class Stats {
        double max = -1;
        long maxIndex = Long.MAX_VALUE;
        int maxPass;
        double sum;
        long finite;
        long above05, above1, above2, special;
        long firstSpecialIndex = Long.MAX_VALUE;
        int firstSpecialBits;
        int maxBits;

        void merge(Stats o) {
            if (o.max > max || (o.max == max && o.maxIndex < maxIndex)) {
                max = o.max;
                maxIndex = o.maxIndex;
                maxPass = o.maxPass;
                maxBits = o.maxBits;
            }
            sum += o.sum;
            finite += o.finite;
            above05 += o.above05;
            above1 += o.above1;
            above2 += o.above2;
            special += o.special;
            if (o.firstSpecialIndex < firstSpecialIndex) {
                firstSpecialIndex = o.firstSpecialIndex;
                firstSpecialBits = o.firstSpecialBits;
            }
        }
    }

    public SweepResult run(SweepKernel kernel, boolean exhaustive, long samples, long seed) throws InterruptedException {
        long perPass = exhaustive ? 1L << 32 : samples;
        int passes = kernel.passes();
        long chunksPerPass = (perPass + CHUNK - 1) / CHUNK;
        long totalChunks = chunksPerPass * passes;
        long[] chunkHash = new long[Math.toIntExact(totalChunks)];
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Stats[] perThread = new Stats[threads];
        Throwable[] failure = new Throwable[1];
        long t0 = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            Stats st = perThread[t] = new Stats();
            workers[t] = new Thread(() -> {
                float[] x = new float[CHUNK];
                float[] y = new float[CHUNK];
                float[] x2 = interleaveNaN ? new float[2 * CHUNK] : null;
                float[] y2 = interleaveNaN ? new float[2 * CHUNK] : null;
                try {
                    for (long c; (c = next.getAndIncrement()) < totalChunks; ) {
                        int pass = (int) (c / chunksPerPass);
                        long first = (c % chunksPerPass) * CHUNK;
                        int n = (int) Math.min(CHUNK, perPass - first);
                        for (int i = 0; i < n; i++) x[i] = Float.intBitsToFloat(inputBits(exhaustive, seed, first + i));
                        if (interleaveNaN) {
                            for (int i = 0; i < n; i++) {
                                x2[2 * i] = x[i];
                                x2[2 * i + 1] = Float.NaN;
                            }
                            kernel.compute(pass, x2, y2, 2 * n);
                            for (int i = 0; i < n; i++) y[i] = y2[2 * i];
                        } else {
                            kernel.compute(pass, x, y, n);
                        }
                        long h = 0x6A09E667F3BCC909L ^ c;
                        for (int i = 0; i < n; i++) {
                            int bits = Float.floatToIntBits(y[i]);
                            h = (h ^ (bits & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
                            h ^= h >>> 29;
                            double v = kernel.exact(pass, x[i]);
                            double e = kernel.checkZeroSign() ? Ulp.error(y[i], v) : Ulp.errorIgnoringZeroSign(y[i], v);
                            long index = c * CHUNK + i;
                            if (e == Double.POSITIVE_INFINITY) {
                                st.special++;
                                if (index < st.firstSpecialIndex) {
                                    st.firstSpecialIndex = index;
                                    st.firstSpecialBits = Float.floatToRawIntBits(x[i]);
                                }
                                continue;
                            }
                            st.finite++;
                            st.sum += e;
                            if (e > 0.5) {
                                st.above05++;
                                if (e > 1) {
                                    st.above1++;
                                    if (e > 2) st.above2++;
                                }
                            }
                            if (e > st.max || (e == st.max && index < st.maxIndex)) {
                                st.max = e;
                                st.maxIndex = index;
                                st.maxPass = pass;
                                st.maxBits = Float.floatToRawIntBits(x[i]);
                            }
                        }
                        chunkHash[(int) c] = h;
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                    next.set(totalChunks);
                }
            }, "ulp-sweep-" + t);
            workers[t].start();
        }
        long lastPrint = System.nanoTime();
        for (Thread w : workers) {
            while (w.isAlive()) {
                w.join(500);
                if (progress != null && System.nanoTime() - lastPrint > 5_000_000_000L) {
                    lastPrint = System.nanoTime();
                    double max = 0;
                    for (Stats s : perThread) max = Math.max(max, s.max); // racy read: progress only
                    progress.printf("  %-20s %5.1f%%  max so far %.4f ULP  %.0f s%n", kernel.name(),
                            100.0 * done.get() / totalChunks, max, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        if (failure[0] != null) throw new IllegalStateException("sweep of " + kernel.name() + " failed", failure[0]);
        Stats all = new Stats();
        for (Stats s : perThread) all.merge(s);
        String mode = exhaustive ? "exhaustive" : "samples " + samples + " seed " + seed;
        if (kernel.modeNote() != null) mode += ", " + kernel.modeNote();
        if (interleaveNaN) mode += INTERLEAVED;
        return new SweepResult(kernel.name(), KernelInfo.implementation(), KernelInfo.vectorBitSize(), mode,
                perPass * passes, kernel.bound(), Math.max(all.max, 0), Float.intBitsToFloat(all.maxBits), all.maxPass,
                all.finite == 0 ? 0 : all.sum / all.finite, all.above05, all.above1, all.above2, all.special,
                Float.intBitsToFloat(all.firstSpecialBits), digest(chunkHash), (System.nanoTime() - t0) / 1e9);
    }

    static String digest(long[] chunkHash) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(8);
            for (long h : chunkHash) {
                b.clear();
                md.update(b.putLong(h).array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
