package org.systemarena.eval.simulation;

/**
 * How long a case runs and how often it is checked in on. A case ends at its {@code maxCheckIns}-th check-in or when
 * the next one would fall after {@code days} days (whichever comes first), if a conversion, a drop-out or a cold lead
 * has not ended it before.
 *
 * <p>Gaps between check-ins are uniform in [{@code minGapDays}, {@code maxGapDays}]. {@code effectPerCheckIn}
 * scales each check-in's conversion and drop-out chances: when a case is touched many times, each touch must matter
 * less, or nearly every lead would convert or drop out after a few check-ins.
 */
public record Horizon(int maxCheckIns, double days, double minGapDays, double maxGapDays, double effectPerCheckIn) {
    /** At most three check-ins; with gaps of at most a week the 30 days never bind. */
    public static final Horizon THREE_CHECK_INS = new Horizon(3, 30.0, 1.0, 7.0, 1.0);
    /**
     * Check-ins every one to five days for 30 days, about 8 per case; the check-in cap is only a safety net, the days
     * bind first.
     */
    public static final Horizon THIRTY_DAYS = new Horizon(100, 30.0, 1.0, 5.0, 0.40);

    public Horizon {
        if (maxCheckIns < 1) {
            throw new IllegalArgumentException("maxCheckIns must be at least 1, got " + maxCheckIns);
        }
        if (!(days > 0.0) || !(minGapDays > 0.0) || !(maxGapDays >= minGapDays)) {
            throw new IllegalArgumentException("need days > 0 and 0 < minGapDays <= maxGapDays, got " + days + ", "
                    + minGapDays + ", " + maxGapDays);
        }
        if (!(effectPerCheckIn > 0.0 && effectPerCheckIn <= 1.0)) {
            throw new IllegalArgumentException("effectPerCheckIn must be in (0, 1], got " + effectPerCheckIn);
        }
    }
}
