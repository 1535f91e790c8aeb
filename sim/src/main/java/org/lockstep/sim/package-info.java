/**
 * Scenario simulator: a realistic synthetic social-media stream (Twitter v1.1 JSON or the
 * coordination network toolkit's CSV) with planted influence operations and their ground truth.
 *
 * <p>Entry point: {@link org.lockstep.sim.Simulator#run}. Posts are generated in time order by
 * merging time-ordered sources (organic account groups, hyperactive accounts, one per operation),
 * so memory does not grow with the number of posts; a seed fixes every byte of the output.
 * See {@code docs/simulator.md} for the formats and the labels.
 */
package org.lockstep.sim;
