package org.lockstep.sim;

import java.util.Map;

/**
 * What a simulation wrote.
 *
 * @param posts posts written in total
 * @param organicPosts posts by organic accounts
 * @param operationPosts posts per operation, keyed by operation id (e.g. {@code op2-hack_and_leak}), in label order
 * @param accounts accounts in the population
 * @param startMs scenario start (UTC ms)
 * @param endMs scenario end, exclusive (UTC ms)
 */
public record SimResult(long posts, long organicPosts, Map<String, Long> operationPosts, int accounts, long startMs,
        long endMs) {
}
