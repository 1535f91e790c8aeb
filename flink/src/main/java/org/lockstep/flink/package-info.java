/**
 * The streaming job: thin Flink operators (DataStream API, event time) around {@code org.lockstep.core.stream},
 * in the style of Flink's own examples. {@link org.lockstep.flink.StreamJob} wires them; the embedded
 * default runs it in-process ({@code lockstep stream}); {@link org.lockstep.flink.JobMain} is the entry
 * point of the job jar for {@code flink run}.
 */
package org.lockstep.flink;
