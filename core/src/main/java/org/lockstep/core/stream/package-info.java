/**
 * Streaming, per record: the logic a stream processor (the {@code flink} module) wraps in thin operators,
 * with no stream-processor import. {@link org.lockstep.core.stream.ObjectPairer} pairs the actions on one
 * object exactly as the batch kernel does (same window, same viral bound); {@link
 * org.lockstep.core.stream.PairEpisodes} counts a pair's episodes; {@link org.lockstep.core.stream.Horizon}
 * keeps the posts of the horizon and turns them into the same {@code PostTable} batch reads, so the
 * periodic evaluation ({@link org.lockstep.core.stream.StreamEvaluator}) runs the batch stages unchanged;
 * {@link org.lockstep.core.stream.AlertTracker} turns successive results into alerts with stable ids.
 */
package org.lockstep.core.stream;
