/**
 * One analysis over a post table: coordination, then campaigns and account signals reusing the
 * coordination groups in memory ({@link org.lockstep.core.analysis.Analysis#run}). Front ends (the command
 * line, the web workbench, a streaming job) call this instead of chaining commands through files.
 */
package org.lockstep.core.analysis;
