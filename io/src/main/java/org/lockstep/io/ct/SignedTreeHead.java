package org.lockstep.io.ct;

/** A log's signed tree head (RFC 6962 §4.3); the signature is kept but not verified here. */
public record SignedTreeHead(long treeSize, long timestamp, String rootHash, String signature) {}
