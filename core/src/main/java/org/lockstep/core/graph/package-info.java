/**
 * Connected components and Leiden communities (CWTS networkanalysis) over edge lists of dense int ids.
 */
package org.lockstep.core.graph;
