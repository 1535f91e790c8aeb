package org.lockstep.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A test client for one user: java.net.http, the session cookie and CSRF token kept by hand. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String base;
    String cookie, csrf, bearer;

    Http(int port) {
        base = "http://127.0.0.1:" + port;
    }

    record Res(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Res login(String user, String password) throws Exception {
        Res r = send("POST", "/api/login", "{\"user\":" + Json.str(user) + ",\"password\":" + Json.str(password) + "}", false);
        if (r.status() == 200) {
            String sc = r.raw().headers().firstValue("Set-Cookie").orElseThrow();
            cookie = sc.substring(0, sc.indexOf(';'));
            csrf = r.json().get("csrf").asText();
        }
        return r;
    }

    Res get(String path) throws Exception {
        return send("GET", path, null, true);
    }

    Res post(String path, String json) throws Exception {
        return send("POST", path, json, true);
    }

    Res send(String method, String path, String json, boolean withCsrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (cookie != null) b.header("Cookie", cookie);
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (withCsrf && csrf != null && !method.equals("GET")) b.header("X-CSRF-Token", csrf);
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body(), r);
    }
}
