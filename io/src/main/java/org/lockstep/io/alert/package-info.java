/**
 * Delivering alerts to the people who act on them: a webhook client that POSTs JSON alerts, counts
 * failures by reason and stops trying after repeated connection failures, so that a dead receiver costs
 * seconds, not minutes, and is reported once in plain words rather than once per alert.
 */
package org.lockstep.io.alert;
