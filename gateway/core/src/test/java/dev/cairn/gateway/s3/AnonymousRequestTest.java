package dev.cairn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests without credentials, or with an empty Authorization header, are AccessDenied. */
class AnonymousRequestTest {
    private final S3TestClient s3 = new S3TestClient();

    private static String body(HttpResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.body() != null) {
            try (var b = r.body()) {
                b.writeTo(out);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "", " "})
    void missingOrEmptyAuthorizationIsAccessDenied(String authorization) throws IOException {
        s3.request("PUT", "/private").send();
        Headers headers = authorization.equals("none")
                ? Headers.of("Host", "127.0.0.1:9000")
                : Headers.of("Host", "127.0.0.1:9000", "Authorization", authorization);
        HttpResult r = s3.api().handle(new HttpCall("GET", "/private/key", null, headers,
                () -> new ByteArrayInputStream(new byte[0]), 0, "anon"));
        String xml = body(r);
        assertEquals(403, r.status(), xml);
        assertTrue(xml.contains("<Code>AccessDenied</Code>") && xml.contains("<RequestId>anon</RequestId>"), xml);
    }
}
