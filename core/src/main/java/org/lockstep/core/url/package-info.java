/**
 * URL normalisation: the same link written in different ways becomes one object.
 */
package org.lockstep.core.url;
