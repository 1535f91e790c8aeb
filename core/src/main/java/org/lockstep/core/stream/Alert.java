package org.lockstep.core.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One alert: a new or grown coordinated group, a campaign flagged, a look-alike domain seen.
 *
 * @param id stable id: a hash of the type, the entity (or the group's members when it fired) and the
 *        event-time bucket it fired in; a replay of the same input yields the same ids, which is what lets
 *        a sink drop the repeats a restart from a checkpoint re-emits (idempotent delivery)
 * @param type {@code coordination}, {@code campaign} or {@code domain}
 * @param eventTimeMs the data time at which it fired (the evaluation's event time)
 * @param entity the campaign's entity or the look-alike host (null for coordination)
 * @param accounts the group's accounts (coordination), else empty
 * @param evidence plain values (strings, numbers, lists, maps) describing why
 */
public record Alert(String id, String type, long eventTimeMs, String entity, List<String> accounts,
                    Map<String, Object> evidence) {

    public static final String COORDINATION = "coordination", CAMPAIGN = "campaign", DOMAIN = "domain";

    /** The stable id of an alert of {@code type} about {@code subject}, fired in event-time {@code bucket}. */
    public static String id(String type, String subject, long bucket) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((type + '\u0000' + subject + '\u0000' + bucket).getBytes(StandardCharsets.UTF_8));
            return type.charAt(0) + "-" + HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
