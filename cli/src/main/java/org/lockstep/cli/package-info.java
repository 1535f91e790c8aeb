/**
 * The command line: picocli commands that parse options into configs and call core and io; no analysis logic of their own.
 */
package org.lockstep.cli;
