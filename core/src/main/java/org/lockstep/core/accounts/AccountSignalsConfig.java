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

    public static AccountSignalsConfig defaults() {
        return new AccountSignalsConfig(90, 10 * 60_000L, 5, 0.5, 3.0, 72, 5_000L, 3, 500, LogisticModel.defaults());
    }

    public AccountSignalsConfig withModel(LogisticModel m) {
        return new AccountSignalsConfig(youngDays, batchGapMs, batchMinSize, actTogetherShare, actTogetherLift,
                hyperactivePerDay, burstGapMs, minReuse, maxReuse, m);
    }
}
