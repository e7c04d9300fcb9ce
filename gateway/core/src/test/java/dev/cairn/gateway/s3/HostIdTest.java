package dev.cairn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code x-amz-id-2} on every S3 response: successes, errors, HEAD errors, and requests refused before routing. */
class HostIdTest {
    private static final Pattern REQUEST_ID = Pattern.compile("<RequestId>([^<]+)</RequestId>");

    private final S3TestClient s3 = new S3TestClient();

    /** The request id inside a host id (after the 12-byte process part). */
    private static String requestIdIn(String hostId) {
        byte[] raw = Base64.getDecoder().decode(hostId);
        assertTrue(raw.length > 12, hostId);
        return new String(Arrays.copyOfRange(raw, 12, raw.length), StandardCharsets.US_ASCII);
    }

    private static byte[] processPart(String hostId) {
        return Arrays.copyOf(Base64.getDecoder().decode(hostId), 12);
    }

    private static void assertHostIdMatchesErrorBody(S3TestClient.Response r) {
        String hostId = r.header("x-amz-id-2");
        Matcher m = REQUEST_ID.matcher(r.text());
        assertTrue(m.find(), r.text());
        assertEquals(m.group(1), requestIdIn(hostId), "the host id names the request of the error");
    }

    @Test
    void successesAndErrorsCarryIt() {
        S3TestClient.Response created = s3.request("PUT", "/bkt").send();
        assertEquals(200, created.status());
        S3TestClient.Response put = s3.request("PUT", "/bkt/k").body("x").send();
        S3TestClient.Response get = s3.request("GET", "/bkt/k").send();
        assertTrue(requestIdIn(put.header("x-amz-id-2")).matches("[0-9A-F]{16}"), put.header("x-amz-id-2"));
        assertNotEquals(put.header("x-amz-id-2"), get.header("x-amz-id-2"), "one per request");
        assertTrue(Arrays.equals(processPart(put.header("x-amz-id-2")), processPart(get.header("x-amz-id-2"))), "one process");

        S3TestClient.Response missing = s3.request("GET", "/bkt/nope").send();
        assertEquals(404, missing.status());
        assertHostIdMatchesErrorBody(missing);
        S3TestClient.Response notImplemented = s3.request("GET", "/bkt").query("acl", null).send();
        assertEquals(501, notImplemented.status(), notImplemented.text());
        assertHostIdMatchesErrorBody(notImplemented);

        S3TestClient.Response headMissing = s3.request("HEAD", "/bkt/nope").send();
        assertEquals(404, headMissing.status());
        assertEquals(0, headMissing.body().length, "HEAD errors have no body");
        assertTrue(headMissing.header("x-amz-id-2") != null, "HEAD errors still carry the host id");
    }

    @Test
    void refusedBeforeAuthenticationCarriesItWithTheCallersRequestId() {
        HttpCall anonymous = new HttpCall("GET", "/bkt/k", null, Headers.of(Map.of("Host", List.of("127.0.0.1:9000"))),
                () -> new ByteArrayInputStream(new byte[0]), 0, "00000000DEADBEEF");
        HttpResult r = s3.api().handle(anonymous);
        assertEquals(403, r.status());
        assertEquals("00000000DEADBEEF", requestIdIn(r.header("x-amz-id-2")));
        assertEquals(HostId.of("00000000DEADBEEF"), r.header("x-amz-id-2"));
    }
}
