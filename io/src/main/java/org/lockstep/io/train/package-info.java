/**
 * Training account models from analysts' labels: gradient-boosted trees (XGBoost, a native library, hence
 * here and not in core) with held-out figures on the same stratified split as core's logistic trainer,
 * and per-account explanations (TreeSHAP contributions), so a trained score is never a bare verdict.
 */
package org.lockstep.io.train;
