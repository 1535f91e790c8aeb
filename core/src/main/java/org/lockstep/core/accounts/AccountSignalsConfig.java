package org.lockstep.core.accounts;

/**
 * Parameters of {@link AccountSignals}; {@link #defaults()} documents the defaults.
 *
 * @param youngDays accounts younger than this at their first post get a {@code YOUNG_ACCOUNT} value above 0
 * @param batchGapMs largest gap between consecutive creation times inside a batch (also capped at a tenth
 *                   of the mean gap between all creation times, so dense populations do not chain up)
 * @param batchMinSize smallest batch
 * @param actTogetherShare share of batch members that must use one object (or be in one group)
 * @param actTogetherLift how much more than all accounts the members must use that object
 * @param hyperactivePerDay posts per day above which an account is hyperactive
 * @param burstGapMs gaps up to this count as burst posting
 * @param minReuse a display name, bio or avatar used by at least this many accounts counts as reused
 * @param maxReuse ... and at most this many (more is a generic value such as a default avatar)
 */
public record AccountSignalsConfig(double youngDays, long batchGapMs, int batchMinSize, double actTogetherShare,
                                   double actTogetherLift, double hyperactivePerDay, long burstGapMs, int minReuse,
                                   int maxReuse, LogisticModel model) {

    public AccountSignalsConfig {
        if (!(youngDays >= 0)) throw new IllegalArgumentException("youngDays must be ≥ 0: " + youngDays);
        if (batchGapMs <= 0) throw new IllegalArgumentException("batchGapMs must be positive: " + batchGapMs);
        if (batchMinSize < 2) throw new IllegalArgumentException("batchMinSize must be ≥ 2: " + batchMinSize);
        if (!(actTogetherShare > 0 && actTogetherShare <= 1)) throw new IllegalArgumentException("actTogetherShare must be in (0, 1]: " + actTogetherShare);
        if (!(actTogetherLift >= 1) || Double.isInfinite(actTogetherLift)) throw new IllegalArgumentException("actTogetherLift must be ≥ 1: " + actTogetherLift);
        if (!(hyperactivePerDay > 0)) throw new IllegalArgumentException("hyperactivePerDay must be positive: " + hyperactivePerDay);
        if (burstGapMs <= 0) throw new IllegalArgumentException("burstGapMs must be positive: " + burstGapMs);
        if (minReuse < 2 || maxReuse < minReuse) throw new IllegalArgumentException("need 2 ≤ minReuse ≤ maxReuse: " + minReuse + ", " + maxReuse);
        if (model == null) throw new IllegalArgumentException("model is required");
    }

    /** The defaults, documented on the record's components. */
    public static AccountSignalsConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults; set what differs, then {@link Builder#build()} validates. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder().youngDays(youngDays).batchGapMs(batchGapMs).batchMinSize(batchMinSize)
                .actTogetherShare(actTogetherShare).actTogetherLift(actTogetherLift).hyperactivePerDay(hyperactivePerDay)
                .burstGapMs(burstGapMs).reuse(minReuse, maxReuse).model(model);
    }

    public AccountSignalsConfig withModel(LogisticModel m) {
        return toBuilder().model(m).build();
    }

    /** Builds an {@link AccountSignalsConfig}; the defaults live here and only here. Not thread-safe. */
    public static final class Builder {
        private double youngDays = 90, actTogetherShare = 0.5, actTogetherLift = 3.0, hyperactivePerDay = 72;
        private long batchGapMs = 10 * 60_000L, burstGapMs = 5_000L;
        private int batchMinSize = 5, minReuse = 3, maxReuse = 500;
        private LogisticModel model = LogisticModel.defaults();

        private Builder() {}

        public Builder youngDays(double v) { youngDays = v; return this; }
        public Builder batchGapMs(long v) { batchGapMs = v; return this; }
        public Builder batchMinSize(int v) { batchMinSize = v; return this; }
        public Builder actTogetherShare(double v) { actTogetherShare = v; return this; }
        public Builder actTogetherLift(double v) { actTogetherLift = v; return this; }
        public Builder hyperactivePerDay(double v) { hyperactivePerDay = v; return this; }
        public Builder burstGapMs(long v) { burstGapMs = v; return this; }
        /** A value shared by at least {@code min} and at most {@code max} accounts counts as reused. */
        public Builder reuse(int min, int max) { minReuse = min; maxReuse = max; return this; }
        public Builder model(LogisticModel v) { model = v; return this; }

        /** The config; throws {@link IllegalArgumentException} naming the first invalid parameter. */
        public AccountSignalsConfig build() {
            return new AccountSignalsConfig(youngDays, batchGapMs, batchMinSize, actTogetherShare, actTogetherLift,
                    hyperactivePerDay, burstGapMs, minReuse, maxReuse, model);
        }
    }
}
