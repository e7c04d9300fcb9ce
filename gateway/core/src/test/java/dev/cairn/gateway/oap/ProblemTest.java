package dev.cairn.gateway.oap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cairn.blob.BlobError;
import dev.cairn.gateway.http.HttpResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void rendersProblemJson() throws Exception {
        HttpResult r = Problem.of(400, "bad-request", "Bad Request", "say \"hi\"\n\\ \u0001 \u2028").toResult(true);
        assertEquals(400, r.status());
        assertEquals("application/problem+json", r.header("content-type"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.body().writeTo(out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"https://cairn.dev/problems/bad-request\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"say \\\"hi\\\"\\n\\\\ \\u0001 \\u2028\"}", json);
        assertEquals(Long.toString(out.size()), r.header("Content-Length"));
    }

    @Test
    void headHasHeadersButNoBody() {
        HttpResult r = Problems.methodNotAllowed("DELETE", "GET, HEAD").toResult(false);
        assertNull(r.body());
        assertEquals("GET, HEAD", r.header("Allow"));
        assertNotNull(r.header("Content-Length"));
    }

    @Test
    void everyStoreErrorMapsToAStatus() {
        for (BlobError e : BlobError.values()) {
            Problem p = Problems.forStoreError(e);
            int expected = switch (e) {
                case NO_SUCH_KEY -> 404;
                case PRECONDITION_FAILED -> 412;
                case NOT_MODIFIED -> 304;
                case INVALID_RANGE -> 416;
                case BAD_DIGEST -> 422;
                case INVALID_ARGUMENT -> 400;
                case UNSUPPORTED -> 501;
                case INSUFFICIENT_STORAGE -> 507;
                case THROTTLED, UNAVAILABLE -> 503;
                default -> 500;
            };
            assertEquals(expected, p.status(), e.name());
            if (expected == 503) {
                assertNotNull(p.toResult(true).header("Retry-After"), e.name());
            }
        }
    }

    @Test
    void jsonEscapesLoneSurrogatesButKeepsPairs() {
        assertEquals("\"\\ud800x\"", Json.string("\ud800x"));
        assertEquals("\"\ud83d\ude00\"", Json.string("\ud83d\ude00"));
    }
}
