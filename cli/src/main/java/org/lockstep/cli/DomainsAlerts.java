package org.lockstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockstep.io.alert.Webhook;

/**
 * Look-alike alerts through the same sinks as campaign alerts: one JSON line per new look-alike (a candidate
 * host and the protected domain it imitates) appended to a file, and the same line POSTed to a webhook
 * ({@link Webhook}: failures counted by reason, never thrown). The file is the state: a look-alike already in
 * it is not alerted again, whether it comes back in a renewed certificate, a re-read log or a restarted run.
 * Lines of the file that are not alerts (a torn last line after a crash) are skipped. Not thread-safe: the
 * caller serialises (several CT logs are read at once under one lock).
 */
final class DomainsAlerts implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Writer out;
    private final Webhook hook;
    private final Set<String> alerted = new HashSet<>();
    private int sent, repeated;

    DomainsAlerts(Path file, String webhook) throws IOException {
        if (Files.exists(file)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    try {
                        JsonNode a = MAPPER.readTree(line);
                        if (a != null && a.hasNonNull("candidate") && a.hasNonNull("protected_domain")) {
                            alerted.add(key(a.get("candidate").asText(), a.get("protected_domain").asText()));
                        }
                    } catch (IOException torn) {
                        // not an alert line: skipped
                    }
                }
            }
        }
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        hook = webhook == null ? null : Webhook.to(webhook);
    }

    private static String key(String candidate, String protectedDomain) {
        return candidate + '\n' + protectedDomain;
    }

    /** Alerts a match unless it was alerted before; the line is on disk before the webhook is tried. */
    void emit(String candidate, String protectedDomain, String entity, double score, List<String> techniques,
            String matchedName, String source, String detail) throws IOException {
        if (!alerted.add(key(candidate, protectedDomain))) {
            repeated++;
            return;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("alert", "lookalike");
        a.put("alerted_at", Instant.now().toString());
        a.put("candidate", candidate);
        a.put("protected_domain", protectedDomain);
        a.put("entity", entity);
        a.put("score", score);
        a.put("techniques", techniques);
        a.put("matched_name", matchedName);
        a.put("source", source);
        a.put("detail", detail);
        String line = MAPPER.writeValueAsString(a);
        out.write(line);
        out.write('\n');
        out.flush();
        sent++;
        if (hook != null) {
            try {
                hook.post(line);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One line for the terminal: alerts written, repeats left out, webhook deliveries and failures by reason. */
    String summary() {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "%d new look-alike alerts (%d already alerted)",
                sent, repeated));
        if (hook != null) {
            s.append(String.format(java.util.Locale.ROOT, "; webhook: %d delivered", hook.delivered()));
            if (hook.undelivered() > 0) s.append(", ").append(hook.undelivered()).append(" not delivered ").append(hook.failures());
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
