package org.lockstep.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lockstep.core.stream.Alert;
import org.lockstep.flink.Events.AlertLine;

/**
 * An alert as one JSON object: {@code id}, {@code type}, {@code event_time} (ISO-8601 UTC with Z),
 * {@code entity} (campaigns, domains) or {@code accounts} (coordination), and {@code evidence}. Evidence
 * keys ending in {@code _at}, {@code first_co_action} and {@code last_co_action} are times, written as
 * ISO-8601 too.
 */
final class AlertJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }

    static AlertLine line(Alert a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", a.id());
        o.put("type", a.type());
        o.put("event_time", iso(a.eventTimeMs()));
        if (a.type().equals(Alert.COORDINATION)) {
            a.accounts().forEach(o.putArray("accounts")::add);
        } else {
            o.put("entity", a.entity());
        }
        o.set("evidence", MAPPER.valueToTree(times(a.evidence())));
        return new AlertLine(a.id(), a.type(), a.eventTimeMs(), o.toString());
    }

    @SuppressWarnings("unchecked")
    private static Object times(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (var e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                Object x = e.getValue();
                boolean time = k.endsWith("_at") || k.equals("at") || k.equals("first_co_action") || k.equals("last_co_action");
                if (time && x instanceof Long ms) out.put(k, iso(ms));
                else if (x instanceof Double d && (d.isNaN() || d.isInfinite())) out.put(k, null);
                else out.put(k, times(x));
            }
            return out;
        }
        if (v instanceof List<?> l) return l.stream().map(AlertJson::times).toList();
        return v;
    }
}
