/**
 * The columnar post table every analysis reads: posts with ids interned to dense ints, accounts and their latest snapshot, links, hashtags, mentions and media as int lists.
 */
package org.lockstep.core.model;
