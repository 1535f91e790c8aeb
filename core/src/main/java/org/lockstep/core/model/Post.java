package org.lockstep.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One post of any platform, as a reader produced it. Times are UTC milliseconds since the epoch.
 * Lists are never null; strings other than {@code id} and {@code accountId} may be null.
 *
 * <p>A post may be a reply and a quote at once, so the three references are separate;
 * {@link #kind()} names the strongest (repost, then quote, then reply).
 */
public record Post(
        Platform platform,
        String id,
        String accountId,
        String handle,
        long timeMs,
        PostKind kind,
        String text,
        String lang,
        PostRef repostOf,
        PostRef replyTo,
        PostRef quoteOf,
        List<String> urls,
        List<String> hashtags,
        List<String> mentions,
        List<Media> media,
        AccountSnapshot account) {

    public Post {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
        urls = urls == null ? List.of() : urls;
        hashtags = hashtags == null ? List.of() : hashtags;
        mentions = mentions == null ? List.of() : mentions;
        media = media == null ? List.of() : media;
    }

    /**
     * True when the repost, quote or reply target was derived by the reader rather than named by the
     * source ({@link PostRef#derived()}).
     */
    public boolean derivedRef() {
        return repostOf != null && repostOf.derived() || quoteOf != null && quoteOf.derived()
                || replyTo != null && replyTo.derived();
    }

    public static Builder builder(Platform platform) {
        return new Builder(platform);
    }

    /** Mutable builder used by readers; {@link #build()} derives the kind from the references if unset. */
    public static final class Builder {
        private final Platform platform;
        private String id;
        private String accountId;
        private String handle;
        private long timeMs = Long.MIN_VALUE;
        private PostKind kind;
        private String text;
        private String lang;
        private PostRef repostOf;
        private PostRef replyTo;
        private PostRef quoteOf;
        private List<String> urls = List.of();
        private List<String> hashtags = List.of();
        private List<String> mentions = List.of();
        private List<Media> media = List.of();
        private AccountSnapshot account;

        private Builder(Platform platform) {
            this.platform = platform;
        }

        public Builder id(String v) { this.id = v; return this; }
        public Builder accountId(String v) { this.accountId = v; return this; }
        public Builder handle(String v) { this.handle = v; return this; }
        public Builder timeMs(long v) { this.timeMs = v; return this; }
        public Builder kind(PostKind v) { this.kind = v; return this; }
        public Builder text(String v) { this.text = v; return this; }
        public Builder lang(String v) { this.lang = v; return this; }
        public Builder repostOf(PostRef v) { this.repostOf = v; return this; }
        public Builder replyTo(PostRef v) { this.replyTo = v; return this; }
        public Builder quoteOf(PostRef v) { this.quoteOf = v; return this; }
        public Builder urls(List<String> v) { this.urls = v; return this; }
        public Builder hashtags(List<String> v) { this.hashtags = v; return this; }
        public Builder mentions(List<String> v) { this.mentions = v; return this; }
        public Builder media(List<Media> v) { this.media = v; return this; }
        public Builder account(AccountSnapshot v) { this.account = v; return this; }

        public String id() { return id; }
        public String accountId() { return accountId; }
        public long timeMs() { return timeMs; }

        /**
         * @throws InvalidPostException when a required field (id, account, time) is missing
         */
        public Post build() {
            if (id == null || id.isEmpty()) throw new InvalidPostException("missing post id");
            if (accountId == null || accountId.isEmpty()) throw new InvalidPostException("missing account id");
            if (timeMs == Long.MIN_VALUE) throw new InvalidPostException("missing time");
            PostKind k = kind;
            if (k == null) {
                k = repostOf != null ? PostKind.REPOST
                        : quoteOf != null ? PostKind.QUOTE
                        : replyTo != null ? PostKind.REPLY : PostKind.POST;
            }
            return new Post(platform, id, accountId, handle, timeMs, k, text, lang, repostOf, replyTo, quoteOf,
                    urls, hashtags, mentions, media, account);
        }
    }
}
