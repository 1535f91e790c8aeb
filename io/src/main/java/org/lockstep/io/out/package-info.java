/**
 * Writers of results (formula-guarded CSV, GEXF, GraphML, configs as JSON) and the reader of our own CSVs.
 */
package org.lockstep.io.out;
