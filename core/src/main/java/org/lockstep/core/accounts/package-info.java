/**
 * Explainable per-account signals of sock puppets and automation, as contributions that add up to a score; creation batches; optional logistic weights.
 */
package org.lockstep.core.accounts;
