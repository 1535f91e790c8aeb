/**
 * The case database (DuckDB): committed, idempotent, resumable ingest and the tables every command reads.
 */
package org.lockstep.io.store;
