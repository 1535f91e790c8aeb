package org.lockstep.flink;

import java.io.Serializable;
import org.lockstep.core.stream.StreamEvaluator;

/**
 * Receives the final network at the end of a bounded input (in the evaluator's task): the embedded
 * {@code lockstep stream} writes it in the same files as {@code lockstep detect}.
 */
public interface Finisher extends Serializable {
    /** What the stream saw: posts in the final horizon, late posts not analysed, evaluations run. */
    record Counts(long posts, long late, long evaluations, long coordinationRuns, long campaignRuns, long tableMs,
                  long coordinationMs, long campaignMs) implements Serializable {}

    void finish(StreamEvaluator.Final result, Counts counts) throws Exception;
}
