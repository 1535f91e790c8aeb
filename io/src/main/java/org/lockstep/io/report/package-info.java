/**
 * Self-contained offline HTML reports: everything escaped, no script, no network, a Content-Security-Policy that forbids both.
 */
package org.lockstep.io.report;
