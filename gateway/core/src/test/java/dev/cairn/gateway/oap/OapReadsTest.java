package dev.cairn.gateway.oap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.http.HttpDates;
import dev.cairn.gateway.http.HttpResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OapReadsTest {
    final OapFixture f = new OapFixture();
    final byte[] data = new byte[1000];
    String addr;
    String path;
    String etag;

    @BeforeEach
    void store() {
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        OapFixture.Reply r = f.put(data, "Content-Type", "application/x-test");
        assertEquals(201, r.status());
        path = r.header("Location");
        addr = path.substring(3);
        etag = r.header("ETag");
    }

    @Test
    void getServesTheBlobWithItsHeaders() {
        OapFixture.Reply r = f.get(path);
        assertEquals(200, r.status());
        assertArrayEquals(data, r.body());
        assertEquals('"' + addr + '"', r.header("ETag"));
        assertEquals(etag, r.header("ETag"));
        assertEquals("bytes", r.header("Accept-Ranges"));
        assertEquals("1000", r.header("Content-Length"));
        assertEquals("public, max-age=31536000, immutable", r.header("Cache-Control"));
        assertEquals("application/x-test", r.header("Content-Type"));
        assertNotNull(HttpDates.parse(r.header("Last-Modified")));
        assertNull(r.header("Content-Range"));
    }

    @Test
    void headSendsExactlyGetsHeadersWithoutABody() {
        for (String[] h : List.of(new String[0], new String[] {"Range", "bytes=10-19"}, new String[] {"If-None-Match", etag},
                new String[] {"Range", "bytes=5000-"}, new String[] {"If-Match", "\"x\""})) {
            HttpResult get = f.call("GET", path, new byte[0], h).result();
            HttpResult head = f.call("HEAD", path, new byte[0], h).result();
            assertEquals(get.status(), head.status(), Arrays.toString(h));
            assertEquals(get.headers(), head.headers(), Arrays.toString(h));
            assertNull(head.body());
        }
    }

    @Test
    void unknownBlobIs404AndMalformedAddressIs400() {
        OapFixture.Reply missing = f.get("/o/b3:" + "0".repeat(64));
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.header("Content-Type"));
        for (String bad : List.of("b3:" + "0".repeat(63), "b3:" + "A".repeat(64), "sha256:" + "0".repeat(64),
                "b3%3a" + "0".repeat(64), addr + "x", addr + "/", "x" + addr, addr.toUpperCase(java.util.Locale.ROOT))) {
            assertEquals(400, f.get("/o/" + bad).status(), bad);
            assertEquals(400, f.call("HEAD", "/o/" + bad, new byte[0]).status(), bad);
        }
    }

    @Test
    void singleRanges() {
        assertRange("bytes=0-9", 0, 9);
        assertRange("bytes=990-", 990, 999);
        assertRange("bytes=-10", 990, 999);
        assertRange("bytes=-5000", 0, 999);
        assertRange("bytes=995-5000", 995, 999);
        assertRange("bytes=999-999", 999, 999);
    }

    private void assertRange(String header, int first, int last) {
        OapFixture.Reply r = f.get(path, "Range", header);
        assertEquals(206, r.status(), header);
        assertEquals("bytes " + first + "-" + last + "/1000", r.header("Content-Range"));
        assertEquals(Integer.toString(last - first + 1), r.header("Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(data, first, last + 1), r.body());
        assertEquals(etag, r.header("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=5000-5001"})
    void unsatisfiableRangesAre416(String header) {
        OapFixture.Reply r = f.get(path, "Range", header);
        assertEquals(416, r.status(), header);
        assertEquals("bytes */1000", r.header("Content-Range"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=5-2", "bytes=x-", "bytes=-", "bytes= 1-2", "items=0-1", "bytes=99999999999999999999-",
        "bytes=0-1,5-6", "bytes=0-1,x", "bytes"})
    void invalidOrMultipleRangesServeTheWholeBlob(String header) {
        OapFixture.Reply r = f.get(path, "Range", header);
        assertEquals(200, r.status(), header);
        assertArrayEquals(data, r.body());
        assertNull(r.header("Content-Range"));
    }

    @Test
    void conditionalReads() {
        OapFixture.Reply notModified = f.get(path, "If-None-Match", etag);
        assertEquals(304, notModified.status());
        assertEquals(etag, notModified.header("ETag"));
        assertEquals(0, notModified.body().length);
        assertNull(notModified.result().body());
        assertEquals(304, f.get(path, "If-None-Match", "W/" + etag).status());
        assertEquals(304, f.get(path, "If-None-Match", "\"a\", " + etag).status());
        assertEquals(304, f.get(path, "If-None-Match", "*").status());
        assertEquals(200, f.get(path, "If-None-Match", "\"other\"").status());
        assertEquals(200, f.get(path, "If-Match", etag).status());
        assertEquals(412, f.get(path, "If-Match", "\"other\"").status());
        assertEquals(412, f.get(path, "If-Match", "W/" + etag).status());
        assertEquals(304, f.get(path, "If-Modified-Since", f.get(path).header("Last-Modified")).status());
    }

    @Test
    void ifRange() {
        assertEquals(206, f.get(path, "Range", "bytes=0-0", "If-Range", etag).status());
        assertEquals(200, f.get(path, "Range", "bytes=0-0", "If-Range", "\"other\"").status());
        assertEquals(200, f.get(path, "Range", "bytes=0-0", "If-Range", f.get(path).header("Last-Modified")).status());
        assertEquals(200, f.get(path, "Range", "bytes=5000-", "If-Range", "\"other\"").status());
    }

    @Test
    void privateReadsNeedAToken() {
        OapFixture p = new OapFixture(new OapSettings(1 << 20, 10, 1 << 20, false, false, OapFixture.TOKEN, "read-token"));
        String loc = p.put(data).header("Location");
        OapFixture.Reply none = p.get(loc);
        assertEquals(401, none.status());
        assertEquals("Bearer", none.header("WWW-Authenticate"));
        assertEquals(401, p.call("HEAD", loc, new byte[0]).status());
        assertEquals(403, p.get(loc, "Authorization", "Bearer wrong").status());
        assertEquals(200, p.get(loc, "Authorization", "Bearer read-token").status());
        assertEquals(200, p.get(loc, "Authorization", OapFixture.AUTH).status());
        // the read token does not grant writes
        assertEquals(403, p.call("PUT", "/put", new byte[1], "Authorization", "Bearer read-token").status());
    }

    @Test
    void wrongMethodsAre405WithAllow() {
        Map<String, String> cases = Map.of("/put", "PUT, POST, OPTIONS", "/o", "POST, OPTIONS", path, "GET, HEAD, PUT, OPTIONS");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            for (String method : List.of("DELETE", "PATCH")) {
                OapFixture.Reply r = f.call(method, c.getKey(), new byte[0]);
                assertEquals(405, r.status(), method + " " + c.getKey());
                assertEquals(c.getValue(), r.header("Allow"));
                assertTrue(r.text().contains("method-not-allowed"));
            }
            OapFixture.Reply options = f.call("OPTIONS", c.getKey(), new byte[0]);
            assertEquals(204, options.status());
            assertEquals(c.getValue(), options.header("Allow"));
        }
        assertEquals(405, f.get("/put").status());
        assertEquals(405, f.get("/o").status());
        assertEquals(405, f.call("POST", path, new byte[0]).status());
    }

    @Test
    void unknownPathsAre404() {
        assertEquals(404, f.get("/other").status());
    }
}
