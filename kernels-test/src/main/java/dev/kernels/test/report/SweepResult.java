package dev.kernels.test.report;

/** What one sweep of one kernel measured. NaN/infinite errors are counted as special mismatches, not in max/mean. */
public record SweepResult(
        String name,
        String implementation,
        int vectorBits,
        String mode,
        long count,
        double bound,
        double maxUlp,
        float worstInput,
        int worstPass,
        double meanUlp,
        long countAbove0_5,
        long countAbove1,
        long countAbove2,
        long specialMismatches,
        float firstSpecialInput,
        String digest,
        double seconds) {

    public boolean withinBound() {
        return specialMismatches == 0 && maxUlp <= bound;
    }
}
