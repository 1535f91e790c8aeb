package org.lockstep.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The API's hand-written OpenAPI 3 description ({@code openapi.json} in the resources), served as it is. */
final class OpenApi {
    private static volatile String json;

    private OpenApi() {}

    static String json() {
        if (json == null) {
            try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.json")) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }
}
