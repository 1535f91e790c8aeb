package org.lockstep.io.store;

import java.util.Set;
import org.lockstep.core.model.Platform;

/**
 * Which posts to load from a case database: a time range [fromMs, toMs) in UTC ms (null for open) and
 * the platforms (empty for all).
 */
public record PostFilter(Long fromMs, Long toMs, Set<Platform> platforms) {
    public static final PostFilter ALL = new PostFilter(null, null, Set.of());

    public PostFilter {
        platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
    }
}
