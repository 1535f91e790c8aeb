/**
 * Running a few jobs on their own threads where any failure, an Error included, fails the whole call.
 */
package org.lockstep.core.concurrent;
