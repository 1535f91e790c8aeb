package org.lockstep.io.out;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.Signal;

/**
 * A configuration record as the "parameters used" of summary.json: the record serialised by Jackson
 * (every component, snake_case, enums in lower case, signals by their labels, "any" for an any-time
 * window), never a hand-kept list that drifts from the code.
 */
public final class ConfigJson {
    private ConfigJson() {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new SimpleModule()
                    .addKeySerializer(Signal.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Signal s, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeFieldName(s.label());
                        }
                    })
                    .addSerializer(java.util.concurrent.Executor.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(java.util.concurrent.Executor e, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeString("caller's executor");   // a runtime resource, not a parameter: say only that one was given
                        }
                    })
                    .addSerializer(Enum.class, new JsonSerializer<>() {
                        @Override
                        @SuppressWarnings("rawtypes")
                        public void serialize(Enum e, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeString(e instanceof Signal s ? s.label() : e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                        }
                    }));

    /** Any configuration record as a JSON object tree (for nesting in a summary). */
    public static ObjectNode tree(Record config) {
        ObjectNode n = MAPPER.valueToTree(config);
        if (config instanceof CoordinationConfig) {
            ObjectNode w = (ObjectNode) n.get("windows_ms");
            if (w != null) {
                for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : w.properties()) {
                    if (e.getValue().asLong() == CoordinationConfig.ANY_TIME) w.put(e.getKey(), "any");
                }
            }
        }
        return n;
    }
}
