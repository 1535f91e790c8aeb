/**
 * Coordination: accounts acting in lockstep, tested against chance (a jitter null for timing, the bipartite configuration model for co-occurrence, Tarone and Benjamini–Hochberg), grouped (components, Leiden), every edge backed by the posts behind it. Entry point: {@link org.lockstep.core.coord.Coordination#detect}.
 */
package org.lockstep.core.coord;
