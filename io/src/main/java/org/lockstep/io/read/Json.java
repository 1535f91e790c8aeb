package org.lockstep.io.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.InvalidPostException;

/** Lenient accessors over Jackson trees: attacker JSON has wrong types, so a wrong type is "absent". */
final class Json {
    private Json() {}

    /** A string field; numbers are turned into their text; anything else is null. */
    static String str(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) {
            String s = v.textValue();
            return s.isEmpty() ? null : s;
        }
        if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
        return null;
    }

    /** A string field that must be text (URLs, names): a number there is as good as absent. */
    static String text(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.textValue().isEmpty() ? v.textValue() : null;
    }

    /** A required id: text or integer, else the record is rejected. */
    static String id(JsonNode n, String... fields) {
        for (String f : fields) {
            String s = str(n, f);
            if (s != null) return s;
        }
        throw new InvalidPostException("missing " + String.join(" or ", fields));
    }

    static long num(JsonNode n, String field) {
        if (n == null) return AccountSnapshot.UNKNOWN;
        JsonNode v = n.get(field);
        if (v == null) return AccountSnapshot.UNKNOWN;
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.longValue();
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.textValue().strip());
            } catch (NumberFormatException e) {
                return AccountSnapshot.UNKNOWN;
            }
        }
        return AccountSnapshot.UNKNOWN;
    }

    static Boolean bool(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) {
            String s = v.textValue();
            if (s.equalsIgnoreCase("true")) return true;
            if (s.equalsIgnoreCase("false")) return false;
        }
        return null;
    }

    static JsonNode obj(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        return v != null && v.isObject() ? v : null;
    }

    static JsonNode arr(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        return v != null && v.isArray() ? v : null;
    }

    /** The given string field of every object in an array field. */
    static List<String> strings(JsonNode n, String arrayField, String field) {
        JsonNode a = arr(n, arrayField);
        if (a == null || a.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(a.size());
        for (JsonNode e : a) {
            String s = e.isTextual() ? e.textValue() : str(e, field);
            if (s != null) out.add(s);
        }
        return out;
    }

    /** A time field parsed by {@link Timestamps}; absent or wrong → the record is rejected with the reason. */
    static long time(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n == null ? null : n.get(f);
            if (v == null || v.isNull()) continue;
            if (v.isNumber()) return Timestamps.parse(v.asText());
            if (v.isTextual()) return Timestamps.parse(v.textValue());
            throw new InvalidPostException("wrong type for " + f);
        }
        throw new InvalidPostException("missing " + String.join(" or ", fields));
    }

    /** Like {@link #time} but unknown instead of an error. */
    static long timeOrUnknown(JsonNode n, String field) {
        try {
            JsonNode v = n == null ? null : n.get(field);
            if (v == null || v.isNull() || !(v.isTextual() || v.isNumber())) return AccountSnapshot.UNKNOWN;
            return Timestamps.parse(v.asText());
        } catch (IllegalArgumentException e) {
            return AccountSnapshot.UNKNOWN;
        }
    }
}
