package org.lockstep.core.model;

/**
 * An attached image or video. {@code hash} is whatever content or perceptual hash the source gives
 * (hex), or null.
 */
public record Media(String url, String type, String hash) {}
