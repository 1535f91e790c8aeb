/**
 * Text normalisation and near-duplicate detection (MinHash with LSH banding, confirmed by exact Jaccard similarity).
 */
package org.lockstep.core.text;
