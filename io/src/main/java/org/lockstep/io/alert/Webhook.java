package org.lockstep.io.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lockstep.io.read.Errors;

/**
 * POSTs JSON alerts to one http(s) URL (a chat-ops hook, a SIEM, a queue's HTTP front), one request per
 * alert, {@code Content-Type: application/json}.
 *
 * <p>Alerting must never stop the analysis that produced the alerts: every failure is counted by its
 * reason in plain words ({@link #failures()}), never thrown and never printed per alert. After
 * {@link #GIVE_UP} connection-level failures in a row the receiver is taken as down and the remaining
 * alerts are not tried (they are counted as such), so a run with thousands of alerts and a dead receiver
 * does not wait thousands of time-outs. An HTTP error status is a failure but not a connection failure:
 * the receiver is up. Not thread-safe: one sender per run.
 */
public final class Webhook {
    /** Connection failures in a row after which the remaining alerts are not tried. */
    public static final int GIVE_UP = 3;

    private final URI url;
    private final HttpClient http;
    private final Duration timeout;
    private int delivered;
    private int failedInARow;
    private final Map<String, Integer> failures = new LinkedHashMap<>();

    private Webhook(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * A sender to {@code url}, with a 10-second time-out per alert.
     *
     * @throws IllegalArgumentException with {@link #check(String)}'s message when the URL is not usable
     */
    public static Webhook to(String url) {
        return to(url, Duration.ofSeconds(10));
    }

    /** A sender to {@code url} with the given time-out per alert. */
    public static Webhook to(String url, Duration timeout) {
        String bad = check(url);
        if (bad != null) throw new IllegalArgumentException(bad);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
        return new Webhook(URI.create(url), timeout);
    }

    /**
     * What is wrong with a webhook URL, or null when it is usable: it must be an absolute http or https URL
     * with a host. Meant to be called before any work, so a typo fails in a second, not after the run. The message
     * quotes the URL as given: a caller printing it to a terminal neutralises control characters (cli's
     * {@code Terminal.safe}), as for every other text it prints.
     * The message quotes the URL with control characters removed (it may come from a script).
     */
    public static String check(String url) {
        if (url == null) return "no webhook URL";
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return "--webhook must be an http:// or https:// URL, got '" + url + "'";
            if (u.getHost() == null) return "--webhook has no host: '" + url + "'";
            return null;
        } catch (java.net.URISyntaxException e) {
            return "--webhook is not a URL: " + e.getMessage();
        }
    }

    /** POSTs one alert (a JSON document); the outcome is counted, never thrown. */
    public void post(String json) throws InterruptedException {
        if (failedInARow >= GIVE_UP) {
            fail("not tried after " + GIVE_UP + " connection failures in a row");
            return;
        }
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding());
            failedInARow = 0;
            if (r.statusCode() >= 300) fail("the receiver answered HTTP " + r.statusCode());
            else delivered++;
        } catch (java.net.ConnectException e) {
            failedInARow++;
            fail("connection refused or unreachable (is the receiver running at that address?)");
        } catch (java.net.http.HttpTimeoutException e) {
            failedInARow++;
            fail("no answer within the timeout");
        } catch (IOException e) {
            failedInARow++;
            fail(e.getCause() instanceof java.nio.channels.UnresolvedAddressException ? "unknown host" : Errors.describe(e));
        } catch (IllegalArgumentException e) {
            failedInARow = GIVE_UP;
            fail("invalid URL: " + Errors.describe(e));
        }
    }

    private void fail(String reason) {
        failures.merge(reason, 1, Integer::sum);
    }

    /** The URL alerts go to. */
    public URI url() {
        return url;
    }

    /** Alerts the receiver accepted (a 2xx answer). */
    public int delivered() {
        return delivered;
    }

    /** Alerts not delivered, by reason, in the order the reasons first occurred. */
    public Map<String, Integer> failures() {
        return Collections.unmodifiableMap(failures);
    }

    /** Total alerts not delivered. */
    public int undelivered() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }
}
