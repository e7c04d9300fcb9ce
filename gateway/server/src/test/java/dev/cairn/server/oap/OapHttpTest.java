package dev.cairn.server.oap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.digest.Blake3;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OAP API over real HTTP: statuses and headers of writes, reads, auth and methods. */
@org.junit.jupiter.api.Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS)
class OapHttpTest {
    @TempDir
    static Path dir;
    static OapServer s;
    static final byte[] DATA = new byte[1000];
    static String path;
    static String etag;

    @BeforeAll
    static void start() {
        new Random(7).nextBytes(DATA);
        s = OapServer.start(dir, Map.of());
        HttpResponse<byte[]> r = s.write("PUT", "/put", DATA, "Content-Type", "application/x-test");
        path = "/o/b3:" + Blake3.hex(DATA);
        etag = "\"b3:" + Blake3.hex(DATA) + "\"";
        assertTrue(r.statusCode() == 201 || r.statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String addr(byte[] b) {
        return "b3:" + Blake3.hex(b);
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** The Location header names the blob's path (relative, or resolved against the server). */
    static void assertLocation(String expectedPath, HttpResponse<byte[]> r) {
        String location = r.headers().firstValue("Location").orElseThrow();
        assertEquals(expectedPath, URI.create(location).getRawPath(), location);
        assertTrue(location.equals(expectedPath) || location.equals(s.base.resolve(expectedPath).toString()), location);
    }

    static void assertProblem(int status, HttpResponse<byte[]> r) {
        assertEquals(status, r.statusCode(), () -> text(r));
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        String json = text(r);
        assertTrue(json.matches("\\{\"type\":\"https://cairn\\.dev/problems/[a-z-]+\",\"title\":\"[^\"]+\",\"status\":" + status
                + ",\"detail\":\".*\"(,\"requestId\":\"[^\"]+\")?}"), json);
        assertFalse(json.contains("Exception") || json.contains("\tat "), json);
    }

    @Test
    void putAnswers201ThenDeduplicatesWith200() {
        byte[] data = "fresh bytes for put".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> first = s.write("PUT", "/put", data);
        assertEquals(201, first.statusCode());
        assertLocation("/o/" + addr(data), first);
        assertEquals('"' + addr(data) + '"', first.headers().firstValue("ETag").orElseThrow());
        assertEquals("{\"cid\":\"" + addr(data) + "\",\"size\":" + data.length + "}", text(first));
        assertTrue(first.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        HttpResponse<byte[]> again = s.write("PUT", "/put", data);
        assertEquals(200, again.statusCode());
        assertEquals(text(first), text(again));
        assertEquals(first.headers().firstValue("ETag"), again.headers().firstValue("ETag"));
        assertLocation("/o/" + addr(data), again);
    }

    @Test
    void postPutAndPostOStore() {
        byte[] a = "post put".getBytes(StandardCharsets.UTF_8);
        byte[] b = "post o".getBytes(StandardCharsets.UTF_8);
        assertEquals(201, s.write("POST", "/put", a).statusCode());
        HttpResponse<byte[]> o = s.write("POST", "/o", b);
        assertEquals(201, o.statusCode());
        assertLocation("/o/" + addr(b), o);
        assertArrayEquals(b, s.get("/o/" + addr(b)).body());
    }

    @Test
    void putAtClaimedAddress() {
        byte[] data = "claimed over http".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = s.write("PUT", "/o/" + addr(data), data, "Content-Type", "text/plain; charset=utf-8");
        assertEquals(201, r.statusCode());
        assertLocation("/o/" + addr(data), r);
        assertEquals(200, s.write("PUT", "/o/" + addr(data), data).statusCode());
        HttpResponse<byte[]> g = s.get("/o/" + addr(data));
        assertArrayEquals(data, g.body());
        assertEquals("text/plain; charset=utf-8", g.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void getServesTheBlobWithItsHeaders() {
        HttpResponse<byte[]> r = s.get(path);
        assertEquals(200, r.statusCode());
        assertArrayEquals(DATA, r.body());
        HttpHeaders h = r.headers();
        assertEquals(etag, h.firstValue("ETag").orElseThrow());
        assertEquals("bytes", h.firstValue("Accept-Ranges").orElseThrow());
        assertEquals("1000", h.firstValue("Content-Length").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", h.firstValue("Cache-Control").orElseThrow());
        assertEquals("application/x-test", h.firstValue("Content-Type").orElseThrow());
        ZonedDateTime.parse(h.firstValue("Last-Modified").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    @Test
    void headSendsGetsHeadersWithoutABody() throws Exception {
        for (String range : List.of("", "bytes=10-19")) {
            String extra = range.isEmpty() ? "" : "Range: " + range + "\r\n";
            OapServer.RawResponse get = s.raw("GET " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n" + extra, new byte[0]);
            OapServer.RawResponse head = s.raw("HEAD " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n" + extra, new byte[0]);
            assertEquals(get.status(), head.status());
            for (String name : List.of("etag", "accept-ranges", "content-length", "cache-control", "content-type", "last-modified",
                    "content-range")) {
                assertEquals(get.header(name), head.header(name), name);
            }
            assertEquals(range.isEmpty() ? "1000" : "10", head.header("content-length"));
            assertEquals(0, head.body().length);
        }
    }

    @Test
    void singleRanges() {
        assertRange("bytes=0-9", 0, 9);
        assertRange("bytes=990-", 990, 999);
        assertRange("bytes=-10", 990, 999);
        assertRange("bytes=-5000", 0, 999);
        assertRange("bytes=995-5000", 995, 999);
    }

    private static void assertRange(String header, int first, int last) {
        HttpResponse<byte[]> r = s.get(path, "Range", header);
        assertEquals(206, r.statusCode(), header);
        assertEquals("bytes " + first + "-" + last + "/1000", r.headers().firstValue("Content-Range").orElseThrow());
        assertEquals(Integer.toString(last - first + 1), r.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(DATA, first, last + 1), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-1001", "bytes=-0"})
    void unsatisfiableRangesAre416(String header) {
        HttpResponse<byte[]> r = s.get(path, "Range", header);
        assertProblem(416, r);
        assertEquals("bytes */1000", r.headers().firstValue("Content-Range").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=5-2", "bytes=x-", "bytes=-", "bytes= 1-2", "items=0-1", "bytes=99999999999999999999-",
        "bytes=0-99999999999999999999", "bytes=0-1,5-6", "bytes=-1,0-0", "bytes"})
    void invalidOrMultipleRangesServeTheWholeBlob(String header) {
        HttpResponse<byte[]> r = s.get(path, "Range", header);
        assertEquals(200, r.statusCode(), header);
        assertArrayEquals(DATA, r.body());
        assertTrue(r.headers().firstValue("Content-Range").isEmpty());
    }

    @Test
    void conditionalRequests() {
        HttpResponse<byte[]> nm = s.get(path, "If-None-Match", etag);
        assertEquals(304, nm.statusCode());
        assertEquals(etag, nm.headers().firstValue("ETag").orElseThrow());
        assertEquals(0, nm.body().length);
        assertEquals(304, s.get(path, "If-None-Match", "W/" + etag).statusCode());
        assertEquals(304, s.get(path, "If-None-Match", "\"nope\", " + etag).statusCode());
        assertEquals(304, s.get(path, "If-None-Match", "*").statusCode());
        assertEquals(304, s.head(path, "If-None-Match", etag).statusCode());
        assertEquals(200, s.get(path, "If-None-Match", "\"nope\"").statusCode());
        assertEquals(200, s.get(path, "If-Match", etag).statusCode());
        assertProblem(412, s.get(path, "If-Match", "\"nope\""));
        assertEquals(412, s.head(path, "If-Match", "\"nope\"").statusCode());
        assertEquals(206, s.get(path, "Range", "bytes=0-0", "If-Range", etag).statusCode());
        HttpResponse<byte[]> otherTag = s.get(path, "Range", "bytes=0-0", "If-Range", "\"nope\"");
        assertEquals(200, otherTag.statusCode());
        assertArrayEquals(DATA, otherTag.body());
        String lastModified = s.get(path).headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(200, s.get(path, "Range", "bytes=0-0", "If-Range", lastModified).statusCode());
    }

    @Test
    void unknownBlobIs404() {
        assertProblem(404, s.get("/o/b3:" + "0".repeat(64)));
        assertEquals(404, s.head("/o/b3:" + "0".repeat(64)).statusCode());
    }

    @Test
    void writesNeedTheToken() {
        byte[] data = "unauthorised".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> none = s.send(s.request("/put").PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build());
        assertProblem(401, none);
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElseThrow());
        HttpResponse<byte[]> basic = s.send(s.request("/put").header("Authorization", "Basic dTpw")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build());
        assertProblem(401, basic);
        assertEquals("Bearer", basic.headers().firstValue("WWW-Authenticate").orElseThrow());
        HttpResponse<byte[]> empty = s.send(s.request("/put").header("Authorization", "Bearer ")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build());
        assertEquals(401, empty.statusCode());
        HttpResponse<byte[]> wrong = s.send(s.request("/o/" + addr(data)).header("Authorization", "Bearer wrong-token")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build());
        assertProblem(403, wrong);
        assertEquals(404, s.get("/o/" + addr(data)).statusCode());
    }

    @Test
    void wrongMethodsAre405WithAllow() {
        for (String p : List.of("/put", "/o", path)) {
            for (String method : List.of("DELETE", "PATCH")) {
                HttpResponse<byte[]> r = s.send(s.request(p).method(method, HttpRequest.BodyPublishers.noBody()).build());
                assertProblem(405, r);
                assertFalse(r.headers().firstValue("Allow").orElseThrow().isEmpty());
            }
        }
        assertEquals("GET, HEAD, PUT, OPTIONS", s.send(s.request(path).DELETE().build()).headers().firstValue("Allow").orElseThrow());
        assertEquals("PUT, POST, OPTIONS", s.get("/put").headers().firstValue("Allow").orElseThrow());
        assertEquals(405, s.get("/o").statusCode());
        assertEquals(405, s.write("POST", path, new byte[1]).statusCode());
    }

    @Test
    void unsupportedEncodingIs415AndCorruptIs400() {
        HttpResponse<byte[]> br = s.write("PUT", "/put", new byte[] {1, 2, 3}, "Content-Encoding", "br");
        assertProblem(415, br);
        assertProblem(415, s.write("PUT", "/put", new byte[] {1, 2, 3}, "Content-Encoding", "gzip, br"));
        assertProblem(400, s.write("PUT", "/put", "not gzip".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip"));
        assertProblem(400, s.write("PUT", "/put", "not zstd".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "zstd"));
        assertEquals(201, s.write("PUT", "/put", "identity body".getBytes(StandardCharsets.UTF_8),
                "Content-Encoding", "identity").statusCode());
    }
}
