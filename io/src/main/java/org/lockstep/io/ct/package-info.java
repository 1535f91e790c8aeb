/**
 * Certificate Transparency (RFC 6962) log client: reads the signed tree head and entries of a log,
 * parses X.509 and precertificate entries for every subject name, and follows a log from a saved
 * position so that a restart neither misses nor repeats entries.
 */
package org.lockstep.io.ct;
