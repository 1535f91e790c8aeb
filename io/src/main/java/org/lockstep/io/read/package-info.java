/**
 * Readers of posts in every supported format, detected from the content: bad records reported with file, line and reason, counted and quarantined, never costing a good one.
 */
package org.lockstep.io.read;
