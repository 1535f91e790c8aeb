package org.lockstep.core.campaigns;

import java.util.List;
import java.util.Map;

/**
 * One bursting entity and everything that explains it. Times are UTC ms; {@code firstFlaggedAt} is null
 * (Long) when the entity burst but its manipulation score never reached the threshold.
 *
 * @param score manipulation score over the whole episode (0..1), the sum of {@link Profile#parts()}
 * @param scoreAtFlag manipulation score of the window in which it was flagged (NaN when not flagged)
 * @param firstFlaggedAt earliest data time at which the online detector flagged it
 * @param firstBurstAt earliest data time at which any scale burst
 * @param firstBurstScaleMs the scale that burst first
 */
public record Campaign(int entityId, String entity, EntityType type, boolean flagged, double score, double scoreAtFlag,
                       Long firstFlaggedAt, long firstBurstAt, long firstBurstScaleMs, long episodeStart,
                       long episodeEnd, List<ScaleBurst> bursts, Profile profile, LanguageShift languageShift,
                       Origin origin, Cascade cascade, List<Bridge> bridges, Timeline timeline, BotSlayer botSlayer) {

    /** Peak of one scale: the highest z and its window count and expected count, at {@code at}. */
    public record ScaleBurst(long scaleMs, double peakZ, int peakCount, double expected, long at, Long firstAt) {}

    /**
     * One indicator of the manipulation score: its share, effective weight (after leaving out what was not
     * measured) and contribution {@code share × weight}; {@code measured} is false when its input was missing.
     */
    public record Part(String indicator, boolean measured, double share, double weight, double contribution) {}

    /**
     * The amplification profile of the episode.
     *
     * @param growth posts in the peak 5-minute window divided by posts in the 5 minutes before it, +1 smoothed
     * @param top1PercentShare share of posts by the most active 1% of accounts (at least one account)
     * @param top10Share share of posts by the 10 most active accounts
     */
    public record Profile(int posts, int accounts, double postsPerHourPeak, double growth, double newAccountShare,
                          double hyperactiveShare, double coordinatedShare, double inauthenticShare,
                          double creationBatchShare, double repostShare, double quoteShare, double repetition,
                          double top1PercentShare, double top10Share, Map<String, Integer> languages,
                          List<Part> parts) {}

    /** Language mix early (first quarter of posts) and late (last half) and the language that grew most. */
    public record LanguageShift(boolean shifted, String from, String to, Long at, double distance,
                                Map<String, Double> early, Map<String, Double> late) {}

    /** An account in order of its first post in the episode. */
    public record Spreader(String accountId, String handle, long at, String kind, String lang, String postId) {}

    /**
     * Patient zero and the first spreaders; the first amplified sources (accounts whose posts in the episode
     * were reposted or quoted by at least two others, in order of their first post: the seeding accounts
     * rather than the fastest amplifiers); amplification (repost/quote) counts after the first post.
     */
    public record Origin(List<Spreader> firstSpreaders, List<Source> sources, int amplifiedWithin1Min,
                         int amplifiedWithin5Min, int amplifiedWithin15Min, int amplifiedWithin30Min,
                         Double medianDelayFirst10Sec) {}

    /** An amplified source: its first post in the episode and how many distinct accounts amplified it. */
    public record Source(String accountId, String handle, long at, String lang, int amplifiers) {}

    /** Who amplified whom: edge from the amplified account to the amplifier, at the first time it happened. */
    public record Edge(String from, String to, long at, String kind) {}

    public record Amplified(String accountId, String handle, int amplifiers) {}

    /** The repost/quote cascade; edges are each amplifier's first amplification, earliest first, capped. */
    public record Cascade(int edgesTotal, List<Edge> edges, List<Amplified> topAmplified) {}

    /**
     * An account that carried the entity across languages or communities. {@code role} "source" = its
     * posts were amplified by accounts writing in another language (or another group); "relay" = it
     * amplified posts in one language and wrote its own posts in another.
     */
    public record Bridge(String accountId, String handle, String role, String fromLang, String toLang, int count,
                         int fromGroup, int toGroup) {}

    /** Posts per bin over the episode, and per language for the top languages. */
    public record Timeline(long start, long binMs, int[] counts, Map<String, int[]> byLanguage) {}

    /**
     * BotSlayer-CE's "BS level" (Hui et al. 2019) for the 4-hour window ending at the campaign's 4-hour peak,
     * ranked among all entities active in that window; NaN-free: null fields when not computed.
     */
    public record BotSlayer(double bsLevel, double trend, double botness, int tweets, int accounts, long windowEnd,
                            int entitiesRanked) {}
}
